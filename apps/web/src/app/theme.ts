import { createTheme } from '@mantine/core';

/** System fonts only: the CSP allows no font CDN, and they render every script we translate into (CJK included). */
export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif',
  defaultRadius: 'md',
});
