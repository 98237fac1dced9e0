// One Raft node as a pure state machine (Figure 2 of the Raft paper).
//
// Everything that happens to a node goes in through `step(input)`: its boot, a message,
// a timer firing, a client proposal, an options switch. What the node wants done comes
// out: messages to send, timers to arm, events saying what it decided and on which
// values, and answers to clients. It never reads a clock, draws a random number of its
// own or does I/O; the host hands it a source of election timeouts, so the same inputs
// always give the same outputs.
//
// Reading order, beside Figure 2: `step` and `onMessage` hold the rules for all servers
// (a newer term makes a follower; a stale message changes nothing); then one handler per
// role (stepFollower, stepCandidate, stepLeader), then elections (§5.2, pre-vote §9.6 of
// the thesis), replication (§5.3) and commitment (§5.3, §5.4.2).

import { needsSnapshot, onInstallSnapshot, onInstallSnapshotReply, sendSnapshotChunk } from './install-snapshot';
import { applyNext } from './apply';
import { emptyKv, parseCommand } from './kv';
import { configurationInForce, emptyMembership, MembershipDriver } from './membership';
import {
  announceRestoredSnapshot,
  bootFromSnapshot,
  clipToSnapshot,
  maybeSnapshot,
  takeSnapshot,
  type SnapshotHost,
} from './snapshot';
import type { NodeHooks } from './node-hooks';
import { emptyOutput, withItem, type CollectingOutput } from './output';
import { Quorum } from './quorum';
import * as reads from './read-index';
import * as transfer from './transfer';
import type {
  AppendEntries,
  AppendEntriesReply,
  ClientAnswer,
  Configuration,
  ElectionCause,
  InstallSnapshot,
  InstallSnapshotReply,
  LogEntry,
  NodeId,
  OutgoingMessage,
  PersistentState,
  PreVote,
  PreVoteReply,
  RaftConfig,
  RaftEvent,
  RaftInput,
  RaftMessage,
  RaftOptions,
  RaftOutput,
  RaftState,
  RequestVote,
  RequestVoteReply,
  Role,
  TimerRequest,
  UnsafeSwitches,
  VoteCheck,
  VoteRefusal,
} from './types';

/** The entries of every heartbeat: one shared, frozen empty list instead of a new one each time. */
const NO_ENTRIES: readonly LogEntry[] = Object.freeze([]);

/** Draws a fresh randomized election timeout (§5.2); supplied by the host. */
export type ElectionTimeoutSource = () => number;

/** A node's state as it boots from what is on its disk: a follower that knows of no leader (§5.2). */
export function initialState(persistent: PersistentState): RaftState {
  const log = persistent.log.clone();
  // §6: the latest configuration in the log is in force, committed or not.
  // §7: with no configuration entry left in the log, the snapshot's configuration is in force.
  const { configuration, index } = configurationInForce(
    log,
    persistent.initialConfiguration,
    persistent.snapshot?.configuration,
  );
  return {
    currentTerm: persistent.currentTerm,
    votedFor: persistent.votedFor,
    log,
    initialConfiguration: persistent.initialConfiguration,
    snapshot: persistent.snapshot ?? null,
    configuration,
    membership: emptyMembership(index),
    role: 'follower',
    leaderId: null,
    commitIndex: 0,
    lastApplied: 0,
    nextIndex: {},
    matchIndex: {},
    commitDeferred: null,
    votesGranted: [],
    votesRefused: [],
    recentlyHeard: [],
    kv: emptyKv(),
    incomingSnapshot: null,
    snapshotTransfers: {},
    // A restarted node rebuilds its state machine from its snapshot, then replays the rest as it commits.
    ...bootFromSnapshot(persistent.snapshot),
    transfer: null,
    reads: reads.emptyReadState(),
    // A node that just booted may have acknowledged a leader before it crashed (see transfer.ts).
    leaderContact: true,
  };
}

export class RaftNode {
  readonly state: RaftState;
  private readonly electionTimeout: ElectionTimeoutSource;
  private out: CollectingOutput = emptyOutput();
  private config_: RaftConfig;
  /** Derived from state.configuration: the quorum object and every other member. */
  private quorum!: Quorum;
  private peers: readonly NodeId[] = [];
  /** What the snapshot code (snapshot.ts, install-snapshot.ts) may use of this node. */
  private readonly snapshots: SnapshotHost;
  /** Membership changes (§6): the hooks below hand it requests, progress, commits and log changes. */
  private readonly membership: MembershipDriver;
  /** What transfer.ts and read-index.ts may do to this node. */
  private readonly hooks: NodeHooks;

