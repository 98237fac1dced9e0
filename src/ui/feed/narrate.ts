// The trace in plain words: (events, lang) → feed items. Pure, so it is unit-tested in
// both languages. Records of one step (one queue event) become one item; inside it,
// related records become one sentence (a timeout + term change + role change + the
// RequestVotes sent = "C timed out … and asked A, B, D, E for votes").
// Raw messages are noise for a class and only appear with `showMessages`.

import { refusalMessage } from '../refusal-text';
import type { NodeId, RaftEvent, RaftMessage } from '../../raft/types';
import type { Action } from '../../scenario/schema';
import type { Lang } from '../../store/sim-store';
import type { ClientEvent, Envelope, TraceEvent, WireMessage } from '../../sim/types';
import { PHRASES, list, type Phrases } from './phrases';
import { describeTransferMessage, narrateTransferAction, narrateTransferEvent } from './narrate-transfer';

export type Tone = 'election' | 'log' | 'commit' | 'client' | 'action' | 'error' | 'violation' | 'message';

export interface FeedLine {
  readonly text: string;
  readonly tone: Tone;
}

export interface FeedItem {
  /** Stable across frames: the step number and the position of the group within its step. */
  readonly key: string;
  readonly step: number;
  readonly time: number;
  readonly lines: readonly FeedLine[];
}

export interface NarrateOptions {
  /** Also show every message sent (heartbeats included) and lost. */
  readonly showMessages?: boolean;
}

type NodeRecord = Extract<TraceEvent, { kind: 'node' }>;

/**
 * Split the trace into groups, one per step. A live action is recorded under the step
 * number of the event before it, at the same virtual time: it joins that group and is
 * told first (its records come before its own 'action' record).
 */
function groupTrace(events: readonly TraceEvent[]): TraceEvent[][] {
  const groups: TraceEvent[][] = [];
  let current: TraceEvent[] | null = null;
  for (const e of events) {
    if (current === null || current[0]!.step !== e.step) {
      current = [];
      groups.push(current);
    }
    current.push(e);
  }
  return groups;
}

export function narrate(events: readonly TraceEvent[], lang: Lang, options: NarrateOptions = {}): FeedItem[] {
  const p = PHRASES[lang];
  const items: FeedItem[] = [];
  const perStep = new Map<number, number>();
  for (const group of groupTrace(events)) {
    const lines = narrateGroup(group, p, lang, options.showMessages ?? false);
    const first = group[0]!;
    const n = perStep.get(first.step) ?? 0;
    perStep.set(first.step, n + 1);
    if (lines.length > 0) items.push({ key: `${first.step}.${n}`, step: first.step, time: first.time, lines });
  }
  return items;
}

