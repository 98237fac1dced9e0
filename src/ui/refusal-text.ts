// A refused action in the chosen language (the engine gives a code; its English sentence
// stays in the trace for the CLI).

import type { ActionRefusal, TransferRefusalReason } from '../sim/refusal';
import type { Lang } from '../store/sim-store';

export function refusalMessage(r: ActionRefusal, lang: Lang): string {
  if (lang === 'en') {
    switch (r.code) {
      case 'unknown-node':
        return `There is no node ${r.node} in a ${r.clusterSize}-node cluster.`;
      case 'already-down':
        return `${r.node} is already down.`;
      case 'already-running':
        return `${r.node} is already running.`;
      case 'node-down':
        return `${r.node} is down: restart it first.`;
      case 'not-leader':
        return `${r.node} is not a leader: only a leader sends heartbeats.`;
      case 'unknown-link':
        return `There is no link ${r.from}–${r.to}.`;
      case 'self-link':
        return 'A link joins two different nodes.';
      case 'message-gone':
        return `Message #${r.message} is no longer in flight.`;
      case 'no-election-timer':
        return `${r.node} has no election timer running: a leader waits for no election.`;
      case 'transfer-refused':
        return `No transfer to ${r.to}: ${TRANSFER_EN[r.reason]}.`;
    }
  }
  switch (r.code) {
    case 'unknown-node':
      return `노드 ${r.clusterSize}개짜리 클러스터에는 노드 ${r.node}가 없습니다.`;
    case 'already-down':
      return `${r.node}는 이미 중지되어 있습니다.`;
    case 'already-running':
      return `${r.node}는 이미 실행 중입니다.`;
    case 'node-down':
      return `${r.node}가 중지되어 있습니다. 먼저 재시작하세요.`;
    case 'not-leader':
      return `${r.node}는 리더가 아닙니다. 하트비트는 리더만 보냅니다.`;
    case 'unknown-link':
      return `${r.from}–${r.to} 링크는 없습니다.`;
    case 'self-link':
      return '링크는 서로 다른 두 노드를 잇습니다.';
    case 'message-gone':
      return `메시지 #${r.message}는 이미 전송이 끝났습니다.`;
    case 'no-election-timer':
      return `${r.node}에는 돌고 있는 선거 타이머가 없습니다. 리더는 선거를 기다리지 않습니다.`;
    case 'transfer-refused':
      return `${r.to}로 리더를 넘길 수 없습니다: ${TRANSFER_KO[r.reason]}.`;
  }
}

const TRANSFER_EN: Record<TransferRefusalReason, string> = {
  self: 'it already leads',
  'not-leader': 'only a leader can hand over leadership',
  'not-member': 'it is not a voting member',
  learner: 'a learner cannot lead',
  'in-progress': 'a transfer is already in progress',
  'no-leader': 'there is no leader to hand over from',
  'target-down': 'it is down',
};
const TRANSFER_KO: Record<TransferRefusalReason, string> = {
  self: '이미 리더입니다',
  'not-leader': '리더만 넘겨줄 수 있습니다',
  'not-member': '투표권이 있는 멤버가 아닙니다',
  learner: '학습자(learner)는 리더가 될 수 없습니다',
  'in-progress': '이미 이양이 진행 중입니다',
  'no-leader': '넘겨줄 리더가 없습니다',
  'target-down': '중지되어 있습니다',
};
