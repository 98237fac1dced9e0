// The safety-invariant checker (Figure 3 of the Raft paper, plus a few per-node
// sanity rules). It watches the structured events of every node and checks only
// what each event changed, so its cost per event is O(change), never O(state):
// logs are summarised by a chain of prefix hashes, and global facts (the leader
// of each term, the committed entry at each index) are kept in maps.

import type { LogEntry, NodeId, RaftEvent, RaftState } from '../raft/types';
import type { InvariantName, Violation } from './types';

export interface CheckerState {
  /** Per node: prefixHash[i] summarises log[0..i] (index i+1), mirroring the node's log. */
  prefixHashes: Record<NodeId, number[]>;
  /** Election Safety: the leader of each term. */
  leaderOfTerm: Record<number, NodeId>;
  /** Log Matching: the prefix hash first seen for (index, term), keyed "index:term". */
  prefixAt: Record<string, number>;
  /** State Machine Safety / Leader Completeness: the committed prefix hash at each index (index 1 at [0]). */
  committedPrefix: number[];
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
}

export function emptyCheckerState(): CheckerState {
  return {
    prefixHashes: {},
    leaderOfTerm: {},
    prefixAt: {},
    committedPrefix: [],
    appliedEntry: [],
    votes: {},
    commitIndex: {},
  };
}

export function cloneCheckerState(s: CheckerState): CheckerState {
  const prefixHashes: Record<NodeId, number[]> = {};
  for (const [node, hashes] of Object.entries(s.prefixHashes)) prefixHashes[node] = [...hashes];
  return {
    prefixHashes,
    leaderOfTerm: { ...s.leaderOfTerm },
    prefixAt: { ...s.prefixAt },
    committedPrefix: [...s.committedPrefix],
    appliedEntry: [...s.appliedEntry],
    votes: { ...s.votes },
    commitIndex: { ...s.commitIndex },
  };
}

