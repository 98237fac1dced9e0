// The safety-invariant checker (Figure 3 of the Raft paper, plus a few per-node
// sanity rules). It watches the structured events of every node and checks only
// what each event changed, so its cost per event is O(change), never O(state):
// logs are summarised by a chain of prefix hashes, and global facts (the leader
// of each term, the committed entry at each index) are kept in maps.

import { Quorum } from '../raft/quorum';
import type { Configuration, LogEntry, NodeId, RaftEvent, RaftState, Role } from '../raft/types';
import { shareArray, unshareArray, type SharedArray } from './shared-array';
import type { InvariantName, Violation } from './types';

export interface CheckerState {
  /** Per node: prefixHash[i] summarises log[0..i] (index i+1), mirroring the node's log. */
  prefixHashes: Record<NodeId, number[]>;
  /** Election Safety: the leader of each term. */
  leaderOfTerm: Record<number, NodeId>;
  /**
   * Log Matching: the prefix hash first seen for (index, term). The first term seen at an index
   * and its hash sit at [index - 1] of two number arrays; any other term seen there (only after a
   * conflict) goes to a map keyed "index:term".
   */
  prefixTerm: number[];
  prefixHash: number[];
  prefixOther: Record<string, number>;
  /** State Machine Safety / Leader Completeness: the committed prefix hash at each index (index 1 at [0]). */
  committedPrefix: number[];
  /**
   * Leader Completeness: the term in which each index was first known committed (the lowest
   * currentTerm of a node committing it). Figure 3 binds only leaders of higher terms.
   */
  committedTerm: number[];
  /** The entry hash applied at each index (index 1 at [0]). */
  appliedEntry: number[];
  /** Vote Stability: "node:term" → the candidate voted for. */
  votes: Record<string, NodeId>;
  /**
   * Each node's commitIndex as of the event being checked. The state passed to observe() is the
   * one after the whole input, so a truncation followed by a commit in the same message would
   * otherwise look like the deletion of a committed entry.
   */
  commitIndex: Record<NodeId, number>;
  /** Each node's role as of the event being checked (for the same reason as commitIndex). */
  role: Record<NodeId, Role>;
}

export function emptyCheckerState(): CheckerState {
  return {
    prefixHashes: {},
    leaderOfTerm: {},
    prefixTerm: [],
    prefixHash: [],
    prefixOther: {},
    committedPrefix: [],
    committedTerm: [],
    appliedEntry: [],
    votes: {},
    commitIndex: {},
    role: {},
  };
}

export function cloneCheckerState(s: CheckerState): CheckerState {
  const prefixHashes: Record<NodeId, number[]> = {};
  for (const [node, hashes] of Object.entries(s.prefixHashes)) prefixHashes[node] = [...hashes];
  return {
    prefixHashes,
    leaderOfTerm: { ...s.leaderOfTerm },
    prefixTerm: s.prefixTerm.slice(),
    prefixHash: s.prefixHash.slice(),
    prefixOther: { ...s.prefixOther },
    committedPrefix: [...s.committedPrefix],
    committedTerm: [...s.committedTerm],
    appliedEntry: [...s.appliedEntry],
    votes: { ...s.votes },
    commitIndex: { ...s.commitIndex },
    role: { ...s.role },
  };
}

/** The checker's state in a checkpoint: its long per-index arrays share unchanged chunks with the last one. */
export interface SavedCheckerState {
  readonly prefixHashes: Record<NodeId, SharedArray<number>>;
  readonly prefixTerm: SharedArray<number>;
  readonly prefixHash: SharedArray<number>;
  readonly committedPrefix: SharedArray<number>;
  readonly committedTerm: SharedArray<number>;
  readonly appliedEntry: SharedArray<number>;
  /** The small parts, copied whole. */
  readonly rest: Pick<CheckerState, 'leaderOfTerm' | 'prefixOther' | 'votes' | 'commitIndex' | 'role'>;
}

