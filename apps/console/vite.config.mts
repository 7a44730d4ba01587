import { defineConfig } from 'vite';

// Paths from this file's own URL: the config runs from the repository root (`npm run build`).
const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);

/** The operator console: served by the hotline server at /console/, talks to it on the same origin. */
export default defineConfig({
  root: here('.'),
  // The pages' shared icon, copied as it is (a page without one asks for /favicon.ico and gets a 404).
  publicDir: here('../page-assets'),
  base: '/console/',
  resolve: {
    alias: {
      '@hotline/chat-protocol': here('../../libs/chat-protocol/src/index.ts'),
      '@hotline/console-protocol': here('../../libs/console-protocol/src/index.ts'),
      '@hotline/i18n': here('../../libs/i18n/src/index.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    // `npm run console:dev`: the API and the socket live on the hotline server.
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
