import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * widget.js, the embeddable launcher, as one classic script (IIFE: other sites load it with a plain <script>)
 * beside the web app in dist/web, at a stable name. Runs after the app's build, so it must not empty dist/web.
 */
export default defineConfig({
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: false,
    copyPublicDir: false,
    lib: { entry: here('src/widget/widget.ts'), formats: ['iife'], name: 'SmartdeskWidget', fileName: () => 'widget.js' },
  },
});
