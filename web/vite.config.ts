/**
 * The web UI: a React single-page application built into web/dist, which `stapel serve` serves
 * next to the API. `npm run dev:web` runs Vite's dev server with the API proxied to port 3000.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    // Not 'assets': that is one of the application's own routes (/assets/<id>).
    assetsDir: 'static',
    emptyOutDir: true,
    // ECharts and Cytoscape are large; they load with the pages that need them.
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
