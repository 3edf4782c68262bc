import react from '@vitejs/plugin-react-swc';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { mantineComponentStyles } from './build/mantine-component-styles.mjs';
import { precompressAssets } from './build/precompress.mjs';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * React Router's package exports name only its development build (dev warnings on; it expects its own Vite plugin
 * to pick the production one): the app's build takes the production build by its path.
 */
const reactRouterProduction = {
  find: /^react-router$/,
  replacement: join(dirname(createRequire(import.meta.url).resolve('react-router/package.json')), 'dist/production/index.mjs'),
};

/** The web app builds into dist/web, which the gateway serves at / (same origin as /api, so the session cookie just works). */
export default defineConfig(({ command }) => ({
  root: here('.'),
  plugins: [react(), mantineComponentStyles(), precompressAssets()],
  resolve: { alias: command === 'build' ? [reactRouterProduction] : [] },
  build: { outDir: here('../../dist/web'), emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
}));