  constructor(config: RaftConfig, state: RaftState, electionTimeout: ElectionTimeoutSource) {
    this.config_ = config;
    this.state = state;
    this.electionTimeout = electionTimeout;
    this.useConfiguration(state.configuration);
    const node = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the driver's view of this node
    this.membership = new MembershipDriver({
      id: this.id,
      state,
      get options() {
        return node.config_.options;
      },
      get unsafe() {
        return node.config_.unsafe;
      },
      emit: (event) => this.emit(event),
      answer: (answer) => this.answer(answer),
      appendAndReplicate: (entry) => this.appendAndReplicate(entry),
      replicate: () => this.broadcastAppendEntries(),
      use: (configuration) => this.useConfiguration(configuration),
      stepDown: () => {
        this.becomeFollower(state.currentTerm, this.id, null);
        state.leaderId = null;
      },
    });
    this.snapshots = {
      id: config.id,
      state,
      options: () => this.config_.options,
      unsafe: () => this.config_.unsafe,
      emit: (event) => this.emit(event),
      send: (to, message) => this.send(to, message),
      armElectionTimer: () => this.armElectionTimer(),
      // §7: a snapshot replaced the log's start; the configuration in force is read again (§6).
      reloadConfiguration: () => this.membership.afterSnapshot(),
    };
    this.hooks = {
      id: config.id,
      state,
      config: () => this.config_,
      quorum: () => this.quorum,
      send: (to, message) => this.send(to, message),
      emit: (event) => this.emit(event),
      answer: (answer) => this.answer(answer),
      broadcastAppendEntries: () => this.broadcastAppendEntries(),
      replicateTo: (peer) => this.replicateTo(peer),
      appendOwn: (entry) => this.appendAndReplicate(entry),
      campaign: (cause) => this.startElection(cause),
    };
  }

  /**
   * Become the node a checkpoint describes while keeping this object: the state object is the one
   * every helper closed over, so it is refilled in place. The explorer restores thousands of states
   * a second, and building a node (its helpers and their closures) cost more than the Raft work.
   */
  reload(config: RaftConfig, state: RaftState): void {
    this.config_ = config;
    // `state` names every RaftState field (it is a whole RaftState), so none of the old is left.
    Object.assign(this.state, state);
    this.out = emptyOutput();
    this.useConfiguration(this.state.configuration);
  }

  get config(): RaftConfig {
    return this.config_;
  }

  get id(): NodeId {
    return this.config_.id;
  }

  /** The majorities this node counts with, for the host's view of the cluster. */
  get quorumSets(): Quorum['sets'] {
    return this.quorum.sets;
  }

  /** The one entry point: every input, and what the node wants done in return. */
  step(input: RaftInput): RaftOutput {
    switch (input.kind) {
      case 'start':
        announceRestoredSnapshot(this.snapshots);
        this.armElectionTimer(); // §5.2: every server starts as a follower waiting for a leader.
        break;
      case 'message':
        this.onMessage(input.from, input.message);
        break;
      case 'timer':
        if (input.timer === 'election') this.onElectionTimeout(input.forced === true);
        else this.onHeartbeatTimeout();
        break;
      case 'propose':
        this.onPropose(input.command, input.requestId);
        break;
      case 'setOptions':
        this.onSetOptions(input.options, input.unsafe);
        break;
      case 'snapshot':
        takeSnapshot(this.snapshots, 'forced');
        break;
      case 'changeMembership':
        // §6: only the leader changes the configuration; others send the administrator to it.
        if (this.state.role !== 'leader')
          this.answer({ requestId: input.requestId, outcome: 'notLeader', leaderHint: this.state.leaderId });
        else this.membership.request(input.add, input.remove, input.requestId);
        break;
      case 'transfer':
        transfer.startTransfer(this.hooks, input.to);
        break;
    }
    const out = this.out;
    this.out = emptyOutput();
    return out;
  }

  private useConfiguration(configuration: Configuration): void {
    this.state.configuration = configuration;
    this.quorum = new Quorum(configuration);
    const members = new Set([...this.quorum.voters(), ...configuration.learners, ...this.state.membership.retiring]);
    members.delete(this.id);
    this.peers = [...members];
    // A leader starts replicating to a server that joins (as a learner or a voter) by probing its log.
    if (this.state.role !== 'leader') return;
    for (const peer of this.peers) {
      if (this.state.nextIndex[peer] !== undefined) continue;
      this.state.nextIndex[peer] = this.state.log.lastIndex() + 1;
      this.state.matchIndex[peer] = 0;
    }
  }

  /**
   * The class switched options mid-run. A sitting leader has an election timer only
   * while checkQuorum is on, so turning it on or off starts or stops that check now.
   */
  private onSetOptions(options: RaftOptions, unsafe: UnsafeSwitches): void {
    const wasChecking = this.config_.options.checkQuorum;
    this.config_ = { ...this.config_, options, unsafe };
    if (this.state.role === 'leader' && options.checkQuorum !== wasChecking) {
      if (options.checkQuorum) {
        this.state.recentlyHeard = [];
        this.armElectionTimer();
      } else this.timer({ timer: 'election', stop: true });
    }
  }

