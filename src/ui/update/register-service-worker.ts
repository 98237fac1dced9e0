// Registers the service worker that vite-plugin-pwa (Workbox) generates at build time: it precaches the
// whole built app (every chunk, every lesson), so after one visit the app opens with the network off.
// Loaded lazily by main.tsx once the page has loaded: none of this is part of the first load.

import { registerSW } from 'virtual:pwa-register';
import { useUpdateStore } from './update-store';

export function registerServiceWorker(): void {
  const updateSW = registerSW({
    // registerType 'prompt': a new version waits until the teacher presses "reload".
    onNeedRefresh: () => useUpdateStore.getState().offer(() => void updateSW(true)),
    onRegisterError: (error: unknown) => {
      // Offline use is a bonus: the app itself works without it (e.g. a private window that refuses workers).
      console.warn('Service worker not registered:', error);
    },
  });
}
