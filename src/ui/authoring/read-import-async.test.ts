import { describe, expect, it } from 'vitest';
import { actionSchema } from '../../scenario/schema';
import { readImport } from './draft';
import type { ImportReply, ImportRequest } from './import-protocol';
import { warmUpFile } from './import-warm-up';
import { createImportReader, type ImportWorker } from './read-import-async';

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
      if (r.kind === 'read') this.emit('message', { id: r.id, result: readImport(r.text, r.fallbackName) });
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

describe('the warm-up file', () => {
  it('is a valid lesson with every kind of action, so warming runs the path a good import takes', () => {
    const result = readImport(warmUpFile());
    expect(result.ok, result.ok ? '' : result.errors.join('\n')).toBe(true);
    if (!result.ok) return;
    const kinds = new Set(result.draft.scenario.actions.map((a) => a.do));
    expect(kinds.size).toBe(actionSchema.options.length);
  });
});
