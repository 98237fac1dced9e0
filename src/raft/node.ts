// One Raft node as a pure state machine (Figure 2 of the Raft paper).
//
// The host feeds it inputs (a message, a timer firing, a client proposal) and
// gets back what the node wants done: messages to send, timers to arm and
// events describing what changed. It never reads a clock, draws a random
// number of its own or does I/O; the host hands it a source of election
// timeouts, so the same inputs always give the same outputs.

import { applyEntry, emptyKv, parseCommand } from './kv';
import {
  firstIndexOfTerm,
  isUpToDate,
  lastIndexOfTerm,
  lastLogIndex,
  lastLogTerm,
  majority,
  replicaCount,
  termAt,
} from './log';
import type {
  AppendEntries,
  AppendEntriesReply,
  LogEntry,
  NodeId,
  OutgoingMessage,
  PersistentState,
  ProposalResult,
  RaftConfig,
  RaftEvent,
  RaftInput,
  RaftMessage,
  RaftOutput,
  RaftState,
  RequestVote,
  RequestVoteReply,
  Role,
  TimerRequest,
  VoteCheck,
  VoteRefusal,
} from './types';

/** The entries of every heartbeat: one shared, frozen empty list instead of a new one each time. */
const NO_ENTRIES: readonly LogEntry[] = Object.freeze([]);

/** Draws a fresh randomized election timeout (§5.2); supplied by the host. */
export type ElectionTimeoutSource = () => number;

export function initialState(persistent?: PersistentState): RaftState {
  return {
    currentTerm: persistent?.currentTerm ?? 0,
    votedFor: persistent?.votedFor ?? null,
    log: persistent ? [...persistent.log] : [],
    role: 'follower',
    leaderId: null,
    commitIndex: 0,
    lastApplied: 0,
    nextIndex: {},
    matchIndex: {},
    votesGranted: [],
    votesRefused: [],
    preCandidate: false,
    recentlyHeard: [],
    kv: emptyKv(),
  };
}

export class RaftNode {
  readonly state: RaftState;
  private readonly electionTimeout: ElectionTimeoutSource;
  private out: RaftOutput = emptyOutput();
  private config_!: RaftConfig;
  /** Every other node of the cluster, and the majority size: derived from config when it is set. */
  private peers: readonly NodeId[] = [];
  private quorum = 1;

  constructor(config: RaftConfig, state: RaftState, electionTimeout: ElectionTimeoutSource) {
    this.config = config;
    this.state = state;
    this.electionTimeout = electionTimeout;
  }

  /** Replaced by the host when the class switches an option mid-run. */
  get config(): RaftConfig {
    return this.config_;
  }

  set config(config: RaftConfig) {
    this.config_ = config;
    this.peers = config.cluster.filter((n) => n !== config.id);
    this.quorum = majority(config.cluster.length);
  }

  get id(): NodeId {
    return this.config_.id;
  }

  // ---- Entry points ---------------------------------------------------------

  /** Boot or reboot: every node starts as a follower waiting for a leader (§5.2). */
  start(): RaftOutput {
    this.armElectionTimer();
    return this.flush();
  }

  handle(input: RaftInput): RaftOutput {
    switch (input.kind) {
      case 'message':
        this.onMessage(input.from, input.message);
        break;
      case 'timer':
        if (input.timer === 'election') this.onElectionTimeout();
        else this.onHeartbeatTimeout();
        break;
    }
    return this.flush();
  }

  /**
   * The class switched options mid-run. A sitting leader has an election timer only
   * while checkQuorum is on, so turning it on or off starts or stops that check now.
   */
  reconfigure(config: RaftConfig): RaftOutput {
    const wasChecking = this.config.options.checkQuorum;
    this.config = config;
    if (this.state.role === 'leader' && config.options.checkQuorum !== wasChecking) {
      if (config.options.checkQuorum) {
        this.state.recentlyHeard = [];
        this.armElectionTimer();
      } else this.out.timers.push({ timer: 'election', stop: true });
    }
    return this.flush();
  }

