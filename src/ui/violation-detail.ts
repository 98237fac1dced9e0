// What went wrong in a safety violation, in words. The checker words its details in English;
// the Korean sentence is built from the violation's fields (nodes, index, term), so every
// place that shows a violation (feed, "Why?", safety panel, the pause banner) says the same.

import type { Violation } from '../sim/types';
import type { Lang } from '../store/sim-store';

/** Korean object particle after a number read aloud (1 일, 3 삼 … end in a consonant). */
const eul = (n: number): string => ([0, 1, 3, 6, 7, 8].includes(Math.abs(n) % 10) ? '을' : '를');

export function violationDetail(v: Violation, lang: Lang): string {
  return lang === 'ko' ? koDetail(v) : v.detail;
}

function koDetail(v: Violation): string {
  const [a = '?', b = '?', c = '?'] = v.nodes;
  const i = v.index ?? 0;
  switch (v.invariant) {
    case 'Election Safety':
      return `${a}와 ${b}가 모두 임기 ${v.term ?? '?'}의 리더로 선출됨`;
    case 'Leader Append-Only':
      return `리더 ${a}가 인덱스 ${i}부터 엔트리를 지움`;
    case 'Log Matching':
      return `${a}의 인덱스 ${i} 엔트리(임기 ${v.term ?? '?'})는 다른 로그의 엔트리와 같지만 그 앞의 로그가 다름`;
    case 'Leader Completeness':
      return `${a}가 커밋된 엔트리 ${i}${eul(i)} 갖지 않은 채 임기 ${v.term ?? '?'}의 리더가 됨`;
    case 'State Machine Safety':
      return `${a}: 인덱스 ${i}에 다른 노드와 다른 엔트리가 커밋·적용되었거나 커밋된 엔트리가 지워짐`;
    case 'Term Monotonic':
      return `${a}의 임기가 낮아짐`;
    case 'Vote Stability':
      return `${a}가 임기 ${v.term ?? '?'}에서 ${b}와 ${c}에게 두 번 투표함`;
    case 'Commit Bounds':
      return `${a}의 commitIndex 또는 lastApplied가 범위를 벗어남`;
    case 'Configuration Safety':
      return `리더 ${a}의 로그에 커밋되지 않은 구성 엔트리가 둘 이상 있음 (인덱스 ${i})`;
    case 'Commit Quorum':
      return `리더 ${a}가 구성의 과반수가 갖지 않은 인덱스 ${i}${eul(i)} 커밋함`;
    case 'Linearizability':
      return `${a}가 답한 읽기가 그 읽기 전에 성공한 쓰기를 놓침 (낡은 읽기)`;
  }
}
