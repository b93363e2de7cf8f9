import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In dev the API server runs separately; in production it serves dist/ itself on the same origin.
const backend = 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/ws': { target: backend, ws: true },
    },
  },
});
