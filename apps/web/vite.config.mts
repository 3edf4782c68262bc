import react from '@vitejs/plugin-react-swc';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mantineComponentStyles } from './build/mantine-component-styles.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The web app builds into dist/web, which the gateway serves at / (same origin as /api, so the session cookie just works). */
export default defineConfig({
  root: here('.'),
  plugins: [react(), mantineComponentStyles()],
  build: { outDir: here('../../dist/web'), emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
