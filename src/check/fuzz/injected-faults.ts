// Wrong implementations for the oracle tests (test-only): each wraps a real
// Simulation through its public API and breaks one thing a correct Raft service
// guarantees, so a test can show the matching oracle of the fuzzer failing. Raft
// itself is never changed.

import { parseCommand } from '../../raft/kv';
import type { NodeId } from '../../raft/types';
import type { Simulation } from '../../sim/simulation';
import type { TraceReader } from '../../sim/trace-log';
import type { ClusterFrame, Envelope, TraceEvent, Violation } from '../../sim/types';
import type { JudgedRun } from './run';

/** Passes everything through; a subclass overrides what it breaks. */
class Wrapped implements JudgedRun {
  constructor(protected readonly sim: Simulation) {}
  get violations(): readonly Violation[] {
    return this.sim.violations;
  }
  get records(): TraceReader {
    return this.sim.records;
  }
  get stepCount(): number {
    return this.sim.stepCount;
  }
  get now(): number {
    return this.sim.now;
  }
  runUntil(time: number): void {
    this.sim.runUntil(time);
  }
  snapshot(): ClusterFrame {
    return this.sim.snapshot();
  }
}

/** The client's trace rewritten record by record, as the wrong service would have answered. */
abstract class RewrittenAnswers extends Wrapped {
  private readonly rewritten: TraceEvent[] = [];
  private readAt = 0;
  protected readonly commands = new Map<number, string>();

  override get records(): TraceReader {
    const real = this.sim.records;
    for (; this.readAt < real.length; this.readAt++) {
      const t = real.at(this.readAt)!;
      if (t.kind === 'client' && t.event.type === 'submitted') this.commands.set(t.event.requestId, t.event.command);
      this.rewritten.push(...this.rewrite(t));
    }
    return this.rewritten;
  }

  protected abstract rewrite(t: TraceEvent): TraceEvent[];
}

/**
 * Reads served from one replica's own state machine, without going through the log or
 * ReadIndex (thesis §6.4): when that replica lags, a `get` answers stale data.
 */
export class LocalReads extends RewrittenAnswers {
  private readonly data = new Map<string, string>();

  constructor(
    sim: Simulation,
    private readonly replica: NodeId,
  ) {
    super(sim);
  }

  protected rewrite(t: TraceEvent): TraceEvent[] {
    if (t.kind === 'node' && t.node === this.replica && t.event.type === 'entryApplied') {
      const parsed = parseCommand(t.event.entry.command);
      if (parsed.ok && parsed.command.op === 'set') this.data.set(parsed.command.key, parsed.command.value);
      if (parsed.ok && parsed.command.op === 'del') this.data.delete(parsed.command.key);
    }
    if (t.kind !== 'client' || t.event.type !== 'succeeded') return [t];
    const parsed = parseCommand(this.commands.get(t.event.requestId) ?? '');
    if (!parsed.ok || parsed.command.op !== 'get') return [t];
    return [{ ...t, event: { ...t.event, result: this.data.get(parsed.command.key) ?? '(none)' } }];
  }
}

/**
 * A leader that answers a write as soon as it has appended it, before it is committed
 * (Figure 2 says: respond after the entry is applied). A write the leader then loses was
 * acknowledged all the same.
 */
export class AckOnAppend extends RewrittenAnswers {
  private readonly acked = new Set<number>();

  protected rewrite(t: TraceEvent): TraceEvent[] {
    if (t.kind !== 'client') return [t];
    const e = t.event;
    if (e.type === 'succeeded' || e.type === 'failed') return this.acked.has(e.requestId) ? [] : [t];
    if (e.type !== 'accepted' || this.acked.has(e.requestId)) return [t];
    const parsed = parseCommand(this.commands.get(e.requestId) ?? '');
    if (!parsed.ok || parsed.command.op === 'get') return [t];
    this.acked.add(e.requestId);
    const result = parsed.command.op === 'set' ? parsed.command.value : 'deleted';
    return [t, { ...t, kind: 'client', event: { type: 'succeeded', requestId: e.requestId, result, by: e.node } }];
  }
}

/**
 * From `from` on, every message `lost` picks is lost on the way (say, every AppendEntries
 * to one follower: a follower the leader never catches up). Messages are dropped through
 * the simulation's `drop` action as soon as they are sent.
 */
export class LosesMessages extends Wrapped {
  private readAt = 0;

  constructor(
    sim: Simulation,
    private readonly from: number,
    private readonly lost: (m: Envelope) => boolean,
  ) {
    super(sim);
  }

  override runUntil(time: number): void {
    this.dropNew();
    for (let next = this.sim.nextEventTime(); next !== undefined && next <= time; next = this.sim.nextEventTime()) {
      this.sim.step();
      this.dropNew();
    }
    this.sim.runUntil(time);
  }

  private dropNew(): void {
    const trace = this.sim.records;
    for (; this.readAt < trace.length; this.readAt++) {
      const t = trace.at(this.readAt)!;
      if (t.kind === 'sent' && t.time >= this.from && this.lost(t.message)) {
        this.sim.perform({ at: this.sim.now, do: 'drop', message: t.message.id });
      }
    }
  }
}

/** An engine that throws once the run passes `at`. */
export class ThrowsAt extends Wrapped {
  constructor(
    sim: Simulation,
    private readonly at: number,
  ) {
    super(sim);
  }

  override runUntil(time: number): void {
    if (time >= this.at) throw new Error(`injected failure at ${this.at} ms`);
    this.sim.runUntil(time);
  }
}

/**
 * One node reports a configuration its log does not give (the voters of the real one, less the
 * last): what a node shows when a snapshot brought back a configuration entry that was truncated.
 */
export class WrongConfiguration extends Wrapped {
  constructor(
    sim: Simulation,
    private readonly node: NodeId,
  ) {
    super(sim);
  }

  override snapshot(): ClusterFrame {
    const frame = this.sim.snapshot();
    const nodes = frame.nodes.map((n) =>
      n.id === this.node
        ? { ...n, configuration: { ...n.configuration, voters: n.configuration.voters.slice(0, -1) } }
        : n,
    );
    return { ...frame, nodes };
  }
}
