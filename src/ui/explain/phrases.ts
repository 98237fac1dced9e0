// The sentences of the explanations, in English and Korean. Pure data and functions so
// explain.ts stays testable without React. Each sentence says what the rule compared,
// with the values the engine recorded; the section prefix is added by explain.ts.
// Korean follows the course notes (임기 = term, 후보 = candidate, 리더, 팔로워, 과반수).

import type { Violation } from '../../sim/types';
import type { Lang } from '../../store/sim-store';
import { violationDetail } from '../violation-detail';

type Id = string;

/** Korean particles after a number read aloud (1 일, 2 이, 3 삼 …): 0, 1, 3, 6, 7, 8 end in a consonant. */
const batchim = (n: number): boolean => [0, 1, 3, 6, 7, 8].includes(Math.abs(n) % 10);
const eul = (n: number): string => (batchim(n) ? '을' : '를');
const iga = (n: number): string => (batchim(n) ? '이' : '가');
/** 으로/로: numbers ending in ㄹ (1, 7, 8) take 로 like vowels. */
const ro = (n: number): string => (batchim(n) && ![1, 7, 8].includes(Math.abs(n) % 10) ? '으로' : '로');
const list = (ids: readonly Id[]): string => ids.join(', ');

export interface ExplainPhrases {
  paper: string;
  thesis: string;
  yes: string;
  no: string;
  grant: string;
  refuse: string;
  noneWord: string;
  // elections
  election(node: Id, from: number, to: number, peers: readonly Id[], cause: 'timeout' | 'action' | 'preVote'): string;
  electionCheck(node: Id, from: number, to: number): string;
  termClimbs(node: Id, previous: number, to: number): string;
  preVote(node: Id, term: number, peers: readonly Id[]): string;
  becameLeader(node: Id, term: number, votes: number | null, n: number, majority: number): string;
  becameLeaderCheck(votes: number, majority: number): string;
  higherTerm(node: Id, from: number, to: number, sender: Id, was: 'leader' | 'candidate' | 'follower'): string;
  higherTermCheck(from: number, to: number): string;
  candidateYields(node: Id, leader: Id | null, term: number): string;
  candidateYieldsCheck(term: number): string;
  votedForCheck(votedFor: Id | null, candidate: Id, ok: boolean): string;
  upToDateCheck(cTerm: number, cIndex: number, myTerm: number, myIndex: number, ok: boolean): string;
  outcome(verdict: string): string;
  unsafeGrant: string;
  voteGranted(node: Id, cand: Id, term: number, pre: boolean, c: readonly [number, number, number, number]): string;
  voteStale(node: Id, cand: Id, term: number, myTerm: number | null, pre: boolean): string;
  staleCheck(term: number, myTerm: number): string;
  preVoteStaleCheck(term: number, myTerm: number): string;
  alreadyVoted(node: Id, cand: Id, term: number, votedFor: Id | null): string;
  logOlder(node: Id, cand: Id, pre: boolean, c: readonly [number, number, number, number]): string;
  leaderAlive(node: Id, cand: Id): string;
  leaderAliveCheck: string;
  // log replication
  appendStale(node: Id, leader: Id, term: number, myTerm: number | null): string;
  appendMissing(node: Id, leader: Id, prevIndex: number, myLast: number): string;
  appendMissingCheck(prevIndex: number, myLast: number): string;
  appendMismatch(node: Id, leader: Id, prevIndex: number, myTerm: number, prevTerm: number): string;
  appendMismatchCheck(prevIndex: number, myTerm: number, prevTerm: number): string;
  truncated(node: Id, fromIndex: number, count: number): string;
  truncatedCheck(index: number, mine: number, theirs: number | null): string;
  appended(node: Id, leader: Id | null, first: number, last: number): string;
  appendedCheck(prevIndex: number, prevTerm: number): string;
  clientAppend(node: Id, command: string, index: number, term: number): string;
  noopAppend(node: Id, index: number, term: number): string;
  backedUp(node: Id, follower: Id, from: number, to: number, fast: boolean): string;
  backedUpCheck(follower: Id, from: number, to: number): string;
  committed(
    node: Id,
    first: number,
    last: number,
    replicas: number | null,
    n: number,
    entryTerm: number | null,
    term: number | null,
  ): string;
  commitCheck(replicas: number, majority: number, index: number, entryTerm: number | null, term: number | null): string;
  unsafeCommit: string;
  followerCommitted(node: Id, leader: Id | null, to: number): string;
  followerCommitCheck(leaderCommit: number | null, lastNew: number | null, from: number, to: number): string;
  notCommitted(node: Id, index: number, entryTerm: number, term: number, replicas: number, n: number): string;
  lostQuorum(node: Id): string;
  heartbeat(node: Id, peers: readonly Id[]): string;
  restarted(node: Id, term: number, votedFor: Id | null): string;
  redirected(by: Id, id: number, to: Id | null): string;
  // invariants
  violation(v: Violation): string;
  // why was this message sent?
  whyElection(from: Id, term: number, cause: 'timeout' | 'action' | 'preVote'): string;
  whyPreVote(from: Id, term: number): string;
  whyVoteReply(from: Id, to: Id, term: number, granted: boolean, explanation: string | null): string;
  whyNewLeader(from: Id, term: number): string;
  whyHeartbeat(from: Id, entries: number, first: number): string;
  whyClientEntry(from: Id, first: number, last: number): string;
  whyRetry(from: Id, to: Id, prevIndex: number, backedFrom: number | null): string;
  whyMore(from: Id, to: Id, match: number, first: number): string;
  whyAppendReply(from: Id, to: Id, success: boolean, matchIndex: number, explanation: string | null): string;
  whyClientRequest(to: Id, id: number, attempt: number): string;
  whyClientReplyOk(from: Id, id: number, index: number | null): string;
  whyClientReplyRedirect(from: Id, id: number, hint: Id | null): string;
  whyUnknown: string;
  whyDuplicate: string;
}