  /** §4 step 1: a leader appends a client command to its own log, uncommitted, and replicates it. */
  propose(command: string, requestId?: number): { result: ProposalResult; output: RaftOutput } {
    const result = this.acceptProposal(command, requestId);
    return { result, output: this.flush() };
  }

  private acceptProposal(command: string, requestId?: number): ProposalResult {
    const s = this.state;
    // A command that does not parse never enters any log.
    const parsed = parseCommand(command);
    if (!parsed.ok) return { accepted: false, reason: 'invalid-command', message: parsed.message };
    if (s.role !== 'leader') return { accepted: false, reason: 'not-leader', leaderHint: s.leaderId };
    const entry: LogEntry =
      requestId === undefined ? { term: s.currentTerm, command } : { term: s.currentTerm, command, requestId };
    this.appendToOwnLog(entry);
    this.broadcastAppendEntries();
    this.advanceCommitIndex();
    return { accepted: true, index: lastLogIndex(s.log), term: s.currentTerm };
  }

  /** Hands over what the last call produced and starts a fresh batch. */
  private flush(): RaftOutput {
    const out = this.out;
    this.out = emptyOutput();
    return out;
  }

  // ---- Messages: the rules shared by every role ------------------------------

  private onMessage(from: NodeId, m: RaftMessage): void {
    const s = this.state;
    // Thesis §9.6: pre-votes never change anyone's term.
    if (m.type === 'RequestVote' && m.preVote) return this.onPreVoteRequest(from, m);
    if (m.type === 'RequestVoteReply' && m.preVote) return this.onPreVoteReply(from, m);

    // Figure 2, all servers: a higher term means we are behind; adopt it and follow.
    if (m.term > s.currentTerm) {
      this.becomeFollower(m.term, from, m.type === 'AppendEntries' ? from : null);
    }
    if (m.term < s.currentTerm) {
      // A stale message changes nothing; requests are answered with our term so the sender catches up.
      if (m.type === 'RequestVote') this.refuseVote(from, m, 'stale-term');
      if (m.type === 'AppendEntries') this.refuseAppend(from, m, 'stale-term', 0, 0);
      return;
    }
    switch (m.type) {
      case 'RequestVote':
        return this.onRequestVote(from, m);
      case 'RequestVoteReply':
        return this.onRequestVoteReply(from, m);
      case 'AppendEntries':
        return this.onAppendEntries(from, m);
      case 'AppendEntriesReply':
        return this.onAppendEntriesReply(from, m);
    }
  }

  // ---- Elections (§5.2) ------------------------------------------------------

  private onElectionTimeout(): void {
    const s = this.state;
    if (s.role === 'leader') return this.checkQuorum();
    if (this.config.options.preVote) this.startPreVote();
    else this.startElection();
  }

  /** §5.2: increment currentTerm, vote for self, ask every peer for its vote. */
  private startElection(): void {
    const s = this.state;
    const from = s.currentTerm;
    s.currentTerm += 1;
    s.votedFor = this.id;
    s.leaderId = null;
    s.preCandidate = false;
    this.emit({ type: 'termChanged', from, to: s.currentTerm, cause: 'timeout' });
    this.setRole('candidate');
    this.emit({ type: 'electionStarted', term: s.currentTerm, preVote: false });
    s.votesGranted = [this.id];
    s.votesRefused = [];
    this.armElectionTimer();
    if (s.votesGranted.length >= this.quorum) return this.becomeLeader();
    for (const peer of this.peers) this.send(peer, this.voteRequest(s.currentTerm, false));
  }

  /** Thesis §9.6: first ask whether we could win at term+1, without raising our term. */
  private startPreVote(): void {
    const s = this.state;
    // A candidate whose election timed out abandons it: late real votes of that term must not mix with pre-votes.
    this.setRole('follower');
    s.preCandidate = true;
    s.leaderId = null;
    s.votesGranted = [this.id];
    s.votesRefused = [];
    this.emit({ type: 'electionStarted', term: s.currentTerm + 1, preVote: true });
    this.armElectionTimer();
    if (s.votesGranted.length >= this.quorum) return this.startElection();
    for (const peer of this.peers) this.send(peer, this.voteRequest(s.currentTerm + 1, true));
  }

