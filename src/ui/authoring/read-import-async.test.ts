import { describe, expect, it } from 'vitest';
import { actionSchema } from '../../scenario/schema';
import { readImport } from './draft';
import type { ImportReply, ImportRequest } from './import-protocol';
import { warmUpFile } from './import-warm-up';
import { createImportReader, type ImportWorker } from './read-import-async';
import { draftFileText, draftText, readDraftText } from './draft-text';
import { fileTextOf } from './stored-file-text';

const scenario = (name: string): string =>
  JSON.stringify({ format: 'raft-classroom-lesson', version: 1, name, scenario: { version: 1, nodes: 3 } });

/** A worker that answers like import.worker.ts would, when the test says so. */
class FakeWorker implements ImportWorker {
  readonly received: ImportRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: MessageEvent<ImportReply>) => void)[]>();
  postMessage(message: ImportRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: MessageEvent<ImportReply>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data?: ImportReply): void {
    for (const l of this.listeners.get(type) ?? []) l({ data } as MessageEvent<ImportReply>);
  }
  /** Answers every read received so far, in reverse order (replies need not come in order). */
  answerAll(): void {
    for (const r of [...this.received].reverse())
      if (r.kind === 'read')
        this.emit('message', { kind: 'read', id: r.id, result: readImport(r.text, r.fallbackName) });
      else if (r.kind === 'restore') this.emit('message', { kind: 'restore', id: r.id, read: readDraftText(r.text) });
  }
  /** Sends a stored text for every request so far, as the worker does after a draft. */
  sendFileTexts(text: (id: number) => string): void {
    for (const r of this.received)
      if (r.kind !== 'warm') this.emit('message', { kind: 'fileText', id: r.id, text: text(r.id) });
  }
}

describe('the import reader', () => {
  it('starts one worker, warms it up first, and serves every import with it', async () => {
    const workers: FakeWorker[] = [];
    const reader = createImportReader(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    });
    reader.prepare();
    reader.prepare();
    const a = reader.read(scenario('A'));
    const b = reader.read(scenario('B'), 'b-file');
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received.map((r) => r.kind)).toEqual(['warm', 'read', 'read']);
    workers[0]!.answerAll();
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.ok && ra.draft.name).toBe('A');
    expect(rb.ok && rb.draft.name).toBe('B');
    expect(workers[0]!.terminated).toBe(false);
  });

  it('reads here when the worker fails, and starts a new worker for the next import', async () => {
    const workers: FakeWorker[] = [];
    const reader = createImportReader(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    });
    const pending = reader.read(scenario('Kept'));
    workers[0]!.emit('error');
    const result = await pending;
    expect(result.ok && result.draft.name).toBe('Kept');
    expect(workers[0]!.terminated).toBe(true);

    const next = reader.read('{ not json');
    expect(workers).toHaveLength(2);
    workers[1]!.answerAll();
    const failed = await next;
    expect(failed.ok).toBe(false);
  });

  it('reads here where no worker can start', async () => {
    const reader = createImportReader(() => {
      throw new Error('no module workers here');
    });
    reader.prepare();
    const result = await reader.read(scenario('Here'));
    expect(result.ok && result.draft.name).toBe('Here');
    const none = createImportReader(() => null);
    expect((await none.read('[]')).ok).toBe(false);
  });
});

describe('the stored draft and its text', () => {
  it('reads the autosaved draft in the worker', async () => {
    const workers: FakeWorker[] = [];
    const reader = createImportReader(() => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    });
    const imported = readImport(scenario('Stored'));
    if (!imported.ok) throw new Error('the test file is not valid');
    const pending = reader.restore(draftText({ draft: imported.draft, entry: null, unsaved: true }));
    expect(workers[0]!.received.map((r) => r.kind)).toEqual(['warm', 'restore']);
    workers[0]!.answerAll();
    const read = await pending;
    expect(read.kind === 'draft' && read.stored).toEqual({ draft: imported.draft, entry: null, unsaved: true });
  });

  it("keeps the worker's stored text for the draft it sent, so the autosave does not write it again", async () => {
    const worker = new FakeWorker();
    const reader = createImportReader(() => worker);
    const pending = reader.read(scenario('Written there'));
    worker.answerAll();
    const result = await pending;
    if (!result.ok) throw new Error('the test file is not valid');
    // Before the text arrives the page writes it itself; after, the worker's text is used as it is.
    const own = draftFileText(result.draft);
    worker.sendFileTexts(() => '"the worker\'s text"');
    expect(fileTextOf(result.draft)).toBe('"the worker\'s text"');
    expect(fileTextOf({ ...result.draft })).toBe(own);
  });

  it('reads the stored draft here when the worker fails', async () => {
    const worker = new FakeWorker();
    let started = false;
    // The next request would start a new worker: here none can start, so it is read here too.
    const reader = createImportReader(() => (started ? null : ((started = true), worker)));
    const imported = readImport(scenario('Here'));
    if (!imported.ok) throw new Error('the test file is not valid');
    const pending = reader.restore(draftText({ draft: imported.draft, entry: null, unsaved: false }));
    worker.emit('error');
    const read = await pending;
    expect(read.kind === 'draft' && read.stored.unsaved).toBe(false);
    expect(await reader.restore('{ damaged')).toEqual({ kind: 'unreadable' });
  });
});

describe('the warm-up file', () => {
  it('is a valid lesson with every kind of action, so warming runs the path a good import takes', () => {
    const result = readImport(warmUpFile());
    expect(result.ok, result.ok ? '' : result.errors.join('\n')).toBe(true);
    if (!result.ok) return;
    const kinds = new Set(result.draft.scenario.actions.map((a) => a.do));
    expect(kinds.size).toBe(actionSchema.options.length);
  });
});
