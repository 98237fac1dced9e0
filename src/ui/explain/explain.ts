// Why did this happen? For each trace record, the rule of Figure 2 at work, the course-notes
// section it illustrates and the rule's condition evaluated on the values the engine recorded
// (VoteCheck on votes, myPrevLogTerm on a refused append, replicas on a commit …). Pure: it
// never decides Raft, it only reads the records of the same step and, when a value was not
// recorded in the event itself, the messages and earlier records of the feed.

import { majorityOf as majority } from '../../raft/quorum';
import type { LogEntry, NodeId, RaftEvent, RaftMessage, VoteCheck } from '../../raft/types';
import type { Lang } from '../../store/sim-store';
import type { Envelope, InvariantName, NodeFrame, TraceEvent, Violation, WireMessage } from '../../sim/types';
import { CLIENT } from '../../sim/types';
import { EXPLAIN_PHRASES, type ExplainPhrases } from './phrases';
import { describeTransferMessage, narrateTransferEvent } from '../feed/narrate-transfer';

/** The lines of the rules panel (Figure 2 and the options), so a highlight can point at one. */
export type RuleId =
  | 'all.apply'
  | 'all.higherTerm'
  | 'all.persist'
  | 'follower.timeout'
  | 'candidate.start'
  | 'candidate.win'
  | 'candidate.leaderSeen'
  | 'leader.announce'
  | 'leader.heartbeat'
  | 'leader.client'
  | 'leader.backup'
  | 'leader.commit'
  | 'rv.stale'
  | 'rv.votedFor'
  | 'rv.upToDate'
  | 'ae.stale'
  | 'ae.check'
  | 'ae.conflict'
  | 'ae.append'
  | 'ae.commit'
  | 'opt.preVote'
  | 'opt.checkQuorum'
  | 'opt.leaderNoop'
  | 'opt.fastBackup';

export interface Explanation {
  /** The node whose rule ran (null for a client event or a violation). */
  readonly node: NodeId | null;
  /** The rules-panel lines it executed. */
  readonly rules: readonly RuleId[];
  /** Course-notes section, e.g. "§6.3". */
  readonly section: string;
  /** Paper or thesis section, e.g. "paper §5.4.1". */
  readonly source?: string;
  /** The sentence, without the section prefix. */
  readonly text: string;
  /** The rule's condition evaluated on the real values: "candidate's lastLogTerm 2 > my lastLogTerm 3? no → refuse". */
  readonly check?: string;
  /** An unsafe switch let this happen. */
  readonly unsafe?: string;
  readonly violation?: boolean;
}

export interface ExplainContext {
  readonly lang: Lang;
  /** N, for majorities. */
  readonly clusterSize: number;
  /** The feed the step comes from (oldest first), to look back for values not in the event. */
  readonly feed?: readonly TraceEvent[];
  /** Node logs at the viewed instant, a last resort for the term of an entry. */
  readonly logs?: Readonly<Record<NodeId, readonly LogEntry[]>>;
}

/** "§6.3 (paper §5.4.1): B refused …" */
export function formatExplanation(e: Explanation): string {
  return `${e.section}${e.source ? ` (${e.source})` : ''}: ${e.text}`;
}

/** The records of one step, in feed order. */
export function recordsOfStep(feed: readonly TraceEvent[], step: number): TraceEvent[] {
  return feed.filter((r) => r.step === step);
}

/** The step of the newest record, or null for an empty feed. */
export function latestStep(feed: readonly TraceEvent[]): number | null {
  return feed.length === 0 ? null : feed[feed.length - 1]!.step;
}

type NodeRecord = Extract<TraceEvent, { kind: 'node' }>;
type Of<T extends RaftEvent['type']> = Extract<RaftEvent, { type: T }>;

const INVARIANT_SECTION: Record<InvariantName, { section: string; source: string }> = {
  'Election Safety': { section: '§3.2', source: 'paper §5.2' },
  'Leader Append-Only': { section: '§7.2', source: 'paper §5.3' },
  'Log Matching': { section: '§7.1', source: 'paper §5.3' },
  'Leader Completeness': { section: '§6.3', source: 'paper §5.4' },
  'State Machine Safety': { section: '§4', source: 'paper §5.4.3' },
  'Term Monotonic': { section: '§6.2', source: 'Figure 2' },
  'Vote Stability': { section: '§3.2', source: 'Figure 2' },
  'Commit Bounds': { section: '§4', source: 'Figure 2' },
};