  // ---- Rules for all servers (Figure 2) ---------------------------------------

  private onMessage(from: NodeId, m: RaftMessage): void {
    const s = this.state;
    // Thesis §9.6: a pre-vote round changes nobody's term, so it skips the term rules below.
    if (m.type === 'PreVote') return this.onPreVote(from, m);
    if (m.type === 'PreVoteReply') return this.onPreVoteReply(from, m);
    // §4.2.3 (lease reads only): a node that hears from a leader does not even consider an ordinary election.
    if (m.type === 'RequestVote' && m.term > s.currentTerm && transfer.ignoresVoteRequest(this.hooks, m))
      return this.refuseVote(from, m, 'leader-alive');

    // Dissertation §4.2.3 (with checkQuorum): a server that hears from a leader ignores a RequestVote
    // of a newer term, so a removed or cut-off server cannot depose a working leader.
    // A transfer's RequestVote is the exception (thesis §3.10): the leader itself asked for it.
    if (m.type === 'RequestVote' && m.term > s.currentTerm && m.transfer !== true && this.inLeaderLease())
      return this.refuseVote(from, m, 'leader-alive');
    // A higher term means we are behind: adopt it and follow.
    const fromLeader = m.type === 'AppendEntries' || m.type === 'InstallSnapshot';
    if (m.term > s.currentTerm) this.becomeFollower(m.term, from, fromLeader ? from : null);
    if (m.term < s.currentTerm) {
      // A stale message changes nothing; requests are answered with our term so the sender catches up.
      if (m.type === 'RequestVote') this.refuseVote(from, m, 'stale-term');
      if (m.type === 'AppendEntries') this.refuseAppend(from, m, 'stale-term', 0, 0);
      if (m.type === 'InstallSnapshot') this.refuseStaleSnapshot(from, m); // Figure 13, rule 1.
      return;
    }
    if (m.type === 'RequestVote') return this.onRequestVote(from, m);
    if (m.type === 'InstallSnapshot' || m.type === 'InstallSnapshotReply') return this.onSnapshotMessage(from, m);
    if (m.type === 'TimeoutNow') return transfer.onTimeoutNow(this.hooks, m);
    if (m.type === 'ReadIndex') return reads.onReadIndexRequest(this.hooks, from, m);
    if (m.type === 'ReadIndexReply') return reads.onReadIndexReply(this.hooks, m);
    switch (s.role) {
      case 'follower':
      case 'preCandidate':
        return this.stepFollower(from, m);
      case 'candidate':
        return this.stepCandidate(from, m);
      case 'leader':
        return this.stepLeader(from, m);
    }
  }

  /** checkQuorum's lease: this node leads, or follows a leader whose election timeout has not run out. */
  private inLeaderLease(): boolean {
    const s = this.state;
    return this.config_.options.checkQuorum && (s.role === 'leader' || (s.role === 'follower' && s.leaderId !== null));
  }

  // ---- One handler per role ------------------------------------------------------

  private stepFollower(from: NodeId, m: RequestVoteReply | AppendEntries | AppendEntriesReply): void {
    // Replies to an abandoned election or to an old leadership are late: nothing to do.
    if (m.type === 'AppendEntries') {
      // A pre-candidate that hears from a leader of its term gives up its round.
      if (this.state.role === 'preCandidate') this.becomeFollower(this.state.currentTerm, from, from);
      this.onAppendEntries(from, m);
    }
  }

  private stepCandidate(from: NodeId, m: RequestVoteReply | AppendEntries | AppendEntriesReply): void {
    if (m.type === 'RequestVoteReply') return this.onRequestVoteReply(from, m);
    if (m.type === 'AppendEntries') {
      // §5.2: a candidate that hears from a leader of its own term accepts it.
      this.becomeFollower(this.state.currentTerm, from, from);
      this.onAppendEntries(from, m);
    }
  }

  private stepLeader(from: NodeId, m: RequestVoteReply | AppendEntries | AppendEntriesReply): void {
    // Election Safety: no other leader has this term, so only replies matter to a leader.
    if (m.type === 'AppendEntriesReply') this.onAppendEntriesReply(from, m);
  }

  /** Figure 13: a follower (or a candidate that meets the leader of its term) installs; a leader hears back. */
  private onSnapshotMessage(from: NodeId, m: InstallSnapshot | InstallSnapshotReply): void {
    if (m.type === 'InstallSnapshot') {
      if (this.state.role === 'leader') return; // Election Safety: no other leader has this term.
      if (this.state.role !== 'follower') this.becomeFollower(this.state.currentTerm, from, from);
      onInstallSnapshot(this.snapshots, from, m);
      // An installed snapshot moves lastApplied as a commit does: a read waiting for that index is due.
      return reads.onCommitAdvanced(this.hooks);
    }
    if (this.state.role !== 'leader') return;
    if (!this.state.recentlyHeard.includes(from)) this.state.recentlyHeard.push(from);
    const next = onInstallSnapshotReply(this.snapshots, from, m);
    if (next === 'installed') this.onMatchRaised(from);
    else if (next === 'next') this.replicateTo(from);
  }

