import type { Plugin } from 'vite';

/** Mantine's class-name map of one component, e.g. …/components/Button/Button.module.mjs: its stylesheet is styles/Button.css. */
const CLASS_MAP = /@mantine[\\/]core[\\/]esm[\\/].+[\\/](\w+)\.module\.mjs$/;

/**
 * Each Mantine component's stylesheet goes with the component's code instead of the whole @mantine/core/styles.css
 * (300 KB, mostly unused on any one screen, and render-blocking): a component's class map pulls in its CSS, so
 * Vite puts the CSS in the chunk that holds the component. The shell's components land in the entry's stylesheet,
 * each route's own (tables, charts, the markdown view) in its chunk's, loaded with it. No list to keep in step
 * with the code, and dependencies (Button → UnstyledButton) come first, as Mantine needs, because their modules
 * run first. Mantine ships the per-component files but no bundler plugin for this, hence these few lines.
 *
 * The dev server pre-bundles @mantine/core, where no per-module hook runs: there the page gets the whole stylesheet.
 */
export function mantineComponentStyles(): Plugin[] {
  return [
    {
      name: 'mantine-component-styles',
      apply: 'build',
      transform(code, id) {
        const component = CLASS_MAP.exec(id)?.[1];
        return component ? { code: `import '@mantine/core/styles/${component}.css';\n${code}`, map: null } : undefined;
      },
    },
    {
      name: 'mantine-all-styles-in-dev',
      apply: 'serve',
      // An inline module script, added before Vite processes the page, so it resolves the package like the app's imports.
      transformIndexHtml: {
        order: 'pre',
        handler: () => [{ tag: 'script', attrs: { type: 'module' }, children: "import '@mantine/core/styles.css';", injectTo: 'head' }],
      },
    },
  ];
}
