// Messages on the wire: how the feed names one (behind "show messages"), and why one was sent,
// found in the records of the step that sent it.

import type { RaftMessage } from '../../raft/types';
import type { ClientReply, DropReason, Envelope, TraceEvent, WireMessage } from '../../sim/types';
import { eul, quote } from './glossary';
import { ELECTION_EVENTS } from './election';
import { changeRefusalText } from './membership';
import { both, type At, type Localized, type Reading } from './reading';
import { REPLICATION_EVENTS } from './replication';
import { snapshotMessageWhy, describeSnapshotMessage } from './snapshot';
import { appendEntriesWhy } from './append-entries-why';
import { describeTransferMessageBoth } from './transfer';
import { asList, stepView } from './step';

/** A message's fields in words: "RequestVote term 3, lastLogIndex 2, lastLogTerm 1". */
export function describeMessage(m: WireMessage): Localized {
  switch (m.type) {
    case 'ClientRequest':
      return both(
        `client request #${m.requestId} ${quote(m.command)}`,
        `클라이언트 요청 #${m.requestId} ${quote(m.command)}`,
      );
    case 'ClientReply': {
      const outcome = clientReplyOutcome(m);
      return both(`reply to request #${m.requestId}: ${outcome.en}`, `요청 #${m.requestId}에 대한 응답: ${outcome.ko}`);
    }
    default:
      return describeRaft(m);
  }
}

/** What a ClientReply says, from its own fields: a refusal says why, or where to go. */
function clientReplyOutcome(m: ClientReply): Localized {
  if (m.success) return both('success', '성공');
  if (m.error !== undefined) return both(`refused (${m.error})`, `거부됨 (${m.error})`);
  if (m.changeDeferred !== undefined) return both('not yet, ask again shortly', '아직 안 됨, 잠시 후 다시 요청');
  if (m.transferringTo !== undefined)
    return both(`handing over, try ${m.transferringTo}`, `리더 이양 중, ${m.transferringTo}에게 요청`);
  const hint = m.leaderHint ?? null;
  return hint === null
    ? both('not the leader, knows none', '리더 아님, 리더 모름')
    : both(`not the leader, try ${hint}`, `리더 아님, ${hint}에게 요청`);
}

function describeRaft(m: RaftMessage): Localized {
  switch (m.type) {
    case 'RequestVote':
    case 'PreVote': {
      const pre = m.type === 'PreVote';
      return both(
        `${pre ? 'PreVote' : 'RequestVote'} term ${m.term}, lastLogIndex ${m.lastLogIndex}, lastLogTerm ${m.lastLogTerm}`,
        `${pre ? '사전 투표(PreVote)' : 'RequestVote'} 임기 ${m.term}, lastLogIndex ${m.lastLogIndex}, lastLogTerm ${m.lastLogTerm}`,
      );
    }
    case 'RequestVoteReply':
    case 'PreVoteReply': {
      const pre = m.type === 'PreVoteReply';
      return both(
        `${pre ? 'pre-vote' : 'vote'} ${m.voteGranted ? 'granted' : 'refused'} (term ${m.term})`,
        `${pre ? '사전 투표' : '투표'} ${m.voteGranted ? '찬성' : '거부'}(임기 ${m.term})`,
      );
    }
    case 'AppendEntries': {
      const k = m.entries.length;
      const fields = `prevLogIndex ${m.prevLogIndex}, prevLogTerm ${m.prevLogTerm}, leaderCommit ${m.leaderCommit}`;
      return k === 0
        ? both(
            `heartbeat (AppendEntries, term ${m.term}, ${fields})`,
            `하트비트(AppendEntries, 임기 ${m.term}, ${fields})`,
          )
        : both(
            `AppendEntries with ${k} ${k === 1 ? 'entry' : 'entries'} (term ${m.term}, ${fields})`,
            `엔트리 ${k}개를 담은 AppendEntries(임기 ${m.term}, ${fields})`,
          );
    }
    case 'AppendEntriesReply':
      return m.success
        ? both(
            `AppendEntries ok, matchIndex ${m.matchIndex} (term ${m.term})`,
            `AppendEntries 성공, matchIndex ${m.matchIndex}(임기 ${m.term})`,
          )
        : both(`AppendEntries refused (term ${m.term})`, `AppendEntries 거부(임기 ${m.term})`);
    case 'InstallSnapshot':
    case 'InstallSnapshotReply':
      return describeSnapshotMessage(m);
    case 'TimeoutNow':
    case 'ReadIndex':
    case 'ReadIndexReply':
      return describeTransferMessageBoth(m) ?? both(m.type, m.type);
  }
}

