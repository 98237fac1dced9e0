// Honesty on the stage: when an unsafe teaching switch is on, a red band above the ring says
// which rule of Raft is broken on purpose, so a class never mistakes the run for real Raft. It sits
// in the stage's flow, so it pushes the ring down rather than covering its top (the client box and
// the message key).
// (Switches set by a mid-run `configure` action in a scenario file are not seen here: the store
// keeps the scenario's switches and those the teacher set in Settings.)

import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/sim-store';
import { defineStrings, useStrings } from '../i18n';
import { UNSAFE_SWITCH_NAMES } from '../../sim/types';

const STRINGS = defineStrings(
  {
    label: 'Unsafe switches on',
    prefix: 'Not Raft: this run breaks',
    noElectionRestriction: 'the election restriction (§5.4.1: vote only for an up-to-date log)',
    commitPreviousTerms: 'the commit rule (§5.4.2: count replicas only for current-term entries)',
    forgetOnRestart: 'persistence (Figure 2: currentTerm, votedFor and the log survive a restart)',
    snapshotUncommitted: 'the snapshot rule (§7: a snapshot holds committed entries only)',
    directMembershipChange: 'joint consensus (§6, Figure 10: a change of several servers goes through C_old,new)',
    changeBeforeTermCommit:
      'the single-server change rule (a leader first commits an entry of its own term; the 2015 fix)',
    localReads: 'linearizable reads (§6.4: a read waits for a majority to confirm the leader)',
    leaseIgnoresDrift: 'the lease bound (§6.4.1: a lease must allow for clock drift)',
  },
  {
    label: '안전하지 않은 스위치 켜짐',
    prefix: 'Raft가 아님: 이 실행은 다음 규칙을 일부러 어깁니다 —',
    noElectionRestriction: '선거 제한 (§5.4.1: 최신 로그에만 투표)',
    commitPreviousTerms: '커밋 규칙 (§5.4.2: 복제 수는 현재 임기 엔트리만 셈)',
    forgetOnRestart: '영속성 (Figure 2: currentTerm, votedFor, 로그는 재시작해도 남음)',
    snapshotUncommitted: '스냅샷 규칙 (§7: 스냅샷에는 커밋된 엔트리만 담음)',
    directMembershipChange: '공동 합의 (§6, Figure 10: 여러 서버의 변경은 C_old,new를 거침)',
    changeBeforeTermCommit: '단일 서버 변경 규칙 (리더가 먼저 자기 임기의 엔트리를 커밋함, 2015년 수정)',
    localReads: '선형화 가능한 읽기 (§6.4: 읽기는 과반수가 리더를 확인할 때까지 기다림)',
    leaseIgnoresDrift: '리스 한계 (§6.4.1: 리스는 시계 오차를 감안해야 함)',
  },
);

export function UnsafeBand() {
  const t = useStrings(STRINGS);
  const on = useSimStore(useShallow((s) => UNSAFE_SWITCH_NAMES.filter((key) => s.scenario.unsafe[key] === true)));
  if (on.length === 0) return null;
  return (
    <p className="unsafe-band" role="note" aria-label={t.label}>
      <span aria-hidden="true">⚠</span> {t.prefix} {on.map((key) => t[key]).join('; ')}
    </p>
  );
}
