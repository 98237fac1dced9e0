// Reads an imported file in a Web Worker, so the page stays responsive while a large file is checked.
//
// One worker serves the page: the authoring panel starts it when it opens (`prepareImportReader`), and
// the worker warms its validator up then, while the teacher is still choosing a file. A fresh worker
// per import would load, compile and warm the validator each time, which costs more than reading
// 10,000 actions warm (`npm run bench`, "import"). Where no worker can start (tests under jsdom, a
// browser that refuses it) or the worker fails, the same function runs here, after one turn of the
// event loop so a "reading…" status can show first.

import { readImport, type ImportResult } from './draft';
import type { ImportReply, ImportRequest } from './import-protocol';

/** What the reader needs of a Worker (a fake in tests). */
export interface ImportWorker {
  postMessage(message: ImportRequest): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: () => void): void;
}

export interface ImportReader {
  /** Starts the worker and warms it up, if it is not running yet. */
  prepare(): void;
  read(text: string, fallbackName?: string): Promise<ImportResult>;
}

interface Pending {
  readonly text: string;
  readonly fallbackName: string;
  readonly resolve: (result: ImportResult) => void;
}

const readHere = (text: string, fallbackName: string): Promise<ImportResult> =>
  new Promise((resolve) => setTimeout(() => resolve(readImport(text, fallbackName)), 0));

/** `start` makes a worker, or returns null (or throws) where none can run. */
export function createImportReader(start: () => ImportWorker | null): ImportReader {
  let current: { readonly worker: ImportWorker; readonly pending: Map<number, Pending> } | null = null;
  let nextId = 1;

  const begin = (): typeof current => {
    if (current) return current;
    let worker: ImportWorker | null;
    try {
      worker = start();
    } catch {
      worker = null;
    }
    if (!worker) return null;
    const running = { worker, pending: new Map<number, Pending>() };
    worker.addEventListener('message', (event) => {
      const request = running.pending.get(event.data.id);
      if (!request) return;
      running.pending.delete(event.data.id);
      request.resolve(event.data.result);
    });
    // It failed to load, crashed or sent something unreadable: its requests are read here instead,
    // and the next import starts a new worker.
    const fail = (): void => {
      running.worker.terminate();
      if (current === running) current = null;
      for (const request of running.pending.values())
        void readHere(request.text, request.fallbackName).then(request.resolve);
      running.pending.clear();
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    worker.postMessage({ kind: 'warm' });
    current = running;
    return running;
  };

  return {
    prepare: () => void begin(),
    read(text, fallbackName = '') {
      const running = begin();
      if (!running) return readHere(text, fallbackName);
      const id = nextId++;
      return new Promise((resolve) => {
        running.pending.set(id, { text, fallbackName, resolve });
        running.worker.postMessage({ kind: 'read', id, text, fallbackName });
      });
    },
  };
}

const pageReader = createImportReader(() =>
  typeof Worker === 'undefined'
    ? null
    : (new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }) as ImportWorker),
);

/** Starts the page's import worker ahead of the first import (idempotent). */
export function prepareImportReader(): void {
  pageReader.prepare();
}

export function readImportAsync(text: string, fallbackName = ''): Promise<ImportResult> {
  return pageReader.read(text, fallbackName);
}
