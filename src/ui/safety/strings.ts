import { wholeMs } from '../format';
import type { InvariantName, Violation } from '../../sim/types';
import { defineStrings } from '../i18n';
import { invariantName } from '../interpret/terms';
import { violationDetail } from '../violation-detail';

const ms = (t: number): string => `${wholeMs(t)} ms`;

type Describe = Record<InvariantName, string>;

const EN_MEANING: Describe = {
  'Election Safety': 'at most one leader is elected in a term',
  'Leader Append-Only': 'a leader never deletes or overwrites entries of its own log; it only appends',
  'Log Matching': 'two logs with an entry of the same index and term are identical up to that entry',
  'Leader Completeness': 'an entry committed in a term is in the log of every leader of later terms',
  'State Machine Safety': 'no two servers apply different entries at the same index',
  'Term Monotonic': "a node's currentTerm never goes down, not even across a restart",
  'Vote Stability': 'a node votes for at most one candidate per term',
  'Commit Bounds': 'lastApplied ≤ commitIndex ≤ last log index on every node',
  'Configuration Safety': "at most one uncommitted configuration entry in a leader's log (§6)",
  'Commit Quorum': 'a leader commits only entries held by a majority of every voter set of its configuration',
  Linearizability: 'a read returns a value no older than every write that succeeded before the read was sent',
};

const KO_MEANING: Describe = {
  'Election Safety': '한 임기에 리더는 최대 하나만 선출됨',
  'Leader Append-Only': '리더는 자신의 로그 엔트리를 지우거나 덮어쓰지 않고 추가만 함',
  'Log Matching': '같은 인덱스와 임기의 엔트리를 가진 두 로그는 그 엔트리까지 똑같음',
  'Leader Completeness': '어떤 임기에 커밋된 엔트리는 이후 모든 임기의 리더 로그에 있음',
  'State Machine Safety': '두 서버가 같은 인덱스에 서로 다른 엔트리를 적용하지 않음',
  'Term Monotonic': '노드의 currentTerm은 재시작해도 줄어들지 않음',
  'Vote Stability': '노드는 한 임기에 최대 한 후보에게만 투표함',
  'Commit Bounds': '모든 노드에서 lastApplied ≤ commitIndex ≤ 마지막 로그 인덱스',
  'Configuration Safety': '리더의 로그에 커밋되지 않은 구성 엔트리는 최대 하나 (§6)',
  'Commit Quorum': '리더는 구성의 모든 투표자 집합에서 과반수가 가진 엔트리만 커밋함',
  Linearizability: '읽기는 그 읽기를 보내기 전에 성공한 모든 쓰기보다 오래된 값을 돌려주지 않음',
};

export const SAFETY_STRINGS = defineStrings(
  {
    title: 'Safety properties',
    intro: 'Checked after every event by the invariant checker (Figure 3 of the paper).',
    extra: 'Extra checks',
    holds: 'holds',
    violated: (n: number) => `violated ${n === 1 ? 'once' : `${n} times`}`,
    name: (inv: InvariantName) => invariantName(inv, 'en'),
    meaning: (inv: InvariantName) => EN_MEANING[inv],
    detail: (v: Violation) => violationDetail(v, 'en'),
    involved: (v: Violation) =>
      [
        `${v.nodes.length === 1 ? 'node' : 'nodes'} ${v.nodes.join(', ')}`,
        v.index === undefined ? null : `index ${v.index}`,
        v.term === undefined ? null : `term ${v.term}`,
      ]
        .filter((x) => x !== null)
        .join(' · '),
    at: (t: number) => `at ${ms(t)}`,
    jump: (t: number) => `Jump to ${ms(t)}`,
    jumpLabel: (inv: InvariantName, t: number) => `Jump to the ${invariantName(inv, 'en')} violation at ${ms(t)}`,
    more: (n: number) => `… and ${n} earlier`,
  },
  {
    title: '안전성 속성',
    intro: '불변식 검사기가 모든 이벤트 뒤에 검사합니다 (논문 Figure 3).',
    extra: '추가 검사',
    holds: '성립',
    violated: (n: number) => `위반 ${n}건`,
    name: (inv: InvariantName) => invariantName(inv, 'ko'),
    meaning: (inv: InvariantName) => KO_MEANING[inv],
    detail: (v: Violation) => violationDetail(v, 'ko'),
    involved: (v: Violation) =>
      [
        `노드 ${v.nodes.join(', ')}`,
        v.index === undefined ? null : `인덱스 ${v.index}`,
        v.term === undefined ? null : `임기 ${v.term}`,
      ]
        .filter((x) => x !== null)
        .join(' · '),
    at: (t: number) => `${ms(t)}에`,
    jump: (t: number) => `${ms(t)}로 이동`,
    jumpLabel: (inv: InvariantName, t: number) => `${ms(t)}의 ${invariantName(inv, 'ko')} 위반으로 이동`,
    more: (n: number) => `… 이전 ${n}건 더`,
  },
);
