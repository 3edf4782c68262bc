import { createTheme } from '@mantine/core';

/** System fonts only: the CSP allows no font CDN, and they render every script we translate into (CJK included). */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8: white on the primary colour and primary links on white reach WCAG AA contrast (shade 6 does not).
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif',
  defaultRadius: 'md',
});
