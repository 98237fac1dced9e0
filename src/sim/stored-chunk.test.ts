// A log's stored rows hold steps in 16 bits above the chunk's first and objects in their own list:
// every step and every object must read back as written, through widening, rewriting and cuts.

import { describe, expect, it } from 'vitest';
import { StoredChunk } from './stored-chunk';
import { TraceLog } from './trace-log';
import type { TraceEvent } from './types';

const holdsObject = (): boolean => true;

describe('StoredChunk', () => {
  it('reads back steps far apart, widening once a step does not fit 16 bits', () => {
    const c = new StoredChunk(8);
    const steps = [70_000, 70_001, 70_000 + 65_535, 70_000 + 65_536, 4_000_000_000, 5];
    steps.forEach((step, j) => c.setStepAndTime(j, step, j / 4));
    expect(steps.map((_, j) => c.stepAt(j))).toEqual(steps);
    expect(steps.map((_, j) => c.timeAt(j))).toEqual(steps.map((_, j) => j / 4));
  });

  it('reads back each row’s time, kept per step or, where a step cannot hold it, per row', () => {
    const rows: [step: number, time: number][] = [
      [10, 1.5],
      [10, 1.5],
      [11, 0],
      [11, -0],
      [13, NaN],
      [14, 7],
      [14, 7],
      [14, 8], // a step's rows differ in time
      [15, 9],
      [9_000, 10], // beyond the table of step times (8 steps for 16 rows)
      [20, 11], // out of step order
    ];
    for (const end of [5, 7, 8, 9, 10, rows.length]) {
      const c = new StoredChunk(16);
      rows.slice(0, end).forEach(([step, time], j) => c.setStepAndTime(j, step, time));
      for (let j = 0; j < end; j++) {
        expect(c.stepAt(j)).toBe(rows[j]![0]);
        expect(Object.is(c.timeAt(j), rows[j]![1])).toBe(true);
      }
    }
  });

  it('lets go of the objects of cut rows, and rows written again take their places', () => {
    const c = new StoredChunk(8);
    const objects = [{ a: 1 }, undefined, { b: 2 }, { c: 3 }];
    objects.forEach((o, j) => c.setObject(j, o));
    expect(objects.map((_, j) => c.objectAt(j))).toEqual(objects);
    c.cutObjects(2, holdsObject);
    const again = { d: 4 };
    c.setObject(2, again);
    expect(c.objectAt(2)).toBe(again);
    // The place the cut row's object had, not one past the objects the cut let go.
    expect(c.refs[2]).toBe(2);
    expect([0, 1].map((j) => c.objectAt(j))).toEqual([{ a: 1 }, undefined]);
  });
});

describe('TraceLog steps', () => {
  it('keeps steps that jump by more than 16 bits inside a chunk, through cuts and copies', () => {
    const records: TraceEvent[] = Array.from({ length: 5000 }, (_, i) => ({
      kind: 'crashed',
      node: 'A',
      time: i,
      step: i < 100 ? i : i < 4500 ? 100_000 + i : 2 ** 32 - 5000 + i,
    }));
    const log = new TraceLog();
    for (const r of records) log.push(r);
    expect(log.toArray()).toEqual(records);
    log.truncate(50);
    for (const r of records.slice(50)) log.push(r);
    expect(log.toArray()).toEqual(records);
    const copy = new TraceLog();
    copy.appendFrom(log, 0, log.length);
    expect(copy.toArray()).toEqual(records);
  });
});
