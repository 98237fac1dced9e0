// The cluster view's strings and the node actions the presenter bar shares, in English and Korean. The
// message details and the node actions panel keep theirs beside them (they load after the first frame).

import { defineStrings } from '../i18n';
import type { MessageKind } from './message-kind';

export type NodeStatus = 'follower' | 'candidate' | 'preCandidate' | 'leader' | 'down';

const EN_STATUS: Record<NodeStatus, string> = {
  follower: 'follower',
  candidate: 'candidate',
  preCandidate: 'pre-candidate',
  leader: 'leader',
  down: 'down',
};
const KO_STATUS: Record<NodeStatus, string> = {
  follower: '팔로워',
  candidate: '후보',
  preCandidate: '사전 후보',
  leader: '리더',
  down: '중지됨',
};

const EN_KIND: Record<MessageKind, string> = {
  requestVote: 'RequestVote',
  preVote: 'RequestVote (pre-vote)',
  voteGranted: 'vote granted',
  voteRefused: 'vote refused',
  heartbeat: 'AppendEntries heartbeat',
  append: 'AppendEntries',
  appendOk: 'AppendEntries success',
  appendRefused: 'AppendEntries failure',
  clientRequest: 'ClientRequest',
  clientAnswer: 'ClientReply',
  clientRedirect: 'ClientReply redirect',
  installSnapshot: 'InstallSnapshot',
  snapshotReply: 'InstallSnapshot reply',
  timeoutNow: 'TimeoutNow (leadership transfer)',
  readHeartbeat: 'AppendEntries heartbeat with read context',
  readIndex: 'ReadIndex',
};
const KO_KIND: Record<MessageKind, string> = {
  requestVote: 'RequestVote',
  preVote: 'RequestVote (사전 투표)',
  voteGranted: '투표 승인',
  voteRefused: '투표 거절',
  heartbeat: 'AppendEntries 하트비트',
  append: 'AppendEntries',
  appendOk: 'AppendEntries 성공',
  appendRefused: 'AppendEntries 실패',
  clientRequest: 'ClientRequest',
  clientAnswer: 'ClientReply',
  clientRedirect: 'ClientReply 리다이렉트',
  installSnapshot: 'InstallSnapshot',
  snapshotReply: 'InstallSnapshot 응답',
  timeoutNow: 'TimeoutNow (리더 이양)',
  readHeartbeat: '읽기 확인용 AppendEntries 하트비트',
  readIndex: 'ReadIndex',
};

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const STRINGS = defineStrings(
  {
    clusterLabel: 'The cluster: nodes on a ring and the messages between them',
    messagesLabel: 'Messages in flight',
    messagesPlaying: (n: number) =>
      `${n} ${n === 1 ? 'message' : 'messages'} in flight; pause to pick one by its name (or click it)`,
    client: 'Client',
    clientName: 'client',
    status: (s: NodeStatus) => EN_STATUS[s],
    statusLabel: (s: NodeStatus) => capital(EN_STATUS[s]),
    nodeName: (id: string, s: NodeStatus, term: number, isolated: boolean) =>
      `Node ${id}, ${EN_STATUS[s]}, term ${term}${isolated ? ', isolated' : ''}`,
    term: 'term',
    votedFor: (id: string) => `voted for ${id}`,
    isolated: 'isolated',
    violation: 'violation',
    group: (n: number) => `group ${n}`,
    partitionKey: 'Network partition',
    groupMembers: (n: number, ids: readonly string[]) => `group ${n}: ${ids.join(', ')}`,
    partitionNote: 'messages between groups are lost',
    kind: (k: MessageKind) => EN_KIND[k],
    copyName: (name: string, id: number) => `${name} (duplicate copy #${id})`,
    messageName: (kind: string, from: string, to: string, term: number | null) =>
      `${kind} from ${from} to ${to}${term === null ? '' : `, term ${term}`}`,
    entriesCount: (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`,
    lost: 'lost',
    dropped: 'dropped',
    legend: 'Message key',
    cutLink: (from: string, to: string) => `link ${from}–${to} cut`,
    cutOneWay: (from: string, to: string) => `link ${from}→${to} cut (one way)`,
    // Node actions the ring's chooser and the presenter bar share (the rest: node-action-strings.ts)
    pickNode: 'Choose a node',
    pickHint: 'Click a node in the cluster or choose one here.',
    selectNode: (id: string) => `Select node ${id}`,
    kill: (id: string) => `Kill ${id}`,
    restart: (id: string) => `Restart ${id}`,
    readsWaiting: (n: number, wait: string) => `⌛ ${n} read${n === 1 ? '' : 's'} waiting (${wait})`,
    transferringTo: (to: string) => `⇢ handing over to ${to}`,
    clockRate: (rate: number) => `⏱ clock ×${rate}`,
    isolate: (id: string) => `Isolate ${id}`,
    restore: (id: string) => `Restore ${id}`,
    timeout: (id: string) => `Force election timeout on ${id}`,
    removeFromCluster: (id: string) => `Remove ${id} from cluster`,
    deselect: 'Clear selection',
  },
  {
    clusterLabel: '클러스터: 원 위의 노드와 그 사이의 메시지',
    messagesLabel: '전송 중인 메시지',
    messagesPlaying: (n: number) =>
      `전송 중인 메시지 ${n}개 — 일시정지하면 이름으로 고를 수 있습니다 (클릭해도 됩니다)`,
    client: '클라이언트',
    clientName: '클라이언트',
    status: (s: NodeStatus) => KO_STATUS[s],
    statusLabel: (s: NodeStatus) => KO_STATUS[s],
    nodeName: (id: string, s: NodeStatus, term: number, isolated: boolean) =>
      `노드 ${id}, ${KO_STATUS[s]}, 임기 ${term}${isolated ? ', 고립됨' : ''}`,
    term: '임기',
    votedFor: (id: string) => `${id}에 투표`,
    isolated: '고립됨',
    violation: '위반',
    group: (n: number) => `그룹 ${n}`,
    partitionKey: '네트워크 분할',
    groupMembers: (n: number, ids: readonly string[]) => `그룹 ${n}: ${ids.join(', ')}`,
    partitionNote: '그룹 사이의 메시지는 유실됨',
    kind: (k: MessageKind) => KO_KIND[k],
    copyName: (name: string, id: number) => `${name} (중복 복사본 #${id})`,
    messageName: (kind: string, from: string, to: string, term: number | null) =>
      `${from}에서 ${to}로 ${kind}${term === null ? '' : `, 임기 ${term}`}`,
    entriesCount: (n: number) => `엔트리 ${n}개`,
    lost: '유실됨',
    dropped: '버려짐',
    legend: '메시지 범례',
    cutLink: (from: string, to: string) => `${from}–${to} 링크 끊김`,
    cutOneWay: (from: string, to: string) => `${from}→${to} 링크 끊김 (한 방향)`,
    pickNode: '노드 선택',
    pickHint: '클러스터에서 노드를 누르거나 여기서 고르세요.',
    selectNode: (id: string) => `노드 ${id} 선택`,
    kill: (id: string) => `${id} 중지`,
    restart: (id: string) => `${id} 재시작`,
    readsWaiting: (n: number, wait: string) => `⌛ 읽기 ${n}개 대기 (${wait})`,
    transferringTo: (to: string) => `⇢ ${to}에게 이양 중`,
    clockRate: (rate: number) => `⏱ 시계 ×${rate}`,
    isolate: (id: string) => `${id} 고립`,
    restore: (id: string) => `${id} 복구`,
    removeFromCluster: (id: string) => `${id}를 클러스터에서 제거`,
    timeout: (id: string) => `${id} 선거 타임아웃 강제`,
    deselect: '선택 해제',
  },
);
