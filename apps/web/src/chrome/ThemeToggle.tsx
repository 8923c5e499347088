import { useTheme } from './useTheme.js';

export function ThemeToggle() {
  const { theme, toggle } = useTheme();
  return (
    <button
      type="button"
      className="pn-button"
      aria-pressed={theme === 'dark'}
      onClick={toggle}
      title="Switch between light and dark themes"
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> Dark theme
    </button>
  );
}
