// Random fault-injecting scenarios from a seed. A case is a fault phase (crashes,
// restarts, isolations, partitions, one-way cuts, a lossy, duplicating, reordering,
// slow network, forced timeouts, concurrent client commands) followed by a fixed
// ending that heals everything and restarts the dead, so the cluster must recover.

import { UNSAFE_SWITCH_NAMES, type NodeId, type UnsafeSwitches } from '../../raft/types';
import type { NodeFrame } from '../../sim/types';
import { nodeNames, type Action, type Scenario } from '../../scenario/schema';
import { READ_MODES } from '../../sim/scenario-types';
import { validateScenario } from '../../scenario/validate';
import { Prng } from '../../sim/prng';
import { Simulation } from '../../sim/simulation';
import { Plotter } from './plots';

export type UnsafeName = keyof UnsafeSwitches;
export const UNSAFE_NAMES: readonly UnsafeName[] = UNSAFE_SWITCH_NAMES;
const MEMBERSHIP_SWITCHES: readonly UnsafeName[] = ['directMembershipChange', 'changeBeforeTermCommit'];
const READ_SWITCHES: readonly UnsafeName[] = ['localReads', 'leaseIgnoresDrift'];

/** Everything a failing case needs to be replayed and shrunk. */
export interface FuzzCase {
  readonly seed: number;
  readonly nodes: number;
  /** The initial voters (§6); absent: every node. */
  readonly members?: NodeId[];
  readonly options: Scenario['options'];
  readonly unsafe: UnsafeName | null;
  /** Actions of the fault phase, in time order. */
  readonly faults: readonly Action[];
  /** When the fault phase ends and the cluster is healed. */
  readonly faultEnd: number;
  /** timing.clockDriftBound, when the case sets clock rates (§6.4.1). */
  readonly clockDriftBound?: number;
}

export interface GenerateSettings {
  /** A fixed cluster size; otherwise 3–9 nodes. */
  readonly nodes?: number;
  /** A fixed fault-phase length in virtual ms; otherwise 2–6 s. */
  readonly faultMs?: number;
  readonly unsafe?: UnsafeName | null;
  /** Leave snapshots out of the mix (default: in, whatever the unsafe switch). */
  readonly snapshots?: boolean;
  /** Leave membership changes out of the mix (default: in). */
  readonly membership?: boolean;
  /** Leave the plots and traps out (plots.ts; default: in). */
  readonly plots?: boolean;
}

/** The healthy network the ending restores (the scenario defaults). */
const CALM_LATENCY: [number, number] = [10, 20];
const KEYS = ['x', 'y', 'z'];
const KINDS = [
  'submit',
  'kill',
  'restart',
  'isolate',
  'restore',
  'partition',
  'heal',
  'cut',
  'network',
  'timeout',
  'setOptions',
  'depose',
  'snapshot',
  'change',
] as const;
type Kind = (typeof KINDS)[number];
/** When, after the heal, the ending sends its probe command. */
const PROBE_DELAY = 500;
/** After the heal the cluster has at least this long to settle and answer every request sent since. */
export const LIVENESS_WINDOW = 10_000;
/**
 * Raft promises progress, not a time: a follower far behind without fastBackup is found one entry
 * per round trip and filled one batch per round trip, which can take longer than the window. While
 * the cluster still makes progress the window stretches, up to this, or longer when the log at the
 * heal is long (run.ts, livenessCap).
 */
export const LIVENESS_CAP = 60_000;
/** The longest a long log may stretch the window to (run.ts, livenessCap). */
export const LIVENESS_LIMIT = 300_000;
/**
 * So a client does not give up the probe while the cluster is still catching up. Not the limit: a
 * request of the fault phase that outlived its minute would still be retried, and a stale
 * membership change applied, long after the heal.
 */
const CLIENT_DEADLINE = LIVENESS_CAP;

