import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Relative asset paths: the built app works from any folder (a course site, a project page), not only /.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  test: {
    // Playwright specs live in e2e/ and must never be collected by vitest.
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['./src/test-setup.ts'],
  },
});
