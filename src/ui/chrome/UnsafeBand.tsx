// Honesty on the stage: when an unsafe teaching switch is on, a red band across the ring says
// which rule of Raft is broken on purpose, so a class never mistakes the run for real Raft.
// (Switches set by a mid-run `configure` action in a scenario file are not seen here: the store
// keeps the scenario's switches and those the teacher set in Settings.)

import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/sim-store';
import { defineStrings, useStrings } from '../i18n';

const STRINGS = defineStrings(
  {
    label: 'Unsafe switches on',
    prefix: 'Not Raft: this run breaks',
    noElectionRestriction: 'the election restriction (§5.4.1: vote only for an up-to-date log)',
    commitPreviousTerms: 'the commit rule (§5.4.2: count replicas only for current-term entries)',
    forgetOnRestart: 'persistence (Figure 2: currentTerm, votedFor and the log survive a restart)',
  },
  {
    label: '안전하지 않은 스위치 켜짐',
    prefix: 'Raft가 아님: 이 실행은 다음 규칙을 일부러 어깁니다 —',
    noElectionRestriction: '선거 제한 (§5.4.1: 최신 로그에만 투표)',
    commitPreviousTerms: '커밋 규칙 (§5.4.2: 복제 수는 현재 임기 엔트리만 셈)',
    forgetOnRestart: '영속성 (Figure 2: currentTerm, votedFor, 로그는 재시작해도 남음)',
  },
);

const KEYS = ['noElectionRestriction', 'commitPreviousTerms', 'forgetOnRestart'] as const;

export function UnsafeBand() {
  const t = useStrings(STRINGS);
  const on = useSimStore(useShallow((s) => KEYS.filter((key) => s.scenario.unsafe[key])));
  if (on.length === 0) return null;
  return (
    <p className="unsafe-band" role="note" aria-label={t.label}>
      <span aria-hidden="true">⚠</span> {t.prefix} {on.map((key) => t[key]).join('; ')}
    </p>
  );
}
