// Why a leader sent an AppendEntries, from the records of the step that sent it: the events the
// engine emitted there (a new leader, a backed-up nextIndex, an appended entry, a read round, a
// learner's catch-up, a transfer, a removal announced) and the message it answered, if any.

import type { AppendEntries } from '../../raft/types';
import type { TraceEvent } from '../../sim/types';
import { eul, ro } from './glossary';
import { entryConfigText } from './membership';
import { both, type Localized, type NodeEventOf } from './reading';

export function appendEntriesWhy(m: AppendEntries, from: string, to: string, step: readonly TraceEvent[]): Localized {
  const eventsOf = (node: string) => step.flatMap((r) => (r.kind === 'node' && r.node === node ? [r.event] : []));
  const first = m.prevLogIndex + 1;
  const last = m.prevLogIndex + m.entries.length;
  if (eventsOf(from).some((e) => e.type === 'roleChanged' && e.to === 'leader'))
    return both(
      `${from} just became leader of term ${m.term}: it announces itself to every follower at once`,
      `${from}가 방금 임기 ${m.term}의 리더가 됨: 모든 팔로워에게 곧바로 자신을 알림`,
    );
  const backed = eventsOf(from).find(
    (e): e is NodeEventOf<'nextIndexBackedUp'> => e.type === 'nextIndexBackedUp' && e.follower === to,
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
    (e): e is NodeEventOf<'entriesAppended'> => e.type === 'entriesAppended' && e.leader === from,
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
  const read = eventsOf(from).find((e): e is NodeEventOf<'readStarted'> => e.type === 'readStarted' && e.round > 0);
  if (read)
    return both(
      `before answering read #${read.requestId}, ${from} checks it still leads: this AppendEntries carries heartbeat round ${read.round}, and a majority must acknowledge it (dissertation §6.4)`,
      `읽기 #${read.requestId}에 답하기 전에 ${from}가 아직 리더인지 확인함: 이 AppendEntries는 하트비트 라운드 ${read.round}${eul(read.round)} 싣고 있고 과반수가 확인해야 함 (학위논문 §6.4)`,
    );
  const catchUp = eventsOf(from).find((e): e is NodeEventOf<'catchUpStarted'> => e.type === 'catchUpStarted');
  if (catchUp)
    return both(
      `${from} starts bringing ${catchUp.learners.join(', ')} up to date as ${catchUp.learners.length === 1 ? 'a learner' : 'learners'} before the change goes in: it sends AppendEntries to every server (dissertation §4.2.1)`,
      `변경을 적용하기 전에 ${from}가 ${catchUp.learners.join(', ')}의 로그를 학습자(learner)로 따라잡게 하기 시작함: 모든 서버에 AppendEntries를 보냄 (학위논문 §4.2.1)`,
    );
  const transfer = eventsOf(from).find((e): e is NodeEventOf<'transferStarted'> => e.type === 'transferStarted');
  if (transfer)
    return both(
      `${from} starts handing leadership to ${transfer.to}: it first brings ${transfer.to}'s log up to date (dissertation §3.10)`,
      `${from}가 ${transfer.to}에게 리더를 넘기기 시작함: 먼저 ${transfer.to}의 로그를 최신으로 맞춤 (학위논문 §3.10)`,
    );
  // §6: once C_new commits, a leader that removed servers tells everyone at once, those included.
  const announced = eventsOf(from).find((e): e is NodeEventOf<'removalAnnounced'> => e.type === 'removalAnnounced');
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
