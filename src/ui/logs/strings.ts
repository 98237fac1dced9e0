import { defineStrings } from '../i18n';
import { GLOSSARY, roleName } from '../interpret/glossary';

export const LOG_STRINGS = defineStrings(
  {
    title: 'Logs',
    waiting: 'Waiting for the simulation…',
    index: 'index',
    stateMachine: 'State machine (key-value)',
    empty: '(empty)',
    noop: GLOSSARY.en.noop,
    config: (voters: string, old: string | null) =>
      old === null ? `config {${voters}}` : `C_old,new {${old}}+{${voters}}`,
    down: GLOSSARY.en.down,
    committed: GLOSSARY.en.committed,
    uncommitted: GLOSSARY.en.notCommitted,
    applied: GLOSSARY.en.applied,
    retry: 'a retry of a request already applied: not applied again',
    retryMark: 'retry: not applied again',
    roleName: (role: string) => roleName(role, 'en'),
    nodeLabel: (id: string, role: string, term: number, alive: boolean) =>
      alive ? `Node ${id}, ${role}, term ${term}` : `Node ${id}, down, term ${term}`,
    rowLabel: (id: string) => `Log of node ${id}`,
    kvLabel: (id: string) => `State machine of node ${id}`,
    cell: (index: number, term: number, command: string, state: string) =>
      `index ${index}, term ${term}, ${command}, ${state}`,
    nextMarker: (leader: string, follower: string, index: number) =>
      `leader ${leader}'s nextIndex for ${follower}: ${index}`,
    matchMarker: (leader: string, follower: string, index: number) =>
      `leader ${leader}'s matchIndex for ${follower}: ${index}`,
    commitShort: (n: number) => `commit ${n}`,
    /** The term chip in a row header: short, as the paper's figures write it. */
    termChip: (term: number) => `T${term}`,
    next: 'next',
    match: 'match',
    legend: 'Legend',
    legendCommitted: 'committed (stored on a majority)',
    legendUncommitted: 'not committed yet',
    legendApplied: 'applied to the state machine',
    legendNext: (leader: string) => `nextIndex: the next entry leader ${leader} will send`,
    legendMatch: (leader: string) => `matchIndex: known to match leader ${leader}'s log up to here`,
    legendNoLeader: 'nextIndex / matchIndex markers appear when there is a leader',
    legendDown: 'node down',
    doomed: (leader: string) => `conflicts with leader ${leader}'s log: will be overwritten`,
    legendDoomed: (leader: string) => `conflicts with leader ${leader}'s log: its repair will delete it (§7.2)`,
    newest: 'Newest →',
    newestLabel: 'Scroll to the newest entries',
  },
  {
    title: '로그',
    waiting: '시뮬레이션을 기다리는 중…',
    index: '인덱스',
    stateMachine: '상태 머신 (키-값)',
    empty: '(비어 있음)',
    noop: GLOSSARY.ko.noop,
    config: (voters: string, old: string | null) =>
      old === null ? `구성 {${voters}}` : `C_old,new {${old}}+{${voters}}`,
    down: GLOSSARY.ko.down,
    committed: GLOSSARY.ko.committed,
    uncommitted: GLOSSARY.ko.notCommitted,
    applied: GLOSSARY.ko.applied,
    retry: '이미 적용된 요청의 재시도: 다시 적용하지 않음',
    retryMark: '재시도: 다시 적용하지 않음',
    roleName: (role: string) => roleName(role, 'ko'),
    nodeLabel: (id: string, role: string, term: number, alive: boolean) =>
      alive ? `노드 ${id}, ${role}, 임기 ${term}` : `노드 ${id}, 중단됨, 임기 ${term}`,
    rowLabel: (id: string) => `노드 ${id}의 로그`,
    kvLabel: (id: string) => `노드 ${id}의 상태 머신`,
    cell: (index: number, term: number, command: string, state: string) =>
      `인덱스 ${index}, 임기 ${term}, ${command}, ${state}`,
    nextMarker: (leader: string, follower: string, index: number) =>
      `리더 ${leader}가 ${follower}에게 보낼 nextIndex: ${index}`,
    matchMarker: (leader: string, follower: string, index: number) =>
      `리더 ${leader}가 아는 ${follower}의 matchIndex: ${index}`,
    commitShort: (n: number) => `커밋 ${n}`,
    termChip: (term: number) => `임기 ${term}`,
    next: '다음',
    match: '일치',
    legend: '범례',
    legendCommitted: '커밋됨 (과반수에 저장됨)',
    legendUncommitted: '아직 커밋되지 않음',
    legendApplied: '상태 머신에 적용됨',
    legendNext: (leader: string) => `nextIndex: 리더 ${leader}가 다음에 보낼 엔트리`,
    legendMatch: (leader: string) => `matchIndex: 여기까지 리더 ${leader}의 로그와 일치함`,
    legendNoLeader: '리더가 있으면 nextIndex / matchIndex 표시가 나타납니다',
    legendDown: '중단된 노드',
    doomed: (leader: string) => `리더 ${leader}의 로그와 충돌: 덮어써질 엔트리`,
    legendDoomed: (leader: string) => `리더 ${leader}의 로그와 충돌: 복구 과정에서 지워질 엔트리 (§7.2)`,
    newest: '최신 →',
    newestLabel: '최신 엔트리로 스크롤',
  },
);