export function invariantSection(invariant: InvariantName): { section: string; source: string } {
  return INVARIANT_SECTION[invariant];
}

/** Explanations of every record of one step that executed a rule, in order. */
export function explainStep(step: readonly TraceEvent[], ctx: ExplainContext): Explanation[] {
  const out: Explanation[] = [];
  for (const r of step) {
    const e = explainRecord(r, step, ctx);
    if (e) out.push(...e);
  }
  return out;
}

/** The explanations of one record (usually one; a timeout that repeats an election adds §6.1). */
export function explainRecord(r: TraceEvent, step: readonly TraceEvent[], ctx: ExplainContext): Explanation[] | null {
  const p = EXPLAIN_PHRASES[ctx.lang];
  const sourcePrefix = (s: string): string => s.replace(/^paper/, p.paper).replace(/^thesis/, p.thesis);
  const ex = (e: Explanation): Explanation => (e.source ? { ...e, source: sourcePrefix(e.source) } : e);
  switch (r.kind) {
    case 'node': {
      const found = explainNode(r, step, ctx, p);
      return found ? found.map(ex) : null;
    }
    case 'timerFired': {
      if (r.timer !== 'heartbeat') return null;
      const peers = sentFrom(step, r.node, 'AppendEntries').map((m) => m.to as NodeId);
      if (peers.length === 0) return null;
      return [
        ex({
          node: r.node,
          rules: ['leader.heartbeat'],
          section: '§2',
          source: 'paper §5.2',
          text: p.heartbeat(r.node, peers),
        }),
      ];
    }
    case 'restarted':
      return [
        ex({
          node: r.node,
          rules: ['all.persist'],
          section: '§2',
          source: 'Figure 2',
          text: p.restarted(r.node, r.term, r.votedFor),
        }),
      ];
    case 'client':
      if (r.event.type !== 'redirected') return null;
      return [
        ex({
          node: r.event.by,
          rules: ['leader.client'],
          section: '§4',
          source: 'paper §8',
          text: p.redirected(r.event.by, r.event.requestId, r.event.to),
        }),
      ];
    case 'violation':
      return [explainViolation(r.violation, ctx.lang)];
    default:
      return null;
  }
}

export function explainViolation(v: Violation, lang: Lang): Explanation {
  const p = EXPLAIN_PHRASES[lang];
  const { section, source } = INVARIANT_SECTION[v.invariant];
  return {
    node: null,
    rules: [],
    section,
    source: source.replace(/^paper/, p.paper),
    text: p.violation(v),
    violation: true,
  };
}

