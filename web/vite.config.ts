// Builds the staff web UI into web/dist, which the Fastify server serves as static files.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The antd core the login screen and shell need is ~510 kB minified (~170 kB gzip).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks, so an app deploy does not make phones re-download libraries.
        // `$initial` keeps the vendor chunk to what the login screen and shell need; library code
        // used only by lazy pages (antd Table, Result, ...) is split off with those pages.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 3 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 2 },
            { name: 'antd', test: /node_modules[\\/]/, tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev` serves the API on :3000; LASTMILE_API_URL points the UI at another one.
    proxy: { '/api': process.env.LASTMILE_API_URL ?? 'http://127.0.0.1:3000' },
  },
});
