import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerPort } from './store/worker-port';
import { startEngine, useSimStore } from './store/sim-store';
import { isEmbed, isEmptyHash, openDefault } from './ui/boot';
import { applyThemeVariables } from './ui/chrome/theme-vars';
import './ui/styles.css';

applyThemeVariables(document.documentElement);
startEngine(createWorkerPort, { watchdog: true });
document.documentElement.lang = useSimStore.getState().lang;

/** A share link is decoded in a worker (schema, lessons): the default cluster does not wait for it. */
function openLink(hash: string, autoplay: boolean): void {
  void import('./ui/startup-async').then(({ openFromHashAsync }) => openFromHashAsync(hash, { autoplay }));
}

// A share link in the fragment opens paused at its instant; otherwise the default cluster plays,
// except in a hidden tab (opened in the background), where the teacher presses play.
const autoplay = document.visibilityState !== 'hidden';
if (isEmptyHash(window.location.hash)) openDefault({ autoplay });
else openLink(window.location.hash, autoplay);
window.addEventListener('hashchange', () => openLink(window.location.hash, false));
const embed = isEmbed(window.location.search);

// Offline support (a service worker that precaches the app) once the ring is drawn: not part of the first load.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const register = (): void => {
    setTimeout(() => void import('./ui/update/register-service-worker').then((m) => m.registerServiceWorker()), 1000);
  };
  if (useSimStore.getState().snapshot) register();
  else {
    const stop = useSimStore.subscribe((s) => {
      if (!s.snapshot) return;
      stop();
      register();
    });
  }
}

// The page itself in a task of its own: evaluated with the libraries above, it made one long task at start-up.
void import('./ui/App').then(({ App }) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App embed={embed} />
    </StrictMode>,
  ),
);