  private voteRequest(term: number, preVote: boolean): RequestVote {
    const { log } = this.state;
    return {
      type: 'RequestVote',
      term,
      candidateId: this.id,
      lastLogIndex: lastLogIndex(log),
      lastLogTerm: lastLogTerm(log),
      preVote,
    };
  }

  /** Figure 2, RequestVote receiver: one vote per term, first come first served, only to an up-to-date log. */
  private onRequestVote(from: NodeId, m: RequestVote): void {
    const s = this.state;
    if (s.votedFor !== null && s.votedFor !== m.candidateId) return this.refuseVote(from, m, 'already-voted');
    if (!this.logAllowsVote(m)) return this.refuseVote(from, m, 'log-not-up-to-date');
    const check = this.voteCheck(m);
    s.votedFor = m.candidateId;
    this.armElectionTimer(); // §5.2: granting a vote resets the election timer.
    this.emit({ type: 'voteGranted', candidate: m.candidateId, term: m.term, preVote: false, check });
    this.send(from, { type: 'RequestVoteReply', term: s.currentTerm, voteGranted: true, preVote: false });
  }

  /** §5.4.1 election restriction (unless the unsafe switch turns it off). */
  private logAllowsVote(m: RequestVote): boolean {
    return this.config.unsafe.noElectionRestriction || isUpToDate(this.state.log, m.lastLogTerm, m.lastLogIndex);
  }

  private voteCheck(m: RequestVote): VoteCheck {
    const { log, votedFor } = this.state;
    return {
      votedFor,
      voterLastLogTerm: lastLogTerm(log),
      voterLastLogIndex: lastLogIndex(log),
      candidateLastLogTerm: m.lastLogTerm,
      candidateLastLogIndex: m.lastLogIndex,
      candidateUpToDate: isUpToDate(log, m.lastLogTerm, m.lastLogIndex),
    };
  }

  private refuseVote(from: NodeId, m: RequestVote, reason: VoteRefusal): void {
    const s = this.state;
    const check = this.voteCheck(m);
    this.emit({ type: 'voteRefused', candidate: m.candidateId, term: m.term, preVote: m.preVote, reason, check });
    this.send(from, { type: 'RequestVoteReply', term: s.currentTerm, voteGranted: false, preVote: m.preVote });
  }

  private onPreVoteRequest(from: NodeId, m: RequestVote): void {
    const s = this.state;
    if (m.term <= s.currentTerm) return this.refuseVote(from, m, 'stale-term');
    // A node that still hears from its leader sees no reason for an election.
    if (s.role === 'leader' || (s.role === 'follower' && s.leaderId !== null))
      return this.refuseVote(from, m, 'leader-alive');
    if (!this.logAllowsVote(m)) return this.refuseVote(from, m, 'log-not-up-to-date');
    this.emit({ type: 'voteGranted', candidate: m.candidateId, term: m.term, preVote: true, check: this.voteCheck(m) });
    this.send(from, { type: 'RequestVoteReply', term: s.currentTerm, voteGranted: true, preVote: true });
  }

  private onPreVoteReply(from: NodeId, m: RequestVoteReply): void {
    const s = this.state;
    if (!s.preCandidate) return;
    if (!m.voteGranted && m.term > s.currentTerm) return this.becomeFollower(m.term, from, null);
    this.tally(from, m.voteGranted);
    if (s.votesGranted.length >= this.quorum) this.startElection();
  }

  private onRequestVoteReply(from: NodeId, m: RequestVoteReply): void {
    const s = this.state;
    if (s.role !== 'candidate') return;
    this.tally(from, m.voteGranted);
    // §5.2: votes from a majority of the whole cluster, its own included, make a leader.
    if (s.votesGranted.length >= this.quorum) this.becomeLeader();
  }