function explainNode(
  r: NodeRecord,
  step: readonly TraceEvent[],
  ctx: ExplainContext,
  p: ExplainPhrases,
): Explanation[] | null {
  const { node, event: e } = r;
  switch (e.type) {
    case 'termChanged': {
      if (e.cause === 'election') {
        const cause = electionCause(step, node);
        const peers = sentFrom(step, node, 'RequestVote').map((m) => m.to as NodeId);
        const out: Explanation[] = [
          {
            node,
            rules: cause === 'preVote' ? ['opt.preVote', 'candidate.start'] : ['follower.timeout', 'candidate.start'],
            section: '§3.2',
            source: 'paper §5.2',
            text: p.election(node, e.from, e.to, peers, cause),
            check: p.electionCheck(node, e.from, e.to),
          },
        ];
        // §6.1: the previous term change of this node was its own election too, and no leader came of it.
        const prev = previousTermChange(ctx.feed, step, node);
        if (prev && prev.cause === 'election' && prev.to === e.from && !becameLeaderIn(ctx.feed, node, prev.to))
          out.push({ node, rules: ['candidate.start'], section: '§6.1', text: p.termClimbs(node, prev.to, e.to) });
        return out;
      }
      const role = nodeEvents(step, node, 'roleChanged').find((x) => x.to === 'follower');
      const was = role ? (role.from as 'leader' | 'candidate') : 'follower';
      return [
        {
          node,
          rules: ['all.higherTerm'],
          section: '§6.2',
          source: 'Figure 2',
          text: p.higherTerm(node, e.from, e.to, e.cause, was),
          check: p.higherTermCheck(e.from, e.to),
        },
      ];
    }
    case 'electionStarted':
      if (!e.preVote) return null; // Told with its termChanged.
      return [
        {
          node,
          rules: ['opt.preVote'],
          section: '§6.2',
          source: 'thesis §9.6',
          text: p.preVote(
            node,
            e.term,
            sentFrom(step, node, 'RequestVote').map((m) => m.to as NodeId),
          ),
        },
      ];
    case 'roleChanged': {
      if (e.to === 'leader') {
        const votes = votesCounted(ctx.feed ?? step, step, node, e.term);
        const maj = majority(ctx.clusterSize);
        return [
          {
            node,
            rules: ['candidate.win', 'leader.announce'],
            section: '§3.2',
            source: 'paper §5.2',
            text: p.becameLeader(node, e.term, votes, ctx.clusterSize, maj),
            ...(votes === null ? {} : { check: p.becameLeaderCheck(votes, maj) }),
          },
        ];
      }
      // A candidate hearing a leader of its own term (a higher term is told by termChanged).
      const higher = nodeEvents(step, node, 'termChanged').length > 0;
      const lost = nodeEvents(step, node, 'steppedDown').length > 0;
      if (e.to === 'follower' && e.from === 'candidate' && !higher && !lost) {
        const leader = deliveredTo(step, node, 'AppendEntries')?.from ?? null;
        if (leader === null) return null;
        return [
          {
            node,
            rules: ['candidate.leaderSeen'],
            section: '§3.2',
            source: 'paper §5.2',
            text: p.candidateYields(node, leader as NodeId, e.term),
            check: p.candidateYieldsCheck(e.term),
          },
        ];
      }
      return null;
    }
    case 'voteGranted':
      return [explainVoteGranted(node, e, p)];
    case 'voteRefused':
      return [explainVoteRefused(node, e, step, p)];
    case 'appendRefused':
      return [explainAppendRefused(node, e, step, p)];
    case 'entriesTruncated': {
      const ae = deliveredTo(step, node, 'AppendEntries');
      const payload = ae?.payload as Extract<RaftMessage, { type: 'AppendEntries' }> | undefined;
      const theirs = payload?.entries[e.fromIndex - payload.prevLogIndex - 1]?.term ?? null;
      return [
        {
          node,
          rules: ['ae.conflict'],
          section: '§7.2',
          source: 'paper §5.3',
          text: p.truncated(node, e.fromIndex, e.removed.length),
          check: p.truncatedCheck(e.fromIndex, e.removed[0]?.term ?? 0, theirs),
        },
      ];
    }
    case 'entriesAppended': {
      const last = e.fromIndex + e.entries.length - 1;
      const ae = deliveredTo(step, node, 'AppendEntries');
      if (ae) {
        const m = ae.payload as Extract<RaftMessage, { type: 'AppendEntries' }>;
        return [
          {
            node,
            rules: ['ae.check', 'ae.append'],
            section: '§4',
            source: 'paper §5.3',
            text: p.appended(node, ae.from as NodeId, e.fromIndex, last),
            check: p.appendedCheck(m.prevLogIndex, m.prevLogTerm),
          },
        ];
      }
      const first = e.entries[0];
      if (e.entries.length === 1 && first?.command === '' && first.requestId === undefined)
        return [
          {
            node,
            rules: ['opt.leaderNoop'],
            section: '§4',
            source: 'paper §8',
            text: p.noopAppend(node, e.fromIndex, first.term),
          },
        ];
      if (!first) return null;
      return [
        {
          node,
          rules: ['leader.client'],
          section: '§4',
          source: 'paper §5.3',
          text: p.clientAppend(node, first.command, e.fromIndex, first.term),
        },
      ];
    }
    case 'nextIndexBackedUp': {
      const fast = e.from - e.to > 1;
      return [
        {
          node,
          rules: fast ? ['leader.backup', 'opt.fastBackup'] : ['leader.backup'],
          section: '§7.2',
          source: 'paper §5.3',
          text: p.backedUp(node, e.follower, e.from, e.to, fast),
          check: p.backedUpCheck(e.follower, e.from, e.to),
        },
      ];
    }
    case 'commitAdvanced':
      return [explainCommit(r as NodeRecord & { event: Of<'commitAdvanced'> }, step, ctx, p)];
    case 'steppedDown':
      return [{ node, rules: ['opt.checkQuorum'], section: '§5', source: 'thesis §6.2', text: p.lostQuorum(node) }];
    case 'entryApplied':
      return null; // Told with the commit.
    case 'voteCounted':
    case 'commitDeferred':
      return null;
    default: {
      // Leadership transfer (§3.10) and reads (§6.4): one sentence each, from narrate-transfer.ts.
      const line = narrateTransferEvent(node, e, ctx.lang);
      return line ? [{ node, rules: [], section: '—', source: 'thesis', text: line.text }] : null;
    }
  }
}

