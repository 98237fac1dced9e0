// Commitment and applying (course notes §4; paper §5.3, §5.4.2; thesis §6.3 for retries).

import type { NodeId, QuorumSet } from '../../raft/types';
import { eul, iga, range } from './glossary';
import { both, type Localized, type NodeEventTable, type Reading } from './reading';

type CommitEvents = Pick<NodeEventTable, 'commitAdvanced' | 'commitDeferred' | 'entryApplied'>;

const yesNo = (ok: boolean): Localized => both(ok ? 'yes' : 'no', ok ? '예' : '아니요');

/** "majority 3", or in C_old,new "majority 2 of {A,B,C} and 2 of {C,D,E}" (§6): what a commit needs. */
export function majorityText(quorum: readonly QuorumSet[]): Localized {
  if (quorum.length === 1) return both(`majority ${quorum[0]!.needed}`, `과반수 ${quorum[0]!.needed}`);
  const parts = quorum.map((q) => `${q.needed} of {${q.voters.join(',')}}`);
  const partsKo = quorum.map((q) => `{${q.voters.join(',')}} 중 ${q.needed}`);
  return both(`majority ${parts.join(' and ')}`, `과반수 ${partsKo.join(', ')}`);
}

/** §5.4.2 at work: what a leader holds back, from the event or from the frame's `commitDeferred`. */
export function deferredReading(
  node: NodeId,
  held: {
    readonly index: number;
    readonly term: number;
    readonly currentTerm: number;
    readonly replicas: number;
    readonly quorum: readonly QuorumSet[];
  },
): Reading {
  const { index: i, term: et, currentTerm: t, replicas: r } = held;
  const majority = majorityText(held.quorum);
  const enough = ` ≥ ${majority.en}? yes`;
  const enoughKo = ` ≥ ${majority.ko}? 예`;
  return {
    node,
    tone: 'commit',
    text: both(
      `${node} does not commit index ${i} by counting replicas (${r} nodes hold it): it is from term ${et}, not ${node}'s term ${t}. It commits once an entry of term ${t} above it reaches a majority`,
      `${node}는 인덱스 ${i}${eul(i)} 복제 수로 커밋하지 않음 (노드 ${r}개가 가짐): ${node}의 임기 ${t}${iga(t)} 아니라 임기 ${et}의 엔트리이기 때문. 그 위에 임기 ${t}의 엔트리가 과반수에 복제되면 함께 커밋됨`,
    ),
    rules: ['leader.commit'],
    section: '§4',
    source: { paper: '§5.4.2' },
    check: both(
      `replicas ${r}${enough}; log[${i}].term ${et} = currentTerm ${t}? no → wait`,
      `복제 수 ${r}${enoughKo}; log[${i}].term ${et} = currentTerm ${t}? 아니요 → 대기`,
    ),
  };
}

