export type Theme = 'light' | 'dark';
const KEY = 'logi.theme';

/** The user's explicit choice, or null to follow the system (prefers-color-scheme). */
export function storedTheme(): Theme | null {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : null;
}

export function systemTheme(): Theme {
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme | null): void {
  if (theme) {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(KEY, theme);
  } else {
    delete document.documentElement.dataset.theme;
    localStorage.removeItem(KEY);
  }
}
