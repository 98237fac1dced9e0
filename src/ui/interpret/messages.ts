// Messages on the wire: how the feed names one (behind "show messages"), and why one was sent,
// found in the records of the step that sent it.

import type { RaftMessage } from '../../raft/types';
import type { ClientReply, DropReason, Envelope, TraceEvent, WireMessage } from '../../sim/types';
import { eul, quote, ro } from './glossary';
import { ELECTION_EVENTS } from './election';
import { changeRefusalText, entryConfigText } from './membership';
import { both, type At, type Localized, type Reading } from './reading';
import { REPLICATION_EVENTS } from './replication';
import { snapshotMessageWhy, describeSnapshotMessage } from './snapshot';
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
    case 'AppendEntries': {
      const first = m.prevLogIndex + 1;
      const last = m.prevLogIndex + m.entries.length;
      if (eventsOf(from).some((e) => e.type === 'roleChanged' && e.to === 'leader'))
        return both(
          `${from} just became leader of term ${m.term}: it announces itself to every follower at once`,
          `${from}가 방금 임기 ${m.term}의 리더가 됨: 모든 팔로워에게 곧바로 자신을 알림`,
        );
      const backed = eventsOf(from).find(
        (e): e is Of<'nextIndexBackedUp'> => e.type === 'nextIndexBackedUp' && e.follower === to,
      );
      if (backed)
        return both(
          `${to} refused the previous AppendEntries: ${from} moved nextIndex back from ${backed.from} to ${backed.to} and retries with prevLogIndex ${m.prevLogIndex}`,
          `${to}가 이전 AppendEntries를 거부함: ${from}가 nextIndex를 ${backed.from}에서 ${backed.to}${ro(backed.to)} 줄이고 prevLogIndex ${m.prevLogIndex}${ro(m.prevLogIndex)} 다시 보냄`,
        );
      if (step.some((r) => r.kind === 'timerFired' && r.node === from && r.timer === 'heartbeat'))
        return m.entries.length === 0
          ? both(
              `${from}'s heartbeat interval elapsed: an empty AppendEntries (heartbeat) keeps the follower from starting an election`,
              `${from}의 하트비트 간격이 지남: 빈 AppendEntries(하트비트)로 팔로워가 선거를 시작하지 않게 함`,
            )
          : both(
              `${from}'s heartbeat interval elapsed: this AppendEntries also carries the entries from nextIndex ${first} the follower still lacks`,
              `${from}의 하트비트 간격이 지남: 팔로워에게 아직 없는 nextIndex ${first}부터의 엔트리도 함께 보냄`,
            );
      const appended = eventsOf(from).find(
        (e): e is Of<'entriesAppended'> => e.type === 'entriesAppended' && e.leader === from,
      );
      // §6: a configuration entry the leader appended itself (a change it accepted, or C_new after C_old,new).
      const config = appended?.entries.length === 1 ? appended.entries[0]!.config : undefined;
      if (appended && config)
        return both(
          `${from} appended configuration entry ${appended.fromIndex} ${entryConfigText(config)} and uses it at once: it sends it to every server to replicate it (§6)`,
          `${from}가 구성 엔트리 ${appended.fromIndex}(${entryConfigText(config)})${eul(appended.fromIndex)} 추가하고 바로 사용함: 복제하려고 모든 서버에 보냄 (§6)`,
        );
      if (appended)
        return both(
          `a client command reached ${from}, the leader: it sends the new ${first === last ? `entry ${first}` : `entries ${first}–${last}`} to replicate it`,
          `클라이언트 명령이 리더 ${from}에게 도착함: 새 ${first === last ? `엔트리 ${first}` : `엔트리 ${first}–${last}`}${eul(last)} 복제하려고 보냄`,
        );
      const read = eventsOf(from).find((e): e is Of<'readStarted'> => e.type === 'readStarted' && e.round > 0);
      if (read)
        return both(
          `before answering read #${read.requestId}, ${from} checks it still leads: this AppendEntries carries heartbeat round ${read.round}, and a majority must acknowledge it (dissertation §6.4)`,
          `읽기 #${read.requestId}에 답하기 전에 ${from}가 아직 리더인지 확인함: 이 AppendEntries는 하트비트 라운드 ${read.round}${eul(read.round)} 싣고 있고 과반수가 확인해야 함 (학위논문 §6.4)`,
        );
      const catchUp = eventsOf(from).find((e): e is Of<'catchUpStarted'> => e.type === 'catchUpStarted');
      if (catchUp)
        return both(
          `${from} starts bringing ${catchUp.learners.join(', ')} up to date as ${catchUp.learners.length === 1 ? 'a learner' : 'learners'} before the change goes in: it sends AppendEntries to every server (dissertation §4.2.1)`,
          `변경을 적용하기 전에 ${from}가 ${catchUp.learners.join(', ')}의 로그를 학습자(learner)로 따라잡게 하기 시작함: 모든 서버에 AppendEntries를 보냄 (학위논문 §4.2.1)`,
        );
      const transfer = eventsOf(from).find((e): e is Of<'transferStarted'> => e.type === 'transferStarted');
      if (transfer)
        return both(
          `${from} starts handing leadership to ${transfer.to}: it first brings ${transfer.to}'s log up to date (dissertation §3.10)`,
          `${from}가 ${transfer.to}에게 리더를 넘기기 시작함: 먼저 ${transfer.to}의 로그를 최신으로 맞춤 (학위논문 §3.10)`,
        );
      // §6: once C_new commits, a leader that removed servers tells everyone at once, those included.
      const announced = eventsOf(from).find((e): e is Of<'removalAnnounced'> => e.type === 'removalAnnounced');
      if (announced)
        return both(
          `${from} committed C_new (entry ${announced.configIndex}): one last AppendEntries to every server (leaderCommit ${m.leaderCommit}) tells ${announced.removed.join(', ')} that ${announced.removed.length === 1 ? 'its' : 'their'} removal is committed (§6)`,
          `${from}가 C_new(엔트리 ${announced.configIndex})${eul(announced.configIndex)} 커밋함: 모든 서버에 보내는 마지막 AppendEntries(leaderCommit ${m.leaderCommit})로 ${announced.removed.join(', ')}에게 제거가 커밋되었음을 알림 (§6)`,
        );
      // The step delivered the follower's answer: the leader goes on at once (Figure 2: "if successful:
      // update nextIndex and matchIndex"; then whatever the follower still lacks is sent).
      const answer = step.find((r) => r.kind === 'delivered' && r.message.from === to && r.message.to === from);
      const said = answer?.kind === 'delivered' ? answer.message.payload : undefined;
      if (said?.type === 'AppendEntriesReply' && said.success && m.entries.length > 0)
        return both(
          `${to} confirmed its log matches up to index ${said.matchIndex}; ${from} has more for it and sends the entries from nextIndex ${first} at once, not at the next heartbeat`,
          `${to}가 인덱스 ${said.matchIndex}까지 로그가 일치한다고 확인함. ${from}가 보낼 것이 더 있어 다음 하트비트를 기다리지 않고 nextIndex ${first}부터의 엔트리를 바로 보냄`,
        );
      if (said?.type === 'InstallSnapshotReply')
        return both(
          `${to} now holds ${from}'s snapshot: ${from} goes on with AppendEntries from nextIndex ${first} (§7)`,
          `${to}가 이제 ${from}의 스냅샷을 가짐: ${from}가 nextIndex ${first}부터 AppendEntries를 이어서 보냄 (§7)`,
        );
      return both(
        `${from} had news for ${to}: entries from nextIndex ${first} or a new leaderCommit ${m.leaderCommit}`,
        `${from}가 ${to}에게 보낼 것이 있음: nextIndex ${first}부터의 엔트리나 새 leaderCommit ${m.leaderCommit}`,
      );
    }
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
