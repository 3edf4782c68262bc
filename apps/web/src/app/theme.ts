import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** System fonts only: the CSP allows no font CDN, and they render every script we translate into (CJK included). */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8: white on the primary colour and primary links on white reach WCAG AA contrast (shade 6 does not).
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif',
  defaultRadius: 'md',
  components: {
    // Mantine keeps every closed dropdown (Select, Autocomplete) mounted and positioned by default: the inbox's eleven
    // filters alone then render all their options and force a layout each on the first paint (Lighthouse: TBT, forced reflow).
    // A plain object, not Combobox.extend: importing Combobox here would put it in the entry chunk of every screen.
    Combobox: { defaultProps: { keepMounted: false } },
  },
});

/** Dimmed text one shade darker than Mantine's gray.6, which is below 4.5:1 on white (and on striped table rows). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' }, dark: {} });