  private tally(from: NodeId, granted: boolean): void {
    const s = this.state;
    if (s.votesGranted.includes(from) || s.votesRefused.includes(from)) return;
    if (granted) s.votesGranted.push(from);
    else s.votesRefused.push(from);
  }

  // ---- Role changes -----------------------------------------------------------

  private setRole(role: Role): void {
    const s = this.state;
    if (s.role === role) return;
    this.emit({ type: 'roleChanged', from: s.role, to: role, term: s.currentTerm });
    s.role = role;
  }

  /** Step down to follower, adopting `term` when it is newer (clearing votedFor, Figure 2). */
  private becomeFollower(term: number, cause: NodeId, leaderId: NodeId | null): void {
    const s = this.state;
    const wasLeader = s.role === 'leader';
    if (term > s.currentTerm) {
      this.emit({ type: 'termChanged', from: s.currentTerm, to: term, cause });
      s.currentTerm = term;
      s.votedFor = null;
      s.leaderId = leaderId;
    }
    this.setRole('follower');
    s.preCandidate = false;
    s.votesGranted = [];
    s.votesRefused = [];
    if (wasLeader) {
      s.nextIndex = {};
      s.matchIndex = {};
      s.recentlyHeard = [];
      this.out.timers.push({ timer: 'heartbeat', stop: true });
      // A leader had no election timer running; a follower needs one.
      this.armElectionTimer();
    }
  }

  /** Figure 2, Leaders: initialise nextIndex and matchIndex, then assert leadership at once. */
  private becomeLeader(): void {
    const s = this.state;
    this.setRole('leader');
    s.leaderId = this.id;
    s.preCandidate = false;
    const next = lastLogIndex(s.log) + 1;
    s.nextIndex = {};
    s.matchIndex = {};
    for (const peer of this.peers) {
      s.nextIndex[peer] = next;
      s.matchIndex[peer] = 0;
    }
    s.recentlyHeard = [];
    if (this.config.options.leaderNoop) this.appendToOwnLog({ term: s.currentTerm, command: '' });
    this.broadcastAppendEntries();
    this.out.timers.push({ timer: 'heartbeat', after: this.config.heartbeatInterval });
    if (this.config.options.checkQuorum) this.armElectionTimer();
    else this.out.timers.push({ timer: 'election', stop: true });
    this.advanceCommitIndex(); // A one-node cluster commits on its own.
  }

  /** checkQuorum: a leader that heard from no majority during an election timeout steps down. */
  private checkQuorum(): void {
    const s = this.state;
    if (!this.config.options.checkQuorum) return;
    if (s.recentlyHeard.length + 1 < this.quorum) {
      this.emit({ type: 'steppedDown', reason: 'lost-quorum' });
      this.becomeFollower(s.currentTerm, this.id, null);
      s.leaderId = null;
      return;
    }
    s.recentlyHeard = [];
    this.armElectionTimer();
  }

  // ---- Log replication (§5.3) -------------------------------------------------

  private onHeartbeatTimeout(): void {
    if (this.state.role !== 'leader') return;
    this.broadcastAppendEntries();
    this.out.timers.push({ timer: 'heartbeat', after: this.config.heartbeatInterval });
  }

  /** Send a follower everything from its nextIndex on (an empty list is a heartbeat). */
  private sendAppendEntries(peer: NodeId): void {
    this.send(peer, this.appendEntriesFor(peer));
  }

  /** AppendEntries to every follower; followers at the same nextIndex get the same (read-only) message. */
  private broadcastAppendEntries(): void {
    let previous: AppendEntries | undefined;
    for (const peer of this.peers) {
      previous = this.appendEntriesFor(peer, previous);
      this.send(peer, previous);
    }
  }

