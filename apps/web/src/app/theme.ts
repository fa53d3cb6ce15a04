import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Blue 9 on white passes WCAG AA contrast for text and controls (RGAA 3.2).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
});

// Mantine's default "dimmed" grey (gray.6) is below 4.5:1 on white; gray.7 passes.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
