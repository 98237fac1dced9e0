import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The page (src/ui/App.tsx) is imported by main.tsx in a task of its own, so that evaluating it and the
 * libraries is not one long task at start-up; this preloads it with the entry all the same, so the split
 * costs no extra round trip before the first paint.
 */
function preloadApp(): Plugin {
  return {
    name: 'preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const app = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isDynamicEntry && /[\\/]src[\\/]ui[\\/]App\.tsx$/.test(c.facadeModuleId ?? ''),
        );
        if (!app) throw new Error('preload-app: no chunk for src/ui/App.tsx (main.tsx imports it lazily)');
        // Its styles too, before the entry's (styles.css), in the order one bundle had them when App was a static
        // import ahead of styles.css in main.tsx: not fetched only once the page is imported, nor after styles.css.
        const css = app.type === 'chunk' ? [...(app.viteMetadata?.importedCss ?? [])] : [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `./${app.fileName}` },
            injectTo: 'head',
          },
          ...css.map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: '', href: `./${file}` },
            injectTo: 'head-prepend' as const,
          })),
        ];
      },
    },
  };
}

export default defineConfig({
  // Relative asset paths: the built app works from any folder (a course site, a project page), not only /.
  base: './',
  plugins: [
    react(),
    preloadApp(),
    // Offline: a Workbox service worker precaches the whole built app (every chunk, so every lesson and
    // link opens with the network off), and a web app manifest makes it installable. 'prompt': a new
    // version waits for the teacher's "reload" instead of changing under a class mid-lesson.
    VitePWA({
      registerType: 'prompt',
      // Registered by src/ui/update/register-service-worker.ts, imported lazily after the page loads.
      injectRegister: false,
      manifest: {
        name: 'Raft Classroom · Raft 교실',
        short_name: 'Raft Classroom',
        description: 'A live Raft cluster: leader election, log replication, failures and repair.',
        lang: 'ko',
        theme_color: '#0f172a',
        background_color: '#f8fafc',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2,webmanifest}'],
        // The Korean web font is ~120 slices (3.7 MB): not precached for every visitor; the slices a Korean
        // page used are kept as they load (below), so a class that opened it once has them offline.
        globIgnores: ['**/noto-sans-kr-*'],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => /noto-sans-kr-.*\.woff2?$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'korean-font', expiration: { maxEntries: 200 } },
          },
        ],
        // A link with a query (?embed=1) is still the same page.
        navigateFallback: 'index.html',
        // The first visit's page is controlled at once, so its lazily loaded chunks are cached as it goes.
        clientsClaim: true,
      },
    }),
  ],
  build: {
    // Browsers without <link rel="modulepreload"> (older than Safari 17, Firefox 115) still load every chunk;
    // they only fetch a lazy panel's imports a little later. The polyfill would sit in the first load for them.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // The libraries and the store every chunk shares, in one file fetched with the entry instead of three
        // small ones (each file is gzipped alone, and each costs its own import glue).
        codeSplitting: {
          groups: [
            { name: 'core', test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]|src[\\/]store[\\/]/ },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  test: {
    // Playwright specs live in e2e/ and must never be collected by vitest.
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./src/test-polyfills.ts', './src/test-setup.ts'],
    // The CI machine is shared: a test that passes in 4 s here may take 12 s there. No test
    // asserts on speed (that lives in `npm run bench`), so a generous timeout costs nothing.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
