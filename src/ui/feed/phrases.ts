// The sentences of the event feed in English and Korean. Pure data and functions, so
// narrate.ts stays testable without React. Korean follows the course notes' vocabulary
// (임기 = term, 후보 = candidate, 리더, 팔로워, 커밋, 과반수).

import type { VoteCheck } from '../../raft/types';
import type { Violation } from '../../sim/types';
import type { Lang } from '../../store/sim-store';
import { violationDetail } from '../violation-detail';

type Id = string;

/** Korean object/subject particles after a number read aloud (1 일, 2 이, 3 삼 …). */
function hasBatchim(n: number): boolean {
  const last = Math.abs(n) % 10;
  // 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 end in a consonant; 10, 100 … (십, 백, 천) too.
  return [0, 1, 3, 6, 7, 8].includes(last);
}
const eul = (n: number): string => (hasBatchim(n) ? '을' : '를');
const iga = (n: number): string => (hasBatchim(n) ? '이' : '가');
/** 으로/로: ㄹ-final numbers (1, 7, 8) take 로 like vowels. */
const euro = (n: number): string => (hasBatchim(n) && ![1, 7, 8].includes(Math.abs(n) % 10) ? '으로' : '로');

export const list = (ids: readonly Id[]): string => ids.join(', ');
const range = (a: number, b: number): string => (a === b ? `${a}` : `${a}–${b}`);
const q = (text: string): string => `"${text}"`;

export interface Phrases {
  election(node: Id, oldTerm: number, term: number, peers: readonly Id[], timedOut: boolean): string;
  preVote(node: Id, term: number, peers: readonly Id[]): string;
  becameLeader(node: Id, term: number): string;
  sawHigherTerm(node: Id, term: number, from: Id, was: 'leader' | 'candidate' | 'follower'): string;
  backToFollower(node: Id, term: number, leader: Id | null): string;
  becameRole(node: Id, role: string, term: number): string;
  voteGranted(node: Id, candidate: Id, term: number, preVote: boolean): string;
  voteRefused(node: Id, candidate: Id, term: number, preVote: boolean, reason: string, check?: VoteCheck): string;
  appendRefused(node: Id, leader: Id, term: number, prevIndex: number, prevTerm: number, reason: string): string;
  appended(node: Id, from: Id | null, first: number, last: number, term: number, command: string | null): string;
  noop(node: Id, index: number, term: number): string;
  truncated(node: Id, index: number, count: number): string;
  backedUp(node: Id, follower: Id, from: number, to: number): string;
  leaderCommitted(node: Id, first: number, last: number, commands: string, replicas?: number): string;
  followerCommitted(node: Id, leader: Id | null, first: number, last: number, commands: string): string;
  /** Thesis §6.3: a client's retry put a second copy of a request in the log; the state machine skips it. */
  retryNotApplied(node: Id, requestId: number, index: number): string;
  lostQuorum(node: Id): string;
  role(role: string): string;
  noop_: string;
  // client
  submitted(id: number, command: string, to: Id): string;
  clientRefused(command: string, reason: string): string;
  redirected(id: number, by: Id, to: Id | null): string;
  clientTimedOut(id: number, node: Id): string;
  retried(id: number, to: Id, attempt: number): string;
  accepted(node: Id, id: number, command: string, index: number, term: number): string;
  succeeded(id: number, by: Id, result: string): string;
  failed(id: number, reason: string): string;
  // actions
  kill(node: Id): string;
  restart(node: Id, term: number | null, votedFor: Id | null): string;
  isolate(node: Id): string;
  restore(node: Id): string;
  forceTimeout(node: Id): string;
  forceHeartbeat(node: Id): string;
  partition(groups: string): string;
  heal: string;
  cut(link: string): string;
  mend(link: string): string;
  networkSettings(parts: readonly string[]): string;
  dropRate(pct: number): string;
  duplicateRate(pct: number): string;
  reorder(on: boolean): string;
  latency(a: number, b: number): string;
  setOptions(parts: readonly string[]): string;
  onOff(on: boolean): string;
  unsafeTag: string;
  dropMessage(id: number): string;
  genericAction(what: string): string;
  actionRefused(what: string, error: string): string;
  crashed(node: Id): string;
  violation(v: Violation): string;
  // messages (behind the "show messages" toggle)
  sent(from: Id, to: Id, what: string): string;
  lost(from: Id, to: Id, what: string, reason: string): string;
  dropReason: Record<string, string>;
  requestVote(term: number, lastIndex: number, lastTerm: number, preVote: boolean): string;
  voteReply(granted: boolean, term: number, preVote: boolean): string;
  heartbeat(term: number, prevIndex: number, prevTerm: number, commit: number): string;
  appendEntries(count: number, term: number, prevIndex: number, prevTerm: number, commit: number): string;
  appendReply(success: boolean, term: number, matchIndex: number): string;
  clientRequest(id: number, command: string): string;
  clientReply(id: number, success: boolean): string;
}