  /** The AppendEntries for `peer`; `previous`, built a moment ago from the same log, when it fits. */
  private appendEntriesFor(peer: NodeId, previous?: AppendEntries): AppendEntries {
    const s = this.state;
    const nextIndex = s.nextIndex[peer] ?? lastLogIndex(s.log) + 1;
    const prevLogIndex = nextIndex - 1;
    if (previous !== undefined && previous.prevLogIndex === prevLogIndex) return previous;
    const max = this.config.options.maxEntriesPerMessage;
    return {
      type: 'AppendEntries',
      term: s.currentTerm,
      leaderId: this.id,
      prevLogIndex,
      prevLogTerm: termAt(s.log, prevLogIndex) ?? 0,
      entries: prevLogIndex < s.log.length ? s.log.slice(prevLogIndex, prevLogIndex + max) : NO_ENTRIES,
      leaderCommit: s.commitIndex,
    };
  }

  /** Figure 2, AppendEntries receiver, with the consistency check of §5.3. */
  private onAppendEntries(from: NodeId, m: AppendEntries): void {
    const s = this.state;
    // §5.2: a candidate that hears from a leader of its own term (or newer) accepts it.
    if (s.role === 'candidate' || s.preCandidate) this.becomeFollower(s.currentTerm, from, from);
    s.leaderId = from;
    // Hearing from the current leader resets the timer, even when the entries must be refused.
    this.armElectionTimer();

    const myPrevTerm = termAt(s.log, m.prevLogIndex);
    if (myPrevTerm === undefined) {
      return this.refuseAppend(from, m, 'missing-entry', 0, lastLogIndex(s.log) + 1);
    }
    if (myPrevTerm !== m.prevLogTerm) {
      return this.refuseAppend(
        from,
        m,
        'term-mismatch',
        myPrevTerm,
        firstIndexOfTerm(s.log, myPrevTerm, m.prevLogIndex),
      );
    }

    // Append what is new; delete only on a real conflict, so a late, shorter message never cuts the log.
    for (let i = 0; i < m.entries.length; i++) {
      const index = m.prevLogIndex + 1 + i;
      const entry = m.entries[i]!;
      const existing = termAt(s.log, index);
      if (existing === entry.term) continue;
      if (existing !== undefined) this.truncateFrom(index);
      // Entries are never modified once made, so the event may share the message's list.
      const added = i === 0 ? m.entries : m.entries.slice(i);
      s.log.push(...added);
      this.emit({ type: 'entriesAppended', fromIndex: index, entries: added });
      break;
    }

    const lastNewIndex = m.prevLogIndex + m.entries.length;
    if (m.leaderCommit > s.commitIndex) {
      this.setCommitIndex(Math.min(m.leaderCommit, lastNewIndex), 'leaderCommit');
    }
    this.send(from, {
      type: 'AppendEntriesReply',
      term: s.currentTerm,
      success: true,
      prevLogIndex: m.prevLogIndex,
      matchIndex: lastNewIndex,
      conflictTerm: 0,
      conflictIndex: 0,
    });
  }

  private refuseAppend(
    from: NodeId,
    m: AppendEntries,
    reason: 'stale-term' | 'missing-entry' | 'term-mismatch',
    conflictTerm: number,
    conflictIndex: number,
  ): void {
    const s = this.state;
    this.emit({
      type: 'appendRefused',
      leader: m.leaderId,
      term: m.term,
      prevLogIndex: m.prevLogIndex,
      prevLogTerm: m.prevLogTerm,
      reason,
      myLastLogIndex: lastLogIndex(s.log),
      myPrevLogTerm: termAt(s.log, m.prevLogIndex) ?? null,
    });
    this.send(from, {
      type: 'AppendEntriesReply',
      term: s.currentTerm,
      success: false,
      prevLogIndex: m.prevLogIndex,
      matchIndex: 0,
      conflictTerm,
      conflictIndex,
    });
  }

  private truncateFrom(index: number): void {
    const s = this.state;
    const removed = s.log.splice(index - 1);
    this.emit({ type: 'entriesTruncated', fromIndex: index, removed });
  }