const en: ExplainPhrases = {
  paper: 'paper',
  thesis: 'thesis',
  yes: 'yes',
  no: 'no',
  grant: 'grant',
  refuse: 'refuse',
  noneWord: 'none',
  election: (n, from, to, peers, cause) =>
    (cause === 'timeout'
      ? `${n}'s election timeout fired: it became candidate for term ${to}, voted for itself`
      : cause === 'action'
        ? `the class fired ${n}'s election timer: it became candidate for term ${to}, voted for itself`
        : `${n} won the pre-vote: it became candidate for term ${to} (from ${from}), voted for itself`) +
    (peers.length > 0 ? ` and asked ${list(peers)} for votes` : ''),
  electionCheck: (n, from, to) =>
    `no AppendEntries from a leader and no vote granted before the timeout → currentTerm ${from} + 1 = ${to}, votedFor = ${n}`,
  termClimbs: (n, prev, to) =>
    `${n}'s previous election (term ${prev}) found no leader either: a node that hears from no leader keeps raising its term (now ${to})`,
  preVote: (n, t, peers) =>
    `${n}'s election timeout fired: before raising its term it asks ${list(peers)} whether they would vote for it in term ${t} (its term stays ${t - 1})`,
  becameLeader: (n, t, votes, size, maj) =>
    votes === null
      ? `${n} won the election of term ${t}: votes from a majority (${maj} of ${size}); it becomes leader and sends AppendEntries to all at once`
      : `${n} won the election of term ${t}: ${votes} votes of ${size}, its own included (majority ${maj}); it becomes leader and sends AppendEntries to all at once`,
  becameLeaderCheck: (votes, maj) => `votes ${votes} ≥ majority ${maj}? ${votes >= maj ? 'yes' : 'no'} → leader`,
  higherTerm: (n, from, to, sender, was) =>
    `${n} saw term ${to} from ${sender}, higher than its own ${from}: it adopts term ${to}, clears votedFor and ` +
    (was === 'leader'
      ? 'steps down from leader to follower'
      : was === 'candidate'
        ? 'gives up its candidacy'
        : 'stays a follower'),
  higherTermCheck: (from, to) =>
    `message term ${to} > currentTerm ${from}? yes → currentTerm = ${to}, votedFor = null, follower`,
  candidateYields: (n, leader, t) =>
    `${n}, candidate of term ${t}, heard AppendEntries from ${leader ?? 'a leader'} of the same term: someone else won, so it becomes follower`,
  candidateYieldsCheck: (t) => `AppendEntries term ${t} ≥ currentTerm ${t}? yes → follower`,
  votedForCheck: (votedFor, cand, ok) => `votedFor ${votedFor ?? 'null'} ∈ {null, ${cand}}? ${ok ? 'yes' : 'no'}`,
  upToDateCheck: (ct, ci, mt, mi, ok) =>
    ct !== mt
      ? `candidate's lastLogTerm ${ct} > my lastLogTerm ${mt}? ${ok ? 'yes' : 'no'}`
      : `candidate's lastLogTerm ${ct} = mine, lastLogIndex ${ci} ≥ my ${mi}? ${ok ? 'yes' : 'no'}`,
  outcome: (v) => `→ ${v}`,
  unsafeGrant: 'granted anyway: noElectionRestriction is on (unsafe)',
  voteGranted: (n, c, t, pre, [ct, ci, mt, mi]) =>
    `${n} ${pre ? 'would vote' : 'granted its vote'} for ${c} in term ${t}: ${c}'s log (last term ${ct}, index ${ci}) is at least as up to date as ${n}'s (term ${mt}, index ${mi})`,
  voteStale: (n, c, t, my, pre) =>
    `${n} refused ${pre ? 'a pre-vote' : 'to vote'} for ${c}: the request's term ${t} is ` +
    (my === null ? 'not newer than its own' : pre ? `not above ${n}'s ${my}` : `older than ${n}'s ${my}`),
  staleCheck: (t, my) => `term ${t} < currentTerm ${my}? ${t < my ? 'yes' : 'no'}`,
  preVoteStaleCheck: (t, my) => `pre-vote term ${t} > currentTerm ${my}? ${t > my ? 'yes' : 'no'}`,
  alreadyVoted: (n, c, t, v) =>
    `${n} refused to vote for ${c} in term ${t}: it already voted for ${v ?? 'someone'} (one vote per term)`,
  logOlder: (n, c, pre, [ct, ci, mt, mi]) =>
    `${n} refused ${pre ? 'a pre-vote' : 'to vote'} for ${c}: ` +
    (ct !== mt
      ? `${c}'s last log term ${ct} is older than ${n}'s ${mt}`
      : `${c}'s log (term ${ct}) ends at index ${ci}, before ${n}'s ${mi}`),
  leaderAlive: (n, c) =>
    `${n} refused a pre-vote to ${c}: it still hears from a leader, so it sees no reason for an election`,
  leaderAliveCheck: 'leader still heard? yes',
  appendStale: (n, l, t, my) =>
    `${n} refused AppendEntries from ${l}: ${l}'s term ${t} is older than ${n}'s${my === null ? '' : ` ${my}`}, so ${l} learns it is no longer leader`,
  appendMissing: (n, l, pi, last) =>
    `${n} refused AppendEntries from ${l}: it has no entry at prevLogIndex ${pi} (its log ends at ${last})`,
  appendMissingCheck: (pi, last) => `entry at prevLogIndex ${pi}? none (last index ${last}) → refuse`,
  appendMismatch: (n, l, pi, mine, prev) =>
    `${n} refused AppendEntries from ${l}: its entry at prevLogIndex ${pi} has term ${mine}, not prevLogTerm ${prev}`,
  appendMismatchCheck: (pi, mine, prev) => `log[${pi}].term ${mine} = prevLogTerm ${prev}? no → refuse`,
  truncated: (n, from, count) =>
    `${n} deleted ${count} ${count === 1 ? 'entry' : 'entries'} from index ${from} on: they conflict with the leader's log, which overwrites them`,
  truncatedCheck: (i, mine, theirs) =>
    `log[${i}].term ${mine} = new entry's term ${theirs ?? '?'}? no → delete index ${i} and all after it`,
  appended: (n, l, first, last) =>
    `${n} appended ${first === last ? `entry ${first}` : `entries ${first}–${last}`} from ${l ?? 'the leader'}'s AppendEntries: the entries before them match`,
  appendedCheck: (pi, pt) => `log[${pi}].term = prevLogTerm ${pt}? yes → append what is new`,
  clientAppend: (n, c, i, t) =>
    `${n}, the leader, appended the client's command "${c}" to its own log at index ${i} (term ${t}), not committed yet, and sends it to the followers`,
  noopAppend: (n, i, t) =>
    `${n} appended an empty entry of its term ${t} at index ${i}, so entries of earlier terms can commit with it`,
  backedUp: (n, f, from, to, fast) =>
    fast
      ? `${n} moved nextIndex for ${f} back from ${from} to ${to}, skipping the conflicting term at once, and retries`
      : `${n} backed nextIndex for ${f} up from ${from} to ${to} and retries`,
  backedUpCheck: (f, from, to) => `${f} refused → nextIndex ${from} → ${to}, resend with prevLogIndex ${to - 1}`,
  committed: (n, first, last, reps, size, et, t) =>
    `${n} committed ${first === last ? `index ${last}` : `indexes ${first}–${last}`}: ` +
    (reps === null ? 'a majority holds it' : `${reps} of ${size} nodes hold ${last}`) +
    (et === null || t === null
      ? ''
      : et === t
        ? ` and it is from ${n}'s term ${t}`
        : `, although it is from term ${et}, not ${n}'s term ${t}`) +
    `; it applies it to its state machine`,
  commitCheck: (reps, maj, i, et, t) =>
    `replicas ${reps} ≥ majority ${maj}? ${reps >= maj ? 'yes' : 'no'}` +
    (et === null || t === null ? '' : `; log[${i}].term ${et} = currentTerm ${t}? ${et === t ? 'yes' : 'no'}`) +
    ` → commitIndex = ${i}`,
  unsafeCommit: 'committed anyway: commitPreviousTerms is on (unsafe, Figure 8)',
  followerCommitted: (n, l, to) =>
    `${n} learned from ${l ?? 'the leader'}'s AppendEntries (leaderCommit) that entries up to ${to} are committed, and applies them`,
  followerCommitCheck: (lc, ln, from, to) =>
    lc === null || ln === null
      ? `leaderCommit > commitIndex ${from}? yes → commitIndex = ${to}`
      : `leaderCommit ${lc} > commitIndex ${from}? yes → commitIndex = min(${lc}, ${ln}) = ${to}`,
  notCommitted: (n, i, et, t, reps, size) =>
    `${n} does not commit index ${i} by counting replicas (${reps} of ${size} hold it): it is from term ${et}, not ${n}'s term ${t}. It commits once an entry of term ${t} above it reaches a majority`,
  lostQuorum: (n) => `${n} heard from no majority during an election timeout (checkQuorum): it steps down to follower`,
  heartbeat: (n, peers) =>
    `${n}'s heartbeat interval elapsed: it sends AppendEntries to ${list(peers) || 'the followers'} (empty ones are heartbeats) so no election timeout fires`,
  restarted: (n, t, v) =>
    `${n} restarted with currentTerm ${t} and votedFor ${v ?? 'null'} read from disk (persistent state); commitIndex and lastApplied start again at 0`,
  redirected: (by, id, to) =>
    to === null
      ? `${by} is not the leader and knows none: it refused request #${id}; the client retries later`
      : `${by} is not the leader: it refused request #${id} and pointed the client to ${to}, since only the leader serves clients`,
  violation: (v) => `invariant violated — ${v.invariant}: ${violationDetail(v, 'en')}`,
  whyElection: (f, t, cause) =>
    cause === 'timeout'
      ? `${f}'s election timeout fired: it became candidate for term ${t} and asks everyone for a vote`
      : cause === 'action'
        ? `the class fired ${f}'s election timer: it became candidate for term ${t} and asks everyone for a vote`
        : `${f} won the pre-vote and now runs the real election of term ${t}`,
  whyPreVote: (f, t) =>
    `${f}'s election timeout fired and pre-vote is on: it asks whether it could win term ${t} before raising its term`,
  whyVoteReply: (f, to, t, g, ex) =>
    `the answer of ${f} to ${to}'s RequestVote for term ${t}: ${g ? 'granted' : 'refused'}` + (ex ? ` (${ex})` : ''),
  whyNewLeader: (f, t) => `${f} just became leader of term ${t}: it announces itself to every follower at once`,
  whyHeartbeat: (f, n, first) =>
    n === 0
      ? `${f}'s heartbeat interval elapsed: an empty AppendEntries (heartbeat) keeps the follower from starting an election`
      : `${f}'s heartbeat interval elapsed: this AppendEntries also carries the entries from nextIndex ${first} the follower still lacks`,
  whyClientEntry: (f, first, last) =>
    `a client command reached ${f}, the leader: it sends the new ${first === last ? `entry ${first}` : `entries ${first}–${last}`} to replicate it`,
  whyRetry: (f, to, pi, from) =>
    from === null
      ? `${to} refused the previous AppendEntries: ${f} retries with prevLogIndex ${pi}`
      : `${to} refused the previous AppendEntries: ${f} backed nextIndex up from ${from} to ${pi + 1} and retries with prevLogIndex ${pi}`,
  whyMore: (f, to, m, first) => `${to} confirmed entries up to ${m}: ${f} sends the next ones from nextIndex ${first}`,
  whyAppendReply: (f, to, ok, m, ex) =>
    `the answer of ${f} to ${to}'s AppendEntries: ` +
    (ok ? `success, its log matches up to ${m}` : `refused`) +
    (ex ? ` (${ex})` : ''),
  whyClientRequest: (to, id, a) =>
    a <= 1 ? `the client sends request #${id} to ${to}` : `the client retries request #${id} with ${to} (attempt ${a})`,
  whyClientReplyOk: (f, id, i) =>
    `${f} committed and applied the entry of request #${id}${i === null ? '' : ` (index ${i})`}: it answers the client`,
  whyClientReplyRedirect: (f, id, hint) =>
    hint === null
      ? `${f} is not the leader and knows none: it refuses request #${id}`
      : `${f} is not the leader: it refuses request #${id} and names ${hint} as leader`,
  whyUnknown: 'the step that sent it is no longer in the event feed',
  whyDuplicate: 'a copy made by the network (duplication is on)',
};

