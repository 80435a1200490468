import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The web app: sources in web/, built into dist/web (served by the API server at /). */
export default defineConfig({
  root: here('./web'),
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    // `npm run dev`: the API runs on PORT (default 5000) next to this dev server.
    proxy: { '/api': `http://localhost:${process.env.PORT ?? 5000}` },
    fs: { allow: [here('.')] },
  },
});
