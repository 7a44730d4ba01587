import { defineConfig } from 'vite';

// Paths from this file's own URL: the config runs from the repository root (`npm run build`).
const here = (path: string) => decodeURIComponent(new URL(path, import.meta.url).pathname);

/**
 * The public chat page: plain TypeScript and the DOM (no framework, no external font or
 * script), served by the hotline server at /chat/ and talking to it on the same origin, over
 * HTTP and socket.io.
 */
export default defineConfig({
  root: here('.'),
  // The pages' shared icon, copied as it is (a page without one asks for /favicon.ico and gets a 404).
  publicDir: here('../page-assets'),
  base: '/chat/',
  resolve: {
    alias: {
      '@hotline/chat-protocol': here('../../libs/chat-protocol/src/index.ts'),
      '@hotline/i18n': here('../../libs/i18n/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/chat'),
    emptyOutDir: true,
    target: 'es2020',
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