/** FNV-1a over the entry, chained onto the previous prefix hash. */
function chain(prev: number, entry: LogEntry): number {
  let h = (prev ^ 0x811c9dc5) >>> 0;
  const text = `${entry.term}|${entry.requestId ?? ''}|${entry.command}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class SafetyChecker {
  constructor(readonly state: CheckerState) {}

  /** Registers a node's log as it is at time 0 (initial persistent state from the scenario). */
  seedLog(node: NodeId, log: readonly LogEntry[], time: number): Violation[] {
    const found: Violation[] = [];
    this.state.prefixHashes[node] = [];
    this.appendHashes(node, 1, log, time, found);
    return found;
  }

  /** Checks one node event, given the node's state right after the input that produced it. */
  observe(node: NodeId, event: RaftEvent, after: RaftState, time: number): Violation[] {
    const found: Violation[] = [];
    const s = this.state;
    const report = (invariant: InvariantName, detail: string, extra: Partial<Violation> = {}): void => {
      found.push({ invariant, time, nodes: [node], detail, ...extra });
    };
    switch (event.type) {
      case 'termChanged':
        if (event.to < event.from)
          report('Term Monotonic', `${node}'s term went from ${event.from} down to ${event.to}`);
        break;
      case 'electionStarted':
        if (!event.preVote) this.recordVote(node, event.term, node, time, found);
        break;
      case 'voteGranted':
        if (!event.preVote) this.recordVote(node, event.term, event.candidate, time, found);
        break;
      case 'roleChanged':
        if (event.to === 'leader') this.checkNewLeader(node, event.term, after, time, found);
        break;
      case 'entriesTruncated':
        if (after.role === 'leader') {
          report('Leader Append-Only', `leader ${node} deleted entries from index ${event.fromIndex}`, {
            index: event.fromIndex,
          });
        }
        if (event.fromIndex <= (s.commitIndex[node] ?? 0)) {
          report('State Machine Safety', `${node} deleted committed entry ${event.fromIndex}`, {
            index: event.fromIndex,
          });
        }
        s.prefixHashes[node]!.length = event.fromIndex - 1;
        break;
      case 'entriesAppended':
        this.appendHashes(node, event.fromIndex, event.entries, time, found);
        break;
      case 'commitAdvanced':
        s.commitIndex[node] = event.to;
        this.checkCommitted(node, event.from, event.to, time, found);
        break;
      case 'entryApplied': {
        const h = chain(0, event.entry);
        const earlier = s.appliedEntry[event.index - 1];
        if (earlier === undefined) s.appliedEntry[event.index - 1] = h;
        else if (earlier !== h) {
          report(
            'State Machine Safety',
            `${node} applied "${event.entry.command}" (term ${event.entry.term}) at index ${event.index}, where another node applied a different entry`,
            {
              index: event.index,
              term: event.entry.term,
            },
          );
        }
        break;
      }
      default:
        break;
    }
    if (after.commitIndex > after.log.length) {
      report('Commit Bounds', `${node}'s commitIndex ${after.commitIndex} is past its last index ${after.log.length}`);
    }
    if (after.lastApplied > after.commitIndex) {
      report(
        'Commit Bounds',
        `${node}'s lastApplied ${after.lastApplied} is past its commitIndex ${after.commitIndex}`,
      );
    }
    return found;
  }

  /** A restart must bring back the term and vote the node had (they are persistent). */
  observeRestart(node: NodeId, termBefore: number, termAfter: number, time: number): Violation[] {
    // commitIndex is volatile (Figure 2): a restarted node starts again from 0.
    this.state.commitIndex[node] = 0;
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

  private recordVote(node: NodeId, term: number, candidate: NodeId, time: number, found: Violation[]): void {
    const key = `${node}:${term}`;
    const earlier = this.state.votes[key];
    if (earlier === undefined) this.state.votes[key] = candidate;
    else if (earlier !== candidate) {
      found.push({
        invariant: 'Vote Stability',
        time,
        nodes: [node, earlier, candidate],
        term,
        detail: `${node} voted for ${earlier} and then for ${candidate} in term ${term}`,
      });
    }
  }

  private checkNewLeader(node: NodeId, term: number, after: RaftState, time: number, found: Violation[]): void {
    const s = this.state;
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
    // Leader Completeness: every entry committed so far must be in the new leader's log.
    const committed = s.committedPrefix.length;
    if (committed === 0) return;
    const mine = s.prefixHashes[node]!;
    if (after.log.length < committed || mine[committed - 1] !== s.committedPrefix[committed - 1]) {
      let index = 1;
      while (index <= committed && mine[index - 1] === s.committedPrefix[index - 1]) index++;
      found.push({
        invariant: 'Leader Completeness',
        time,
        nodes: [node],
        index,
        term,
        detail: `${node} became leader of term ${term} without committed entry ${index}`,
      });
    }
  }

  private appendHashes(
    node: NodeId,
    fromIndex: number,
    entries: readonly LogEntry[],
    time: number,
    found: Violation[],
  ): void {
    const s = this.state;
    const hashes = (s.prefixHashes[node] ??= []);
    hashes.length = fromIndex - 1;
    let prev = fromIndex > 1 ? hashes[fromIndex - 2]! : 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const index = fromIndex + i;
      prev = chain(prev, entry);
      hashes.push(prev);
      // Log Matching: the same (index, term) anywhere means the same prefix.
      const key = `${index}:${entry.term}`;
      const seen = s.prefixAt[key];
      if (seen === undefined) s.prefixAt[key] = prev;
      else if (seen !== prev) {
        found.push({
          invariant: 'Log Matching',
          time,
          nodes: [node],
          index,
          term: entry.term,
          detail: `${node} holds an entry of term ${entry.term} at index ${index}, but its log up to there differs from another log with that entry`,
        });
      }
    }
  }

  private checkCommitted(node: NodeId, from: number, to: number, time: number, found: Violation[]): void {
    const s = this.state;
    const hashes = s.prefixHashes[node]!;
    for (let index = from + 1; index <= to; index++) {
      const mine = hashes[index - 1];
      if (mine === undefined) continue; // Reported as Commit Bounds.
      const known = s.committedPrefix[index - 1];
      if (known === undefined) {
        s.committedPrefix[index - 1] = mine;
      } else if (known !== mine) {
        found.push({
          invariant: 'State Machine Safety',
          time,
          nodes: [node],
          index,
          detail: `${node} committed index ${index} with a log that differs from what another node committed there`,
        });
        return;
      }
    }
  }
}
