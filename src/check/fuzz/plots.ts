// Plots: faults aimed at the instants where Raft's hard cases live. The generator's oracle run
// is watched event by event between two random faults, and when one of these moments comes, a
// plot may strike a few milliseconds later:
//   - a node has just won an election. Its first moments are where Figure 8 happens (a stale
//     leader re-elected replicates an old-term entry, then crashes before an entry of its own
//     term is on a majority) and where the 2015 single-server bug happens (a change accepted
//     before the new leader has committed an entry of its term, dissertation §4.1 errata). The
//     plot crashes it, cuts it off, or asks it for a one-server change.
//   - a leader has just put a new configuration in force (§6). Until the entry reaches the
//     others, servers disagree about who votes: the plot partitions the cluster along that line,
//     the leader and the servers only the new configuration has (sometimes with enough others to
//     make a majority of it) on one side, everyone else on the other (Figure 10; the 2015 bug).
// None of this depends on an unsafe switch: a correct Raft survives every plot, which is what
// the fuzzer checks when no switch is on.

import type { NodeId } from '../../raft/types';
import type { Action } from '../../scenario/schema';
import type { Prng } from '../../sim/prng';
import type { Simulation } from '../../sim/simulation';
import type { ClusterFrame, NodeFrame } from '../../sim/types';

export interface PlotSettings {
  /** The chance that a plot strikes a node that has just been elected. */
  readonly strikeRate: number;
  /** The chance that a plot strikes a leader that has just switched configuration. */
  readonly splitRate: number;
  /** The chance that a plot strikes a leader that has just appended a client's command. */
  readonly strandRate: number;
  /** Membership changes are in the mix: a strike may ask the new leader for a change. */
  readonly membership: boolean;
}

/** What a plot needs from the generator around it. */
export interface PlotHost {
  readonly names: readonly NodeId[];
  /** The nodes up, as the generator tracks them (a plot's crash takes one down). */
  readonly alive: Set<NodeId>;
  /** A one-server change against the configuration the view's leader uses, or null. */
  singleChange(leader: NodeFrame): { add: NodeId[]; remove: NodeId[] } | null;
  /** A client write sent to `node`. */
  write(node: NodeId, at: number): Action;
}

type Strike = (view: ClusterFrame, at: number) => Action[];

/** A plot that has picked its moment and waits for it. */
interface Due {
  readonly at: number;
  readonly strike: Strike;
}

/**
 * What a strike does to a leader: crash it, cut it off, ask it for a one-server change, send it
 * a write, or cut it off and let back in the node the last trap cut off (`swap`).
 */
type LeaderStrike = 'kill' | 'isolate' | 'change' | 'write' | 'swap';

/**
 * A reaction a trap has scripted (see arm): at the next moment of its kind, strike this way for
 * sure. A trap strings a few together, each taking the cluster where the next can do harm.
 */
export type Cue =
  /** `restored`: only the node the trap last let back in. */
  | { readonly on: 'elected'; readonly strike: LeaderStrike; readonly after: number; readonly restored?: boolean }
  | { readonly on: 'switched'; readonly majority: boolean }
  /** `fresh`: only a leader the trap has not cut off yet. */
  | { readonly on: 'appended'; readonly strike: LeaderStrike; readonly fresh: boolean };

/** After an election, how long the strike waits (ms): at once, before the first round trip, after it, later. */
const AFTER_ELECTION = [1, 1, 5, 15, 30, 60, 120, 250] as const;
/** After a configuration switch: before its AppendEntries can arrive (latencies are 2 ms and up). */
const AFTER_SWITCH = [1, 1, 2] as const;
/** After a leader appends a command: before anyone has it, or when one follower may. */
const AFTER_APPEND = [1, 1, 2, 12] as const;
/** A trap's cues lapse when their moments do not come within this long (ms). */
const CUES_LAST = 3000;

export class Plotter {
  private readAt = 0;
  private due: Due | null = null;
  private cues: Cue[] = [];
  private cuesUntil = 0;
  /** The nodes the current trap has cut off, the latest last. */
  private cutOff: NodeId[] = [];
  /** The node the current trap last let back in. */
  private restored: NodeId | null = null;

  constructor(
    private readonly oracle: Simulation,
    private readonly prng: Prng,
    private readonly settings: PlotSettings,
    private readonly host: PlotHost,
  ) {}

  /** A trap: the next moments of the cues' kinds, in order, are struck as they say. */
  arm(cues: readonly Cue[], cutOff: readonly NodeId[] = []): void {
    this.cues = [...cues];
    this.cutOff = [...cutOff];
    this.cuesUntil = this.oracle.now + CUES_LAST;
  }

  /**
   * Runs the oracle up to `until`, event by event while a plot may strike, and returns the
   * actions the plots took on the way (already performed on the oracle), in time order.
   */
  advance(until: number): Action[] {
    const taken: Action[] = [];
    const { strikeRate, splitRate, strandRate } = this.settings;
    if (strikeRate === 0 && splitRate === 0 && strandRate === 0 && this.cues.length === 0) {
      this.oracle.runUntil(until);
      this.readAt = this.oracle.records.length;
      return taken;
    }
    for (;;) {
      const due = this.due;
      // A scenario's action runs before the other events of its instant: stop just before it.
      const stop = due !== null ? Math.min(until, due.at - 0.0005) : until;
      const next = this.oracle.nextEventTime();
      if (next === undefined || next > stop) {
        this.oracle.runUntil(stop);
        if (due === null || stop === until) break;
        this.due = null;
        for (const action of due.strike(this.oracle.snapshot(), due.at)) {
          taken.push(action);
          this.oracle.perform(action);
        }
        continue;
      }
      this.oracle.step();
      this.watch();
    }
    this.watch();
    return taken;
  }

