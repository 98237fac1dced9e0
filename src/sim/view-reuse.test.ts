// A frame gives again the last frame's objects for the parts the engine still holds unchanged
// (view-reuse.ts). Over a run full of faults and jumps, every frame so built must equal one built from
// scratch at the same instant, and no frame handed out may change afterwards.

import { beforeAll, describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { History, type LiveAction } from './history';
import type { ClusterFrame } from './types';

interface Taken {
  readonly frame: ClusterFrame;
  /** The same instant's frame built from scratch (`fresh`), reusing nothing. */
  readonly fresh: ClusterFrame;
  /** A deep copy made when the frame was given, to find a later change to the frame's objects. */
  readonly copy: ClusterFrame;
}

/**
 * Plays a run with loss and duplication, crashes and restarts, a partition, compaction and snapshots
 * sent to a lagging follower, a new voter and a removed one, a leadership transfer, a timer re-armed, a
 * clock rate, deleted keys, step back, seeks back (restores from checkpoints) and a branch; takes a frame
 * every 40 virtual ms and after every move, and beside it one built from scratch.
 */
function playFaultyRun(): Taken[] {
  const h = new History(scenarioSchema.parse({ version: 1, nodes: 6, members: ['A', 'B', 'C', 'D', 'E'], seed: 11 }));
  const taken: Taken[] = [];
  const take = (logs: boolean): void => {
    const frame = h.snapshot({ logs, requests: logs });
    const fresh = h.simulation.snapshot({ logs, requests: logs, fresh: true });
    taken.push({ frame, fresh, copy: structuredClone(frame) });
  };
  const play = (ms: number): void => {
    const end = h.now + ms;
    while (h.now < end) {
      h.runUntil(Math.min(end, h.now + 40));
      // Both kinds of frame, as the worker's packed path and the whole-frame path take them.
      take(taken.length % 3 !== 0);
    }
  };
  const act = (action: LiveAction): void => {
    h.perform(action);
    take(true);
  };
  const leader = (): string => h.snapshot().nodes.find((n) => n.role === 'leader')!.id;
  const follower = (): string => h.snapshot().nodes.find((n) => n.role === 'follower' && n.alive)!.id;

  play(1500);
  act({ do: 'setOptions', options: { snapshotThreshold: 5 } });
  for (let k = 0; k < 12; k++) {
    act({ do: 'submit', command: `set k${k % 4} ${k}` });
    play(120);
  }
  act({ do: 'submit', command: 'del k1' });
  act({ do: 'network', dropRate: 0.25, duplicateRate: 0.15 });
  const lagging = follower();
  act({ do: 'kill', node: lagging });
  for (let k = 0; k < 15; k++) {
    act({ do: 'submit', command: `set m${k % 5} ${k}` });
    play(100);
  }
  // It comes back behind the leader's snapshot: InstallSnapshot in chunks.
  act({ do: 'restart', node: lagging });
  play(1500);
  const cut = leader();
  act({
    do: 'partition',
    groups: [
      [cut],
      h
        .snapshot()
        .nodes.map((n) => n.id)
        .filter((id) => id !== cut),
    ],
  });
  act({ do: 'submit', command: 'set lost 1', node: cut });
  play(1500);
  act({ do: 'heal' });
  play(800);
  act({ do: 'network', dropRate: 0, duplicateRate: 0 });
  act({ do: 'change', add: ['F'] });
  play(1500);
  act({ do: 'change', remove: [follower()] });
  play(1500);
  act({ do: 'transfer', to: follower() });
  play(800);
  // Re-armed twice at one instant: the same armedAt, another deadline.
  act({ do: 'setTimeout', node: follower(), ms: 5_000 });
  act({ do: 'setTimeout', node: follower(), ms: 7_000 });
  act({ do: 'clock', node: follower(), rate: 2 });
  act({ do: 'snapshot', node: leader() });
  play(600);
  // Back: checkpoints restored and replayed; then a new branch, and back to the first.
  h.seekTime(h.now / 2);
  take(true);
  h.stepBack();
  take(false);
  act({ do: 'kill', node: leader() });
  act({ do: 'submit', command: 'set branch 1' });
  play(1200);
  h.switchBranch(0);
  take(true);
  play(400);
  h.seekTime(300);
  take(false);
  play(200);
  return taken;
}

describe('frames that give again what did not change', () => {
  let taken: Taken[] = [];
  beforeAll(() => {
    taken = playFaultyRun();
  });

  it('equal frames built from scratch at every instant, through faults, restores and branches', () => {
    for (const { frame, fresh } of taken) expect(frame, `frame at ${frame.time} ms`).toEqual(fresh);
    // The run reached what it was meant to.
    expect(taken.length).toBeGreaterThan(400);
    const nodes = taken.flatMap((t) => t.frame.nodes);
    expect(nodes.some((n) => n.snapshot !== null)).toBe(true);
    expect(nodes.some((n) => n.incomingSnapshot !== null)).toBe(true);
    expect(nodes.some((n) => !n.alive)).toBe(true);
    expect(nodes.some((n) => n.id === 'F' && n.role === 'follower')).toBe(true);
    expect(nodes.some((n) => n.clockRate === 2)).toBe(true);
    expect(taken.some((t) => t.frame.violations.length > 0)).toBe(false);
  });

  it('never change a frame already given', () => {
    for (const { frame, copy } of taken) expect(frame).toEqual(copy);
  });

  it('do give the last frame’s objects for unchanged parts', () => {
    let reused = 0;
    for (let k = 1; k < taken.length; k++) {
      const [before, after] = [taken[k - 1]!.frame, taken[k]!.frame];
      after.nodes.forEach((node, i) => {
        const was = before.nodes[i];
        if (was?.id === node.id && node.kv === was.kv && node.votesGranted === was.votesGranted) reused++;
      });
    }
    expect(reused).toBeGreaterThan(taken.length);
  });
});