function narrateGroup(group: readonly TraceEvent[], p: Phrases, lang: Lang, showMessages: boolean): FeedLine[] {
  const lines: FeedLine[] = [];
  const used = new Set<number>();
  const say = (text: string, tone: Tone): void => {
    lines.push({ text, tone });
  };

  /** The next unused record of `node` after position i matching `pred`, consumed if found. */
  const take = <T extends RaftEvent['type']>(
    i: number,
    node: NodeId,
    type: T,
    pred: (e: Extract<RaftEvent, { type: T }>) => boolean = () => true,
  ): Extract<RaftEvent, { type: T }> | null => {
    for (let j = i + 1; j < group.length; j++) {
      const r = group[j]!;
      if (used.has(j) || r.kind !== 'node' || r.node !== node) continue;
      if (r.event.type === type && pred(r.event as Extract<RaftEvent, { type: T }>)) {
        used.add(j);
        return r.event as Extract<RaftEvent, { type: T }>;
      }
    }
    return null;
  };
  const timedOut = (node: NodeId): boolean =>
    group.some((r) => r.kind === 'timerFired' && r.node === node && r.timer === 'election');
  /** Who sent the message this node is reacting to in this step (a delivered AppendEntries, say). */
  const deliveredTo = (node: NodeId, type: WireMessage['type']): Envelope | null => {
    for (const r of group)
      if (r.kind === 'delivered' && r.message.to === node && r.message.payload.type === type) return r.message;
    return null;
  };
  const votePeers = (node: NodeId, preVote: boolean): NodeId[] =>
    group.flatMap((r) =>
      r.kind === 'sent' && r.message.from === node && r.message.payload.type === (preVote ? 'PreVote' : 'RequestVote')
        ? [r.message.to]
        : [],
    );
  const hasAction = group.some((r) => r.kind === 'action');

  // User actions first: what the class did, then what the cluster did about it.
  group.forEach((r, i) => {
    if (r.kind !== 'action') return;
    used.add(i);
    narrateAction(r.action, r.refusal ? refusalMessage(r.refusal, lang) : r.error);
  });
  for (let i = 0; i < group.length; i++) {
    if (used.has(i)) continue;
    used.add(i);
    const r = group[i]!;
    switch (r.kind) {
      case 'node':
        narrateNode(r, i);
        break;
      case 'client':
        narrateClient(r.event, i);
        break;
      case 'action':
        break;
      case 'crashed':
        say(p.crashed(r.node), 'action');
        break;
      case 'restarted':
        say(p.restart(r.node, r.term, r.votedFor), 'action');
        break;
      case 'violation':
        say(p.violation(r.violation), 'violation');
        break;
      case 'sent':
        if (showMessages) say(p.sent(r.message.from, r.message.to, describe(r.message.payload, p)), 'message');
        break;
      case 'dropped':
        if (showMessages && !(hasAction && r.reason === 'dropped-by-user')) {
          const reason = p.dropReason[r.reason] ?? r.reason;
          say(p.lost(r.message.from, r.message.to, describe(r.message.payload, p), reason), 'message');
        }
        break;
      case 'timerFired':
      case 'delivered':
        // Told through what the node does next.
        break;
    }
  }
  return lines;

  function narrateNode(r: NodeRecord, i: number): void {
    const { node, event: e } = r;
    switch (e.type) {
      case 'termChanged': {
        if (e.cause === 'election') {
          take(i, node, 'electionStarted', (x) => !x.preVote);
          take(i, node, 'roleChanged', (x) => x.to === 'candidate');
          say(p.election(node, e.from, e.to, votePeers(node, false), timedOut(node)), 'election');
          break;
        }
        const role = take(i, node, 'roleChanged', (x) => x.to === 'follower');
        say(
          p.sawHigherTerm(node, e.to, e.cause, role ? (role.from as 'leader' | 'candidate') : 'follower'),
          'election',
        );
        break;
      }
      case 'roleChanged':
        if (e.to === 'leader') say(p.becameLeader(node, e.term), 'election');
        else if (e.to === 'follower')
          say(p.backToFollower(node, e.term, deliveredTo(node, 'AppendEntries')?.from ?? null), 'election');
        else say(p.becameRole(node, p.role(e.to), e.term), 'election');
        break;
      case 'electionStarted':
        if (e.preVote) say(p.preVote(node, e.term, votePeers(node, true)), 'election');
        else say(p.election(node, e.term - 1, e.term, votePeers(node, false), timedOut(node)), 'election');
        break;
      case 'voteGranted':
        say(p.voteGranted(node, e.candidate, e.term, e.preVote), 'election');
        break;
      case 'voteRefused':
        say(p.voteRefused(node, e.candidate, e.term, e.preVote, e.reason, e.check), 'election');
        break;
      case 'appendRefused':
        say(p.appendRefused(node, e.leader, e.term, e.prevLogIndex, e.prevLogTerm, e.reason), 'log');
        break;
      case 'entriesAppended': {
        const last = e.fromIndex + e.entries.length - 1;
        const first = e.entries[0];
        const from = deliveredTo(node, 'AppendEntries')?.from ?? null;
        if (from === null && e.entries.length === 1 && first?.command === '') {
          say(p.noop(node, e.fromIndex, first.term), 'log');
          break;
        }
        const single = e.entries.length === 1 && first ? first : null;
        say(
          p.appended(node, from, e.fromIndex, last, single?.term ?? 0, single ? commandText(single.command, p) : null),
          'log',
        );
        break;
      }
      case 'entriesTruncated':
        say(p.truncated(node, e.fromIndex, e.removed.length), 'log');
        break;
      case 'nextIndexBackedUp':
        say(p.backedUp(node, e.follower, e.from, e.to), 'log');
        break;
      case 'commitAdvanced': {
        const applied: string[] = [];
        const retries: { requestId: number; index: number }[] = [];
        for (let n = e.from + 1; n <= e.to; n++) {
          const a = take(i, node, 'entryApplied', (x) => x.index === n);
          if (a) applied.push(commandText(a.entry.command, p));
          if (a?.retry && a.entry.requestId !== undefined) retries.push({ requestId: a.entry.requestId, index: n });
        }
        const commands = applied.length > 3 ? [...applied.slice(0, 3), '…'].join(', ') : applied.join(', ');
        // A follower learns of commits from the leader's AppendEntries (leaderCommit); a leader counts replicas.
        if (e.by === 'leaderCommit') {
          say(p.followerCommitted(node, e.leader ?? null, e.from + 1, e.to, commands), 'commit');
        } else {
          say(p.leaderCommitted(node, e.from + 1, e.to, commands, e.replicas), 'commit');
          // Said once, by the leader that answers the client, not by every node applying the copy.
          for (const r of retries) say(p.retryNotApplied(node, r.requestId, r.index), 'commit');
        }
        break;
      }
      case 'entryApplied':
        // Told with the commit that caused it.
        break;
      case 'steppedDown':
        take(i, node, 'roleChanged', (x) => x.to === 'follower');
        say(p.lostQuorum(node), 'election');
        break;
      default: {
        // Leadership transfer (§3.10) and reads without the log (§6.4): see narrate-transfer.ts.
        const line = narrateTransferEvent(node, e, lang);
        if (line) say(line.text, line.tone);
      }
    }
  }

  function narrateClient(e: ClientEvent, i: number): void {
    switch (e.type) {
      case 'submitted':
        say(p.submitted(e.requestId, e.command, e.to), 'client');
        break;
      case 'refused':
        say(p.clientRefused(e.command, e.reason), 'error');
        break;
      case 'redirected':
        say(p.redirected(e.requestId, e.by, e.to), 'client');
        break;
      case 'timedOut':
        say(p.clientTimedOut(e.requestId, e.node), 'client');
        break;
      case 'retried':
        say(p.retried(e.requestId, e.to, e.attempt), 'client');
        break;
      case 'accepted': {
        const appended = take(i, e.node, 'entriesAppended', (x) => x.fromIndex === e.index);
        const command = appended?.entries[0]?.command ?? commandOf(e.requestId);
        say(p.accepted(e.node, e.requestId, command, e.index, e.term), 'log');
        break;
      }
      case 'succeeded':
        say(p.succeeded(e.requestId, e.by, e.result), 'client');
        break;
      case 'failed':
        say(p.failed(e.requestId, e.reason), 'error');
        break;
    }
  }

  /** The command of a request, from its 'submitted' record if it is in this group. */
  function commandOf(requestId: number): string {
    for (const r of group)
      if (r.kind === 'client' && r.event.type === 'submitted' && r.event.requestId === requestId)
        return r.event.command;
    return '';
  }

  function narrateAction(action: Action, error: string | undefined): void {
    if (error !== undefined) {
      say(p.actionRefused(actionLabel(action), error), 'error');
      return;
    }
    const restarted = (node: NodeId): Extract<TraceEvent, { kind: 'restarted' }> | null => {
      const j = group.findIndex((r, k) => !used.has(k) && r.kind === 'restarted' && r.node === node);
      if (j < 0) return null;
      used.add(j);
      return group[j] as Extract<TraceEvent, { kind: 'restarted' }>;
    };
    const consumeCrash = (node: NodeId): void => {
      const j = group.findIndex((r, k) => !used.has(k) && r.kind === 'crashed' && r.node === node);
      if (j >= 0) used.add(j);
    };
    switch (action.do) {
      case 'kill':
        consumeCrash(action.node);
        say(p.kill(action.node), 'action');
        return;
      case 'restart': {
        const r = restarted(action.node);
        say(p.restart(action.node, r?.term ?? null, r?.votedFor ?? null), 'action');
        return;
      }
      case 'isolate':
        say(p.isolate(action.node), 'action');
        return;
      case 'restore':
        say(p.restore(action.node), 'action');
        return;
      case 'timeout':
        say(p.forceTimeout(action.node), 'action');
        return;
      case 'heartbeat':
        say(p.forceHeartbeat(action.node), 'action');
        return;
      case 'partition':
        say(p.partition(action.groups.map((g) => `{${list(g)}}`).join(' | ')), 'action');
        return;
      case 'heal':
        say(p.heal, 'action');
        return;
      case 'cut':
      case 'mend': {
        const link = `${action.from}${action.oneWay ? '→' : '–'}${action.to}`;
        say(action.do === 'cut' ? p.cut(link) : p.mend(link), 'action');
        return;
      }
      case 'network': {
        const parts: string[] = [];
        if (action.dropRate !== undefined) parts.push(p.dropRate(pct(action.dropRate)));
        if (action.duplicateRate !== undefined) parts.push(p.duplicateRate(pct(action.duplicateRate)));
        if (action.reorder !== undefined) parts.push(p.reorder(action.reorder));
        if (action.latency !== undefined) parts.push(p.latency(action.latency[0], action.latency[1]));
        say(p.networkSettings(parts), 'action');
        return;
      }
      case 'setOptions': {
        const parts: string[] = [];
        for (const [k, v] of Object.entries(action.options ?? {}))
          if (v !== undefined) parts.push(`${k} ${p.onOff(v)}`);
        for (const [k, v] of Object.entries(action.unsafe ?? {}))
          if (v !== undefined) parts.push(`${k} ${p.onOff(v)}${v ? p.unsafeTag : ''}`);
        say(p.setOptions(parts), 'action');
        return;
      }
      case 'submit':
        // The client's own record ("Client sent request #3 …") says it.
        return;
      case 'drop':
        say(p.dropMessage(action.message), 'action');
        return;
      default:
        say(narrateTransferAction(action, lang) ?? p.genericAction(actionLabel(action)), 'action');
    }
  }
}