const en: Phrases = {
  election: (n, old, t, peers, timedOut) =>
    (timedOut
      ? `${n} timed out in term ${old}, became candidate for term ${t}`
      : `${n} won the pre-vote, became candidate for term ${t}`) +
    (peers.length > 0 ? ` and asked ${list(peers)} for votes` : ''),
  preVote: (n, t, peers) =>
    `${n} timed out and asked ${list(peers)} whether they would vote for it in term ${t} (pre-vote: its term stays ${t - 1})`,
  becameLeader: (n, t) => `${n} won votes from a majority and became leader of term ${t}`,
  sawHigherTerm: (n, t, from, was) =>
    was === 'leader'
      ? `${n} saw term ${t} from ${from} and stepped down to follower`
      : was === 'candidate'
        ? `${n} saw term ${t} from ${from} and went back to follower`
        : `${n} saw term ${t} from ${from} and moved up to term ${t}`,
  backToFollower: (n, t, leader) =>
    leader
      ? `${n} heard from ${leader}, leader of term ${t}, and went back to follower`
      : `${n} went back to follower in term ${t}`,
  becameRole: (n, role, t) => `${n} became ${role} in term ${t}`,
  voteGranted: (n, c, t, pre) =>
    pre ? `${n} would vote for ${c} in term ${t} (pre-vote)` : `${n} voted for ${c} in term ${t}`,
  voteRefused: (n, c, t, pre, reason, check) => {
    const what = pre ? 'a pre-vote' : 'to vote';
    const verb = pre ? `${n} refused ${what} to ${c}` : `${n} refused ${what} for ${c}`;
    switch (reason) {
      case 'log-not-up-to-date':
        return (
          `${verb}: ${c}'s log is less up to date` +
          (check
            ? ` (last entry term ${check.candidateLastLogTerm}, index ${check.candidateLastLogIndex}; ${n}'s: term ${check.voterLastLogTerm}, index ${check.voterLastLogIndex})`
            : '')
        );
      case 'stale-term':
        return `${verb}: ${c}'s term ${t} is out of date`;
      case 'already-voted':
        return `${verb}: ${n} already voted for another candidate in term ${t}`;
      case 'leader-alive':
        return `${verb}: ${n} still hears from its leader`;
      default:
        return `${verb}: ${reason}`;
    }
  },
  appendRefused: (n, l, t, pi, pt, reason) => {
    switch (reason) {
      case 'missing-entry':
        return `${n} refused AppendEntries from ${l}: its log has no entry at index ${pi} (consistency check)`;
      case 'term-mismatch':
        return `${n} refused AppendEntries from ${l}: no entry at index ${pi} with term ${pt} (consistency check)`;
      case 'stale-term':
        return `${n} refused AppendEntries from ${l}: ${l}'s term ${t} is out of date`;
      default:
        return `${n} refused AppendEntries from ${l}: ${reason}`;
    }
  },
  appended: (n, from, a, b, t, cmd) =>
    `${n} appended ${a === b ? 'index' : 'indexes'} ${range(a, b)}${a === b && cmd !== null ? ` (term ${t}, ${q(cmd)})` : ''}` +
    (from ? ` from ${from}` : ''),
  noop: (n, i, t) => `${n} appended a no-op entry of term ${t} at index ${i}`,
  truncated: (n, i, k) =>
    `${n} truncated its log from index ${i} (removed ${k} conflicting ${k === 1 ? 'entry' : 'entries'})`,
  backedUp: (n, f, from, to) => `${n} backed nextIndex for ${f} up to ${to} (was ${from}) and retries`,
  leaderCommitted: (n, a, b, cmds, replicas) =>
    `Leader ${n} committed ${a === b ? 'index' : 'indexes'} ${range(a, b)}${cmds ? ` (${cmds})` : ''}` +
    (replicas ? `: ${replicas} nodes hold ${a === b ? 'it' : 'them'}, a majority` : ''),
  retryNotApplied: (n, r, i) =>
    `${n}: entry ${i} is a retry of request #${r}: not applied again (same answer as the first)`,
  followerCommitted: (n, l, a, b, cmds) =>
    `${n} learned${l ? ` from ${l}` : ''} that ${a === b ? `index ${a} is` : `indexes ${range(a, b)} are`} committed and applied ${a === b ? 'it' : 'them'}${cmds ? ` (${cmds})` : ''}`,
  lostQuorum: (n) => `${n} stepped down to follower: it has not heard from a majority (checkQuorum)`,
  role: (r) => r,
  noop_: 'no-op',
  submitted: (id, cmd, to) => `Client sent request #${id} ${q(cmd)} to ${to}`,
  clientRefused: (cmd, reason) => `Client refused ${q(cmd)}: ${reason}`,
  redirected: (id, by, to) =>
    to && to !== by
      ? `${by} is not the leader and redirected request #${id} to ${to}`
      : `${by} is not the leader and knows no leader; the client will retry request #${id}`,
  clientTimedOut: (id, n) => `Request #${id} to ${n} timed out`,
  retried: (id, to, a) => `Client retried request #${id} with ${to} (attempt ${a})`,
  accepted: (n, id, cmd, i, t) =>
    `Leader ${n} appended ${q(cmd)} (request #${id}) to its log at index ${i}, term ${t}: not committed yet`,
  succeeded: (id, by, result) => `${by} answered request #${id}: ${result}`,
  failed: (id, reason) => `Request #${id} failed: ${reason}`,
  kill: (n) => `${n} was stopped (crash): its currentTerm, votedFor and log stay on disk`,
  restart: (n, t, v) =>
    t === null ? `${n} restarted` : `${n} restarted from disk with currentTerm ${t} and votedFor ${v ?? 'none'}`,
  isolate: (n) => `${n} was cut off from the network`,
  restore: (n) => `${n} was reconnected to the network`,
  forceTimeout: (n) => `${n}'s election timer was made to fire now`,
  forceHeartbeat: (n) => `${n}'s heartbeat timer was made to fire now: it sends AppendEntries to every follower`,
  partition: (g) => `The network was partitioned: ${g}`,
  heal: 'The network partition was healed',
  cut: (link) => `The link ${link} was cut`,
  mend: (link) => `The link ${link} was restored`,
  networkSettings: (parts) => `Network settings: ${parts.join(', ')}`,
  dropRate: (p) => `loss ${p}%`,
  duplicateRate: (p) => `duplicates ${p}%`,
  reorder: (on) => `reordering ${on ? 'on' : 'off'}`,
  latency: (a, b) => `latency ${a}–${b} ms`,
  setOptions: (parts) => `Settings changed: ${parts.join(', ')}`,
  onOff: (on) => (on ? 'on' : 'off'),
  unsafeTag: ' (unsafe)',
  dropMessage: (id) => `Message #${id} was dropped by hand`,
  genericAction: (what) => `Action: ${what}`,
  actionRefused: (what, error) => `Action refused (${what}): ${error}`,
  crashed: (n) => `${n} crashed`,
  violation: (v) => `Invariant violated — ${v.invariant}: ${violationDetail(v, 'en')}`,
  sent: (f, t, what) => `${f} → ${t}: ${what}`,
  lost: (f, t, what, reason) => `${f} → ${t}: ${what} was lost (${reason})`,
  dropReason: {
    'receiver-dead': 'the receiver is down',
    'link-down': 'the link is cut',
    'random-loss': 'random loss',
    'dropped-by-user': 'dropped by hand',
    'sender-dead': 'the sender is down',
  },
  requestVote: (t, li, lt, pre) =>
    `${pre ? 'RequestVote (pre-vote)' : 'RequestVote'} term ${t}, lastLogIndex ${li}, lastLogTerm ${lt}`,
  voteReply: (g, t, pre) => `${pre ? 'pre-vote' : 'vote'} ${g ? 'granted' : 'refused'} (term ${t})`,
  heartbeat: (t, pi, pt, c) =>
    `heartbeat (AppendEntries, term ${t}, prevLogIndex ${pi}, prevLogTerm ${pt}, leaderCommit ${c})`,
  appendEntries: (k, t, pi, pt, c) =>
    `AppendEntries with ${k} ${k === 1 ? 'entry' : 'entries'} (term ${t}, prevLogIndex ${pi}, prevLogTerm ${pt}, leaderCommit ${c})`,
  appendReply: (s, t, m) => (s ? `AppendEntries ok, matchIndex ${m} (term ${t})` : `AppendEntries refused (term ${t})`),
  clientRequest: (id, cmd) => `client request #${id} ${q(cmd)}`,
  clientReply: (id, s) => `reply to request #${id}: ${s ? 'success' : 'not done'}`,
};

