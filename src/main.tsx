import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerPort } from './store/engine-port';
import { startEngine, useSimStore } from './store/sim-store';
import { App } from './ui/App';
import { applyThemeVariables } from './ui/chrome/theme-vars';
import { isEmbed, openFromHash } from './ui/startup';
import './ui/styles.css';

applyThemeVariables(document.documentElement);
startEngine(createWorkerPort);
document.documentElement.lang = useSimStore.getState().lang;
// A share link in the fragment opens paused at its instant; otherwise the default cluster plays,
// except in a hidden tab (opened in the background), where the teacher presses play.
openFromHash(window.location.hash, { autoplay: document.visibilityState !== 'hidden' });
window.addEventListener('hashchange', () => openFromHash(window.location.hash, { autoplay: false }));
const embed = isEmbed(window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App embed={embed} />
  </StrictMode>,
);
