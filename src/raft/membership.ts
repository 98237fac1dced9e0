// Cluster membership changes (Raft paper §6 and Figure 11; Ongaro's dissertation §4).
//
// A configuration is a log entry. Every server uses the latest configuration in its log,
// committed or not (§6, dissertation §4.1), so a truncated configuration entry rolls the
// configuration back. The rules of this file:
//   - configurationInForce: the latest entry, else the snapshot's configuration, else the initial one;
//   - decideChange: may a leader accept a change now? one server at a time in single mode, no
//     change while an earlier one is unfinished, and (the 2015 correction to the single-server
//     algorithm) not before the leader has committed an entry of its own term;
//   - learnerProgress: new servers catch up as learners first (dissertation §4.2.1);
//   - MembershipDriver: a leader's side of a change, step by step, each step an event.
// The node (node.ts) calls the driver at a few hooks: a request, a follower's progress, a
// commit, an append or truncation, a change of role.

import type { RaftLog } from './log';
import type {
  ChangeRefusal,
  ClientAnswer,
  Configuration,
  EntryConfig,
  LogEntry,
  MembershipMode,
  MembershipState,
  NodeId,
  PendingChange,
  RaftEvent,
  RaftOptions,
  RaftState,
  UnsafeSwitches,
} from './types';

export function emptyMembership(configIndex = 0): MembershipState {
  return { configIndex, pending: null, waiters: [], retiring: [] };
}

export function cloneMembership(m: MembershipState): MembershipState {
  return {
    configIndex: m.configIndex,
    pending: m.pending && { ...m.pending, waiting: [...m.pending.waiting], roundEnd: { ...m.pending.roundEnd } },
    waiters: [...m.waiters],
    retiring: [...m.retiring],
  };
}

export function sortedIds(ids: Iterable<NodeId>): NodeId[] {
  return [...new Set(ids)].sort();
}

