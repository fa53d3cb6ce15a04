import { createTheme, type CSSVariablesResolver, DEFAULT_THEME, Loader, Modal, Notification } from '@mantine/core';

// Blue 9 on white passes WCAG AA contrast for text and controls (RGAA 3.2).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // People who ask their system for less motion get no transitions (notifications, modals, menus).
  respectReducedMotion: true,
  components: {
    // Mantine's close button is an icon only: it needs a name to be announced.
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Fermer la notification' } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Fermer' } } }),
    // A spinner is a status: its label ("Chargement…") is announced, and ARIA allows a name on it.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
  },
});

// "Light" variants (alerts, light buttons, the active navigation link) write shade 9 on shade 1,
// and on shade 2 when hovered: below 4.5:1 for several colours. Lighter backgrounds, and darker text
// for the colours whose shade 9 is still too light, keep every state above 4.5:1.
const DARK_TEXT: Record<string, string> = { orange: '#9a3412', yellow: '#6b4e00', teal: '#0b5e47', green: '#1a5e2b', lime: '#3f5a0b', cyan: '#0b5563' };
const lightVariants = Object.fromEntries(
  Object.keys(DEFAULT_THEME.colors).flatMap((color) => [
    [`--mantine-color-${color}-light`, `var(--mantine-color-${color}-0)`],
    [`--mantine-color-${color}-light-hover`, `var(--mantine-color-${color}-1)`],
    ...(DARK_TEXT[color] ? [[`--mantine-color-${color}-light-color`, DARK_TEXT[color]]] : []),
  ]),
);

// Mantine's default "dimmed" grey (gray.6) and error red (red.6) are below 4.5:1 on white; gray.7 and red.9 pass.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)', ...lightVariants },
  dark: {},
});
