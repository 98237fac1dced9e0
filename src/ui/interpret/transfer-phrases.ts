// Leadership transfer and reads without the log, in plain words (ko/en), each sentence with
// the dissertation section it follows: §3.10 (transfer), §6.4 (ReadIndex), §6.4.1 (lease),
// §4.2.3 (a node that hears a leader ignores an ordinary election). The engine's events carry
// every value said here; nothing is derived.

import type { NodeId, RaftEvent, RaftMessage, TransferRefusal } from '../../raft/types';
import type { Action } from '../../sim/scenario-types';
import type { Lang } from '../../store/sim-store';
import { eul, iga, ro } from './glossary';

export type TransferEvent = Extract<
  RaftEvent,
  {
    type:
      | 'transferStarted'
      | 'transferRefused'
      | 'timeoutNowSent'
      | 'transferEnded'
      | 'readStarted'
      | 'readRoundConfirmed'
      | 'readAnswered'
      | 'readAbandoned';
  }
>;

export interface TransferLine {
  readonly text: string;
  readonly tone: 'election' | 'client';
}

const REFUSAL: Record<Lang, Record<TransferRefusal, string>> = {
  en: {
    self: 'it already leads',
    'not-leader': 'only a leader can hand over',
    'not-member': 'it is not a voting member',
    learner: 'a learner cannot lead',
    'in-progress': 'a transfer is already in progress',
  },
  ko: {
    self: '이미 리더입니다',
    'not-leader': '리더만 넘겨줄 수 있습니다',
    'not-member': '투표권이 있는 멤버가 아닙니다',
    learner: '학습자(learner)는 리더가 될 수 없습니다',
    'in-progress': '이미 이양이 진행 중입니다',
  },
};

const VIA: Record<Lang, Record<'readIndex' | 'lease' | 'local', string>> = {
  en: { readIndex: 'ReadIndex', lease: 'lease', local: 'local state (unsafe)' },
  ko: { readIndex: 'ReadIndex', lease: '리스(lease)', local: '자기 상태(위험)' },
};

/**
 * The sentence for one transfer or read event of `node`, or null when the event is not one of them.
 * `askedLeader`: the leader this node sent a ReadIndex request to in the same step (a follower's read).
 */
