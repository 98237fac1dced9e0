import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWorkerPort } from './store/engine-port';
import { startEngine, useSimStore } from './store/sim-store';
import { App } from './ui/App';
import './ui/styles.css';

startEngine(createWorkerPort);
const store = useSimStore.getState();
document.documentElement.lang = store.lang;
store.load(store.scenario);
store.play();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
