// Reads an imported file, or the draft autosaved before a reload, in a Web Worker, so the page stays
// responsive while a large file is checked.
//
// One worker serves the page: the authoring panel starts it when it opens (`prepareImportReader`), and
// the worker warms its validator up then, while the teacher is still choosing a file. A fresh worker
// per import would load, compile and warm the validator each time, which costs more than reading
// 10,000 actions warm (`npm run bench`, "import"). Where no worker can start (tests under jsdom, a
// browser that refuses it) or the worker fails, the same function runs here, after one turn of the
// event loop so a "reading…" status can show first.
//
// After a draft the worker also sends its stored text (a second message, so the page draws first):
// it is remembered for the autosave (stored-file-text.ts).

import { readImport, type Draft, type ImportResult } from './draft';
import { readDraftText, type ReadDraft } from './draft-text';
import type { ImportReply, ImportRequest } from './import-protocol';
import { rememberFileText } from './stored-file-text';

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
  /** Reads the stored draft's text (draft-text.ts). */
  restore(text: string): Promise<ReadDraft>;
}

interface Pending {
  /** Takes the worker's answer; gives the draft whose stored text follows, if any. */
  readonly answer: (reply: ImportReply) => Draft | null;
  /** Answers on this thread instead (the worker failed). */
  readonly here: () => void;
}

/** After one turn of the event loop, so what the page set before it (a status) shows first. */
const later = <T>(work: () => T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(work()), 0));

/** `start` makes a worker, or returns null (or throws) where none can run. */
export function createImportReader(start: () => ImportWorker | null): ImportReader {
  let current: {
    readonly worker: ImportWorker;
    readonly pending: Map<number, Pending>;
    /** Drafts already answered, whose stored text is on its way. */
    readonly awaitingText: Map<number, Draft>;
  } | null = null;
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
    const running = { worker, pending: new Map<number, Pending>(), awaitingText: new Map<number, Draft>() };
    worker.addEventListener('message', (event) => {
      const reply = event.data;
      if (reply.kind === 'fileText') {
        const draft = running.awaitingText.get(reply.id);
        running.awaitingText.delete(reply.id);
        if (draft) rememberFileText(draft, reply.text);
        return;
      }
      const request = running.pending.get(reply.id);
      if (!request) return;
      running.pending.delete(reply.id);
      const draft = request.answer(reply);
      if (draft) running.awaitingText.set(reply.id, draft);
    });
    // It failed to load, crashed or sent something unreadable: its requests are read here instead,
    // and the next import starts a new worker.
    const fail = (): void => {
      running.worker.terminate();
      if (current === running) current = null;
      for (const request of running.pending.values()) request.here();
      running.pending.clear();
      running.awaitingText.clear();
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    worker.postMessage({ kind: 'warm' });
    current = running;
    return running;
  };

  /**
   * One request to the worker: `take` picks its answer out of a reply (null: not this kind) with the
   * draft whose stored text follows; `here` reads it on this thread when no worker runs or it failed.
   */
  const ask = <T>(
    request: (id: number) => ImportRequest,
    here: () => T,
    take: (reply: ImportReply) => { readonly value: T; readonly draft: Draft | null } | null,
  ): Promise<T> => {
    const onThisThread = (): Promise<T> => later(here);
    const running = begin();
    if (!running) return onThisThread();
    const id = nextId++;
    return new Promise((resolve) => {
      running.pending.set(id, {
        answer: (reply) => {
          const taken = take(reply);
          if (!taken) return null;
          resolve(taken.value);
          return taken.draft;
        },
        here: () => void onThisThread().then(resolve),
      });
      running.worker.postMessage(request(id));
    });
  };

  return {
    prepare: () => void begin(),
    read: (text, fallbackName = '') =>
      ask(
        (id) => ({ kind: 'read', id, text, fallbackName }),
        () => readImport(text, fallbackName),
        (reply) =>
          reply.kind === 'read' ? { value: reply.result, draft: reply.result.ok ? reply.result.draft : null } : null,
      ),
    restore: (text) =>
      ask(
        (id) => ({ kind: 'restore', id, text }),
        () => readDraftText(text),
        (reply) =>
          reply.kind === 'restore'
            ? { value: reply.read, draft: reply.read.kind === 'draft' ? reply.read.stored.draft : null }
            : null,
      ),
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

/** Reads the autosaved draft's text in the import worker. */
export function readStoredDraftAsync(text: string): Promise<ReadDraft> {
  return pageReader.restore(text);
}