  private refuseStaleSnapshot(from: NodeId, m: InstallSnapshot): void {
    this.send(from, {
      type: 'InstallSnapshotReply',
      term: this.state.currentTerm,
      lastIncludedIndex: m.lastIncludedIndex,
      offset: m.offset,
      received: 0,
      installed: false,
    });
  }

  // ---- Elections (§5.2) ------------------------------------------------------

  private onElectionTimeout(forced: boolean): void {
    const s = this.state;
    if (s.role === 'leader') return this.checkQuorum();
    // The timer ran out, so no leader was heard for an election timeout: forget it. A pre-vote or a
    // checkQuorum vote refused as "leader alive" would otherwise wait forever on a leader long gone.
    s.leaderContact = false;
    if (s.role === 'follower') s.leaderId = null;
    // A server whose vote does not count (a learner, a spare, a removed server) never campaigns.
    if (!this.quorum.isVoter(this.id) && !this.membership.mayCampaignOutside()) return this.armElectionTimer();
    const cause: ElectionCause = forced ? 'forced' : 'timer';
    if (this.config_.options.preVote) this.startPreVote(cause);
    else this.startElection(cause);
  }

  /** §5.2: increment currentTerm, vote for self, ask every other voter for its vote. */
  private startElection(cause: ElectionCause): void {
    const s = this.state;
    const from = s.currentTerm;
    s.currentTerm += 1;
    s.votedFor = this.id;
    s.leaderId = null;
    this.emit({ type: 'termChanged', from, to: s.currentTerm, cause: 'election' });
    this.setRole('candidate');
    this.emit({
      type: 'electionStarted',
      term: s.currentTerm,
      preVote: false,
      cause,
      voters: this.quorum.voters(),
    });
    s.votesGranted = [];
    s.votesRefused = [];
    this.armElectionTimer();
    if (this.count(this.id, true, false) === 'won') return this.becomeLeader();
    const request: RequestVote =
      cause === 'transfer'
        ? { type: 'RequestVote', term: s.currentTerm, candidateId: this.id, ...this.lastLog(), transfer: true }
        : { type: 'RequestVote', term: s.currentTerm, candidateId: this.id, ...this.lastLog() };
    for (const peer of this.voterPeers()) this.send(peer, request);
  }

  /** Thesis §9.6: first ask whether we could win at term+1, without raising our term. */
  private startPreVote(cause: ElectionCause): void {
    const s = this.state;
    // A candidate whose election timed out abandons it: late real votes of that term must not mix with pre-votes.
    this.setRole('preCandidate');
    s.leaderId = null;
    s.votesGranted = [];
    s.votesRefused = [];
    const term = s.currentTerm + 1;
    this.emit({ type: 'electionStarted', term, preVote: true, cause, voters: this.quorum.voters() });
    this.armElectionTimer();
    if (this.count(this.id, true, true) === 'won') return this.startElection('preVoteWon');
    const request: PreVote = { type: 'PreVote', term, candidateId: this.id, ...this.lastLog() };
    for (const peer of this.voterPeers()) this.send(peer, request);
  }

  private lastLog(): { lastLogIndex: number; lastLogTerm: number } {
    const { log } = this.state;
    return { lastLogIndex: log.lastIndex(), lastLogTerm: log.lastTerm() };
  }

  private voterPeers(): NodeId[] {
    return this.quorum.voters().filter((id) => id !== this.id);
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
    this.send(from, { type: 'RequestVoteReply', term: s.currentTerm, voteGranted: true });
  }

  /** §5.4.1 election restriction (unless the unsafe switch turns it off). */
  private logAllowsVote(m: RequestVote | PreVote): boolean {
    return this.config_.unsafe.noElectionRestriction || this.state.log.isUpToDate(m.lastLogTerm, m.lastLogIndex);
  }

  private voteCheck(m: RequestVote | PreVote): VoteCheck {
    const { log, votedFor, currentTerm } = this.state;
    return {
      votedFor,
      voterTerm: currentTerm,
      voterLastLogTerm: log.lastTerm(),
      voterLastLogIndex: log.lastIndex(),
      candidateLastLogTerm: m.lastLogTerm,
      candidateLastLogIndex: m.lastLogIndex,
      candidateUpToDate: log.isUpToDate(m.lastLogTerm, m.lastLogIndex),
    };
  }

  private refuseVote(from: NodeId, m: RequestVote | PreVote, reason: VoteRefusal): void {
    const s = this.state;
    const preVote = m.type === 'PreVote';
    this.emit({
      type: 'voteRefused',
      candidate: m.candidateId,
      term: m.term,
      preVote,
      reason,
      check: this.voteCheck(m),
    });
    if (preVote) this.send(from, { type: 'PreVoteReply', term: m.term, voteGranted: false, voterTerm: s.currentTerm });
    else this.send(from, { type: 'RequestVoteReply', term: s.currentTerm, voteGranted: false });
  }

