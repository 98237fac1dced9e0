import { describe, expect, it, vi } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { History } from '../sim/history';
import { ClientHistoryTracker } from './client-history';
import { EngineHost } from './engine-host';
import type { ClientHistoryView, FromWorker } from './protocol';
import { deposedLeader } from '../check/deposed-leader.fixture';

function historyOf(input: unknown, until: number): History {
  const h = new History(scenarioSchema.parse(input));
  h.runUntil(until);
  return h;
}

describe('ClientHistoryTracker', () => {
  it('names the stale read of a deposed leader answering locally (unsafe.localReads)', () => {
    const view = new ClientHistoryTracker().view(historyOf(deposedLeader('log', true), 4000));
    const [x] = view.keys;
    expect(x?.outcome).toBe('notLinearizable');
    if (x?.outcome !== 'notLinearizable') return;
    const byId = new Map(view.operations.map((o) => [o.id, o]));
    expect(x.stale?.kind).toBe('overwritten');
    if (x.stale?.kind !== 'overwritten') return;
    expect(byId.get(x.stale.read)).toMatchObject({ command: 'get x', result: '1', by: 'A', inCore: true });
    expect(byId.get(x.stale.write)).toMatchObject({ command: 'set x 2', result: '2', inCore: true });
    // The write completed before the read began: that is what makes the read stale.
    expect(byId.get(x.stale.write)!.ret!).toBeLessThan(byId.get(x.stale.read)!.call);
  });

  it('numbers the linearization order when the same run reads safely', () => {
    const view = new ClientHistoryTracker().view(historyOf(deposedLeader('readIndex', false), 4000));
    expect(view.keys.map((k) => k.outcome)).toEqual(['linearizable']);
    const ordered = view.operations.filter((o) => o.order !== null).sort((a, b) => a.order! - b.order!);
    expect(ordered.map((o) => o.command)).toEqual(['set x 1', 'set x 2', 'get x']);
    expect(view.operations.every((o) => !o.inCore)).toBe(true);
  });

  it('counts the commands a run starts with in its logs: reading one back is no stale read', () => {
    const withLogs = {
      version: 1,
      nodes: 3,
      options: { leaderNoop: true },
      initial: Object.fromEntries(
        ['A', 'B', 'C'].map((id) => [id, { term: 1, log: [{ term: 1, command: 'set x 7' }] }]),
      ),
      actions: [
        { at: 1500, do: 'submit', command: 'get x' },
        { at: 1600, do: 'submit', command: 'set x 8' },
      ],
    };
    const view = new ClientHistoryTracker().view(historyOf(withLogs, 4000));
    expect(view.operations.find((o) => o.command === 'get x')?.result).toBe('7');
    expect(view.keys.map((k) => k.outcome)).toEqual(['linearizable']);
    // Only the client's operations are drawn and numbered.
    expect(view.operations.map((o) => [o.command, o.order])).toEqual([
      ['get x', 1],
      ['set x 8', 2],
    ]);
  });

  it('puts concurrent requests on different rows and reuses a row once its request ended', () => {
    const scenario = {
      version: 1,
      seed: 1,
      nodes: 3,
      actions: [
        { at: 1000, do: 'submit', command: 'set a 1' },
        { at: 1000, do: 'submit', command: 'set b 1' },
        { at: 3000, do: 'submit', command: 'get a' },
      ],
    };
    const view = new ClientHistoryTracker().view(historyOf(scenario, 4000));
    const rows = Object.fromEntries(view.operations.map((o) => [o.command, o.client]));
    expect(rows).toEqual({ 'set a 1': 1, 'set b 1': 2, 'get a': 1 });
    expect(view.clients).toBe(2);
  });

  it('reads only new events on the next request and starts over after a cut', () => {
    const h = historyOf(deposedLeader('log', false), 1600);
    const tracker = new ClientHistoryTracker();
    expect(tracker.view(h).total).toBe(2);
    h.runUntil(4000);
    expect(tracker.view(h).total).toBe(3);
    // Acting in the past starts a new branch without the later requests.
    h.seekTime(1000);
    h.perform({ do: 'kill', node: 'C' });
    expect(tracker.view(h).operations.map((o) => o.command)).toEqual(['set x 1']);
  });
});

describe('EngineHost and the history panel', () => {
  it('answers a clientHistory request with the view of the current branch', async () => {
    const posted: FromWorker[] = [];
    const host = new EngineHost((m) => posted.push(m), { now: () => 0, every: () => () => undefined });
    host.receive({ type: 'load', scenario: scenarioSchema.parse(deposedLeader('log', true)), at: 4000 });
    host.receive({ type: 'clientHistory', request: 7 });
    await vi.waitFor(() => expect(posted.some((m) => m.type === 'clientHistory')).toBe(true));
    const answer = posted.find((m) => m.type === 'clientHistory') as { request: number; view: ClientHistoryView };
    expect(answer.request).toBe(7);
    expect(answer.view.keys[0]?.outcome).toBe('notLinearizable');
  });
});