export const DROP_REASON: Record<DropReason, Localized> = {
  'receiver-dead': both('the receiver is down', '받는 노드가 중단됨'),
  'link-down': both('the link is cut', '링크가 끊김'),
  'random-loss': both('random loss', '무작위 손실'),
  'dropped-by-user': both('dropped by hand', '직접 버림'),
  'sender-dead': both('the sender is down', '보낸 노드가 중단됨'),
};

type Of<T extends string> = Extract<TraceEvent, { kind: 'node' }>['event'] & { type: T };

/**
 * Why `message` was sent: the events of the step that sent it (the election that asks for votes,
 * the vote the reply carries, the new leader announcing itself …).
 */
export function messageWhy(message: Envelope, feed: readonly TraceEvent[]): Localized {
  if (message.duplicate)
    return both('a copy made by the network (duplication is on)', '네트워크가 만든 복사본 (중복 전송이 켜져 있음)');
  const sent = feed.find((r) => r.kind === 'sent' && r.message.id === message.id);
  if (!sent)
    return both(
      'the step that sent it is no longer in the event feed',
      '이 메시지를 보낸 단계가 이벤트 피드에 더 이상 없음',
    );
  const step = feed.filter((r) => r.step === sent.step);
  const from = message.from;
  const to = message.to;
  const eventsOf = (node: string) => step.flatMap((r) => (r.kind === 'node' && r.node === node ? [r.event] : []));
  const m = message.payload;
  switch (m.type) {
    case 'PreVote':
      return both(
        `${from}'s election timer fired and pre-vote is on: it asks whether it could win term ${m.term} before raising its term`,
        `${from}의 선거 타이머가 만료되었고 사전 투표가 켜져 있음: 임기를 올리기 전에 임기 ${m.term}에서 이길 수 있는지 물어봄`,
      );
    case 'RequestVote': {
      const started = eventsOf(from).find(
        (e): e is Of<'electionStarted'> => e.type === 'electionStarted' && !e.preVote,
      );
      const cause = started?.cause ?? 'timer';
      return cause === 'preVoteWon'
        ? both(
            `${from} won the pre-vote and now runs the real election of term ${m.term}`,
            `${from}가 사전 투표를 통과하고 임기 ${m.term}의 실제 선거를 시작함`,
          )
        : cause === 'forced'
          ? both(
              `the class fired ${from}'s election timer: it became candidate for term ${m.term} and asks everyone for a vote`,
              `수업에서 ${from}의 선거 타이머를 발동함: 임기 ${m.term}의 후보가 되어 모두에게 투표를 요청함`,
            )
          : both(
              `${from}'s election timeout fired: it became candidate for term ${m.term} and asks everyone for a vote`,
              `${from}의 선거 타임아웃이 만료됨: 임기 ${m.term}의 후보가 되어 모두에게 투표를 요청함`,
            );
    }
    case 'PreVoteReply':
    case 'RequestVoteReply': {
      const pre = m.type === 'PreVoteReply';
      const vote = eventsOf(from).find(
        (e): e is Of<'voteGranted'> | Of<'voteRefused'> =>
          (e.type === 'voteGranted' || e.type === 'voteRefused') && e.candidate === to && e.preVote === pre,
      );
      const term = vote?.term ?? m.term;
      const at: At = { node: from, record: sent, step: stepView(step) };
      const read: Reading | undefined = vote
        ? asList(
            vote.type === 'voteGranted' ? ELECTION_EVENTS.voteGranted(vote, at) : ELECTION_EVENTS.voteRefused(vote, at),
          )[0]
        : undefined;
      // A grant is explained by the check it passed; a refusal by its reason.
      const ex = read ? (vote?.type === 'voteGranted' ? (read.check ?? read.text) : read.text) : null;
      const reason = ex ? both(` (${ex.en})`, ` (${ex.ko})`) : both('', '');
      return both(
        `the answer of ${from} to ${to}'s ${pre ? 'PreVote' : 'RequestVote'} for term ${term}: ${m.voteGranted ? 'granted' : 'refused'}${reason.en}`,
        `${to}의 임기 ${term} ${pre ? 'PreVote' : 'RequestVote'}에 대한 ${from}의 답: ${m.voteGranted ? '투표함' : '거부'}${reason.ko}`,
      );
    }
    case 'AppendEntries':
      return appendEntriesWhy(m, from, to, step);
    case 'AppendEntriesReply': {
      const refused = eventsOf(from).find((e): e is Of<'appendRefused'> => e.type === 'appendRefused');
      const read = refused
        ? asList(REPLICATION_EVENTS.appendRefused(refused, { node: from, record: sent, step: stepView(step) }))[0]
        : undefined;
      const ex = read?.check ?? read?.text ?? null;
      return m.success
        ? both(
            `the answer of ${from} to ${to}'s AppendEntries: success, its log matches up to ${m.matchIndex}`,
            `${to}의 AppendEntries에 대한 ${from}의 답: 성공, ${m.matchIndex}번까지 로그가 일치함`,
          )
        : both(
            `the answer of ${from} to ${to}'s AppendEntries: refused${ex ? ` (${ex.en})` : ''}`,
            `${to}의 AppendEntries에 대한 ${from}의 답: 거부${ex ? ` (${ex.ko})` : ''}`,
          );
    }
    case 'ClientRequest': {
      const retry = step.find(
        (r) => r.kind === 'client' && r.event.type === 'retried' && r.event.requestId === m.requestId,
      );
      const attempt = retry?.kind === 'client' && retry.event.type === 'retried' ? retry.event.attempt : 1;
      return attempt <= 1
        ? both(
            `the client sends request #${m.requestId} to ${to}`,
            `클라이언트가 요청 #${m.requestId}${eul(m.requestId)} ${to}에게 보냄`,
          )
        : both(
            `the client retries request #${m.requestId} with ${to} (attempt ${attempt})`,
            `클라이언트가 요청 #${m.requestId}${eul(m.requestId)} ${to}에게 다시 보냄 (${attempt}번째 시도)`,
          );
    }
    case 'ClientReply': {
      if (m.success) {
        const applied = eventsOf(from).find(
          (e): e is Of<'entryApplied'> => e.type === 'entryApplied' && e.entry.requestId === m.requestId,
        );
        const at = applied ? ` (index ${applied.index})` : '';
        return both(
          `${from} committed and applied the entry of request #${m.requestId}${at}: it answers the client`,
          `${from}가 요청 #${m.requestId}의 엔트리${applied ? `(인덱스 ${applied.index})` : ''}를 커밋하고 적용함: 클라이언트에게 답함`,
        );
      }
      if (m.changeDeferred !== undefined) {
        const why = changeRefusalText(m.changeDeferred);
        return both(
          `leader ${from} cannot start change request #${m.requestId} now: ${why.en}; it asks the client to try again shortly`,
          `리더 ${from}가 변경 요청 #${m.requestId}${eul(m.requestId)} 지금은 시작할 수 없음: ${why.ko}. 클라이언트에게 잠시 후 다시 요청하라고 함`,
        );
      }
      if (m.transferringTo !== undefined)
        return both(
          `leader ${from} is handing leadership to ${m.transferringTo} (dissertation §3.10): it asks the client to try ${m.transferringTo} shortly`,
          `리더 ${from}가 ${m.transferringTo}에게 리더를 넘기는 중 (학위논문 §3.10): 클라이언트에게 잠시 후 ${m.transferringTo}에게 요청하라고 함`,
        );
      const hint = m.leaderHint ?? null;
      return hint === null
        ? both(
            `${from} is not the leader and knows none: it refuses request #${m.requestId}`,
            `${from}는 리더가 아니고 리더도 모름: 요청 #${m.requestId}${eul(m.requestId)} 거부함`,
          )
        : both(
            `${from} is not the leader: it refuses request #${m.requestId} and names ${hint} as leader`,
            `${from}는 리더가 아님: 요청 #${m.requestId}${eul(m.requestId)} 거부하고 ${hint}를 리더로 알려줌`,
          );
    }
    case 'InstallSnapshot':
    case 'InstallSnapshotReply':
      return snapshotMessageWhy(from, to, m);
    case 'TimeoutNow':
      return both(
        `${from} is handing leadership to ${to}, whose log now matches: start an election at once (dissertation §3.10)`,
        `${from}가 로그가 같아진 ${to}에게 리더를 넘기는 중: 바로 선거를 시작하라고 함 (학위논문 §3.10)`,
      );
    case 'ReadIndex':
      return both(
        `follower ${from} serves a read and asks the leader for a read index (dissertation §6.4)`,
        `팔로워 ${from}가 읽기를 처리하려고 리더에게 read index를 물음 (학위논문 §6.4)`,
      );
    case 'ReadIndexReply':
      return both(
        `the leader's answer to ${to}'s ReadIndex request (dissertation §6.4)`,
        `${to}의 ReadIndex 요청에 대한 리더의 답 (학위논문 §6.4)`,
      );
  }
}