const ko: ExplainPhrases = {
  paper: '논문',
  thesis: '학위논문',
  yes: '예',
  no: '아니요',
  grant: '투표함',
  refuse: '거부',
  noneWord: '없음',
  election: (n, from, to, peers, cause) =>
    (cause === 'timeout'
      ? `${n}의 선거 타임아웃이 만료됨: 임기 ${to}의 후보가 되어 자신에게 투표하고`
      : cause === 'action'
        ? `수업에서 ${n}의 선거 타이머를 발동함: 임기 ${to}의 후보가 되어 자신에게 투표하고`
        : `${n}가 사전 투표를 통과함: 임기 ${from}에서 ${to}의 후보가 되어 자신에게 투표하고`) +
    (peers.length > 0 ? ` ${list(peers)}에게 투표를 요청함` : ' 투표를 요청함'),
  electionCheck: (n, from, to) =>
    `타임아웃 전에 리더의 AppendEntries도, 투표 허락도 없었음 → currentTerm ${from} + 1 = ${to}, votedFor = ${n}`,
  termClimbs: (n, prev, to) =>
    `${n}의 이전 선거(임기 ${prev})도 리더를 찾지 못함: 리더의 소식을 듣지 못하는 노드의 임기는 계속 올라감 (지금 ${to})`,
  preVote: (n, t, peers) =>
    `${n}의 선거 타임아웃이 만료됨: 임기를 올리기 전에 ${list(peers)}에게 임기 ${t}에서 자신에게 투표할지 물어봄 (임기는 ${t - 1} 그대로)`,
  becameLeader: (n, t, votes, size, maj) =>
    votes === null
      ? `${n}가 임기 ${t} 선거에서 과반수(${size}개 중 ${maj}표)를 얻어 리더가 되고, 곧바로 모두에게 AppendEntries를 보냄`
      : `${n}가 임기 ${t} 선거에서 자신을 포함해 ${size}표 중 ${votes}표를 얻음 (과반수 ${maj}): 리더가 되고, 곧바로 모두에게 AppendEntries를 보냄`,
  becameLeaderCheck: (votes, maj) => `득표 ${votes} ≥ 과반수 ${maj}? ${votes >= maj ? '예' : '아니요'} → 리더`,
  higherTerm: (n, from, to, sender, was) =>
    `${n}가 ${sender}에게서 자신의 임기 ${from}보다 높은 임기 ${to}${eul(to)} 봄: 임기 ${to}${eul(to)} 받아들이고 votedFor를 비운 뒤 ` +
    (was === 'leader'
      ? '리더에서 팔로워로 물러남'
      : was === 'candidate'
        ? '후보를 포기하고 팔로워가 됨'
        : '팔로워로 남음'),
  higherTermCheck: (from, to) =>
    `메시지 임기 ${to} > currentTerm ${from}? 예 → currentTerm = ${to}, votedFor = null, 팔로워`,
  candidateYields: (n, leader, t) =>
    `임기 ${t}의 후보 ${n}가 같은 임기의 리더 ${leader ?? ''}에게서 AppendEntries를 받음: 다른 노드가 이겼으므로 팔로워가 됨`,
  candidateYieldsCheck: (t) => `AppendEntries 임기 ${t} ≥ currentTerm ${t}? 예 → 팔로워`,
  votedForCheck: (votedFor, cand, ok) => `votedFor ${votedFor ?? 'null'} ∈ {null, ${cand}}? ${ok ? '예' : '아니요'}`,
  upToDateCheck: (ct, ci, mt, mi, ok) =>
    ct !== mt
      ? `후보의 lastLogTerm ${ct} > 내 lastLogTerm ${mt}? ${ok ? '예' : '아니요'}`
      : `후보의 lastLogTerm ${ct} = 내 것, lastLogIndex ${ci} ≥ 내 ${mi}? ${ok ? '예' : '아니요'}`,
  outcome: (v) => `→ ${v}`,
  unsafeGrant: '그래도 투표함: noElectionRestriction이 켜져 있음 (안전하지 않음)',
  voteGranted: (n, c, t, pre, [ct, ci, mt, mi]) =>
    `${n}가 임기 ${t}에서 ${c}에게 ${pre ? '투표하겠다고 답함 (사전 투표)' : '투표함'}: ${c}의 로그(마지막 임기 ${ct}, 인덱스 ${ci})가 ${n}의 로그(임기 ${mt}, 인덱스 ${mi})만큼 최신임`,
  voteStale: (n, c, t, my, pre) =>
    `${n}가 ${c}의 ${pre ? '사전 투표' : '투표'} 요청을 거부함: 요청의 임기 ${t}${iga(t)} ` +
    (my === null
      ? '자신의 임기보다 새롭지 않음'
      : pre
        ? `${n}의 임기 ${my}보다 높지 않음`
        : `${n}의 임기 ${my}보다 낮음`),
  staleCheck: (t, my) => `임기 ${t} < currentTerm ${my}? ${t < my ? '예' : '아니요'}`,
  preVoteStaleCheck: (t, my) => `사전 투표 임기 ${t} > currentTerm ${my}? ${t > my ? '예' : '아니요'}`,
  alreadyVoted: (n, c, t, v) =>
    `${n}가 임기 ${t}에서 ${c}에게 투표를 거부함: 이미 ${v ?? '다른 노드'}에게 투표함 (임기마다 한 표)`,
  logOlder: (n, c, pre, [ct, ci, mt, mi]) =>
    `${n}가 ${c}에게 ${pre ? '사전 투표를' : '투표를'} 거부함: ` +
    (ct !== mt
      ? `${c}의 마지막 로그 임기 ${ct}${iga(ct)} ${n}의 ${mt}보다 오래됨`
      : `${c}의 로그(임기 ${ct})는 인덱스 ${ci}에서 끝나 ${n}의 ${mi}보다 짧음`),
  leaderAlive: (n, c) => `${n}가 ${c}의 사전 투표를 거부함: 아직 리더의 소식을 듣고 있어 선거할 이유가 없음`,
  leaderAliveCheck: '리더가 살아 있음? 예',
  appendStale: (n, l, t, my) =>
    `${n}가 ${l}의 AppendEntries를 거부함: ${l}의 임기 ${t}가 ${n}의 임기${my === null ? '' : ` ${my}`}보다 낮음. ${l}는 자신이 더 이상 리더가 아님을 알게 됨`,
  appendMissing: (n, l, pi, last) =>
    `${n}가 ${l}의 AppendEntries를 거부함: prevLogIndex ${pi}에 항목이 없음 (로그가 ${last}에서 끝남)`,
  appendMissingCheck: (pi, last) => `prevLogIndex ${pi}에 항목이 있나? 없음 (마지막 인덱스 ${last}) → 거부`,
  appendMismatch: (n, l, pi, mine, prev) =>
    `${n}가 ${l}의 AppendEntries를 거부함: prevLogIndex ${pi}의 항목 임기와 prevLogTerm이 다름 (${mine} ≠ ${prev})`,
  appendMismatchCheck: (pi, mine, prev) => `log[${pi}].term ${mine} = prevLogTerm ${prev}? 아니요 → 거부`,
  truncated: (n, from, count) =>
    `${n}가 인덱스 ${from}부터 항목 ${count}개를 지움: 리더의 로그와 충돌하므로 리더의 것으로 덮어씀`,
  truncatedCheck: (i, mine, theirs) =>
    `log[${i}].term ${mine} = 새 항목의 임기 ${theirs ?? '?'}? 아니요 → 인덱스 ${i}부터 모두 삭제`,
  appended: (n, l, first, last) =>
    `${n}가 ${l ?? '리더'}의 AppendEntries에서 ${first === last ? `항목 ${first}` : `항목 ${first}–${last}`}${eul(last)} 추가함: 그 앞의 항목이 일치함`,
  appendedCheck: (pi, pt) => `log[${pi}].term = prevLogTerm ${pt}? 예 → 새 항목 추가`,
  clientAppend: (n, c, i, t) =>
    `리더 ${n}가 자신의 로그 인덱스 ${i}(임기 ${t})에 클라이언트 명령 "${c}" 추가함: 아직 커밋되지 않았고, 팔로워들에게 보냄`,
  noopAppend: (n, i, t) =>
    `${n}가 인덱스 ${i}에 자신의 임기 ${t}의 빈 항목을 추가함: 이전 임기의 항목들이 함께 커밋될 수 있도록`,
  backedUp: (n, f, from, to, fast) =>
    fast
      ? `${n}가 ${f}의 nextIndex를 ${from}에서 ${to}${ro(to)} 되돌림: 충돌하는 임기를 한 번에 건너뛰고 다시 보냄`
      : `${n}가 ${f}의 nextIndex를 ${from}에서 ${to}${ro(to)} 줄이고 다시 보냄`,
  backedUpCheck: (f, from, to) =>
    `${f}가 거부 → nextIndex ${from} → ${to}, prevLogIndex ${to - 1}${ro(to - 1)} 다시 보냄`,
  committed: (n, first, last, reps, size, et, t) =>
    `${n}가 ${first === last ? `인덱스 ${last}` : `인덱스 ${first}–${last}`}${eul(last)} 커밋함: ` +
    (reps === null ? '과반수가 가지고 있음' : `${size}개 노드 중 ${reps}개가 ${last}번을 가짐`) +
    (et === null || t === null
      ? ''
      : et === t
        ? `, ${n}의 현재 임기 ${t}의 항목임`
        : `. 그러나 ${n}의 임기 ${t}${iga(t)} 아니라 임기 ${et}의 항목임`) +
    `. 상태 머신에 적용함`,
  commitCheck: (reps, maj, i, et, t) =>
    `복제 수 ${reps} ≥ 과반수 ${maj}? ${reps >= maj ? '예' : '아니요'}` +
    (et === null || t === null ? '' : `; log[${i}].term ${et} = currentTerm ${t}? ${et === t ? '예' : '아니요'}`) +
    ` → commitIndex = ${i}`,
  unsafeCommit: '그래도 커밋함: commitPreviousTerms가 켜져 있음 (안전하지 않음, Figure 8)',
  followerCommitted: (n, l, to) =>
    `${n}가 ${l ?? '리더'}의 AppendEntries(leaderCommit)에서 ${to}번까지 커밋되었음을 알고 적용함`,
  followerCommitCheck: (lc, ln, from, to) =>
    lc === null || ln === null
      ? `leaderCommit > commitIndex ${from}? 예 → commitIndex = ${to}`
      : `leaderCommit ${lc} > commitIndex ${from}? 예 → commitIndex = min(${lc}, ${ln}) = ${to}`,
  notCommitted: (n, i, et, t, reps, size) =>
    `${n}는 인덱스 ${i}${eul(i)} 복제 수로 커밋하지 않음 (${size}개 중 ${reps}개가 가짐): ${n}의 임기 ${t}${iga(t)} 아니라 임기 ${et}의 항목이기 때문. 그 위에 임기 ${t}의 항목이 과반수에 복제되면 함께 커밋됨`,
  lostQuorum: (n) => `${n}가 선거 타임아웃 동안 과반수의 응답을 듣지 못함 (checkQuorum): 팔로워로 물러남`,
  heartbeat: (n, peers) =>
    `${n}의 Heartbeat 간격이 지남: ${list(peers) || '팔로워들'}에게 AppendEntries를 보냄 (빈 것은 Heartbeat) — 선거 타임아웃이 만료되지 않도록`,
  restarted: (n, t, v) =>
    `${n}가 디스크에서 currentTerm ${t}, votedFor ${v ?? 'null'}를 읽고 재시작함 (영속 상태); commitIndex와 lastApplied는 0부터 다시 시작`,
  redirected: (by, id, to) =>
    to === null
      ? `${by}는 리더가 아니고 리더도 모름: 요청 #${id}${eul(id)} 거부함. 클라이언트가 나중에 다시 시도함`
      : `${by}는 리더가 아님: 요청 #${id}${eul(id)} 거부하고 클라이언트에게 ${to}를 알려줌. 클라이언트 요청은 리더만 처리함`,
  violation: (v) => `불변식 위반 — ${v.invariant}: ${violationDetail(v, 'ko')}`,
  whyElection: (f, t, cause) =>
    cause === 'timeout'
      ? `${f}의 선거 타임아웃이 만료됨: 임기 ${t}의 후보가 되어 모두에게 투표를 요청함`
      : cause === 'action'
        ? `수업에서 ${f}의 선거 타이머를 발동함: 임기 ${t}의 후보가 되어 모두에게 투표를 요청함`
        : `${f}가 사전 투표를 통과하고 임기 ${t}의 실제 선거를 시작함`,
  whyPreVote: (f, t) =>
    `${f}의 선거 타임아웃이 만료되었고 사전 투표가 켜져 있음: 임기를 올리기 전에 임기 ${t}에서 이길 수 있는지 물어봄`,
  whyVoteReply: (f, to, t, g, ex) =>
    `${to}의 임기 ${t} RequestVote에 대한 ${f}의 답: ${g ? '투표함' : '거부'}` + (ex ? ` (${ex})` : ''),
  whyNewLeader: (f, t) => `${f}가 방금 임기 ${t}의 리더가 됨: 모든 팔로워에게 곧바로 자신을 알림`,
  whyHeartbeat: (f, n, first) =>
    n === 0
      ? `${f}의 Heartbeat 간격이 지남: 빈 AppendEntries(Heartbeat)로 팔로워가 선거를 시작하지 않게 함`
      : `${f}의 Heartbeat 간격이 지남: 팔로워에게 아직 없는 nextIndex ${first}부터의 항목도 함께 보냄`,
  whyClientEntry: (f, first, last) =>
    `클라이언트 명령이 리더 ${f}에게 도착함: 새 ${first === last ? `항목 ${first}` : `항목 ${first}–${last}`}${eul(last)} 복제하려고 보냄`,
  whyRetry: (f, to, pi, from) =>
    from === null
      ? `${to}가 이전 AppendEntries를 거부함: ${f}가 prevLogIndex ${pi}${ro(pi)} 다시 보냄`
      : `${to}가 이전 AppendEntries를 거부함: ${f}가 nextIndex를 ${from}에서 ${pi + 1}${ro(pi + 1)} 줄이고 prevLogIndex ${pi}${ro(pi)} 다시 보냄`,
  whyMore: (f, to, m, first) => `${to}가 ${m}번까지 확인함: ${f}가 nextIndex ${first}부터 다음 항목을 보냄`,
  whyAppendReply: (f, to, ok, m, ex) =>
    `${to}의 AppendEntries에 대한 ${f}의 답: ` +
    (ok ? `성공, ${m}번까지 로그가 일치함` : '거부') +
    (ex ? ` (${ex})` : ''),
  whyClientRequest: (to, id, a) =>
    a <= 1
      ? `클라이언트가 요청 #${id}${eul(id)} ${to}에게 보냄`
      : `클라이언트가 요청 #${id}${eul(id)} ${to}에게 다시 보냄 (${a}번째 시도)`,
  whyClientReplyOk: (f, id, i) =>
    `${f}가 요청 #${id}의 항목${i === null ? '' : `(인덱스 ${i})`}을 커밋하고 적용함: 클라이언트에게 답함`,
  whyClientReplyRedirect: (f, id, hint) =>
    hint === null
      ? `${f}는 리더가 아니고 리더도 모름: 요청 #${id}${eul(id)} 거부함`
      : `${f}는 리더가 아님: 요청 #${id}${eul(id)} 거부하고 ${hint}를 리더로 알려줌`,
  whyUnknown: '이 메시지를 보낸 단계가 이벤트 피드에 더 이상 없음',
  whyDuplicate: '네트워크가 만든 복사본 (중복 전송이 켜져 있음)',
};

export const EXPLAIN_PHRASES: Record<Lang, ExplainPhrases> = { en, ko };