/**
 * Where the long arrays of a checker's state were first written since `previous` was saved
 * (Infinity: not at all). A save given them shares every chunk below without comparing it, so it
 * costs what changed rather than the length of the run (see shareArray's `unchanged`).
 */
export interface CheckerEdits {
  /** prefixTerm and prefixHash, written together. */
  prefix: number;
  /** committedPrefix and committedTerm, written together. */
  committed: number;
  appliedEntry: number;
  /** Per node, its prefixHashes (a replaced array counts as written from 0). */
  readonly prefixHashes: Map<NodeId, number>;
}

export function noEdits(): CheckerEdits {
  return { prefix: Infinity, committed: Infinity, appliedEntry: Infinity, prefixHashes: new Map() };
}

/**
 * The state, sharing the chunks `previous` holds unchanged. Without `edits` (what was written since
 * `previous`) every chunk is compared; with them, the chunks below the first write are taken as they are.
 */
export function saveCheckerState(
  s: CheckerState,
  previous?: SavedCheckerState,
  edits?: CheckerEdits,
): SavedCheckerState {
  const unchanged = (firstWrite: number | undefined): number => (edits === undefined ? 0 : (firstWrite ?? Infinity));
  const prefixHashes: Record<NodeId, SharedArray<number>> = {};
  for (const [node, hashes] of Object.entries(s.prefixHashes)) {
    prefixHashes[node] = shareArray(hashes, previous?.prefixHashes[node], {
      unchanged: unchanged(edits?.prefixHashes.get(node)),
    });
  }
  const prefix = { unchanged: unchanged(edits?.prefix) };
  const committed = { unchanged: unchanged(edits?.committed) };
  return {
    prefixHashes,
    prefixTerm: shareArray(s.prefixTerm, previous?.prefixTerm, prefix),
    prefixHash: shareArray(s.prefixHash, previous?.prefixHash, prefix),
    committedPrefix: shareArray(s.committedPrefix, previous?.committedPrefix, committed),
    committedTerm: shareArray(s.committedTerm, previous?.committedTerm, committed),
    appliedEntry: shareArray(s.appliedEntry, previous?.appliedEntry, { unchanged: unchanged(edits?.appliedEntry) }),
    rest: {
      leaderOfTerm: { ...s.leaderOfTerm },
      prefixOther: { ...s.prefixOther },
      votes: { ...s.votes },
      commitIndex: { ...s.commitIndex },
      role: { ...s.role },
    },
  };
}