  /** Thesis §9.6: grant a pre-vote only for a newer term, an up-to-date log, and when no leader is heard. */
  private onPreVote(from: NodeId, m: PreVote): void {
    const s = this.state;
    if (m.term <= s.currentTerm) return this.refuseVote(from, m, 'stale-term');
    // A node that still hears from its leader sees no reason for an election.
    if (s.role === 'leader' || (s.role === 'follower' && s.leaderId !== null))
      return this.refuseVote(from, m, 'leader-alive');
    if (!this.logAllowsVote(m)) return this.refuseVote(from, m, 'log-not-up-to-date');
    this.emit({ type: 'voteGranted', candidate: m.candidateId, term: m.term, preVote: true, check: this.voteCheck(m) });
    this.send(from, { type: 'PreVoteReply', term: m.term, voteGranted: true, voterTerm: s.currentTerm });
  }

  private onPreVoteReply(from: NodeId, m: PreVoteReply): void {
    const s = this.state;
    // Only answers to this round count: the reply echoes the term the round asked about.
    if (s.role !== 'preCandidate' || m.term !== s.currentTerm + 1) return;
    if (!m.voteGranted && m.voterTerm > s.currentTerm) return this.becomeFollower(m.voterTerm, from, null);
    if (this.count(from, m.voteGranted, true) === 'won') this.startElection('preVoteWon');
  }

  private onRequestVoteReply(from: NodeId, m: RequestVoteReply): void {
    // §5.2: votes from a majority of the voters, its own included, make a leader.
    if (this.count(from, m.voteGranted, false) === 'won') this.becomeLeader();
  }

  /** Count one vote of this round (once per voter) and report the tally. */
  private count(voter: NodeId, granted: boolean, preVote: boolean): 'won' | 'lost' | 'pending' {
    const s = this.state;
    if (s.votesGranted.includes(voter) || s.votesRefused.includes(voter)) return 'pending';
    if (!this.quorum.isVoter(voter)) return 'pending';
    if (granted) s.votesGranted.push(voter);
    else s.votesRefused.push(voter);
    const tally = this.quorum.tally(s.votesGranted, s.votesRefused);
    const term = preVote ? s.currentTerm + 1 : s.currentTerm;
    this.emit({ type: 'voteCounted', voter, term, preVote, granted, tally });
    return tally.result;
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
    const newTerm = term > s.currentTerm;
    if (wasLeader) transfer.endTransferOnStepDown(this.hooks);
    if (term > s.currentTerm) {
      this.emit({ type: 'termChanged', from: s.currentTerm, to: term, cause });
      s.currentTerm = term;
      s.votedFor = null;
      s.leaderId = leaderId;
    }
    this.setRole('follower');
    s.votesGranted = [];
    s.votesRefused = [];
    if (wasLeader || newTerm) reads.abandonReads(this.hooks, wasLeader);
    if (wasLeader) {
      s.nextIndex = {};
      s.matchIndex = {};
      s.recentlyHeard = [];
      s.commitDeferred = null;
      this.timer({ timer: 'heartbeat', stop: true });
      // A leader had no election timer running; a follower needs one.
      this.armElectionTimer();
      this.membership.onStepDown();
    }
  }

  /** Figure 2, Leaders: initialise nextIndex and matchIndex, then assert leadership at once. */
  private becomeLeader(): void {
    const s = this.state;
    this.setRole('leader');
    s.leaderId = this.id;
    const next = s.log.lastIndex() + 1;
    s.nextIndex = {};
    s.matchIndex = {};
    s.snapshotTransfers = {};
    for (const peer of this.peers) {
      s.nextIndex[peer] = next;
      s.matchIndex[peer] = 0;
    }
    s.recentlyHeard = [];
    s.commitDeferred = null;
    s.transfer = null;
    reads.resetForLeadership(this.hooks);
    if (this.config_.options.leaderNoop) this.appendToOwnLog({ term: s.currentTerm, command: '', noop: true });
    this.membership.onBecomeLeader();
    this.broadcastAppendEntries();
    this.timer({ timer: 'heartbeat', after: this.config_.heartbeatInterval });
    if (this.config_.options.checkQuorum) this.armElectionTimer();
    else this.timer({ timer: 'election', stop: true });
    this.advanceCommitIndex(); // A one-node cluster commits on its own.
  }