function explainVoteGranted(node: NodeId, e: Of<'voteGranted'>, p: ExplainPhrases): Explanation {
  const c = e.check;
  const upToDate = c.candidateUpToDate;
  const vf = c.votedFor === null || c.votedFor === e.candidate;
  const check =
    (e.preVote ? '' : `${p.votedForCheck(c.votedFor, e.candidate, vf)}; `) +
    `${p.upToDateCheck(c.candidateLastLogTerm, c.candidateLastLogIndex, c.voterLastLogTerm, c.voterLastLogIndex, upToDate)} ${p.outcome(p.grant)}`;
  return {
    node,
    rules: e.preVote ? ['opt.preVote'] : ['rv.votedFor', 'rv.upToDate'],
    section: '§6.3',
    source: e.preVote ? 'thesis §9.6' : 'paper §5.4.1',
    text: p.voteGranted(node, e.candidate, e.term, e.preVote, values(c)),
    check,
    ...(upToDate ? {} : { unsafe: p.unsafeGrant }),
  };
}

function explainVoteRefused(
  node: NodeId,
  e: Of<'voteRefused'>,
  step: readonly TraceEvent[],
  p: ExplainPhrases,
): Explanation {
  const c = e.check;
  const reply = sentFrom(step, node, 'RequestVoteReply').find((m) => m.to === e.candidate);
  const myTerm = reply ? (reply.payload as Extract<RaftMessage, { type: 'RequestVoteReply' }>).term : null;
  const base = { node, section: '§3.2', source: e.preVote ? 'thesis §9.6' : 'Figure 2' } as const;
  switch (e.reason) {
    case 'stale-term':
      return {
        ...base,
        rules: e.preVote ? ['opt.preVote'] : ['rv.stale'],
        text: p.voteStale(node, e.candidate, e.term, myTerm, e.preVote),
        ...(myTerm === null
          ? {}
          : {
              check: `${e.preVote ? p.preVoteStaleCheck(e.term, myTerm) : p.staleCheck(e.term, myTerm)} ${p.outcome(p.refuse)}`,
            }),
      };
    case 'already-voted':
      return {
        ...base,
        rules: ['rv.votedFor'],
        text: p.alreadyVoted(node, e.candidate, e.term, c.votedFor),
        check: `${p.votedForCheck(c.votedFor, e.candidate, false)} ${p.outcome(p.refuse)}`,
      };
    case 'log-not-up-to-date':
      return {
        node,
        rules: e.preVote ? ['opt.preVote', 'rv.upToDate'] : ['rv.upToDate'],
        section: '§6.3',
        source: e.preVote ? 'thesis §9.6' : 'paper §5.4.1',
        text: p.logOlder(node, e.candidate, e.preVote, values(c)),
        check: `${p.upToDateCheck(c.candidateLastLogTerm, c.candidateLastLogIndex, c.voterLastLogTerm, c.voterLastLogIndex, c.candidateUpToDate)} ${p.outcome(p.refuse)}`,
      };
    case 'leader-alive':
      return {
        node,
        rules: ['opt.preVote'],
        section: '§6.2',
        source: 'thesis §9.6',
        text: p.leaderAlive(node, e.candidate),
        check: `${p.leaderAliveCheck} ${p.outcome(p.refuse)}`,
      };
  }
}