  /** Reads what the oracle did since the last look, and lets a plot pick its moment. */
  private watch(): void {
    const records = this.oracle.records;
    for (; this.readAt < records.length; this.readAt++) {
      const t = records.at(this.readAt)!;
      if (this.due !== null || t.kind !== 'node') continue;
      const e = t.event;
      if (this.cues.length > 0 && t.time > this.cuesUntil) this.cues = [];
      const cue = this.cues[0];
      const { prng, settings } = this;
      const at = Math.floor(t.time);
      if (e.type === 'roleChanged' && e.to === 'leader') {
        if (cue?.on === 'elected' && (cue.restored !== true || t.node === this.restored)) {
          this.cues.shift();
          this.due = { at: at + cue.after, strike: this.strikeLeader(t.node, cue.strike) };
        } else if (prng.chance(settings.strikeRate)) {
          const kinds: LeaderStrike[] = settings.membership
            ? ['kill', 'isolate', 'change', 'change']
            : ['kill', 'isolate'];
          this.due = { at: at + pick(prng, AFTER_ELECTION), strike: this.strikeLeader(t.node, pick(prng, kinds)) };
        }
      } else if (e.type === 'configurationChanged' && (e.cause === 'change' || e.cause === 'jointCommitted')) {
        if (cue?.on === 'switched') {
          this.cues.shift();
          this.due = { at: at + 1, strike: this.strikeSwitched(t.node, e.from.voters, e.to.voters, cue.majority) };
        } else if (prng.chance(settings.splitRate)) {
          const strike = this.strikeSwitched(t.node, e.from.voters, e.to.voters, prng.chance(0.5));
          this.due = { at: at + pick(prng, AFTER_SWITCH), strike };
        }
      } else if (
        e.type === 'entriesAppended' &&
        e.leader === t.node &&
        e.entries.some((entry) => entry.config === undefined && entry.command !== '')
      ) {
        if (cue?.on === 'appended' && !(cue.fresh && this.cutOff.includes(t.node))) {
          this.cues.shift();
          this.due = { at: at + 1, strike: this.strikeLeader(t.node, cue.strike) };
        } else if (prng.chance(settings.strandRate)) {
          const strike = this.strikeLeader(t.node, pick(prng, ['kill', 'isolate'] as const));
          this.due = { at: at + pick(prng, AFTER_APPEND), strike };
        }
      }
    }
  }

  /**
   * Crash the leader, cut it off, or ask it for a one-server change, if it still leads then. A
   * leader cut off just after appending leaves its entry on a minority: the stale entry a later
   * leader overwrites (§5.3), and that Figure 8's trap is made of.
   */
  private strikeLeader(leader: NodeId, kind: LeaderStrike): Strike {
    const { host } = this;
    return (view, at) => {
      const node = view.nodes.find((n) => n.id === leader);
      if (!node || !node.alive || node.role !== 'leader') return [];
      if (kind === 'kill') {
        host.alive.delete(leader);
        return [{ at, do: 'kill', node: leader }];
      }
      if (kind === 'isolate' || kind === 'swap') {
        const back = kind === 'swap' ? this.cutOff.pop() : undefined;
        if (back !== undefined) this.restored = back;
        this.cutOff.push(leader);
        const restore: Action[] = back !== undefined && back !== leader ? [{ at, do: 'restore', node: back }] : [];
        return [{ at, do: 'isolate', node: leader }, ...restore];
      }
      if (kind === 'write') return [host.write(leader, at)];
      const change = host.singleChange(node);
      return change ? [{ at, do: 'change', ...change }] : [];
    };
  }

  /**
   * A leader just went from `before` to `voters` (C_new, or the new half of C_old,new). Split the
   * cluster along that line: the leader with the servers only the new configuration has — with
   * `majority`, and others of it until they are a majority of it (Figure 10: the new majority
   * decides while the old servers, who never saw the entry, elect among themselves) — and the rest
   * (the 2015 bug: the change stays uncommitted, and a leader elected by the others makes one too).
   */
  private strikeSwitched(
    leader: NodeId,
    before: readonly NodeId[],
    voters: readonly NodeId[],
    majority: boolean,
  ): Strike {
    const { prng, host } = this;
    return (view, at) => {
      const node = view.nodes.find((n) => n.id === leader);
      if (!node || !node.alive || node.role !== 'leader') return [];
      const side = new Set<NodeId>([leader, ...voters.filter((id) => !before.includes(id))]);
      // Nodes a trap cut off stay out of it: the trap keeps them for the other side.
      const rest = shuffle(
        prng,
        voters.filter((id) => !side.has(id) && !this.cutOff.includes(id)),
      );
      while (majority && countIn(side, voters) <= voters.length / 2 && rest.length > 0) side.add(rest.pop()!);
      const other = host.names.filter((id) => !side.has(id));
      if (other.length === 0) return [];
      if (!majority) this.cutOff.push(leader);
      return [{ at, do: 'partition', groups: [[...side].sort(), other] }];
    };
  }
}

function countIn(side: ReadonlySet<NodeId>, voters: readonly NodeId[]): number {
  return voters.filter((id) => side.has(id)).length;
}

function pick<T>(prng: Prng, items: readonly T[]): T {
  return items[Math.floor(prng.next() * items.length)]!;
}

function shuffle<T>(prng: Prng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(prng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
