import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyTheme, storedTheme } from './layout/theme.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/notifications.css';

// Apply a saved theme before the first paint so there is no flash of the other one.
applyTheme(storedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