function explainAppendRefused(
  node: NodeId,
  e: Of<'appendRefused'>,
  step: readonly TraceEvent[],
  p: ExplainPhrases,
): Explanation {
  if (e.reason === 'stale-term') {
    const reply = sentFrom(step, node, 'AppendEntriesReply').find((m) => m.to === e.leader);
    const myTerm = reply ? (reply.payload as Extract<RaftMessage, { type: 'AppendEntriesReply' }>).term : null;
    return {
      node,
      rules: ['ae.stale'],
      section: '§6.2',
      source: 'Figure 2',
      text: p.appendStale(node, e.leader, e.term, myTerm),
      ...(myTerm === null ? {} : { check: `${p.staleCheck(e.term, myTerm)} ${p.outcome(p.refuse)}` }),
    };
  }
  const base = { node, rules: ['ae.check'] as const, section: '§7.1', source: 'paper §5.3' };
  if (e.reason === 'missing-entry' || e.myPrevLogTerm === null)
    return {
      ...base,
      text: p.appendMissing(node, e.leader, e.prevLogIndex, e.myLastLogIndex),
      check: p.appendMissingCheck(e.prevLogIndex, e.myLastLogIndex),
    };
  return {
    ...base,
    text: p.appendMismatch(node, e.leader, e.prevLogIndex, e.myPrevLogTerm, e.prevLogTerm),
    check: p.appendMismatchCheck(e.prevLogIndex, e.myPrevLogTerm, e.prevLogTerm),
  };
}

function explainCommit(
  r: NodeRecord & { event: Of<'commitAdvanced'> },
  step: readonly TraceEvent[],
  ctx: ExplainContext,
  p: ExplainPhrases,
): Explanation {
  const { node, event: e } = r;
  if (e.by === 'leaderCommit') {
    const ae = deliveredTo(step, node, 'AppendEntries');
    const m = ae?.payload as Extract<RaftMessage, { type: 'AppendEntries' }> | undefined;
    return {
      node,
      rules: ['ae.commit', 'all.apply'],
      section: '§4',
      source: 'paper §5.3',
      text: p.followerCommitted(node, (ae?.from as NodeId | undefined) ?? null, e.to),
      check: p.followerCommitCheck(m?.leaderCommit ?? null, m ? m.prevLogIndex + m.entries.length : null, e.from, e.to),
    };
  }
  const term = currentTermOf(ctx.feed ?? step, step, node);
  const entryTerm = entryTermOf(ctx, step, node, e.to);
  const maj = majority(ctx.clusterSize);
  const reps = e.replicas ?? null;
  const older = entryTerm !== null && term !== null && entryTerm !== term;
  return {
    node,
    rules: ['leader.commit', 'all.apply'],
    section: '§4',
    source: 'paper §5.4.2',
    text: p.committed(node, e.from + 1, e.to, reps, ctx.clusterSize, entryTerm, term),
    ...(reps === null ? {} : { check: p.commitCheck(reps, maj, e.to, entryTerm, term) }),
    ...(older ? { unsafe: p.unsafeCommit } : {}),
  };
}

/**
 * §5.4.2 shown where it applies: a leader whose highest majority-replicated entry is from an
 * earlier term does not commit it by counting. Reads the leader's own matchIndex and log.
 */
export function uncommittedOldTerm(nodes: readonly NodeFrame[], lang: Lang): Explanation[] {
  const p = EXPLAIN_PHRASES[lang];
  const out: Explanation[] = [];
  for (const n of nodes) {
    const held = n.alive && n.role === 'leader' ? n.commitDeferred : null;
    if (held === null) continue;
    out.push({
      node: n.id,
      rules: ['leader.commit'],
      section: '§4',
      source: `${p.paper} §5.4.2`,
      text: p.notCommitted(n.id, held.index, held.term, n.currentTerm, held.replicas, nodes.length),
    });
  }
  return out;
}

// ---- Why was this message sent? ---------------------------------------------------

