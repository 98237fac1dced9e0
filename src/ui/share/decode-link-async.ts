// A share link decoded in a worker of its own (link-decode.worker.ts), so a large link does not hold the
// page's thread while it is inflated and validated. Where there is no Worker (tests) or the worker cannot
// start, the link is decoded here instead: a link always gets its answer, never a silent nothing.

import type { DecodeResult } from '../../scenario/url';

/** Spawns the decoding worker; null where the page has no workers. */
export type LinkWorkerFactory = () => Worker | null;

const browserWorker: LinkWorkerFactory = () =>
  typeof Worker === 'undefined'
    ? null
    : new Worker(new URL('./link-decode.worker.ts', import.meta.url), { type: 'module' });

/** Decodes `text` (as `decodeLink` reads it) in a fresh worker that ends once it answered. */
export function decodeLinkAsync(text: string, spawn: LinkWorkerFactory = browserWorker): Promise<DecodeResult> {
  let worker: Worker | null = null;
  try {
    worker = spawn();
  } catch {
    worker = null;
  }
  if (worker === null) return decodeHere(text);
  const running = worker;
  return new Promise<DecodeResult>((resolve) => {
    const finish = (result: DecodeResult | Promise<DecodeResult>): void => {
      running.terminate();
      resolve(result);
    };
    running.addEventListener('message', (event: MessageEvent<DecodeResult>) => finish(event.data));
    // A worker that fails to load or crashes: decode on this thread rather than leave the link unopened.
    running.addEventListener('error', (event: Event) => {
      event.preventDefault();
      finish(decodeHere(text));
    });
    running.addEventListener('messageerror', () => finish(decodeHere(text)));
    running.postMessage(text);
  });
}

/** The fallback: the decoder (and the schema it validates with) loaded on this thread only when needed. */
async function decodeHere(text: string): Promise<DecodeResult> {
  const { decodeLink } = await import('../../scenario/url');
  return decodeLink(text);
}