const ROLE_KO: Record<string, string> = { leader: '리더', candidate: '후보', follower: '팔로워' };

const ko: Phrases = {
  election: (n, _old, t, peers, timedOut) => {
    const became = timedOut
      ? `${n}의 선거 타임아웃이 만료되어 임기 ${t}의 후보가 되`
      : `${n}가 사전 투표에서 과반을 얻어 임기 ${t}의 후보가 되`;
    return peers.length > 0 ? `${became}었고 ${list(peers)}에게 투표를 요청했습니다` : `${became}었습니다`;
  },
  preVote: (n, t, peers) =>
    `${n}의 선거 타임아웃이 만료되어 ${list(peers)}에게 임기 ${t}에 투표해 줄지 미리 물었습니다(사전 투표: 임기는 ${t - 1} 그대로)`,
  becameLeader: (n, t) => `${n}가 과반수의 표를 얻어 임기 ${t}의 리더가 되었습니다`,
  sawHigherTerm: (n, t, from, was) =>
    was === 'leader'
      ? `${n}가 ${from}에게서 임기 ${t}${eul(t)} 보고 팔로워로 강등되었습니다`
      : was === 'candidate'
        ? `${n}가 ${from}에게서 임기 ${t}${eul(t)} 보고 팔로워로 돌아갔습니다`
        : `${n}가 ${from}에게서 임기 ${t}${eul(t)} 보고 자신의 임기를 ${t}${euro(t)} 올렸습니다`,
  backToFollower: (n, t, leader) =>
    leader
      ? `${n}가 임기 ${t}의 리더 ${leader}의 메시지를 받고 팔로워로 돌아갔습니다`
      : `${n}가 임기 ${t}에서 팔로워로 돌아갔습니다`,
  becameRole: (n, role, t) => `${n}가 임기 ${t}에서 ${role}가 되었습니다`,
  voteGranted: (n, c, t, pre) =>
    pre ? `${n}가 사전 투표에서 임기 ${t}의 ${c}를 지지했습니다` : `${n}가 임기 ${t}에서 ${c}에게 투표했습니다`,
  voteRefused: (n, c, t, pre, reason, check) => {
    const vote = pre ? '사전 투표' : '투표';
    switch (reason) {
      case 'log-not-up-to-date':
        return check
          ? `${c}의 로그(마지막 임기 ${check.candidateLastLogTerm}, 인덱스 ${check.candidateLastLogIndex})가 ${n}의 로그(마지막 임기 ${check.voterLastLogTerm}, 인덱스 ${check.voterLastLogIndex})만큼 최신이 아니어서 ${n}가 ${c}에게 ${vote}를 거부했습니다`
          : `${c}의 로그가 ${n}의 로그만큼 최신이 아니어서 ${n}가 ${c}에게 ${vote}를 거부했습니다`;
      case 'stale-term':
        return `${c}의 임기 ${t}${iga(t)} 지난 임기여서 ${n}가 ${c}에게 ${vote}를 거부했습니다`;
      case 'already-voted':
        return `${n}는 임기 ${t}에서 이미 다른 후보에게 투표해서 ${c}에게 ${vote}를 거부했습니다`;
      case 'leader-alive':
        return `${n}는 아직 리더의 Heartbeat를 받고 있어서 ${c}에게 ${vote}를 거부했습니다`;
      default:
        return `${n}가 ${c}에게 ${vote}를 거부했습니다: ${reason}`;
    }
  },
  appendRefused: (n, l, t, pi, pt, reason) => {
    switch (reason) {
      case 'missing-entry':
        return `${n}의 로그에 인덱스 ${pi}의 엔트리가 없어서 ${n}가 ${l}의 AppendEntries를 거부했습니다(일관성 검사)`;
      case 'term-mismatch':
        return `${n}의 로그에 인덱스 ${pi}, 임기 ${pt}인 엔트리가 없어서 ${n}가 ${l}의 AppendEntries를 거부했습니다(일관성 검사)`;
      case 'stale-term':
        return `${l}의 임기 ${t}${iga(t)} 지난 임기여서 ${n}가 ${l}의 AppendEntries를 거부했습니다`;
      default:
        return `${n}가 ${l}의 AppendEntries를 거부했습니다: ${reason}`;
    }
  },
  appended: (n, from, a, b, t, cmd) =>
    `${n}가 ${from ? `${from}에게서 받은 ` : ''}인덱스 ${range(a, b)}${a === b && cmd !== null ? `(임기 ${t}, ${q(cmd)})` : ''}${eul(b)} 로그에 추가했습니다`,
  noop: (n, i, t) => `${n}가 인덱스 ${i}에 임기 ${t}의 no-op 엔트리를 추가했습니다`,
  truncated: (n, i, k) => `${n}가 인덱스 ${i}부터 충돌하는 엔트리 ${k}개를 로그에서 지웠습니다`,
  backedUp: (n, f, from, to) => `${n}가 ${f}의 nextIndex를 ${from}에서 ${to}${euro(to)} 줄이고 다시 시도합니다`,
  leaderCommitted: (n, a, b, cmds, replicas) =>
    `리더 ${n}가 인덱스 ${range(a, b)}${cmds ? `(${cmds})` : ''}${eul(b)} 커밋했습니다` +
    (replicas ? `: 과반수인 노드 ${replicas}개가 가지고 있습니다` : ''),
  retryNotApplied: (n, r, i) => `${n}: 항목 ${i}은(는) 요청 #${r}의 재시도: 다시 적용하지 않음 (처음과 같은 응답)`,
  followerCommitted: (n, l, a, b, cmds) =>
    `${n}가 ${l ? `${l}에게서 ` : ''}인덱스 ${range(a, b)}${cmds ? `(${cmds})` : ''}${iga(b)} 커밋되었음을 알고 상태 머신에 적용했습니다`,
  lostQuorum: (n) => `${n}가 과반수와 연락이 닿지 않아 팔로워로 물러났습니다(checkQuorum)`,
  role: (r) => ROLE_KO[r] ?? r,
  noop_: 'no-op',
  submitted: (id, cmd, to) => `클라이언트가 ${to}에게 요청 #${id}(${q(cmd)})${eul(id)} 보냈습니다`,
  clientRefused: (cmd, reason) => `클라이언트가 ${q(cmd)} 명령을 거부했습니다: ${reason}`,
  redirected: (id, by, to) =>
    to && to !== by
      ? `${by}는 리더가 아니어서 요청 #${id}${eul(id)} 리더 ${to}에게 보내라고 알렸습니다`
      : `${by}는 리더가 아니고 리더도 모릅니다. 클라이언트가 요청 #${id}${eul(id)} 잠시 후 다시 보냅니다`,
  clientTimedOut: (id, n) => `${n}에게 보낸 요청 #${id}의 응답 시간이 초과되었습니다`,
  retried: (id, to, a) => `클라이언트가 요청 #${id}${eul(id)} ${to}에게 다시 보냈습니다(${a}번째 시도)`,
  accepted: (n, id, cmd, i, t) =>
    `리더 ${n}가 요청 #${id}의 ${q(cmd)} 명령을 로그의 인덱스 ${i}(임기 ${t})에 추가했습니다. 아직 커밋되지 않았습니다`,
  succeeded: (id, by, result) => `${by}가 요청 #${id}에 응답했습니다: ${result}`,
  failed: (id, reason) => `요청 #${id}${iga(id)} 실패했습니다: ${reason}`,
  kill: (n) => `${n}가 중단되었습니다(장애). currentTerm, votedFor, 로그는 디스크에 남습니다`,
  restart: (n, t, v) =>
    t === null
      ? `${n}가 다시 시작했습니다`
      : `${n}가 디스크에 남은 currentTerm ${t}, votedFor ${v === null ? '없음으로' : `${v}로`} 다시 시작했습니다`,
  isolate: (n) => `${n}가 네트워크에서 고립되었습니다`,
  restore: (n) => `${n}가 네트워크에 다시 연결되었습니다`,
  forceTimeout: (n) => `${n}의 선거 타이머를 지금 만료시켰습니다`,
  forceHeartbeat: (n) => `${n}의 Heartbeat 타이머를 지금 만료시켰습니다: 모든 팔로워에게 AppendEntries를 보냅니다`,
  partition: (g) => `네트워크가 분할되었습니다: ${g}`,
  heal: '네트워크 분할이 복구되었습니다',
  cut: (link) => `${link} 링크가 끊어졌습니다`,
  mend: (link) => `${link} 링크가 복구되었습니다`,
  networkSettings: (parts) => `네트워크 설정: ${parts.join(', ')}`,
  dropRate: (p) => `손실률 ${p}%`,
  duplicateRate: (p) => `중복률 ${p}%`,
  reorder: (on) => `순서 뒤바뀜 ${on ? '켬' : '끔'}`,
  latency: (a, b) => `지연 ${a}–${b} ms`,
  setOptions: (parts) => `설정 변경: ${parts.join(', ')}`,
  onOff: (on) => (on ? '켬' : '끔'),
  unsafeTag: '(위험)',
  dropMessage: (id) => `메시지 #${id}${eul(id)} 직접 버렸습니다`,
  genericAction: (what) => `동작: ${what}`,
  actionRefused: (what, error) => `동작이 거부되었습니다(${what}): ${error}`,
  crashed: (n) => `${n}가 중단되었습니다`,
  violation: (v) => `불변식 위반 — ${v.invariant}: ${violationDetail(v, 'ko')}`,
  sent: (f, t, what) => `${f} → ${t}: ${what}`,
  lost: (f, t, what, reason) => `${f} → ${t}: ${what} 메시지가 사라졌습니다(${reason})`,
  dropReason: {
    'receiver-dead': '받는 노드가 중단됨',
    'link-down': '링크가 끊김',
    'random-loss': '무작위 손실',
    'dropped-by-user': '직접 버림',
    'sender-dead': '보낸 노드가 중단됨',
  },
  requestVote: (t, li, lt, pre) =>
    `${pre ? 'RequestVote(사전 투표)' : 'RequestVote'} 임기 ${t}, lastLogIndex ${li}, lastLogTerm ${lt}`,
  voteReply: (g, t, pre) => `${pre ? '사전 투표' : '투표'} ${g ? '찬성' : '거부'}(임기 ${t})`,
  heartbeat: (t, pi, pt, c) =>
    `Heartbeat(AppendEntries, 임기 ${t}, prevLogIndex ${pi}, prevLogTerm ${pt}, leaderCommit ${c})`,
  appendEntries: (k, t, pi, pt, c) =>
    `엔트리 ${k}개를 담은 AppendEntries(임기 ${t}, prevLogIndex ${pi}, prevLogTerm ${pt}, leaderCommit ${c})`,
  appendReply: (s, t, m) => (s ? `AppendEntries 성공, matchIndex ${m}(임기 ${t})` : `AppendEntries 거부(임기 ${t})`),
  clientRequest: (id, cmd) => `클라이언트 요청 #${id} ${q(cmd)}`,
  clientReply: (id, s) => `요청 #${id}에 대한 응답: ${s ? '성공' : '처리 안 됨'}`,
};

export const PHRASES: Record<Lang, Phrases> = { en, ko };
