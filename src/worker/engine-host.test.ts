import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { EngineHost, MAX_SEEK_EVENTS } from './engine-host';
import type { FromWorker } from './protocol';
import { assembleFrame } from '../store/assemble-frame';
import { unpacking } from './test/unpacking';
import { restoreFields } from '../store/restore-fields';
import { restoreSharedLogs } from '../store/reuse-logs';
import type { History } from '../sim/history';
import type { ClusterFrame } from '../sim/types';
import { manualClock } from './test/manual-clock';

type Frame = Extract<FromWorker, { type: 'frame' }>;
/** A frame as the store draws it: the whole cluster, put together from the frames so far. */
type Drawn = Omit<Frame, 'snapshot'> & { readonly snapshot: ClusterFrame };

function setup(scenario = scenarioSchema.parse({ version: 1, nodes: 5, seed: 3 })) {
  const posted: FromWorker[] = [];
  const drawn: Drawn[] = [];
  const wall = manualClock();
  const host = new EngineHost(
    unpacking((m) => {
      posted.push(m);
      if (m.type === 'frame') drawn.push({ ...m, snapshot: assembleFrame(drawn.at(-1)?.snapshot ?? null, m) });
    }),
    wall.clock,
  );
  host.receive({ type: 'load', scenario });
  const frames = () => drawn;
  const last = () => frames().at(-1)!;
  /** Receive a frame and say we drew it, as the UI does. */
  const ready = () => host.receive({ type: 'ready' });
  return { host, posted, wall, frames, last, ready };
}

