import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearSession } from '../auth/session.ts';
import { FakeWebSocket } from './FakeWebSocket.ts';

afterEach(() => {
  cleanup();
  clearSession();
  localStorage.clear();
  FakeWebSocket.reset();
});
