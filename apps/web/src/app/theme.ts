import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** System fonts only: the CSP allows no font CDN, and they render every script we translate into (CJK included). */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7: white on indigo.6 (filled buttons) and indigo.6 links on white fall short of WCAG AA contrast (axe: color-contrast).
  primaryShade: { light: 7, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif',
  defaultRadius: 'md',
});

/** Dimmed text one shade darker than Mantine's gray.6, which is below 4.5:1 on white (and on striped table rows). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' }, dark: {} });