describe('EngineHost', () => {
  it('maps wall time to virtual time with the speed factor', () => {
    const { host, wall, last, ready } = setup();
    host.receive({ type: 'speed', speed: 0.01 });
    ready();
    host.receive({ type: 'play' });
    for (let i = 0; i < 100; i++) {
      ready();
      wall.advance(100); // 10 s of wall time in all
    }
    ready();
    // 10,000 wall ms at 1/100× is 100 virtual ms.
    expect(last().snapshot.time).toBeCloseTo(100, 6);
  });

  it('pause freezes virtual time exactly and resume continues from the same instant', () => {
    const { host, wall, last, ready } = setup();
    host.receive({ type: 'speed', speed: 0.1 });
    host.receive({ type: 'play' });
    ready();
    wall.advance(500);
    host.receive({ type: 'pause' });
    ready();
    const paused = last().snapshot.time;
    wall.advance(5000);
    ready();
    expect(wall.ticking).toBe(false);
    expect(last().snapshot.time).toBe(paused);
    host.receive({ type: 'play' });
    ready();
    wall.advance(100);
    ready();
    expect(last().snapshot.time).toBeCloseTo(paused + 10, 6);
  });

  it('posts no new frame until the UI has drawn the last one', () => {
    const { host, frames, ready } = setup();
    const before = frames().length;
    host.receive({ type: 'step' });
    host.receive({ type: 'step' });
    host.receive({ type: 'step' });
    expect(frames().length).toBe(before);
    ready();
    expect(frames().length).toBe(before + 1);
  });

  it('stepping forward five events and back five shows the same cluster', () => {
    const { host, last, ready } = setup();
    for (let i = 0; i < 20; i++) {
      host.receive({ type: 'step' });
      ready();
    }
    const before = last().snapshot;
    for (let i = 0; i < 5; i++) {
      host.receive({ type: 'step' });
      ready();
    }
    expect(last().snapshot.step).toBe(before.step + 5);
    for (let i = 0; i < 5; i++) {
      host.receive({ type: 'stepBack' });
      ready();
    }
    expect(last().snapshot).toEqual(before);
    expect(last().resetFeed).toBe(true);
  });

  it('acting at an earlier instant starts a new branch and keeps the old one', () => {
    const { host, last, ready } = setup();
    host.receive({ type: 'seek', time: 1000 });
    ready();
    host.receive({ type: 'seek', time: 400 });
    ready();
    host.receive({ type: 'act', action: { do: 'kill', node: 'A' } });
    ready();
    const { history } = last();
    expect(history.branches).toHaveLength(2);
    expect(history.branch).not.toBe(0);
    expect(last().snapshot.nodes[0]!.alive).toBe(false);
    host.receive({ type: 'switchBranch', id: 0 });
    ready();
    expect(last().snapshot.nodes[0]!.alive).toBe(true);
  });

  it('sends timeline marks as updates: only new ones while playing, a fresh start on a branch or a reload', () => {
    const { host, wall, frames, ready } = setup();
    const updates = () => frames().flatMap((f) => (f.marks ? [f.marks] : []));
    expect(updates()).toHaveLength(1);
    expect(updates()[0]!.reset).toBe(true);
    host.receive({ type: 'speed', speed: 1 });
    host.receive({ type: 'play' });
    // 3.2 s of wall time with a write every 160 ms, then 1.6 s with none.
    for (let i = 0; i < 300; i++) {
      if (i < 200 && i % 10 === 0) host.receive({ type: 'act', action: { do: 'submit', command: `set k ${i}` } });
      if (i === 240) expect(updates().length).toBeGreaterThan(1);
      ready();
      wall.advance(16);
    }
    host.receive({ type: 'pause' });
    ready();
    const played = updates().slice(1);
    // About four a second of wall time while the writes commit, each continuing the first.
    expect(played.length).toBeGreaterThan(5);
    expect(played.length).toBeLessThan(20);
    // Once the last write has committed there is nothing new, and nothing is sent (heartbeats mark nothing).
    const quiet = frames().filter((f) => f.snapshot.time > 4000);
    expect(quiet.length).toBeGreaterThan(30);
    expect(quiet.filter((f) => f.marks !== undefined)).toEqual([]);
    for (const u of played) expect(u).toMatchObject({ reset: false, epoch: updates()[0]!.epoch });
    // A commit mark crosses once.
    const commitsSent = updates().reduce((n, u) => n + (u.lists.commits?.items.length ?? 0), 0);
    const lastCommits = updates().findLast((u) => u.lists.commits !== undefined)!.lists.commits!;
    expect(commitsSent).toBe(lastCommits.from + lastCommits.items.length);

    host.receive({ type: 'seek', time: 100 });
    ready();
    host.receive({ type: 'act', action: { do: 'kill', node: 'A' } });
    ready();
    expect(updates().at(-1)!.reset).toBe(true);
    const count = updates().length;
    host.receive({ type: 'load', scenario: scenarioSchema.parse({ version: 1, nodes: 3, seed: 1 }) });
    ready();
    expect(updates().length).toBe(count + 1);
    expect(updates().at(-1)).toMatchObject({ reset: true, eventsRead: 0 });
  });

  it('reports an action it cannot carry out in words', () => {
    const { host, posted } = setup();
    host.receive({ type: 'act', action: { do: 'kill', node: 'B' } });
    host.receive({ type: 'act', action: { do: 'kill', node: 'B' } });
    expect(posted).toContainEqual(expect.objectContaining({ type: 'refused', reason: 'B is already down' }));
  });

  it('stops playback on a safety violation', () => {
    // Forgetting the term on restart must be caught the moment the node comes back.
    const scenario = scenarioSchema.parse({
      version: 1,
      nodes: 3,
      seed: 2,
      unsafe: { forgetOnRestart: true },
      actions: [
        { at: 600, do: 'kill', node: 'A' },
        { at: 700, do: 'restart', node: 'A' },
      ],
    });
    const { host, posted, wall, ready, last } = setup(scenario);
    host.receive({ type: 'speed', speed: 1 });
    host.receive({ type: 'play' });
    for (let i = 0; i < 20 && !posted.some((m) => m.type === 'pausedOnViolation'); i++) {
      ready();
      wall.advance(100);
    }
    ready();
    expect(posted).toContainEqual(
      expect.objectContaining({
        type: 'pausedOnViolation',
        violation: expect.objectContaining({ invariant: 'Term Monotonic' }),
      }),
    );
    expect(last().playing).toBe(false);
    expect(last().snapshot.time).toBe(700);
  });

  it('serves a window of the space-time diagram and the branch as a scenario', () => {
    const { host, posted, ready } = setup();
    host.receive({ type: 'seek', time: 800 });
    ready();
    host.receive({ type: 'spaceTime', from: 0, to: 800, request: 1 });
    const st = posted.find((m) => m.type === 'spaceTime');
    expect(st && st.type === 'spaceTime' && st.window.messages.length).toBeGreaterThan(0);
    host.receive({ type: 'act', action: { do: 'submit', command: 'set x 1' } });
    host.receive({ type: 'exportScenario', request: 2 });
    const exported = posted.find((m) => m.type === 'scenario');
    expect(exported && exported.type === 'scenario' && exported.scenario.actions).toEqual([
      expect.objectContaining({ do: 'submit', command: 'set x 1', at: 800 }),
    ]);
  });

  it('says when the view jumped (a new run, another branch, a move back), not when it moved on or forked', () => {
    const { host, last, ready, wall } = setup();
    ready();
    expect(last().jumped).toBe(true); // the run was loaded
    host.receive({ type: 'speed', speed: 1 });
    host.receive({ type: 'play' });
    for (let i = 0; i < 30; i++) {
      wall.advance(100);
      ready();
      expect(last().jumped).toBe(false);
    }
    host.receive({ type: 'pause' });
    ready();
    host.receive({ type: 'seek', time: 4500 });
    ready();
    expect(last().jumped).toBe(false); // forward on the same branch
    host.receive({ type: 'seek', time: 1000 });
    ready();
    expect(last().jumped).toBe(true); // back: what the feed told lies after this instant
    host.receive({ type: 'act', action: { do: 'kill', node: 'A' } });
    ready();
    expect(last().history.branch).toBe(1);
    expect(last().resetFeed).toBe(true);
    expect(last().jumped).toBe(false); // the new branch shares the past up to here
    host.receive({ type: 'step' });
    ready();
    expect(last().jumped).toBe(false);
    host.receive({ type: 'switchBranch', id: 0 });
    ready();
    expect(last().jumped).toBe(true);
  });

  it('leaves the log entries the last frame had out of a frame, and the store puts them back', () => {
    const log = [
      { term: 1, command: 'set x 1' },
      { term: 1, command: 'set y 2' },
    ];
    const scenario = scenarioSchema.parse({
      version: 1,
      nodes: 3,
      seed: 3,
      initial: { A: { term: 1, log }, B: { term: 1, log }, C: { term: 1, log } },
    });
    const { host, posted, ready } = setup(scenario);
    const frames = () => posted.filter((m): m is Frame => m.type === 'frame');
    const first = frames().at(-1)!;
    expect(first.sharedLogPrefix).toEqual([0, 0, 0]);
    host.receive({ type: 'step' });
    ready();
    const second = frames().at(-1)!;
    expect(second.sharedLogPrefix).toEqual([2, 2, 2]);
    expect(second.snapshot.nodes.every((n) => n.log.length === 0)).toBe(true);
    const ui = restoreFields(null, first.snapshot);
    const restored = restoreSharedLogs(ui, restoreFields(ui, second.snapshot), second.sharedLogPrefix);
    expect(restored.nodes.map((n) => n.log)).toEqual([log, log, log]);
    // An unchanged log comes back as the very array the UI already has (memoized rows skip it).
    expect(restored.nodes[0]!.log).toBe(ui.nodes[0]!.log);
  });

  it('sends only what changed (fields, log tails, requests), and every frame the store puts together is the whole cluster', () => {
    // Truncation (a partitioned leader's writes), compaction (snapshots), a restart, moving back
    // and a branch: after each, the UI's log and requests must be exactly the engine's.
    const scenario = scenarioSchema.parse({ version: 1, nodes: 3, seed: 4 });
    const posted: { frame: Frame; whole: ClusterFrame }[] = [];
    const wall = manualClock();
    let host: EngineHost | null = null;
    const history = (): History => (host as unknown as { history: History }).history;
    host = new EngineHost(
      unpacking((m) => {
        if (m.type === 'frame') posted.push({ frame: m, whole: history().snapshot() });
      }),
      wall.clock,
    );
    const h = host;
    h.receive({ type: 'load', scenario });
    let ui: ClusterFrame | null = null;
    let checked = 0;
    let partial = 0;
    let leftOut = 0;
    const drawAll = () => {
      for (; checked < posted.length; checked++) {
        const { frame, whole } = posted[checked]!;
        if (frame.snapshot.requests.length < frame.requestIds.length) partial++;
        if (Object.keys(frame.snapshot).length < Object.keys(whole).length) leftOut++;
        ui = assembleFrame(ui, frame);
        expect(ui).toEqual(whole);
      }
      h.receive({ type: 'ready' });
    };
    const play = (ms: number) => {
      h.receive({ type: 'play' });
      for (let t = 0; t < ms; t += 100) {
        wall.advance(100);
        drawAll();
      }
      h.receive({ type: 'pause' });
      drawAll();
    };
    h.receive({ type: 'speed', speed: 1 });
    drawAll();
    play(1500);
    const leader = history()
      .snapshot()
      .nodes.find((n) => n.role === 'leader')!.id;
    const others = ['A', 'B', 'C'].filter((id) => id !== leader);
    h.receive({ type: 'act', action: { do: 'partition', groups: [[leader], others] } });
    for (let k = 0; k < 5; k++)
      h.receive({ type: 'act', action: { do: 'submit', command: `set lost ${k}`, node: leader } });
    drawAll();
    play(1500);
    for (let k = 0; k < 12; k++) {
      h.receive({ type: 'act', action: { do: 'submit', command: `set kept ${k}` } });
      play(200);
    }
    h.receive({ type: 'act', action: { do: 'heal' } });
    play(1500);
    h.receive({ type: 'act', action: { do: 'setOptions', options: { snapshotThreshold: 8 } } });
    for (let k = 0; k < 12; k++) {
      h.receive({ type: 'act', action: { do: 'submit', command: `set more ${k}` } });
      play(200);
    }
    h.receive({ type: 'act', action: { do: 'kill', node: others[0]! } });
    play(500);
    h.receive({ type: 'act', action: { do: 'restart', node: others[0]! } });
    play(1500);
    const end = history().now;
    h.receive({ type: 'seek', time: end / 2 });
    drawAll();
    h.receive({ type: 'stepBack' });
    drawAll();
    h.receive({ type: 'act', action: { do: 'submit', command: 'set branch 1' } });
    play(1000);
    h.receive({ type: 'switchBranch', id: 0 });
    drawAll();
    play(300);
    // The conflict was repaired and logs were compacted on the way.
    const nodeEvents = history()
      .trace.flatMap((e) => (e.kind === 'node' ? [e.event.type] : []))
      .filter((type) => type === 'entriesTruncated' || type === 'snapshotTaken');
    expect(new Set(nodeEvents)).toEqual(new Set(['entriesTruncated', 'snapshotTaken']));
    expect(checked).toBeGreaterThan(60);
    expect(partial).toBeGreaterThan(30);
    // Fields equal to the last frame's were left out, and put back: the expect above checks each frame.
    expect(leftOut).toBeGreaterThan(30);
  });

  it('stops a run over the event budget with a report, and still draws the cluster where it stopped', () => {
    const base = scenarioSchema.parse({ version: 1, nodes: 5, seed: 2 });
    // Built past the validator, which may refuse such timings: the engine must hold anyway.
    const scenario = {
      ...base,
      timing: { ...base.timing, heartbeatInterval: 1e-9, electionTimeout: [1e-6, 2e-6] as [number, number] },
    };
    const { host, posted, wall, last, ready } = setup(scenario);
    ready();
    host.receive({ type: 'play' });
    wall.advance(16);
    ready();
    const report = posted.find((m) => m.type === 'overBudget');
    expect(report).toMatchObject({ type: 'overBudget', limit: 1000 });
    expect(posted.some((m) => m.type === 'error')).toBe(false);
    expect(wall.ticking).toBe(false);
    expect(last().playing).toBe(false);
    expect(last().snapshot.nodes).toHaveLength(5);
    expect(last().snapshot.time).toBeLessThan(1);
  });

  describe('far seeks', () => {
    const lossy = scenarioSchema.parse({
      version: 1,
      nodes: 9,
      seed: 5,
      network: { dropRate: 0.3, duplicateRate: 0.3 },
    });
    const DAY = 24 * 3600 * 1000;

    it('refuses a link to one virtual day of a lossy 9-node cluster at once, and opens it at the start', () => {
      const { host, posted, last, ready } = setup();
      ready();
      host.receive({ type: 'load', scenario: lossy, at: DAY });
      ready();
      const done = posted.find((m) => m.type === 'seekDone');
      expect(done).toMatchObject({ type: 'seekDone', outcome: 'tooFar', target: DAY, limit: MAX_SEEK_EVENTS });
      expect(done?.type === 'seekDone' && done.estimate).toBeGreaterThan(MAX_SEEK_EVENTS);
      expect(last().snapshot.time).toBe(0);
      expect(last().snapshot.nodes).toHaveLength(9);
      // The events computed to judge it were let go: the run starts afresh.
      expect(last().history.end.step).toBe(0);
    });

    it('computes a far instant in slices with progress, then shows it', () => {
      const { host, posted, wall, last, ready } = setup();
      ready();
      host.receive({ type: 'load', scenario: lossy, at: 240_000 });
      ready();
      const progress = () => posted.filter((m) => m.type === 'seekProgress');
      expect(progress().length).toBe(1);
      for (let i = 0; i < 50 && !posted.some((m) => m.type === 'seekDone'); i++) {
        wall.advance(1);
        ready();
      }
      expect(progress().length).toBeGreaterThan(1);
      const reached = progress().map((m) => (m.type === 'seekProgress' ? m.reached : 0));
      expect(reached).toEqual([...reached].sort((a, b) => a - b));
      expect(posted.find((m) => m.type === 'seekDone')).toMatchObject({ outcome: 'arrived', target: 240_000 });
      expect(last().snapshot.time).toBe(240_000);
      expect(wall.ticking).toBe(false);
    });

    it('recomputes a long branch it returns to in slices, answering pings between them', () => {
      const { host, posted, wall, last, ready } = setup();
      ready();
      host.receive({ type: 'load', scenario: lossy, at: 240_000 });
      for (let i = 0; i < 50 && !posted.some((m) => m.type === 'seekDone'); i++) {
        wall.advance(1);
        ready();
      }
      const end = last().history.end;
      // Acting in the past starts branch 1 and lets the original run go.
      host.receive({ type: 'seek', time: 1000 });
      ready();
      host.receive({ type: 'act', action: { do: 'kill', node: 'A' } });
      ready();
      expect(last().history.branch).toBe(1);
      posted.length = 0;
      host.receive({ type: 'switchBranch', id: 0 });
      ready();
      host.receive({ type: 'ping', id: 7 });
      // Answered before the work is done: the UI's watchdog sees a worker that is alive.
      expect(posted.findIndex((m) => m.type === 'pong')).toBeGreaterThanOrEqual(0);
      expect(posted.some((m) => m.type === 'seekDone')).toBe(false);
      expect(posted.some((m) => m.type === 'seekProgress')).toBe(true);
      for (let i = 0; i < 50 && !posted.some((m) => m.type === 'seekDone'); i++) {
        wall.advance(1);
        ready();
      }
      expect(posted.find((m) => m.type === 'seekDone')).toMatchObject({ outcome: 'arrived', target: end.time });
      // Back where the class left it (the instant it acted at), with the branch as long as before.
      expect(last().history.branch).toBe(0);
      expect(last().history.end).toEqual(end);
      expect(last().snapshot.time).toBe(1000);
    });

    it('stops where it got to on Cancel', () => {
      const { host, posted, wall, last, ready } = setup();
      ready();
      host.receive({ type: 'load', scenario: lossy, at: 3_600_000 });
      ready();
      expect(posted.some((m) => m.type === 'seekProgress')).toBe(true);
      host.receive({ type: 'cancelSeek' });
      ready();
      expect(posted.find((m) => m.type === 'seekDone')).toMatchObject({ outcome: 'cancelled' });
      expect(wall.ticking).toBe(false);
      const at = last().snapshot.time;
      expect(at).toBeGreaterThan(0);
      expect(at).toBeLessThan(3_600_000);
      // Nothing goes on in the background.
      wall.advance(100);
      ready();
      expect(last().snapshot.time).toBe(at);
    });
  });

  describe('a path performed spread out', () => {
    const spreadScenario = (latency: [number, number]) =>
      scenarioSchema.parse({ version: 1, nodes: 3, timing: { electionTimeout: [50_000, 60_000], latency } });
    const path = [
      { do: 'timeout', node: 'A' },
      { do: 'timeout', node: 'B' },
    ] as const;

    it('sets each choice apart in time when the network has latency, and says nothing', () => {
      const { host, posted, last, ready } = setup(spreadScenario([5, 5]));
      host.receive({ type: 'actSpread', actions: path });
      ready();
      expect(posted.some((m) => m.type === 'spreadStuck')).toBe(false);
      expect(last().snapshot.time).toBeGreaterThan(0);
    });

    it('says so when an event falls at the same instant (zero latency), instead of hiding it', () => {
      const { host, posted, ready } = setup(spreadScenario([0, 0]));
      host.receive({ type: 'actSpread', actions: path });
      ready();
      expect(posted.filter((m) => m.type === 'spreadStuck')).toHaveLength(1);
    });
  });
});