/** The reason a message was sent, found in the records of the step that sent it. */
export function messageWhy(message: Envelope, feed: readonly TraceEvent[], ctx: ExplainContext): string {
  const p = EXPLAIN_PHRASES[ctx.lang];
  if (message.duplicate) return p.whyDuplicate;
  const sent = feed.find((r) => r.kind === 'sent' && r.message.id === message.id);
  if (!sent) return p.whyUnknown;
  const step = recordsOfStep(feed, sent.step);
  const m = message.payload;
  const from = message.from;
  const to = message.to;
  switch (m.type) {
    case 'PreVote':
      return p.whyPreVote(from, m.term);
    case 'RequestVote':
      return p.whyElection(from, m.term, electionCause(step, from));
    case 'PreVoteReply':
    case 'RequestVoteReply': {
      const preVote = m.type === 'PreVoteReply';
      const vote = nodeRecords(step, from).find(
        (x) => (x.type === 'voteGranted' || x.type === 'voteRefused') && x.candidate === to && x.preVote === preVote,
      ) as Of<'voteGranted'> | Of<'voteRefused'> | undefined;
      const ex =
        vote === undefined
          ? null
          : vote.type === 'voteGranted'
            ? (explainVoteGranted(from, vote, p).check ?? null)
            : explainVoteRefused(from, vote, step, p).text;
      return p.whyVoteReply(from, to, vote?.term ?? m.term, m.voteGranted, ex);
    }
    case 'AppendEntries': {
      const first = m.prevLogIndex + 1;
      const last = m.prevLogIndex + m.entries.length;
      if (nodeRecords(step, from).some((x) => x.type === 'roleChanged' && x.to === 'leader'))
        return p.whyNewLeader(from, m.term);
      const reply = deliveredTo(step, from, 'AppendEntriesReply');
      if (reply && reply.from === to) {
        const rp = reply.payload as Extract<RaftMessage, { type: 'AppendEntriesReply' }>;
        if (!rp.success) {
          const backed = nodeRecords(step, from).find((x) => x.type === 'nextIndexBackedUp' && x.follower === to) as
            Of<'nextIndexBackedUp'> | undefined;
          return p.whyRetry(from, to, m.prevLogIndex, backed?.from ?? null);
        }
        return p.whyMore(from, to, rp.matchIndex, first);
      }
      if (step.some((r) => r.kind === 'timerFired' && r.node === from && r.timer === 'heartbeat'))
        return p.whyHeartbeat(from, m.entries.length, first);
      if (step.some((r) => r.kind === 'client' && r.event.type === 'accepted' && r.event.node === from))
        return p.whyClientEntry(from, first, Math.max(first, last));
      return m.entries.length > 0 ? p.whyClientEntry(from, first, last) : p.whyHeartbeat(from, 0, first);
    }
    case 'AppendEntriesReply': {
      const refused = nodeRecords(step, from).find((x) => x.type === 'appendRefused') as
        Of<'appendRefused'> | undefined;
      const ex = refused ? (explainAppendRefused(from, refused, step, p).check ?? null) : null;
      return p.whyAppendReply(from, to, m.success, m.matchIndex, ex);
    }
    case 'ClientRequest': {
      const attempt = step.find(
        (r) => r.kind === 'client' && r.event.type === 'retried' && r.event.requestId === m.requestId,
      );
      const n = attempt && attempt.kind === 'client' && attempt.event.type === 'retried' ? attempt.event.attempt : 1;
      return p.whyClientRequest(to, m.requestId, n);
    }
    case 'ClientReply': {
      if (m.success) {
        const applied = nodeRecords(step, from).find(
          (x) => x.type === 'entryApplied' && x.entry.requestId === m.requestId,
        ) as Of<'entryApplied'> | undefined;
        return p.whyClientReplyOk(from, m.requestId, applied?.index ?? null);
      }
      return p.whyClientReplyRedirect(from, m.requestId, m.leaderHint ?? null);
    }
    default:
      return describeTransferMessage(m, ctx.lang) ?? p.whyUnknown;
  }
}

// ---- Helpers over a step's records --------------------------------------------------

function values(c: VoteCheck): readonly [number, number, number, number] {
  return [c.candidateLastLogTerm, c.candidateLastLogIndex, c.voterLastLogTerm, c.voterLastLogIndex];
}

function nodeRecords(step: readonly TraceEvent[], node: NodeId | typeof CLIENT): RaftEvent[] {
  return step.flatMap((r) => (r.kind === 'node' && r.node === node ? [r.event] : []));
}

function nodeEvents<T extends RaftEvent['type']>(step: readonly TraceEvent[], node: NodeId, type: T): Of<T>[] {
  return nodeRecords(step, node).filter((e): e is Of<T> => e.type === type);
}

function sentFrom(step: readonly TraceEvent[], node: NodeId, type: WireMessage['type']): Envelope[] {
  return step.flatMap((r) =>
    r.kind === 'sent' && r.message.from === node && r.message.payload.type === type ? [r.message] : [],
  );
}

function deliveredTo(step: readonly TraceEvent[], node: NodeId, type: WireMessage['type']): Envelope | null {
  for (const r of step)
    if (r.kind === 'delivered' && r.message.to === node && r.message.payload.type === type) return r.message;
  return null;
}

