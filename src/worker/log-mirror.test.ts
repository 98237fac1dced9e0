// A frame's log is the UI's last log cut to `shared` entries plus `tail`: after any sequence of
// appends, truncations, compactions and log replacements, that must be the node's log exactly.

import { describe, expect, it } from 'vitest';
import { RaftLog } from '../raft/log';
import type { LogEntry } from '../raft/types';
import { LogMirror } from './log-mirror';

const e = (term: number, n: number): LogEntry => ({ term, command: `set x ${n}` });

/** The UI's side: what restoreSharedLogs does with a frame's log. */
function receive(ui: readonly LogEntry[], mirror: LogMirror, log: RaftLog): LogEntry[] {
  const { shared, tail } = mirror.delta('A', log);
  expect(shared).toBeLessThanOrEqual(ui.length);
  return [...ui.slice(0, shared), ...tail];
}

describe('LogMirror', () => {
  it('sends a growing log once: each frame carries only the new entries', () => {
    const mirror = new LogMirror();
    const log = new RaftLog();
    let ui: LogEntry[] = [];
    for (let n = 1; n <= 50; n++) {
      log.append([e(1, n)]);
      const { shared, tail } = mirror.delta('A', log);
      expect([shared, tail]).toEqual([n - 1, [log.held()[n - 1]]]);
      ui = [...ui.slice(0, shared), ...tail];
    }
    expect(ui).toEqual(log.held());
    expect(mirror.delta('A', log)).toEqual({ shared: 50, tail: [] });
  });

  it('never takes a rewritten log for a grown one (same array, longer, a middle entry replaced)', () => {
    const mirror = new LogMirror();
    const log = new RaftLog([e(1, 1), e(1, 2), e(1, 3)]);
    let ui = receive([], mirror, log);
    log.truncateFrom(2);
    log.append([e(2, 20), e(2, 30), e(2, 40)]);
    // Another node's log must not disturb A's mirror.
    expect(mirror.delta('B', new RaftLog([e(3, 9)]))).toEqual({ shared: 0, tail: [e(3, 9)] });
    const { shared, tail } = mirror.delta('A', log);
    expect(shared).toBe(1);
    ui = [...ui.slice(0, shared), ...tail];
    expect(ui).toEqual(log.held());
    expect(ui[1]).toBe(log.held()[1]);
  });

  it('follows compaction, a reset to a snapshot and a replaced log object', () => {
    const mirror = new LogMirror();
    let log = new RaftLog(Array.from({ length: 10 }, (_, k) => e(1, k + 1)));
    let ui = receive([], mirror, log);
    log.compactThrough(4);
    ui = receive(ui, mirror, log);
    expect(ui).toEqual(log.held());
    log.append([e(1, 11)]);
    ui = receive(ui, mirror, log);
    expect(ui).toEqual(log.held());
    log.resetToSnapshot(20, 2);
    ui = receive(ui, mirror, log);
    expect(ui).toEqual([]);
    log.append([e(2, 21)]);
    ui = receive(ui, mirror, log);
    expect(ui).toEqual(log.held());
    // A restore gives the node a new log holding the same entry objects: they are not sent again.
    log = new RaftLog(log.held(), log.snapshotIndex, log.snapshotTerm);
    expect(mirror.delta('A', log)).toEqual({ shared: 1, tail: [] });
  });

  it('after forget, sends every log whole', () => {
    const mirror = new LogMirror();
    const log = new RaftLog([e(1, 1), e(1, 2)]);
    mirror.delta('A', log);
    mirror.forget();
    expect(mirror.delta('A', log)).toEqual({ shared: 0, tail: log.held() });
  });
});
