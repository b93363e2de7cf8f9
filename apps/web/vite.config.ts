import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

// In dev the API server runs separately; in production it serves dist/ itself on the same origin.
const backend = 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [
    react(),
    // .br and .gz next to every script, style and page, compressed once at build time: the server
    // sends them as they are (preCompressed) instead of compressing on every request.
    compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json)$/ }),
  ],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/ws': { target: backend, ws: true },
    },
  },
});