function sameSet(a: readonly NodeId[], b: readonly NodeId[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** The configuration a configuration entry puts in force (learners are a leader's own business). */
export function configurationOf(c: EntryConfig, learners: readonly NodeId[] = []): Configuration {
  return c.old === undefined ? { voters: c.voters, learners } : { voters: c.voters, old: c.old, learners };
}

/** Every server the configuration names: voters of either set and learners. */
export function membersOf(c: Configuration): NodeId[] {
  return sortedIds([...c.voters, ...(c.old ?? []), ...c.learners]);
}

/**
 * §6: the configuration in force is the latest configuration entry in the log, committed or
 * not; with none in the log, the one stored with the log's snapshot; else the initial one.
 * `index` is the entry's index (0 when it comes from the snapshot or the initial configuration).
 */
export function configurationInForce(
  log: RaftLog,
  initial: Configuration,
  snapshotConfiguration?: Configuration,
): { configuration: Configuration; index: number } {
  return configurationAt(log, log.lastIndex(), initial, snapshotConfiguration);
}

/**
 * The configuration in force at `index`: the latest configuration entry at or before it. A
 * snapshot through `index` (§7) stores this one, not the node's latest: an uncommitted entry
 * after `index` may yet be truncated, and the configuration must then roll back past it.
 */
export function configurationAt(
  log: RaftLog,
  index: number,
  initial: Configuration,
  snapshotConfiguration?: Configuration,
): { configuration: Configuration; index: number } {
  for (let i = Math.min(index, log.lastIndex()); i >= log.firstIndex(); i--) {
    const config = log.entry(i)?.config;
    if (config !== undefined) return { configuration: configurationOf(config), index: i };
  }
  return { configuration: snapshotConfiguration ?? initial, index: 0 };
}

/** What a leader decides about a change request. */
export type ChangeDecision =
  | { readonly kind: 'refuse'; readonly reason: ChangeRefusal }
  /** The requested voters are already the committed configuration: answer at once. */
  | { readonly kind: 'done' }
  /** The change is already under way (a retry): answer when it commits. */
  | { readonly kind: 'wait' }
  | { readonly kind: 'accept'; readonly target: NodeId[]; readonly learners: NodeId[] };

export interface ChangeContext {
  readonly configuration: Configuration;
  readonly configIndex: number;
  readonly commitIndex: number;
  /** The term of the entry at commitIndex (0 for none). */
  readonly committedTerm: number;
  readonly currentTerm: number;
  readonly mode: MembershipMode;
  readonly unsafe: UnsafeSwitches;
  readonly pending: PendingChange | null;
}

/** Refusals that may pass: the same request, retried later, can succeed. */
export function refusalIsTransient(reason: ChangeRefusal): boolean {
  return reason === 'change-in-progress' || reason === 'term-not-committed';
}

/** May a leader accept "add these, remove those" now? (§6; dissertation §4.1, §4.3 and the 2015 correction.) */
export function decideChange(add: readonly NodeId[], remove: readonly NodeId[], ctx: ChangeContext): ChangeDecision {
  if (add.some((id) => remove.includes(id))) return { kind: 'refuse', reason: 'add-and-remove' };
  const current = ctx.configuration;
  const target = sortedIds([...current.voters, ...add].filter((id) => !remove.includes(id)));
  const committed = ctx.configIndex <= ctx.commitIndex;
  // A retried request finds its change done or under way: requests are relative, so retries are harmless.
  if (current.old === undefined && sameSet(current.voters, target))
    return committed ? { kind: 'done' } : { kind: 'wait' };
  if (ctx.pending !== null && sameSet(ctx.pending.target, target)) return { kind: 'wait' };
  if (current.old !== undefined && sameSet(current.voters, target)) return { kind: 'wait' };
  // §6: one change at a time; a joint configuration must first reach C_new.
  if (ctx.pending !== null || !committed || current.old !== undefined)
    return { kind: 'refuse', reason: 'change-in-progress' };
  if (target.length === 0) return { kind: 'refuse', reason: 'no-voters-left' };
  const changed =
    target.filter((id) => !current.voters.includes(id)).length +
    current.voters.filter((id) => !target.includes(id)).length;
  if (ctx.mode === 'single') {
    // Dissertation §4.1: any two configurations differing by one server have overlapping majorities.
    if (changed > 1 && ctx.unsafe.directMembershipChange !== true)
      return { kind: 'refuse', reason: 'one-server-at-a-time' };
    // The 2015 correction: until it commits an entry of its term, a new leader may hold an old
    // configuration that a change of an earlier leader already replaced.
    if (ctx.committedTerm !== ctx.currentTerm && ctx.unsafe.changeBeforeTermCommit !== true)
      return { kind: 'refuse', reason: 'term-not-committed' };
  }
  return { kind: 'accept', target, learners: target.filter((id) => !current.voters.includes(id)) };
}

/**
 * The entry a change appends: C_old,new in joint mode (§6, Figure 11), C_new at once in single
 * mode — or, with the unsafe switch, for any change (Figure 10's two disjoint majorities).
 */
export function entryConfigFor(
  current: Configuration,
  target: readonly NodeId[],
  mode: MembershipMode,
  unsafe: UnsafeSwitches,
): EntryConfig {
  if (mode === 'joint' && unsafe.directMembershipChange !== true)
    return { voters: [...target], old: sortedIds(current.voters) };
  return { voters: [...target] };
}

/**
 * Dissertation §4.2.1: the leader replicates to a learner in rounds; a round ends when the
 * learner holds what the leader's log held when the round began. The learner is caught up
 * when, at a round's end, what is still missing fits in one AppendEntries (one more round).
 * The dissertation bounds a round by the election timeout; a pure node has no clock, so the
 * round's length is counted in entries instead.
 */
export function learnerProgress(
  matchIndex: number,
  roundEnd: number,
  lastIndex: number,
  maxEntriesPerMessage: number,
): 'pending' | 'caughtUp' | 'newRound' {
  if (matchIndex < roundEnd) return 'pending';
  return lastIndex - matchIndex <= maxEntriesPerMessage ? 'caughtUp' : 'newRound';
}

/** What the driver needs from the node it serves. */
export interface MembershipHost {
  readonly id: NodeId;
  readonly state: RaftState;
  readonly options: RaftOptions;
  readonly unsafe: UnsafeSwitches;
  emit(event: RaftEvent): void;
  answer(answer: ClientAnswer): void;
  /** Leader: append to its own log (with its entriesAppended event) and send it to every peer. */
  appendAndReplicate(entry: LogEntry): void;
  /** Leader: send AppendEntries to every peer now (learners included). */
  replicate(): void;
  /** Put a configuration in force: the quorum and the peers follow it. */
  use(configuration: Configuration): void;
  /** A removed leader stops leading (§6). */
  stepDown(): void;
}

/** The membership side of one node: keeps the configuration in force and drives a leader's changes. */
export class MembershipDriver {
  constructor(private readonly host: MembershipHost) {}

  private get m(): MembershipState {
    return this.host.state.membership;
  }

  private get mode(): MembershipMode {
    return this.host.options.membership ?? 'single';
  }

  /** A leader receives a change request (the node has already answered non-leaders). */
  request(add: readonly NodeId[], remove: readonly NodeId[], requestId: number | undefined): void {
    const { host } = this;
    const s = host.state;
    const event: RaftEvent = { type: 'changeRequested', add, remove, mode: this.mode };
    host.emit(requestId === undefined ? event : { ...event, requestId });
    const committedTerm = s.log.term(s.commitIndex) ?? 0;
    const decision = decideChange(add, remove, {
      configuration: s.configuration,
      configIndex: this.m.configIndex,
      commitIndex: s.commitIndex,
      committedTerm,
      currentTerm: s.currentTerm,
      mode: this.mode,
      unsafe: host.unsafe,
      pending: this.m.pending,
    });
    switch (decision.kind) {
      case 'refuse':
        host.emit({
          type: 'changeRefused',
          add,
          remove,
          reason: decision.reason,
          configIndex: this.m.configIndex,
          commitIndex: s.commitIndex,
          committedTerm,
          currentTerm: s.currentTerm,
        });
        host.answer({
          requestId,
          outcome: 'changeRefused',
          reason: decision.reason,
          retry: refusalIsTransient(decision.reason),
        });
        return;
      case 'done':
        if (requestId !== undefined)
          host.answer({ requestId, outcome: 'applied', index: this.m.configIndex, result: 'configuration changed' });
        return;
      case 'wait':
        // The target is C_new of the change under way: the voters in force, or the pending change's.
        this.await(requestId, this.m.pending?.target ?? s.configuration.voters);
        return;
      case 'accept':
        break;
    }
    const target = decision.target;
    this.await(requestId, target);
    if (decision.learners.length === 0) return this.appendChange(target, 'change');
    // Dissertation §4.2.1: new servers first receive the log without a vote.
    const lastIndex = s.log.lastIndex();
    const roundEnd: Record<NodeId, number> = {};
    for (const id of decision.learners) roundEnd[id] = lastIndex;
    this.m.pending = {
      add,
      remove,
      target,
      learners: decision.learners,
      waiting: [...decision.learners],
      roundEnd,
    };
    host.emit({ type: 'catchUpStarted', learners: decision.learners, lastIndex });
    this.useWithLearners(s.configuration, 'learners', this.m.configIndex);
    host.replicate();
    for (const id of decision.learners) this.onProgress(id);
  }

  private await(requestId: number | undefined, target: readonly NodeId[]): void {
    if (requestId === undefined || this.m.waiters.some((w) => w.requestId === requestId)) return;
    this.m.waiters.push({ requestId, target: sortedIds(target) });
  }

  /** Leader: a follower's matchIndex rose; a learner may have caught up. */
  onProgress(peer: NodeId): void {
    const pending = this.m.pending;
    if (pending === null || !pending.waiting.includes(peer)) return;
    const s = this.host.state;
    const match = s.matchIndex[peer] ?? 0;
    const lastIndex = s.log.lastIndex();
    const progress = learnerProgress(
      match,
      pending.roundEnd[peer] ?? 0,
      lastIndex,
      this.host.options.maxEntriesPerMessage,
    );
    if (progress === 'pending') return;
    if (progress === 'newRound') {
      pending.roundEnd[peer] = lastIndex;
      return;
    }
    this.host.emit({ type: 'learnerCaughtUp', learner: peer, matchIndex: match, lastIndex });
    pending.waiting = pending.waiting.filter((id) => id !== peer);
    if (pending.waiting.length > 0) return;
    this.m.pending = null;
    this.appendChange(pending.target, 'change');
  }

  /** Leader: append the entry that moves towards `target` (C_old,new or C_new). */
  private appendChange(target: readonly NodeId[], cause: 'change' | 'jointCommitted'): void {
    const { host } = this;
    const s = host.state;
    const config =
      cause === 'jointCommitted'
        ? { voters: [...target] }
        : entryConfigFor(s.configuration, target, this.mode, host.unsafe);
    const before = s.configuration;
    const next = configurationOf(config);
    // Servers leaving still get the log until the change commits, so they learn they are out.
    const leaving = membersOf(before).filter((id) => id !== host.id && !membersOf(next).includes(id));
    this.m.retiring = sortedIds([...this.m.retiring, ...leaving]);
    const entry: LogEntry = { term: s.currentTerm, command: '', config };
    // Used at once, before it commits (§6): the next index is where it lands.
    this.m.configIndex = s.log.lastIndex() + 1;
    host.use(next);
    host.emit({ type: 'configurationChanged', from: before, to: next, index: this.m.configIndex, cause });
    host.appendAndReplicate(entry);
  }

  /** The commit index rose. A leader finishes what a committed configuration entry allows. */
  onCommit(): void {
    const { host } = this;
    const s = host.state;
    if (s.role !== 'leader' || this.m.configIndex > s.commitIndex) return;
    if (this.m.retiring.length > 0) {
      // One last AppendEntries tells the removed servers that their removal is committed.
      host.emit({ type: 'removalAnnounced', removed: this.m.retiring, configIndex: this.m.configIndex });
      host.replicate();
      this.m.retiring = [];
      host.use(s.configuration);
    }
    const c = s.configuration;
    // §6: once C_old,new is committed, the leader appends C_new.
    if (c.old !== undefined) return this.appendChange(c.voters, 'jointCommitted');
    // Requests waiting for this configuration are answered (most commits find none waiting).
    if (this.m.waiters.length > 0) {
      const done = sortedIds(c.voters);
      const answered = this.m.waiters.filter((w) => sameSet(w.target, done));
      this.m.waiters = this.m.waiters.filter((w) => !sameSet(w.target, done));
      for (const w of answered)
        host.answer({
          requestId: w.requestId,
          outcome: 'applied',
          index: this.m.configIndex,
          result: 'configuration changed',
        });
    }
    // §6: a leader not in C_new steps down once C_new is committed.
    if (!c.voters.includes(host.id)) {
      host.emit({ type: 'steppedDown', reason: 'removed' });
      host.stepDown();
    }
  }

  /**
   * May a server outside its latest configuration start an election? Only while that entry is
   * uncommitted as far as it knows: a leader that removed itself and lost its quorum before
   * C_new committed must be able to win again (counting only C_new's votes) and finish the
   * change, or a cluster of the remaining servers, which still use C_old, waits for it forever.
   * Once the entry is committed, a server in no configuration never campaigns.
   */
  mayCampaignOutside(): boolean {
    return this.m.configIndex > this.host.state.commitIndex;
  }

  /** A new leader: nothing pending; a committed C_old,new is finished at once. */
  onBecomeLeader(): void {
    this.m.pending = null;
    this.m.waiters = [];
    this.m.retiring = [];
    this.onCommit();
  }

  /** A leader stepped down: its learners and waiting requests are forgotten (the client retries). */
  onStepDown(): void {
    const hadLearners = this.host.state.configuration.learners.length > 0;
    this.m.pending = null;
    this.m.waiters = [];
    this.m.retiring = [];
    if (hadLearners) this.useWithLearners(this.host.state.configuration, 'learners', this.m.configIndex);
  }

  /** Entries were appended at `fromIndex` (a follower's AppendEntries): the latest configuration among them is in force. */
  afterAppend(fromIndex: number, entries: readonly LogEntry[]): void {
    for (let i = entries.length - 1; i >= 0; i--) {
      const config = entries[i]!.config;
      if (config === undefined) continue;
      const before = this.host.state.configuration;
      const to = configurationOf(config, this.learners());
      this.m.configIndex = fromIndex + i;
      this.host.use(to);
      this.host.emit({ type: 'configurationChanged', from: before, to, index: fromIndex + i, cause: 'replicated' });
      return;
    }
  }

  /** Entries from `fromIndex` on were deleted: a configuration entry among them is rolled back (§6). */
  afterTruncate(fromIndex: number): void {
    if (this.m.configIndex < fromIndex) return;
    const { configuration, index } = this.fromLog();
    this.m.configIndex = index;
    this.useWithLearners(configuration, 'truncated', index);
  }

  /** §7: a snapshot replaced the start of the log; the configuration in force is read again. */
  afterSnapshot(): void {
    const { configuration, index } = this.fromLog();
    this.m.configIndex = index;
    this.useWithLearners(configuration, 'snapshot', index);
  }

  /** The configuration the log gives, as a node boots or after a truncation or a snapshot. */
  fromLog(): { configuration: Configuration; index: number } {
    const s = this.host.state;
    return configurationInForce(s.log, s.initialConfiguration, s.snapshot?.configuration);
  }

  private learners(): NodeId[] {
    const pending = this.m.pending;
    return pending === null ? [] : [...pending.learners];
  }

  /** Put `configuration` in force with the leader's learners beside it, and say so. */
  private useWithLearners(
    configuration: Configuration,
    cause: 'learners' | 'truncated' | 'snapshot',
    index: number,
  ): void {
    const before = this.host.state.configuration;
    const to: Configuration = { ...configuration, learners: this.learners() };
    this.host.use(to);
    this.host.emit({ type: 'configurationChanged', from: before, to, index, cause });
  }
}