export const COMMIT_EVENTS: CommitEvents = {
  commitAdvanced(e, at) {
    const n = at.node;
    const first = e.from + 1;
    const last = e.to;
    // What was applied with it: the node applies every newly committed entry in the same step.
    const applied = at.step.events(n, 'entryApplied').filter((a) => a.index > e.from && a.index <= e.to);
    const names = applied.map((a) => (a.entry.noop || a.entry.command === '' ? 'no-op' : a.entry.command));
    const cmds = names.length > 3 ? [...names.slice(0, 3), '…'].join(', ') : names.join(', ');
    const one = first === last;
    if (e.by === 'leaderCommit') {
      const l = e.leader;
      return {
        node: n,
        tone: 'commit',
        text: both(
          `${n} learned from ${l} that ${one ? `index ${last} is` : `indexes ${range(first, last)} are`} committed and applied ${one ? 'it' : 'them'}${cmds ? ` (${cmds})` : ''}`,
          `${n}가 ${l}에게서 인덱스 ${range(first, last)}${cmds ? `(${cmds})` : ''}${iga(last)} 커밋되었음을 알고 상태 머신에 적용함`,
        ),
        rules: ['ae.commit', 'all.apply'],
        section: '§4',
        source: { paper: '§5.3' },
        check: both(
          `leaderCommit > commitIndex ${e.from}? yes → commitIndex = min(leaderCommit, index of last new entry) = ${last}`,
          `leaderCommit > commitIndex ${e.from}? 예 → commitIndex = min(leaderCommit, 마지막 새 엔트리의 인덱스) = ${last}`,
        ),
      };
    }
    // Every value below is the leader's own, as the event reports it (§5.3, §5.4.2).
    const reps = e.replicas;
    const majority = majorityText(e.quorum);
    const enough = e.quorum.every((q) => reps >= q.needed);
    const older = e.term !== e.currentTerm;
    const held = both(
      `: ${reps} nodes hold ${one ? 'it' : 'them'} (${majority.en})`,
      `: 노드 ${reps}개가 가지고 있음 (${majority.ko})`,
    );
    // §5.4.2 asks it of the highest index committed (N), which is what the check shows.
    const subject = both(one ? 'it' : `index ${last}`, one ? '' : `인덱스 ${last}${iga(last)} `);
    const ofTerm = older
      ? both(
          `, although ${subject.en} is from term ${e.term}, not ${n}'s term ${e.currentTerm}`,
          `. 그러나 ${subject.ko}${n}의 임기 ${e.currentTerm}${iga(e.currentTerm)} 아니라 임기 ${e.term}의 엔트리임`,
        )
      : both(
          ` and ${subject.en} is from ${n}'s term ${e.currentTerm}`,
          `, ${subject.ko}${n}의 현재 임기 ${e.currentTerm}의 엔트리임`,
        );
    const checks: Localized[] = [
      both(
        `replicas ${reps} ≥ ${majority.en}? ${yesNo(enough).en}`,
        `복제 수 ${reps} ≥ ${majority.ko}? ${yesNo(enough).ko}`,
      ),
      both(
        `log[${last}].term ${e.term} = currentTerm ${e.currentTerm}? ${yesNo(!older).en}`,
        `log[${last}].term ${e.term} = currentTerm ${e.currentTerm}? ${yesNo(!older).ko}`,
      ),
    ];
    const readings: Reading[] = [
      {
        node: n,
        tone: 'commit',
        text: both(
          `Leader ${n} committed ${one ? 'index' : 'indexes'} ${range(first, last)}${cmds ? ` (${cmds})` : ''}${held.en}${ofTerm.en}; it applies ${one ? 'it' : 'them'} to its state machine`,
          `리더 ${n}가 인덱스 ${range(first, last)}${cmds ? `(${cmds})` : ''}${eul(last)} 커밋함${held.ko}${ofTerm.ko}. 상태 머신에 적용함`,
        ),
        rules: ['leader.commit', 'all.apply'],
        section: '§4',
        source: { paper: '§5.4.2' },
        check: both(
          `${checks.map((c) => c.en).join('; ')} → commitIndex = ${last}`,
          `${checks.map((c) => c.ko).join('; ')} → commitIndex = ${last}`,
        ),
        ...(older
          ? {
              unsafe: both(
                'committed anyway: commitPreviousTerms is on (unsafe, Figure 8)',
                '그래도 커밋함: commitPreviousTerms가 켜져 있음 (안전하지 않음, Figure 8)',
              ),
            }
          : {}),
      },
    ];
    // Said once, by the leader that answers the client, not by every node applying the copy.
    for (const a of applied)
      if (a.retry && a.entry.requestId !== undefined)
        readings.push({
          node: n,
          tone: 'commit',
          text: both(
            `${n}: entry ${a.index} is a retry of request #${a.entry.requestId}: not applied again (same answer as the first)`,
            `${n}: 엔트리 ${a.index}${iga(a.index)} 요청 #${a.entry.requestId}의 재시도: 다시 적용하지 않음 (처음과 같은 응답)`,
          ),
          rules: ['all.apply'],
          section: '§4',
          source: { thesis: '§6.3' },
        });
    return readings;
  },

  commitDeferred(e, at) {
    return deferredReading(at.node, e);
  },

  // Told with the commit that caused it.
  entryApplied: () => null,
};