export function restoreCheckerState(saved: SavedCheckerState): CheckerState {
  const prefixHashes: Record<NodeId, number[]> = {};
  for (const [node, hashes] of Object.entries(saved.prefixHashes)) prefixHashes[node] = unshareArray(hashes);
  const { rest } = saved;
  return {
    prefixHashes,
    leaderOfTerm: { ...rest.leaderOfTerm },
    prefixTerm: unshareArray(saved.prefixTerm),
    prefixHash: unshareArray(saved.prefixHash),
    prefixOther: { ...rest.prefixOther },
    committedPrefix: unshareArray(saved.committedPrefix),
    committedTerm: unshareArray(saved.committedTerm),
    appliedEntry: unshareArray(saved.appliedEntry),
    votes: { ...rest.votes },
    commitIndex: { ...rest.commitIndex },
    role: { ...rest.role },
  };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const BAR = 0x7c; // "|"

/**
 * FNV-1a over the entry's text `term|requestId|command`, chained onto the previous prefix hash.
 * The text is hashed piece by piece, never built.
 */
function chain(prev: number, entry: LogEntry): number {
  let h = (prev ^ FNV_OFFSET) >>> 0;
  h = hashNumber(h, entry.term);
  h = Math.imul(h ^ BAR, FNV_PRIME) >>> 0;
  if (entry.requestId !== undefined) h = hashNumber(h, entry.requestId);
  h = Math.imul(h ^ BAR, FNV_PRIME) >>> 0;
  h = hashText(h, entry.command);
  // Two configuration entries differ by their voters (§6).
  if (entry.config !== undefined) {
    h = hashText(Math.imul(h ^ BAR, FNV_PRIME) >>> 0, entry.config.voters.join(','));
    if (entry.config.old !== undefined) h = hashText(Math.imul(h ^ BAR, FNV_PRIME) >>> 0, entry.config.old.join(','));
  }
  return h;
}

function hashText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/** Hashes the decimal text of `n` as String(n) writes it, without building it for ordinary integers. */
function hashNumber(h: number, n: number): number {
  if (!(n >= 0 && n <= 0x7fffffff && n === Math.floor(n))) return hashText(h, String(n));
  let div = 1;
  while (div * 10 <= n) div *= 10;
  for (; div >= 1; div /= 10) {
    const digit = Math.floor(n / div) % 10;
    h = Math.imul(h ^ (0x30 + digit), FNV_PRIME) >>> 0;
  }
  return h;
}

/**
 * The quorum of a configuration, made once: a configuration is never changed once made (a new one
 * replaces it), and a leader's every commit is checked against the one in force.
 */
const quorums = new WeakMap<Configuration, Quorum>();

function quorumOf(configuration: Configuration): Quorum {
  let quorum = quorums.get(configuration);
  if (quorum === undefined) {
    quorum = new Quorum(configuration);
    quorums.set(configuration, quorum);
  }
  return quorum;
}

/**
 * In committedPrefix: an index below a seeded snapshot's last one. It is committed (the snapshot says so) but
 * its prefix is unknown, since the snapshot kept only the prefix through its last index; the first log that
 * commits there sets it. Hashes are unsigned, so it can never be one.
 */
const UNKNOWN_PREFIX = -1;

/** What observe() returns when an event breaks nothing (callers only read it). */
const NONE: readonly Violation[] = Object.freeze([]);

export class SafetyChecker {
  /** What was written since the last save (see CheckerEdits), valid for that save only. */
  private edits = noEdits();
  private lastSaved: SavedCheckerState | undefined;

  constructor(readonly state: CheckerState) {}

  /**
   * The state for a checkpoint. When `previous` is this checker's own last save, only what was
   * written since is compared with it; otherwise (a restored state, another run's save) everything is.
   */
  save(previous?: SavedCheckerState): SavedCheckerState {
    const known = previous !== undefined && previous === this.lastSaved;
    const saved = saveCheckerState(this.state, previous, known ? this.edits : undefined);
    this.lastSaved = saved;
    this.edits = noEdits();
    return saved;
  }

  /** Node `node`'s prefix hashes were written from `index` (0-based) on. */
  private hashesWritten(node: NodeId, index: number): void {
    const first = this.edits.prefixHashes.get(node);
    if (first === undefined || index < first) this.edits.prefixHashes.set(node, index);
  }

  /** Registers a node's log as it is at time 0 (initial persistent state from the scenario). */
  seedLog(node: NodeId, log: readonly LogEntry[], time: number): readonly Violation[] {
    this.state.prefixHashes[node] = [];
    this.hashesWritten(node, 0);
    return this.appendHashes(node, 1, log, time) ?? NONE;
  }

  /**
   * Registers a log that starts after a snapshot (§7) at time 0: entries up to `index` are unknown,
   * so the prefix through (index, term) is taken to be the one another log with that entry has, if any.
   * A snapshot holds committed entries only, so that prefix is committed from the start: a leader that
   * later commits something else there (the snapshot's entries were on too few nodes to survive) is
   * flagged, where before the loss went unseen. It counts as committed in `currentTerm`, the node's term,
   * the latest in which it can have learned so (Leader Completeness binds only later leaders).
   */
  seedSnapshotLog(
    node: NodeId,
    index: number,
    term: number,
    log: readonly LogEntry[],
    time: number,
    currentTerm: number,
  ): readonly Violation[] {
    const hashes: number[] = [];
    hashes.length = index;
    hashes[index - 1] = this.prefixSeen(index, term, chain(0, { term, command: `snapshot ${index}` }));
    this.state.prefixHashes[node] = hashes;
    this.hashesWritten(node, 0);
    this.state.commitIndex[node] = index;
    const { committedPrefix, committedTerm } = this.state;
    for (let i = committedPrefix.length; i < index - 1; i++) {
      committedPrefix[i] = UNKNOWN_PREFIX;
      committedTerm[i] = currentTerm;
      this.edits.committed = Math.min(this.edits.committed, i);
    }
    const committed = this.checkCommitted(node, index - 1, index, currentTerm, time);
    const appended = this.appendHashes(node, index + 1, log, time);
    return committed || appended ? [...(committed ?? []), ...(appended ?? [])] : NONE;
  }

  /** Checks one node event, given the node's state right after the input that produced it. */
  observe(node: NodeId, event: RaftEvent, after: RaftState, time: number): readonly Violation[] {
    let found: Violation[] | null = null;
    const s = this.state;
    switch (event.type) {
      case 'termChanged':
        if (event.to < event.from) {
          found = [
            violation('Term Monotonic', time, node, `${node}'s term went from ${event.from} down to ${event.to}`),
          ];
        }
        break;
      case 'electionStarted':
        if (!event.preVote) found = this.recordVote(node, event.term, node, time);
        break;
      case 'voteGranted':
        if (!event.preVote) found = this.recordVote(node, event.term, event.candidate, time);
        break;
      case 'roleChanged':
        s.role[node] = event.to;
        if (event.to === 'leader') found = this.checkNewLeader(node, event.term, after, time);
        break;
      case 'entriesTruncated':
        found = this.checkDeletion(node, event.fromIndex, time);
        s.prefixHashes[node]!.length = event.fromIndex - 1;
        this.hashesWritten(node, event.fromIndex - 1);
        break;
      case 'entriesAppended': {
        // An append that starts inside the log replaces what was there: a deletion in disguise.
        const replaced = this.firstReplaced(node, event.fromIndex, event.entries);
        found = replaced === null ? null : this.checkDeletion(node, replaced, time);
        const mismatched = this.appendHashes(node, event.fromIndex, event.entries, time);
        if (mismatched) (found ??= []).push(...mismatched);
        if (event.leader === node && event.entries.some((e) => e.config !== undefined)) {
          const config = this.checkOneUncommittedConfig(node, after, time);
          if (config) (found ??= []).push(config);
        }
        break;
      }
      case 'commitAdvanced': {
        s.commitIndex[node] = event.to;
        found = this.checkCommitted(node, event.from, event.to, after.currentTerm, time);
        const quorum = event.by === 'majority' ? this.checkCommitQuorum(node, event.to, after, time) : null;
        if (quorum) (found ??= []).push(quorum);
        break;
      }
      case 'snapshotTaken':
        found = this.checkSnapshotTaken(node, event.index, event.term, event.commitIndex, time);
        break;
      case 'snapshotInstalled':
        found = this.checkSnapshotInstalled(node, event.leader, event.index, event.term, event.rule, time);
        break;
      case 'entryApplied': {
        const h = chain(0, event.entry);
        const earlier = s.appliedEntry[event.index - 1];
        if (earlier === undefined) {
          s.appliedEntry[event.index - 1] = h;
          this.edits.appliedEntry = Math.min(this.edits.appliedEntry, event.index - 1);
        } else if (earlier !== h) {
          found = [
            violation(
              'State Machine Safety',
              time,
              node,
              `${node} applied "${event.entry.command}" (term ${event.entry.term}) at index ${event.index}, where another node applied a different entry`,
              {
                index: event.index,
                term: event.entry.term,
              },
            ),
          ];
        }
        break;
      }
      default:
        break;
    }
    if (after.commitIndex > after.log.lastIndex()) {
      (found ??= []).push(
        violation(
          'Commit Bounds',
          time,
          node,
          `${node}'s commitIndex ${after.commitIndex} is past its last index ${after.log.lastIndex()}`,
        ),
      );
    }
    if (after.lastApplied > after.commitIndex) {
      (found ??= []).push(
        violation(
          'Commit Bounds',
          time,
          node,
          `${node}'s lastApplied ${after.lastApplied} is past its commitIndex ${after.commitIndex}`,
        ),
      );
    }
    return found ?? NONE;
  }

  /**
   * §6 (dissertation §4.1): a leader appends a configuration entry only once the previous one is
   * committed, so its log never holds two uncommitted ones. O(uncommitted entries).
   */
  private checkOneUncommittedConfig(node: NodeId, after: RaftState, time: number): Violation | null {
    const { log, commitIndex } = after;
    const uncommitted: number[] = [];
    for (let i = Math.max(commitIndex + 1, log.firstIndex()); i <= log.lastIndex(); i++)
      if (log.entry(i)?.config !== undefined) uncommitted.push(i);
    if (uncommitted.length <= 1) return null;
    return violation(
      'Configuration Safety',
      time,
      node,
      `leader ${node} holds ${uncommitted.length} uncommitted configuration entries (indexes ${uncommitted.join(', ')})`,
      { index: uncommitted[1]! },
    );
  }

  /**
   * A leader's commit is counted under the configuration in its log at that moment: entry
   * `index` must be on a majority of every voter set, judged from the checker's own copy of
   * each log (not from the leader's matchIndex). O(voters).
   */
  private checkCommitQuorum(node: NodeId, index: number, after: RaftState, time: number): Violation | null {
    const hashes = this.state.prefixHashes;
    const mine = hashes[node]?.[index - 1];
    if (mine === undefined) return null; // Reported as Commit Bounds.
    const quorum = quorumOf(after.configuration);
    const committed = quorum.committedIndex((id) => (hashes[id]?.[index - 1] === mine ? index : 0));
    if (committed >= index) return null;
    const sets = quorum.sets.map((set) => `{${set.join(',')}}`).join(' and ');
    return violation(
      'Commit Quorum',
      time,
      node,
      `leader ${node} committed index ${index}, which a majority of ${sets} does not hold`,
      { index },
    );
  }

  /** A restart must bring back the term and vote the node had (they are persistent). */
  observeRestart(node: NodeId, termBefore: number, termAfter: number, time: number, snapshotIndex = 0): Violation[] {
    // commitIndex is volatile (Figure 2): a restarted node starts again from 0 — or from its
    // snapshot's last index, which it knows committed (§7) — as a follower.
    this.state.commitIndex[node] = snapshotIndex;
    this.state.role[node] = 'follower';
    if (termAfter >= termBefore) return [];
    return [
      {
        invariant: 'Term Monotonic',
        time,
        nodes: [node],
        term: termAfter,
        detail: `${node} restarted with term ${termAfter} after having reached term ${termBefore}`,
      },
    ];
  }

  /**
   * §7: a snapshot holds committed entries only. One beyond the node's commitIndex put entries in
   * its state machine that may never commit: State Machine Safety no longer holds.
   */
  private checkSnapshotTaken(
    node: NodeId,
    index: number,
    term: number,
    commitIndex: number,
    time: number,
  ): Violation[] | null {
    this.state.commitIndex[node] = Math.max(this.state.commitIndex[node] ?? 0, index);
    if (index <= commitIndex) return null;
    return [
      violation(
        'State Machine Safety',
        time,
        node,
        `${node} took a snapshot through index ${index}, past its commitIndex ${commitIndex}: uncommitted entries are in its state machine`,
        { index, term },
      ),
    ];
  }

  /**
   * Figure 13 steps 6–8: the follower's log now starts with the leader's snapshot prefix through
   * (index, term). Rule 6 kept the log (it already held that prefix, by Log Matching); rule 7
   * replaced it, so its mirror takes the leader's prefix. Either way, that prefix must be the
   * committed one: a snapshot holds committed entries only.
   */
  private checkSnapshotInstalled(
    node: NodeId,
    leader: NodeId,
    index: number,
    term: number,
    rule: 6 | 7,
    time: number,
  ): Violation[] | null {
    const s = this.state;
    s.commitIndex[node] = Math.max(s.commitIndex[node] ?? 0, index);
    if (s.prefixHashes[node] === undefined) this.hashesWritten(node, 0);
    const hashes = (s.prefixHashes[node] ??= []);
    if (rule === 7) {
      const source = s.prefixHashes[leader] ?? [];
      const known = source.length >= index ? source[index - 1] : undefined;
      const copied = known !== undefined ? source.slice(0, index) : [];
      copied.length = index;
      copied[index - 1] = known ?? this.prefixSeen(index, term, chain(0, { term, command: `snapshot ${index}` }));
      s.prefixHashes[node] = copied;
      this.hashesWritten(node, 0);
    }
    const mine = (rule === 7 ? s.prefixHashes[node]! : hashes)[index - 1];
    const committed = s.committedPrefix[index - 1];
    if (mine === undefined || committed === undefined || committed === UNKNOWN_PREFIX || mine === committed)
      return null;
    return [
      violation(
        'State Machine Safety',
        time,
        node,
        `${node} installed ${leader}'s snapshot through index ${index}, whose log differs from what was committed there`,
        { index, term },
      ),
    ];
  }

  /** Entries from `fromIndex` on are gone from the node's log: legal only for a follower, above its commitIndex. */
  private checkDeletion(node: NodeId, fromIndex: number, time: number): Violation[] | null {
    let found: Violation[] | null = null;
    if (this.state.role[node] === 'leader') {
      found = [
        violation('Leader Append-Only', time, node, `leader ${node} deleted entries from index ${fromIndex}`, {
          index: fromIndex,
        }),
      ];
    }
    if (fromIndex <= (this.state.commitIndex[node] ?? 0)) {
      (found ??= []).push(
        violation('State Machine Safety', time, node, `${node} deleted committed entry ${fromIndex}`, {
          index: fromIndex,
        }),
      );
    }
    return found;
  }

  /**
   * The first index an append starting at `fromIndex` changes or drops from the node's log,
   * or null when it only adds at the end (or rewrites what is already there, unchanged).
   */
  private firstReplaced(node: NodeId, fromIndex: number, entries: readonly LogEntry[]): number | null {
    const hashes = this.state.prefixHashes[node] ?? [];
    if (hashes.length < fromIndex) return null;
    let prev = fromIndex > 1 ? hashes[fromIndex - 2]! : 0;
    for (let i = 0; i < entries.length && fromIndex + i <= hashes.length; i++) {
      prev = chain(prev, entries[i]!);
      if (prev !== hashes[fromIndex - 1 + i]) return fromIndex + i;
    }
    const end = fromIndex + entries.length;
    return end <= hashes.length ? end : null;
  }

  private recordVote(node: NodeId, term: number, candidate: NodeId, time: number): Violation[] | null {
    const key = `${node}:${term}`;
    const earlier = this.state.votes[key];
    if (earlier === undefined) this.state.votes[key] = candidate;
    else if (earlier !== candidate) {
      return [
        {
          invariant: 'Vote Stability',
          time,
          nodes: [node, earlier, candidate],
          term,
          detail: `${node} voted for ${earlier} and then for ${candidate} in term ${term}`,
        },
      ];
    }
    return null;
  }

  private checkNewLeader(node: NodeId, term: number, after: RaftState, time: number): Violation[] | null {
    const s = this.state;
    const found: Violation[] = [];
    const other = s.leaderOfTerm[term];
    if (other !== undefined && other !== node) {
      found.push({
        invariant: 'Election Safety',
        time,
        nodes: [other, node],
        term,
        detail: `${other} and ${node} were both elected leader of term ${term}`,
      });
    } else s.leaderOfTerm[term] = node;
    // Leader Completeness: every entry committed in an earlier term must be in the new leader's log.
    // A stale election can finish after a later term committed entries; those do not bind it.
    let committed = s.committedPrefix.length;
    while (committed > 0 && s.committedTerm[committed - 1]! >= term) committed--;
    if (committed === 0) return found;
    // Compared where the committed prefix is known: its top, unless a seeded snapshot left that one unknown.
    let known = committed;
    while (known > 0 && s.committedPrefix[known - 1] === UNKNOWN_PREFIX) known--;
    const mine = s.prefixHashes[node]!;
    const differs = (i: number): boolean =>
      s.committedPrefix[i - 1] !== UNKNOWN_PREFIX && mine[i - 1] !== s.committedPrefix[i - 1];
    if (after.log.lastIndex() < committed || (known > 0 && differs(known))) {
      let index = 1;
      while (index <= committed && !differs(index)) index++;
      found.push({
        invariant: 'Leader Completeness',
        time,
        nodes: [node],
        index,
        term,
        detail: `${node} became leader of term ${term} without committed entry ${index}`,
      });
    }
    return found;
  }

  private appendHashes(
    node: NodeId,
    fromIndex: number,
    entries: readonly LogEntry[],
    time: number,
  ): Violation[] | null {
    const s = this.state;
    const hashes = (s.prefixHashes[node] ??= []);
    this.hashesWritten(node, fromIndex - 1);
    // Setting an array's length costs a runtime call even when it does not change.
    if (hashes.length !== fromIndex - 1) hashes.length = fromIndex - 1;
    let found: Violation[] | null = null;
    let prev = fromIndex > 1 ? hashes[fromIndex - 2]! : 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const index = fromIndex + i;
      prev = chain(prev, entry);
      hashes.push(prev);
      // Log Matching: the same (index, term) anywhere means the same prefix.
      const seen = this.prefixSeen(index, entry.term, prev);
      if (seen !== prev) {
        (found ??= []).push({
          invariant: 'Log Matching',
          time,
          nodes: [node],
          index,
          term: entry.term,
          detail: `${node} holds an entry of term ${entry.term} at index ${index}, but its log up to there differs from another log with that entry`,
        });
      }
    }
    return found;
  }

  /** The prefix hash first seen for (index, term); `hash` is recorded when the pair is new. */
  private prefixSeen(index: number, term: number, hash: number): number {
    const s = this.state;
    const firstTerm = s.prefixTerm[index - 1];
    if (firstTerm === undefined) {
      s.prefixTerm[index - 1] = term;
      s.prefixHash[index - 1] = hash;
      this.edits.prefix = Math.min(this.edits.prefix, index - 1);
      return hash;
    }
    if (firstTerm === term) return s.prefixHash[index - 1]!;
    const key = `${index}:${term}`;
    return (s.prefixOther[key] ??= hash);
  }

  private checkCommitted(node: NodeId, from: number, to: number, term: number, time: number): Violation[] | null {
    const s = this.state;
    const hashes = s.prefixHashes[node]!;
    for (let index = from + 1; index <= to; index++) {
      const mine = hashes[index - 1];
      if (mine === undefined) continue; // Reported as Commit Bounds.
      const known = s.committedPrefix[index - 1];
      if (known === undefined || known === UNKNOWN_PREFIX) {
        s.committedPrefix[index - 1] = mine;
        s.committedTerm[index - 1] = known === undefined ? term : Math.min(term, s.committedTerm[index - 1]!);
        this.edits.committed = Math.min(this.edits.committed, index - 1);
      } else if (known === mine) {
        if (term < s.committedTerm[index - 1]!) {
          s.committedTerm[index - 1] = term;
          this.edits.committed = Math.min(this.edits.committed, index - 1);
        }
      } else {
        return [
          {
            invariant: 'State Machine Safety',
            time,
            nodes: [node],
            index,
            detail: `${node} committed index ${index} with a log that differs from what another node committed there`,
          },
        ];
      }
    }
    return null;
  }
}

function violation(
  invariant: InvariantName,
  time: number,
  node: NodeId,
  detail: string,
  extra: Partial<Violation> = {},
): Violation {
  return { invariant, time, nodes: [node], detail, ...extra };
}