export function narrateTransferEvent(
  node: NodeId,
  e: RaftEvent,
  lang: Lang,
  askedLeader: NodeId | null = null,
): TransferLine | null {
  const en = lang === 'en';
  switch (e.type) {
    case 'transferStarted':
      return {
        tone: 'election',
        text: en
          ? `§3.10 ${node} starts handing leadership to ${e.to}: it refuses new commands and brings ${e.to} up to date (match ${e.targetMatchIndex} of ${e.lastLogIndex}); it gives up after ${e.ticks} heartbeats.`
          : `§3.10 ${node}가 ${e.to}에게 리더를 넘기기 시작합니다. 새 명령은 거절하고 ${e.to}의 로그를 따라잡게 합니다(match ${e.targetMatchIndex}/${e.lastLogIndex}). 하트비트 ${e.ticks}번 안에 끝나지 않으면 포기합니다.`,
      };
    case 'transferRefused':
      return {
        tone: 'election',
        text: en
          ? `§3.10 ${node} will not hand leadership to ${e.to}: ${REFUSAL.en[e.reason]}.`
          : `§3.10 ${node}는 ${e.to}에게 리더를 넘기지 않습니다: ${REFUSAL.ko[e.reason]}.`,
      };
    case 'timeoutNowSent':
      return {
        tone: 'election',
        text: en
          ? `§3.10 ${e.to}'s log matches ${node}'s up to ${e.matchIndex}: ${node} sends TimeoutNow, so ${e.to} starts an election at once (no pre-vote).`
          : `§3.10 ${e.to}의 로그가 ${e.matchIndex}까지 ${node}와 같습니다. ${node}가 TimeoutNow를 보내 ${e.to}가 바로(사전 투표 없이) 선거를 시작합니다.`,
      };
    case 'transferEnded':
      if (e.outcome === 'timeout')
        return {
          tone: 'election',
          text: en
            ? `§3.10 The transfer to ${e.to} did not finish within an election timeout: ${node} takes commands again.`
            : `§3.10 ${e.to}로의 이양이 선거 타임아웃 안에 끝나지 않았습니다. ${node}가 다시 명령을 받습니다.`,
        };
      return {
        tone: 'election',
        text: en
          ? `§3.10 ${node} saw a newer term and stepped down: the transfer to ${e.to} is over.`
          : `§3.10 ${node}가 더 높은 임기를 보고 물러났습니다. ${e.to}로의 이양이 끝났습니다.`,
      };
    case 'readStarted':
      if (e.via === 'local') return null; // Told with its answer.
      if (e.readIndex === null && askedLeader !== null)
        return {
          tone: 'client',
          text: en
            ? `§6.4 Read #${e.requestId} (get ${e.key}) waits at ${node}, a follower: it asks leader ${askedLeader} for a read index, then serves the read itself.`
            : `§6.4 읽기 #${e.requestId}(get ${e.key})${iga(e.requestId)} 팔로워 ${node}에서 기다립니다. 리더 ${askedLeader}에게 read index를 묻고, 받으면 직접 읽기를 처리합니다.`,
        };
      if (e.readIndex === null) {
        // The leader has not committed an entry of its term yet: its commitIndex may be behind.
        const what =
          e.for === 'client'
            ? { en: `Read #${e.requestId} (get ${e.key})`, ko: `읽기 #${e.requestId}(get ${e.key})` }
            : { en: `${e.for}'s ReadIndex request #${e.requestId}`, ko: `${e.for}의 ReadIndex 요청 #${e.requestId}` };
        return {
          tone: 'client',
          text: en
            ? `§6.4 ${what.en} waits at leader ${node} until it commits an entry of its own term: until then its commitIndex may be behind.`
            : `§6.4 ${what.ko}${iga(e.requestId)} 리더 ${node}에서 기다립니다. 자기 임기의 엔트리를 커밋할 때까지 commitIndex가 뒤처져 있을 수 있기 때문입니다.`,
        };
      }
      if (e.round === 0) return null; // Under a lease it is answered in the same step.
      return {
        tone: 'client',
        text: en
          ? `§6.4 ${node} records read index ${e.readIndex} for read #${e.requestId} and confirms it still leads: heartbeat round ${e.round} must be acknowledged by a majority.`
          : `§6.4 ${node}가 읽기 #${e.requestId}의 read index를 ${e.readIndex}${ro(e.readIndex)} 기록하고, 아직 리더인지 확인합니다. 하트비트 라운드 ${e.round}에 과반수가 응답해야 합니다.`,
      };
    case 'readRoundConfirmed':
      return {
        tone: 'client',
        text: en
          ? `§6.4 A majority (${e.acks.join(', ')}) acknowledged round ${e.round}: ${node} was still the leader when it sent it.`
          : `§6.4 과반수(${e.acks.join(', ')})가 라운드 ${e.round}에 응답했습니다. ${node}는 그때 여전히 리더였습니다.`,
      };
    case 'readAnswered':
      return {
        tone: 'client',
        text: en
          ? `${e.via === 'lease' ? '§6.4.1' : '§6.4'} ${node} answers read #${e.requestId}: get ${e.key} → ${e.result} (via ${VIA.en[e.via]}, read index ${e.readIndex}, applied ${e.lastApplied}); no log entry.`
          : `${e.via === 'lease' ? '§6.4.1' : '§6.4'} ${node}가 읽기 #${e.requestId}에 답합니다: get ${e.key} → ${e.result} (${VIA.ko[e.via]}, read index ${e.readIndex}, 적용 ${e.lastApplied}). 로그 엔트리는 없습니다.`,
      };
    case 'readAbandoned':
      return {
        tone: 'client',
        text: en
          ? `§6.4 ${node} is no longer sure it leads: read #${e.requestId} is sent back to the client to retry.`
          : `§6.4 ${node}는 더 이상 리더임을 확신할 수 없습니다. 읽기 #${e.requestId}${eul(e.requestId)} 클라이언트에게 돌려보내 다시 시도하게 합니다.`,
      };
    default:
      return null;
  }
}

/** A message of this feature, in words, or null for any other message. */
export function describeTransferMessage(m: RaftMessage, lang: Lang): string | null {
  const en = lang === 'en';
  switch (m.type) {
    case 'TimeoutNow':
      return en
        ? `TimeoutNow (term ${m.term}): start an election now`
        : `TimeoutNow (임기 ${m.term}): 지금 선거를 시작하세요`;
    case 'ReadIndex':
      return en ? `ReadIndex for read #${m.requestId}` : `읽기 #${m.requestId}의 ReadIndex 요청`;
    case 'ReadIndexReply':
      return m.readIndex === null
        ? en
          ? `ReadIndex reply for #${m.requestId}: not leader`
          : `읽기 #${m.requestId}의 ReadIndex 응답: 리더 아님`
        : en
          ? `ReadIndex reply for #${m.requestId}: read index ${m.readIndex}`
          : `읽기 #${m.requestId}의 ReadIndex 응답: read index ${m.readIndex}`;
    default:
      return null;
  }
}

/** The transfer and clock actions in words, or null for any other action. */
export function narrateTransferAction(action: Action, lang: Lang): string | null {
  const en = lang === 'en';
  if (action.do === 'transfer')
    return en
      ? `You asked the leader to hand leadership to ${action.to} (§3.10).`
      : `리더에게 ${action.to}로 리더 자리를 넘기라고 요청했습니다(§3.10).`;
  if (action.do === 'clock')
    return en
      ? `${action.node}'s clock now runs at ${action.rate}× (§6.4.1: a lease must allow for drift).`
      : `${action.node}의 시계가 이제 ${action.rate}배 속도로 갑니다(§6.4.1: 리스는 시계 오차를 감안해야 합니다).`;
  return null;
}
