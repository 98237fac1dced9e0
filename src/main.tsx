import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerPort } from './store/engine-port';
import { startEngine, useSimStore } from './store/sim-store';
import { App } from './ui/App';
import { applyThemeVariables } from './ui/chrome/theme-vars';
import './ui/styles.css';

applyThemeVariables(document.documentElement);
startEngine(createWorkerPort);
const store = useSimStore.getState();
document.documentElement.lang = store.lang;
store.load(store.scenario);
// A hidden tab (opened in the background) starts paused; the teacher presses play.
if (document.visibilityState !== 'hidden') store.play();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
