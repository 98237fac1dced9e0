// readImport in a one-off Web Worker, so the page stays responsive while a large file is checked.
// Where no worker can start (tests under jsdom, a browser that refuses it), the same function runs
// here, after one turn of the event loop so a "reading…" status can show first.

import { readImport, type ImportResult } from './draft';

export function readImportAsync(text: string, fallbackName = ''): Promise<ImportResult> {
  const here = (): Promise<ImportResult> =>
    new Promise((resolve) => setTimeout(() => resolve(readImport(text, fallbackName)), 0));
  if (typeof Worker === 'undefined') return here();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return here();
  }
  return new Promise((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<ImportResult>) => {
      worker.terminate();
      resolve(event.data);
    });
    // The worker failed to load or crashed: read it here rather than leave the import hanging.
    worker.addEventListener('error', () => {
      worker.terminate();
      void here().then(resolve);
    });
    worker.postMessage({ text, fallbackName });
  });
}