function pct(x: number): number {
  return Math.round(x * 1000) / 10;
}

/** A short label for an action, for refusals: "kill C", "partition A B | C D E". */
export function actionLabel(action: Action): string {
  const parts: string[] = [action.do];
  if ('node' in action && typeof action.node === 'string') parts.push(action.node);
  if ('from' in action && 'to' in action) parts.push(`${String(action.from)}–${String(action.to)}`);
  if ('message' in action) parts.push(`#${String(action.message)}`);
  if ('command' in action) parts.push(`"${String(action.command)}"`);
  return parts.join(' ');
}

/** The text shown for a command: a leader's no-op has command "". */
export function commandText(command: string, p: Phrases = PHRASES.en): string {
  return command === '' ? p.noop_ : command;
}

function describe(m: WireMessage, p: Phrases): string {
  switch (m.type) {
    case 'ClientRequest':
      return p.clientRequest(m.requestId, m.command);
    case 'ClientReply':
      return p.clientReply(m.requestId, m.success);
    default:
      return describeRaft(m, p);
  }
}

function describeRaft(m: RaftMessage, p: Phrases): string {
  switch (m.type) {
    case 'RequestVote':
    case 'PreVote':
      return p.requestVote(m.term, m.lastLogIndex, m.lastLogTerm, m.type === 'PreVote');
    case 'RequestVoteReply':
    case 'PreVoteReply':
      return p.voteReply(m.voteGranted, m.term, m.type === 'PreVoteReply');
    case 'AppendEntries':
      return m.entries.length === 0
        ? p.heartbeat(m.term, m.prevLogIndex, m.prevLogTerm, m.leaderCommit)
        : p.appendEntries(m.entries.length, m.term, m.prevLogIndex, m.prevLogTerm, m.leaderCommit);
    case 'AppendEntriesReply':
      return p.appendReply(m.success, m.term, m.matchIndex);
    default:
      return describeTransferMessage(m, p === PHRASES.ko ? 'ko' : 'en') ?? m.type;
  }
}