/** What started an election in this step: the timer, the class's "timeout" action, or a won pre-vote. */
function electionCause(step: readonly TraceEvent[], node: NodeId): 'timeout' | 'action' | 'preVote' {
  if (step.some((r) => r.kind === 'action' && r.action.do === 'timeout' && r.action.node === node)) return 'action';
  if (step.some((r) => r.kind === 'timerFired' && r.node === node && r.timer === 'election')) return 'timeout';
  if (deliveredTo(step, node, 'PreVoteReply')) return 'preVote';
  return 'timeout';
}

/** Index in `feed` just before `step` begins (feed.length when the step is not in it). */
function stepStart(feed: readonly TraceEvent[], step: readonly TraceEvent[]): number {
  const first = step[0];
  if (!first) return feed.length;
  const i = feed.indexOf(first);
  if (i >= 0) return i;
  const j = feed.findIndex((r) => r.step === first.step);
  return j >= 0 ? j : feed.length;
}

function previousTermChange(
  feed: readonly TraceEvent[] | undefined,
  step: readonly TraceEvent[],
  node: NodeId,
): Of<'termChanged'> | null {
  if (!feed) return null;
  for (let i = stepStart(feed, step) - 1; i >= 0; i--) {
    const r = feed[i]!;
    if (r.kind === 'node' && r.node === node && r.event.type === 'termChanged') return r.event;
    if (r.kind === 'restarted' && r.node === node) return null;
  }
  return null;
}

function becameLeaderIn(feed: readonly TraceEvent[] | undefined, node: NodeId, term: number): boolean {
  return (feed ?? []).some(
    (r) =>
      r.kind === 'node' &&
      r.node === node &&
      r.event.type === 'roleChanged' &&
      r.event.to === 'leader' &&
      r.event.term === term,
  );
}

/** The votes a new leader counted: granted replies of its term delivered to it up to this step, plus its own. */
function votesCounted(
  feed: readonly TraceEvent[],
  step: readonly TraceEvent[],
  node: NodeId,
  term: number,
): number | null {
  const end = stepStart(feed, step) + step.length;
  const voters = new Set<string>();
  let sawStart = false;
  for (let i = Math.min(end, feed.length) - 1; i >= 0; i--) {
    const r = feed[i]!;
    if (r.kind === 'node' && r.node === node && r.event.type === 'termChanged' && r.event.to === term) {
      sawStart = true;
      break;
    }
    if (r.kind !== 'delivered' || r.message.to !== node) continue;
    const m = r.message.payload;
    if (m.type === 'RequestVoteReply' && m.voteGranted && m.term === term) voters.add(r.message.from);
  }
  return sawStart ? voters.size + 1 : null;
}

/** The node's currentTerm at this step, from what it said or did last. */
function currentTermOf(feed: readonly TraceEvent[], step: readonly TraceEvent[], node: NodeId): number | null {
  const end = stepStart(feed, step) + step.length;
  for (let i = Math.min(end, feed.length) - 1; i >= 0; i--) {
    const r = feed[i]!;
    if (r.kind === 'node' && r.node === node) {
      if (r.event.type === 'termChanged') return r.event.to;
      if (r.event.type === 'roleChanged') return r.event.term;
    }
    if (r.kind === 'sent' && r.message.from === node) {
      const m = r.message.payload;
      if (m.type === 'AppendEntries' || m.type === 'AppendEntriesReply' || m.type === 'RequestVote') return m.term;
    }
    if (r.kind === 'delivered' && r.message.to === node && r.message.payload.type === 'AppendEntriesReply')
      return r.message.payload.term;
    if (r.kind === 'restarted' && r.node === node) return r.term;
  }
  return null;
}

/** The term of entry `index` in the node's log: from the record that appended it, else the viewed log. */
function entryTermOf(ctx: ExplainContext, step: readonly TraceEvent[], node: NodeId, index: number): number | null {
  const feed = ctx.feed ?? step;
  const end = stepStart(feed, step) + step.length;
  for (let i = Math.min(end, feed.length) - 1; i >= 0; i--) {
    const r = feed[i]!;
    if (r.kind !== 'node' || r.node !== node) continue;
    const e = r.event;
    if (e.type === 'entriesAppended' && index >= e.fromIndex && index < e.fromIndex + e.entries.length)
      return e.entries[index - e.fromIndex]!.term;
    if (e.type === 'entriesTruncated' && index >= e.fromIndex) break;
  }
  return ctx.logs?.[node]?.[index - 1]?.term ?? null;
}