  /** checkQuorum: a leader that heard from no majority during an election timeout steps down. */
  private checkQuorum(): void {
    const s = this.state;
    if (!this.config_.options.checkQuorum) return;
    if (!this.quorum.hasQuorum((id) => id === this.id || s.recentlyHeard.includes(id))) {
      this.emit({ type: 'steppedDown', reason: 'lost-quorum' });
      this.becomeFollower(s.currentTerm, this.id, null);
      s.leaderId = null;
      return;
    }
    s.recentlyHeard = [];
    this.armElectionTimer();
  }

  // ---- Clients (§4 step 1, §8) ----------------------------------------------------

  /** §4 step 1: a leader appends a client command to its own log, uncommitted, and replicates it. */
  private onPropose(command: string, requestId: number | undefined): void {
    const s = this.state;
    // A command that does not parse never enters any log.
    const parsed = parseCommand(command);
    if (!parsed.ok) return this.answer({ requestId, outcome: 'invalidCommand', message: parsed.message });
    // Thesis §6.4: a read may be served without a log entry (or, unsafely, from local state).
    if (parsed.command.op === 'get' && requestId !== undefined && reads.readsBypassLog(this.hooks))
      return reads.onClientRead(this.hooks, requestId, parsed.command.key);
    if (s.role !== 'leader') return this.answer({ requestId, outcome: 'notLeader', leaderHint: s.leaderId });
    if (transfer.refuseWhileTransferring(this.hooks, requestId)) return;
    const pendingAt = requestId === undefined ? null : this.ownTermEntryOf(requestId);
    if (pendingAt !== null) {
      // A retry of a request this leader already appended in its term: that entry commits with this
      // leader's next commits, and its answer serves the retry (thesis §6.3). Appending it again only
      // lengthens the log that lagging followers must catch up on while their clients keep retrying.
      this.emit({ type: 'retryAlreadyPending', requestId: requestId!, index: pendingAt });
      return this.answer({ requestId, outcome: 'accepted', index: pendingAt, term: s.currentTerm });
    }
    const entry: LogEntry =
      requestId === undefined ? { term: s.currentTerm, command } : { term: s.currentTerm, command, requestId };
    this.appendToOwnLog(entry);
    this.answer({ requestId, outcome: 'accepted', index: s.log.lastIndex(), term: s.currentTerm });
    this.replicateAndCommit();
  }

  /**
   * Where this leader's uncommitted entries of its own term hold the request, or null. Only its own
   * term: an older entry commits only under one of this term (§5.4.2), so a retry of it is appended
   * again, and the copy that commits second is answered from the applied-request table.
   */
  private ownTermEntryOf(requestId: number): number | null {
    const s = this.state;
    for (let i = s.log.lastIndex(); i > s.commitIndex && s.log.term(i) === s.currentTerm; i--) {
      if (s.log.entry(i)?.requestId === requestId) return i;
    }
    return null;
  }

  // ---- Log replication (§5.3) -------------------------------------------------

  private onHeartbeatTimeout(): void {
    if (this.state.role !== 'leader') return;
    // The heartbeat timer is the leader's clock: it times a transfer and a lease.
    reads.onLeaderTick(this.hooks);
    transfer.tickTransfer(this.hooks);
    this.broadcastAppendEntries();
    this.timer({ timer: 'heartbeat', after: this.config_.heartbeatInterval });
  }

  /** AppendEntries to every follower; followers at the same nextIndex get the same (read-only) message. */
  private broadcastAppendEntries(): void {
    let previous: AppendEntries | undefined;
    for (const peer of this.peers) {
      // §7: a follower that needs a discarded entry gets the snapshot instead; a broadcast resends
      // the chunk in flight only once its reply is overdue (install-snapshot.ts).
      if (needsSnapshot(this.state, peer)) {
        sendSnapshotChunk(this.snapshots, peer, true);
        continue;
      }
      previous = this.appendEntriesFor(peer, previous);
      this.send(peer, previous);
    }
  }

  /** What `peer` needs next: AppendEntries from its nextIndex, or the snapshot when that entry is discarded (§7). */
  private replicateTo(peer: NodeId): void {
    if (needsSnapshot(this.state, peer)) sendSnapshotChunk(this.snapshots, peer);
    else this.send(peer, this.appendEntriesFor(peer));
  }

  /** The AppendEntries for `peer`, everything from its nextIndex on (an empty list is a heartbeat). */
  private appendEntriesFor(peer: NodeId, previous?: AppendEntries): AppendEntries {
    const s = this.state;
    const nextIndex = s.nextIndex[peer] ?? s.log.lastIndex() + 1;
    const prevLogIndex = nextIndex - 1;
    if (previous !== undefined && previous.prevLogIndex === prevLogIndex) return previous;
    const max = this.config_.options.maxEntriesPerMessage;
    const message: AppendEntries = {
      type: 'AppendEntries',
      term: s.currentTerm,
      leaderId: this.id,
      prevLogIndex,
      prevLogTerm: s.log.term(prevLogIndex) ?? 0,
      entries: prevLogIndex < s.log.lastIndex() ? s.log.slice(nextIndex, nextIndex + max) : NO_ENTRIES,
      leaderCommit: s.commitIndex,
    };
    const readContext = reads.readContext(this.hooks);
    return readContext === undefined ? message : { ...message, readContext };
  }

