/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The Api's address: Aspire's WithReference(api) injects services__api__http__0 (and API_HTTP); running alone,
// the Api's own launch profile listens on http://localhost:5080.
const apiTarget = process.env.services__api__http__0 ?? process.env.API_HTTP ?? 'http://localhost:5080';

// The browser only ever talks to this origin; /api and /hubs are forwarded, so the Api needs no CORS for the app.
const proxy = {
  '/api': { target: apiTarget, changeOrigin: true },
  '/hubs': { target: apiTarget, changeOrigin: true, ws: true },
};

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: 5173, strictPort: true, host: 'localhost', proxy },
  preview: { port: 4173, strictPort: true, host: 'localhost', proxy },
  // The editor chunk (CodeMirror) is large but loaded only with a code question.
  build: { target: 'es2022', sourcemap: false, reportCompressedSize: true, chunkSizeWarningLimit: 700 },
  test: {
    environment: 'happy-dom',
    environmentOptions: { happyDOM: { url: 'http://localhost:5173/' } },
    setupFiles: ['./vitest.setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