export function generateCase(seed: number, settings: GenerateSettings = {}): FuzzCase {
  const prng = new Prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(prng.next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(prng.next() * items.length)]!;
  // Small clusters half the time: most Raft bugs need only three nodes, and they replay fastest.
  const nodes = settings.nodes ?? (prng.chance(0.5) ? 3 : int(4, 9));
  const names = nodeNames(nodes);
  const faultEnd = settings.faultMs ?? int(2000, 6000);
  // Snapshots and membership changes are in the mix whatever the unsafe switch: a bug must be
  // caught among them too. (They were once left out of the other hunts, when Figure 8 was caught
  // in about 1 case in 2,000 and any change of the mix could lose that one; see plots.ts.)
  const snapshotsOn = settings.snapshots ?? true;
  const unsafeName = settings.unsafe ?? null;
  const membershipBug = unsafeName !== null && MEMBERSHIP_SWITCHES.includes(unsafeName);
  // Not for the read switches, which are judged by linearizability: with changes in the mix the
  // first failure of localReads is a read left unanswered (seed 2), not the stale read.
  const membershipOn = settings.membership ?? !(unsafeName !== null && READ_SWITCHES.includes(unsafeName));
  const plotsOn = settings.plots ?? true;
  const options: Scenario['options'] = {
    preVote: prng.chance(0.5),
    checkQuorum: prng.chance(0.5),
    leaderNoop: prng.chance(0.5),
    fastBackup: prng.chance(0.5),
    maxEntriesPerMessage: pick([1, 3, 10]),
    // §7: half the cases compact their logs, at thresholds from every entry to every 30.
    snapshotThreshold: prng.chance(0.5) && snapshotsOn ? pick([1, 2, 5, 10, 30]) : 0,
    snapshotChunk: pick([8, 64, 256, 4096]),
    // §6: the 2015 bug is one of single-server changes; the others in both modes.
    membership: unsafeName === 'changeBeforeTermCommit' ? 'single' : pick(['single', 'joint'] as const),
    reads: 'log',
    followerReads: false,
  };
  // Spare servers a third of the time (always when hunting a membership bug), so changes can add them.
  const members =
    nodes >= 3 && (membershipBug || (prng.chance(0.33) && membershipOn))
      ? names.slice(0, int(2, nodes - 1))
      : undefined;
  // Transfers, reads and clocks draw from a PRNG of their own, so the older fault mix of a seed
  // stays what it was; a third of the cases read through the log, the rest by ReadIndex or lease.
  const extra = new Prng((seed ^ 0x5bd1e995) >>> 0);
  const extraPick = <T>(items: readonly T[]): T => items[Math.floor(extra.next() * items.length)]!;
  options.reads = unsafeName === 'leaseIgnoresDrift' ? 'lease' : extraPick(READ_MODES);
  options.followerReads = extra.chance(0.5);
  const transferRate = extraPick([0, 0.05, 0.15]);
  // Clocks drift within the bound the lease divides by: rates from 0.8 to 1.25 (ratio ≤ 1.5625 < 1.6).
  // With the unsafe switch the lease ignores the bound, and followers' clocks run up to 3× fast.
  const clockRate = extraPick([0, 0.05]) + (unsafeName === 'leaseIgnoresDrift' ? 0.1 : 0);
  const clockDriftBound = clockRate > 0 ? 1.6 : undefined;

  const alive = new Set(names);
  const faults: Action[] = [];
  let value = 0;
  const someNodes = (from: readonly NodeId[], atLeast: number): NodeId[] => {
    // Fisher–Yates, so the choice depends only on the PRNG and not on a sort implementation.
    const shuffled = [...from];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled.slice(0, int(Math.min(atLeast, from.length), from.length));
  };

  // Swarm testing (Groce et al.): each case uses its own random mix of fault kinds, some left out
  // entirely, which reaches deep interleavings (say, crash after crash with no traffic) far more
  // often than one fixed mix does.
  const weights = KINDS.map((k) =>
    k === 'submit' || (k === 'change' && membershipBug) || prng.chance(0.7) ? 0.1 + prng.next() : 0,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const chooseKind = (): Kind => {
    let r = prng.next() * total;
    for (let i = 0; i < KINDS.length; i++) {
      r -= weights[i]!;
      if (r < 0) return KINDS[i]!;
    }
    return 'submit';
  };
  const maxGap = pick([150, 300, 600]);

  // The generator watches a run of the scenario so far, so it can aim faults at whoever leads
  // now: crashing or cutting off the leader, and writing to a deposed one, is where Raft's
  // hard cases (Figure 8, §5.4) come from. The case is still plain data; it is judged by replay.
  const oracle = new Simulation(
    toScenario(
      { seed, nodes, ...(members ? { members } : {}), options, unsafe: unsafeName, faults: [], faultEnd: 0 },
      false,
    ),
    // The plots read what the oracle's nodes did.
    { recordTrace: true },
  );
  const leaderBias = pick([0, 0.5, 0.9]);
  let view = oracle.snapshot();
  const aim = (from: readonly NodeId[]): NodeId => {
    const leaders = view.nodes.filter((n) => n.alive && n.role === 'leader' && from.includes(n.id));
    return leaders.length > 0 && prng.chance(leaderBias) ? pick(leaders).id : pick(from);
  };

  // Plots draw from a PRNG of their own too, and only act at the moments they watch for, so a
  // case they leave alone keeps the fault mix it had before them.
  const plotPrng = new Prng((seed ^ 0x2545f491) >>> 0);
  const plotPick = <T>(items: readonly T[]): T => items[Math.floor(plotPrng.next() * items.length)]!;
  const plotter = new Plotter(
    oracle,
    plotPrng,
    {
      strikeRate: plotsOn ? plotPick([0, 0, 0.3, 0.7]) : 0,
      splitRate: plotsOn && membershipOn ? plotPick([0, 0.5, 1]) : 0,
      strandRate: plotsOn ? plotPick([0, 0, 0.2, 0.5]) : 0,
      membership: membershipOn,
    },
    {
      names,
      alive,
      singleChange: (leader) => membershipChange(leader, names, members ?? names, options, unsafeName, plotPrng, false),
      write: (node, when) => ({ at: when, do: 'submit', command: `set ${plotPick(KEYS)} v${++value}`, node }),
    },
  );

  // A calm start lets a first leader emerge, as in a class.
  let at = int(300, 800);
  while (at < faultEnd) {
    const kind = chooseKind();
    // Just before `at`: a scenario's action runs before the other events of its instant.
    faults.push(...plotter.advance(at - 0.0005));
    const before = faults.length;
    view = oracle.snapshot();
    if (extra.chance(transferRate)) {
      // Thesis §3.10: hand leadership to another node (sometimes a refused one: itself, a dead node).
      faults.push({ at, do: 'transfer', to: pick(names) });
    }
    if (extra.chance(clockRate)) {
      const fast = unsafeName === 'leaseIgnoresDrift';
      const rate = fast ? 1 + Math.round(extra.next() * 200) / 100 : 0.8 + Math.round(extra.next() * 45) / 100;
      faults.push({ at, do: 'clock', node: pick(names), rate });
    }
    const leaderNow = view.nodes.find((n) => n.alive && n.role === 'leader');
    if (options.reads === 'lease' && leaderNow && extra.chance(clockRate)) {
      // §6.4.1's trap: the followers' clocks run fast, the leader is cut off, a new leader takes a
      // write, and the client asks the old leader, which may still trust its lease. Within the
      // drift bound the lease is short enough; with the unsafe switch it is not.
      // The leader's clock runs slow too, so its lease lasts longer in real time than it believes.
      const unsafe = unsafeName === 'leaseIgnoresDrift';
      faults.push({ at, do: 'clock', node: leaderNow.id, rate: unsafe ? 0.3 : 0.8 });
      for (const n of names) if (n !== leaderNow.id) faults.push({ at, do: 'clock', node: n, rate: unsafe ? 5 : 1.25 });
      faults.push({ at, do: 'isolate', node: leaderNow.id });
      const other = pick(names.filter((n) => n !== leaderNow.id).concat(leaderNow.id));
      faults.push({ at: at + int(60, 150), do: 'submit', command: `set x v${++value}`, node: other });
      for (let i = int(1, 3); i > 0; i--)
        faults.push({ at: at + int(100, 400), do: 'submit', command: 'get x', node: leaderNow.id });
    } else if (kind === 'submit') {
      // Concurrent client commands, some sent to a chosen node, some to whoever the client thinks leads.
      for (let i = int(1, 4); i > 0; i--) {
        const key = pick(KEYS);
        const r = prng.next();
        const command = r < 0.5 ? `set ${key} v${++value}` : r < 0.8 ? `get ${key}` : `del ${key}`;
        const action: Action = prng.chance(0.5)
          ? { at, do: 'submit', command, node: aim(names) }
          : { at, do: 'submit', command };
        faults.push(action);
      }
    } else if (kind === 'kill') {
      const up = [...alive];
      // Usually one crash, sometimes several, now and then the whole cluster.
      const r = prng.next();
      const victims = up.length === 0 ? [] : r < 0.6 ? [aim(up)] : r < 0.9 ? someNodes(up, 2) : up;
      for (const node of victims) {
        faults.push({ at, do: 'kill', node });
        alive.delete(node);
      }
    } else if (kind === 'restart') {
      const down = names.filter((n) => !alive.has(n));
      if (down.length > 0) {
        for (const node of prng.chance(0.6) ? [pick(down)] : down) {
          faults.push({ at, do: 'restart', node });
          alive.add(node);
        }
      }
    } else if (kind === 'isolate') {
      faults.push({ at, do: 'isolate', node: aim(names) });
    } else if (kind === 'restore') {
      const isolated = view.network.isolated;
      faults.push({ at, do: 'restore', node: isolated.length > 0 && prng.chance(0.8) ? pick(isolated) : pick(names) });
    } else if (kind === 'partition') {
      const groupCount = int(2, Math.min(3, nodes));
      const groups: NodeId[][] = Array.from({ length: groupCount }, () => []);
      for (const n of names) groups[int(0, groupCount - 1)]!.push(n);
      const nonEmpty = groups.filter((g) => g.length > 0);
      if (nonEmpty.length >= 2) faults.push({ at, do: 'partition', groups: nonEmpty });
    } else if (kind === 'heal') {
      faults.push({ at, do: 'heal' });
    } else if (kind === 'cut') {
      const [from, to] = someNodes(names, 2);
      if (from !== undefined && to !== undefined && from !== to) {
        faults.push({ at, do: prng.chance(0.7) ? 'cut' : 'mend', from, to, oneWay: prng.chance(0.6) });
      }
    } else if (kind === 'network') {
      const slow = prng.chance(0.3);
      const low = slow ? int(20, 200) : int(2, 20);
      faults.push({
        at,
        do: 'network',
        dropRate: prng.chance(0.6) ? Math.round(prng.next() * 30) / 100 : 0,
        duplicateRate: prng.chance(0.4) ? Math.round(prng.next() * 20) / 100 : 0,
        reorder: prng.chance(0.5),
        latency: [low, low + int(0, slow ? 400 : 40)],
      });
    } else if (kind === 'depose') {
      // Cut the leader off and hand it writes it can never commit: the stale entries that
      // a later leader must overwrite (§5.3), and that Figure 8's trap is made of.
      const leader = view.nodes.find((n) => n.alive && n.role === 'leader');
      if (leader) {
        faults.push({ at, do: 'isolate', node: leader.id });
        for (let i = int(1, 2); i > 0; i--) {
          faults.push({ at, do: 'submit', command: `set ${pick(KEYS)} v${++value}`, node: leader.id });
        }
        if (plotsOn && plotPrng.chance(0.6)) {
          // Figure 8 (§5.4.2): the next leader also takes a write it cannot spread; the first
          // comes back and is re-elected, replicates its stale entry to a majority, and is cut
          // off a round trip later, before an entry of its own term is on a majority; the second
          // comes back and may be elected over it. Safe only if that stale entry was not counted
          // as committed.
          faults.push({ at, do: 'setOptions', options: { leaderNoop: false } });
          plotter.arm(
            [
              { on: 'elected', strike: 'write', after: 1 },
              { on: 'appended', strike: 'swap', fresh: true },
              // Two round trips: the probe that finds the follower's end, then the stale entry.
              { on: 'elected', strike: 'swap', after: plotPick([30, 45, 70, 100, 140]), restored: true },
            ],
            [leader.id],
          );
        }
      }
    } else if (kind === 'snapshot') {
      // §7: a node snapshots whatever it has applied, at a random moment.
      const up = [...alive];
      if (up.length > 0 && snapshotsOn) faults.push({ at, do: 'snapshot', node: aim(up) });
    } else if (kind === 'change') {
      const leaderNode = view.nodes.find((n) => n.alive && n.role === 'leader');
      const change = membershipOn
        ? membershipChange(leaderNode, names, members ?? names, options, unsafeName, prng)
        : null;
      if (change) faults.push({ at, do: 'change', ...change });
      const voters = leaderNode?.configuration.voters.length ?? 0;
      if (
        change &&
        options.membership === 'single' &&
        voters >= 4 &&
        voters % 2 === 0 &&
        plotsOn &&
        plotPrng.chance(0.7)
      ) {
        // The 2015 single-server bug (dissertation §4.1 errata) needs an even configuration: this
        // change is left uncommitted with its leader, the others elect a leader that changes one
        // server too at once, and that change is committed by a majority apart from the first
        // leader's side. Safe only if the new leader first commits an entry of its term.
        // Both traps turn the leader's no-op off: committing one at once is what closes the window.
        faults.push({ at, do: 'setOptions', options: { leaderNoop: false } });
        plotter.arm([
          { on: 'switched', majority: false },
          { on: 'elected', strike: 'change', after: 1 },
          { on: 'switched', majority: true },
        ]);
      }
    } else if (kind === 'timeout') {
      const up = [...alive];
      if (up.length > 0) faults.push({ at, do: 'timeout', node: pick(up) });
    } else {
      faults.push({
        at,
        do: 'setOptions',
        options: { preVote: prng.chance(0.5), checkQuorum: prng.chance(0.5), leaderNoop: prng.chance(0.5) },
      });
    }
    // The oracle only acts now; an action planned for later (the lease trap's) is the real run's.
    for (const action of faults.slice(before)) if (action.at === at) oracle.perform(action);
    at += int(20, maxGap);
  }
  faults.sort((a, b) => a.at - b.at); // Stable: actions of one instant keep their order.
  return {
    seed,
    nodes,
    ...(members ? { members } : {}),
    options,
    unsafe: unsafeName,
    faults,
    faultEnd,
    ...(clockDriftBound === undefined ? {} : { clockDriftBound }),
  };
}

/**
 * A random change against the voters the leader uses now (§6): add a server, remove one, or
 * replace; several at once in joint mode or when the direct-change switch is under test.
 */
function membershipChange(
  leader: NodeFrame | undefined,
  names: readonly NodeId[],
  initial: readonly NodeId[],
  options: Scenario['options'],
  unsafe: UnsafeName | null,
  prng: Prng,
  several = unsafe === 'directMembershipChange' || (options.membership === 'joint' && prng.chance(0.5)),
): { add: NodeId[]; remove: NodeId[] } | null {
  const voters = leader ? [...leader.configuration.voters] : [...initial];
  const others = names.filter((id) => !voters.includes(id));
  const take = (from: NodeId[], count: number): NodeId[] => {
    const out: NodeId[] = [];
    while (out.length < count && from.length > 0) out.push(from.splice(Math.floor(prng.next() * from.length), 1)[0]!);
    return out;
  };
  const size = (): number => (several ? 1 + Math.floor(prng.next() * 3) : 1);
  const r = prng.next();
  const pool = [...voters];
  const remove = r < 0.4 || others.length === 0 ? take(pool, Math.min(size(), voters.length - 1)) : [];
  const add = r >= 0.3 || remove.length === 0 ? take([...others], size()) : [];
  // A scenario may not remove every initial voter with nothing added (bad input): keep one.
  if (add.length === 0 && initial.every((id) => remove.includes(id))) remove.pop();
  return add.length + remove.length === 0 ? null : { add, remove };
}

/** The nodes that are down at the end of the fault phase. */
function deadAtEnd(c: FuzzCase): NodeId[] {
  const dead = new Set<NodeId>();
  for (const a of c.faults) {
    if (a.do === 'kill') dead.add(a.node);
    if (a.do === 'restart') dead.delete(a.node);
  }
  return [...dead].sort();
}

/** The ending every case shares: heal all links, calm the network, restart the dead. */
export function endingActions(c: FuzzCase): Action[] {
  const at = c.faultEnd;
  return [
    { at, do: 'heal' },
    { at, do: 'network', dropRate: 0, duplicateRate: 0, reorder: false, latency: CALM_LATENCY },
    ...deadAtEnd(c).map((node): Action => ({ at, do: 'restart', node })),
    // §6: a removed server that missed C_new campaigns forever unless pre-vote (or checkQuorum) stops it;
    // a leader elected after a removed leader stepped down commits its last entries only with its no-op.
    ...(c.faults.some((a) => a.do === 'change')
      ? [{ at, do: 'setOptions', options: { preVote: true, leaderNoop: true } } as Action]
      : []),
    // Clocks back to real time: a follower whose timeout is shorter than a heartbeat never settles.
    ...[...new Set(c.faults.flatMap((a) => (a.do === 'clock' ? [a.node] : [])))]
      .sort()
      .map((node): Action => ({ at, do: 'clock', node, rate: 1 })),
    // §5.4.2: without leaderNoop a new leader commits earlier-term entries only once an entry of
    // its own term commits, so one more command is what lets the committed prefix catch up.
    { at: at + PROBE_DELAY, do: 'submit', command: 'get x' },
  ];
}

/** The case as a scenario the runner, the CLI and the browser all accept. */
export function toScenario(c: FuzzCase, withEnding = true): Scenario {
  const unsafe: UnsafeSwitches = {
    noElectionRestriction: c.unsafe === 'noElectionRestriction',
    commitPreviousTerms: c.unsafe === 'commitPreviousTerms',
    forgetOnRestart: c.unsafe === 'forgetOnRestart',
    snapshotUncommitted: c.unsafe === 'snapshotUncommitted',
    directMembershipChange: c.unsafe === 'directMembershipChange',
    changeBeforeTermCommit: c.unsafe === 'changeBeforeTermCommit',
    localReads: c.unsafe === 'localReads',
    leaseIgnoresDrift: c.unsafe === 'leaseIgnoresDrift',
  };
  const result = validateScenario({
    version: 1,
    seed: c.seed >>> 0,
    nodes: c.nodes,
    // A shrunk case may have fewer nodes than its members named.
    ...(c.members && c.members.some((id) => nodeNames(c.nodes).includes(id))
      ? { members: c.members.filter((id) => nodeNames(c.nodes).includes(id)) }
      : {}),
    timing: {
      clientDeadline: CLIENT_DEADLINE,
      ...(c.clockDriftBound === undefined ? {} : { clockDriftBound: c.clockDriftBound }),
    },
    options: c.options,
    unsafe,
    actions: fitChanges(withEnding ? [...c.faults, ...endingActions(c)] : [...c.faults], c),
  });
  // The generator only makes valid scenarios; anything else is a bug in this file.
  if (!result.ok) throw new Error(`generated an invalid scenario: ${result.errors.join('; ')}`);
  return result.scenario;
}

/** A shrunk case may have lost nodes a change names: keep each change to the nodes that remain, and valid. */
function fitChanges(actions: Action[], c: FuzzCase): Action[] {
  const names = nodeNames(c.nodes);
  const members = (c.members ?? names).filter((id) => names.includes(id));
  return actions.flatMap((a): Action[] => {
    if (a.do !== 'change') return [a];
    const add = (a.add ?? []).filter((id) => names.includes(id));
    const remove = (a.remove ?? []).filter((id) => names.includes(id) && !add.includes(id));
    if (add.length === 0 && members.length > 0 && members.every((id) => remove.includes(id))) remove.pop();
    return add.length + remove.length === 0 ? [] : [{ ...a, add, remove }];
  });
}