  /** Figure 2, AppendEntries receiver, with the consistency check of §5.3. */
  private onAppendEntries(from: NodeId, received: AppendEntries): void {
    const s = this.state;
    // §7: entries our snapshot already covers are committed and match: check from its last entry.
    const m = clipToSnapshot(received, s.log);
    s.leaderId = from;
    s.leaderContact = true;
    // Hearing from the current leader resets the timer, even when the entries must be refused.
    this.armElectionTimer();

    // Receiver rule 2: refuse unless the log holds an entry at prevLogIndex whose term is prevLogTerm.
    const myPrevTerm = s.log.term(m.prevLogIndex);
    if (myPrevTerm === undefined) return this.refuseAppend(from, m, 'missing-entry', 0, s.log.lastIndex() + 1);
    if (myPrevTerm !== m.prevLogTerm) {
      const conflictIndex = s.log.firstIndexOfTerm(myPrevTerm, m.prevLogIndex);
      return this.refuseAppend(from, m, 'term-mismatch', myPrevTerm, conflictIndex);
    }

    // Rules 3 and 4: delete only on a real conflict, so a late, shorter message never cuts the log.
    for (let i = 0; i < m.entries.length; i++) {
      const index = m.prevLogIndex + 1 + i;
      const existing = s.log.term(index);
      if (existing === m.entries[i]!.term) continue;
      if (existing !== undefined) this.truncateFrom(index);
      // Entries are never modified once made, so the event may share the message's list.
      const added = i === 0 ? m.entries : m.entries.slice(i);
      s.log.append(added);
      this.emit({ type: 'entriesAppended', fromIndex: index, entries: added, leader: from });
      this.membership.afterAppend(index, added);
      break;
    }

    // Rule 5: commitIndex = min(leaderCommit, index of last new entry).
    const lastNewIndex = m.prevLogIndex + m.entries.length;
    if (m.leaderCommit > s.commitIndex) {
      this.setCommitIndex(Math.min(m.leaderCommit, lastNewIndex), { by: 'leaderCommit', leader: from });
    }
    this.send(
      from,
      withReadContext(m, {
        type: 'AppendEntriesReply',
        term: s.currentTerm,
        success: true,
        prevLogIndex: received.prevLogIndex,
        matchIndex: lastNewIndex,
        conflictTerm: 0,
        conflictIndex: 0,
      }),
    );
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
      currentTerm: s.currentTerm,
      prevLogIndex: m.prevLogIndex,
      prevLogTerm: m.prevLogTerm,
      reason,
      myLastLogIndex: s.log.lastIndex(),
      myPrevLogTerm: s.log.term(m.prevLogIndex) ?? null,
    });
    this.send(
      from,
      withReadContext(m, {
        type: 'AppendEntriesReply',
        term: s.currentTerm,
        success: false,
        prevLogIndex: m.prevLogIndex,
        matchIndex: 0,
        conflictTerm,
        conflictIndex,
      }),
    );
  }

  private truncateFrom(index: number): void {
    const removed = this.state.log.truncateFrom(index);
    this.emit({ type: 'entriesTruncated', fromIndex: index, removed });
    this.membership.afterTruncate(index); // §6: a configuration entry deleted is a configuration rolled back.
  }

  private onAppendEntriesReply(from: NodeId, m: AppendEntriesReply): void {
    const s = this.state;
    if (!s.recentlyHeard.includes(from)) s.recentlyHeard.push(from);
    // A refusal still acknowledges this leader's term, so it confirms a read round too (§6.4).
    reads.onReadAck(this.hooks, from, m);
    const next = s.nextIndex[from] ?? 1;
    const match = s.matchIndex[from] ?? 0;
    if (m.success) {
      if (m.matchIndex <= match) return; // A late or duplicated reply: nothing new to learn or send.
      s.matchIndex[from] = m.matchIndex;
      s.nextIndex[from] = Math.max(next, m.matchIndex + 1);
      return this.onMatchRaised(from);
    }
    // Only the refusal of the latest probe moves nextIndex; older ones were already acted on.
    if (m.prevLogIndex !== next - 1) return;
    // §5.3: the follower's log does not match at nextIndex-1: back up and retry.
    const backedUp = Math.max(match + 1, Math.min(next - 1, this.fastBackupTarget(m) ?? next - 1), 1);
    if (backedUp !== next) {
      s.nextIndex[from] = backedUp;
      this.emit({ type: 'nextIndexBackedUp', follower: from, from: next, to: backedUp });
    }
    this.replicateTo(from);
  }

  /**
   * A follower's matchIndex rose, by AppendEntries or by a whole snapshot (§7): the leader may
   * commit, hand over leadership (thesis §3.10), send the rest, and promote a learner (§4.2.1).
   */
  private onMatchRaised(from: NodeId): void {
    const s = this.state;
    this.advanceCommitIndex();
    if (transfer.sendTimeoutNowIfCaughtUp(this.hooks)) return;
    if (s.nextIndex[from]! <= s.log.lastIndex()) this.replicateTo(from);
    this.membership.onProgress(from); // A learner may now be within one round of the log.
  }

  /** With fastBackup, skip the whole conflicting term using the follower's hint. */
  private fastBackupTarget(m: AppendEntriesReply): number | undefined {
    if (!this.config_.options.fastBackup || m.conflictIndex === 0) return undefined;
    if (m.conflictTerm === 0) return m.conflictIndex;
    const last = this.state.log.lastIndexOfTerm(m.conflictTerm);
    return last > 0 ? last + 1 : m.conflictIndex;
  }

  // ---- Commitment (§5.3, §5.4.2) ---------------------------------------------------

  /**
   * §5.3: commit the highest N replicated on a quorum; §5.4.2: only when entry N is of the
   * leader's current term (Figure 8). An older-term N is held back, and the node says so.
   */
  private advanceCommitIndex(): void {
    const s = this.state;
    const matchOf = (id: NodeId): number => (id === this.id ? s.log.lastIndex() : (s.matchIndex[id] ?? 0));
    const n = this.quorum.committedIndex(matchOf);
    if (n <= s.commitIndex) return;
    const term = s.log.term(n)!;
    const replicas = this.quorum.replicas(n, matchOf);
    if (term === s.currentTerm || this.config_.unsafe.commitPreviousTerms) {
      s.commitDeferred = null;
      return this.setCommitIndex(n, {
        by: 'majority',
        replicas,
        term,
        currentTerm: s.currentTerm,
        quorum: this.quorum.describe(),
      });
    }
    const before = s.commitDeferred;
    s.commitDeferred = { index: n, term, replicas };
    // Said once per entry held back, not at every reply that finds it still held.
    if (before === null || n > before.index) {
      const quorum = this.quorum.describe();
      this.emit({ type: 'commitDeferred', index: n, term, currentTerm: s.currentTerm, replicas, quorum });
    }
  }

  private setCommitIndex(
    index: number,
    how: DistributiveOmit<Extract<RaftEvent, { type: 'commitAdvanced' }>, 'type' | 'from' | 'to'>,
  ): void {
    const s = this.state;
    if (index <= s.commitIndex) return;
    this.emit({ type: 'commitAdvanced', from: s.commitIndex, to: index, ...how });
    s.commitIndex = index;
    // Figure 2, all servers: apply everything committed, in order.
    while (s.lastApplied < s.commitIndex) {
      const { entry, result, event } = applyNext(s);
      this.emit(event);
      // Figure 2, Rules for Servers: the leader responds to the client after applying its command.
      if (s.role === 'leader' && entry.requestId !== undefined) {
        this.answer({ requestId: entry.requestId, outcome: 'applied', index: s.lastApplied, result });
      }
    }
    this.membership.onCommit();
    maybeSnapshot(this.snapshots); // §7: compact once enough entries were applied.
    reads.onCommitAdvanced(this.hooks);
  }

  /**
   * A leader's new entry goes to every follower, and may already be committed: when this
   * leader is the only voter, its own copy is the majority (§5.3).
   */
  private appendAndReplicate(entry: LogEntry): void {
    this.appendToOwnLog(entry);
    this.replicateAndCommit();
  }

  private replicateAndCommit(): void {
    this.broadcastAppendEntries();
    this.advanceCommitIndex();
  }

  private appendToOwnLog(entry: LogEntry): void {
    const s = this.state;
    s.log.append([entry]);
    this.emit({ type: 'entriesAppended', fromIndex: s.log.lastIndex(), entries: [entry], leader: this.id });
  }

  // ---- Output helpers -----------------------------------------------------------

  private armElectionTimer(): void {
    this.timer({ timer: 'election', after: this.electionTimeout() });
  }

  private timer(request: TimerRequest): void {
    this.out.timers = withItem(this.out.timers, request);
  }

  private send(to: NodeId, message: RaftMessage): void {
    this.out.messages = withItem(this.out.messages, { to, message } satisfies OutgoingMessage);
  }

  private emit(event: RaftEvent): void {
    this.out.events = withItem(this.out.events, event);
  }

  private answer(answer: ClientAnswer): void {
    this.out.answers = withItem(this.out.answers, answer);
  }
}

/** A reply echoes its request's read context, so the leader can tell which round it acknowledges. */
function withReadContext(m: AppendEntries, reply: AppendEntriesReply): AppendEntriesReply {
  return m.readContext === undefined ? reply : { ...reply, readContext: m.readContext };
}

/** Omit over each member of a union, so the discriminant still narrows. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