  private onAppendEntriesReply(from: NodeId, m: AppendEntriesReply): void {
    const s = this.state;
    if (s.role !== 'leader') return;
    if (!s.recentlyHeard.includes(from)) s.recentlyHeard.push(from);
    const next = s.nextIndex[from] ?? 1;
    const match = s.matchIndex[from] ?? 0;
    if (m.success) {
      if (m.matchIndex <= match) return; // A late or duplicated reply: nothing new to learn or send.
      s.matchIndex[from] = m.matchIndex;
      s.nextIndex[from] = Math.max(next, m.matchIndex + 1);
      this.advanceCommitIndex();
      if (s.nextIndex[from]! <= lastLogIndex(s.log)) this.sendAppendEntries(from);
      return;
    }
    // Only the refusal of the latest probe moves nextIndex; older ones were already acted on.
    if (m.prevLogIndex !== next - 1) return;
    // §5.3: the follower's log does not match at nextIndex-1: back up and retry.
    const backedUp = Math.max(match + 1, Math.min(next - 1, this.fastBackupTarget(m) ?? next - 1), 1);
    if (backedUp !== next) {
      s.nextIndex[from] = backedUp;
      this.emit({ type: 'nextIndexBackedUp', follower: from, from: next, to: backedUp });
    }
    this.sendAppendEntries(from);
  }

  /** With fastBackup, skip the whole conflicting term using the follower's hint. */
  private fastBackupTarget(m: AppendEntriesReply): number | undefined {
    if (!this.config.options.fastBackup || m.conflictIndex === 0) return undefined;
    if (m.conflictTerm === 0) return m.conflictIndex;
    const last = lastIndexOfTerm(this.state.log, m.conflictTerm);
    return last > 0 ? last + 1 : m.conflictIndex;
  }

  /**
   * §5.3 and §5.4.2: commit the highest N replicated on a majority, but only by
   * counting replicas of an entry from the leader's current term (Figure 8).
   */
  private advanceCommitIndex(): void {
    const s = this.state;
    for (let n = lastLogIndex(s.log); n > s.commitIndex; n--) {
      if (termAt(s.log, n) !== s.currentTerm && !this.config.unsafe.commitPreviousTerms) break;
      const replicas = replicaCount(s.matchIndex, this.peers, n);
      if (replicas >= this.quorum) return this.setCommitIndex(n, 'majority', replicas);
    }
  }

  private setCommitIndex(index: number, by: 'majority' | 'leaderCommit', replicas?: number): void {
    const s = this.state;
    if (index <= s.commitIndex) return;
    this.emit(
      replicas === undefined
        ? { type: 'commitAdvanced', from: s.commitIndex, to: index, by }
        : { type: 'commitAdvanced', from: s.commitIndex, to: index, by, replicas },
    );
    s.commitIndex = index;
    // Figure 2, all servers: apply everything committed, in order.
    while (s.lastApplied < s.commitIndex) {
      s.lastApplied += 1;
      const entry = s.log[s.lastApplied - 1]!;
      const result = applyEntry(s.kv, entry);
      this.emit({ type: 'entryApplied', index: s.lastApplied, entry, result });
    }
  }

  private appendToOwnLog(entry: LogEntry): void {
    const s = this.state;
    s.log.push(entry);
    this.emit({ type: 'entriesAppended', fromIndex: s.log.length, entries: [entry] });
  }

  // ---- Output helpers -----------------------------------------------------------

  private armElectionTimer(): void {
    this.out.timers.push({ timer: 'election', after: this.electionTimeout() });
  }

  private send(to: NodeId, message: RaftMessage): void {
    this.out.messages.push({ to, message } satisfies OutgoingMessage);
  }

  private emit(event: RaftEvent): void {
    this.out.events.push(event);
  }
}

function emptyOutput(): { messages: OutgoingMessage[]; timers: TimerRequest[]; events: RaftEvent[] } {
  return { messages: [], timers: [], events: [] };
}
