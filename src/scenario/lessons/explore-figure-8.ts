import type { Lesson } from '../narration';

/**
 * Figure 8 in three nodes, found by the explorer rather than scripted. A led term 1 and B term 2,
 * each with one unreplicated write; with A and B cut apart, A wins term 3 with C's vote, copies its
 * term-1 entry to C and, with the unsafe switch commitPreviousTerms on, commits it by counting. At
 * 100 ms the link is mended and the class asks the explorer for every order of events: it finds B
 * elected in term 4 without the committed entry in four choices. explore-lessons.test.ts runs that
 * exploration with the caption's bounds, and the same bounds with the switch off.
 */
export const exploreFigure8: Lesson = {
  id: 'explore-figure-8',
  section: '7.2',
  title: {
    ko: '검사기가 Figure 8을 찾게 하기',
    en: 'Let the checker find Figure 8',
  },
  summary: {
    ko: '위험한 스위치 commitPreviousTerms를 켠 3노드 클러스터에서 A가 이전 임기(1)의 엔트리를 복제 수만 세어 커밋합니다. 탐색기가 모든 사건의 순서를 시도해, 그 커밋된 엔트리가 없는 B가 리더가 되는 가장 짧은 실행을 찾아냅니다.',
    en: 'In a 3-node cluster with the unsafe switch commitPreviousTerms on, A commits an entry of an earlier term (1) by counting replicas. The explorer tries every order of events and finds the shortest run in which B, without that committed entry, becomes leader.',
  },
  scenario: {
    version: 1,
    nodes: 3,
    timing: { electionTimeout: [50_000, 60_000] },
    unsafe: { commitPreviousTerms: true },
    initial: {
      A: { term: 2, log: [{ term: 1, command: 'set x1 1' }] },
      B: { term: 2, votedFor: 'B', log: [{ term: 2, command: 'set x1 2' }] },
      C: { term: 2, votedFor: 'B', log: [] },
    },
    actions: [
      { at: 0, do: 'cut', from: 'A', to: 'B' },
      { at: 0, do: 'timeout', node: 'A' },
      { at: 100, do: 'mend', from: 'A', to: 'B' },
    ],
  },
  beats: [
    {
      at: 100,
      caption: {
        ko: 'A는 임기 3의 리더로서 임기 1 엔트리를 C에 복제하고, 과반수(A, C)에 있다는 이유만으로 커밋했습니다. B는 임기 2 엔트리를 가진 채 임기 3을 모릅니다. "여기서부터 모든 순서 탐색"을 누르고 최대 임기 4, 최대 로그 2, 쓰기 0, 하트비트 0, 깊이 4로 설정하세요. 탐색기는 네 번의 선택(B의 타임아웃 두 번, C에게 RequestVote 전달, 투표 응답 전달)으로 B가 커밋된 엔트리 없이 임기 4의 리더가 되는 경로를 찾아 리더 완전성 위반을 보여 줍니다. 스위치를 끄면 A는 그 엔트리를 커밋하지 않고, 같은 범위에서 위반이 없습니다.',
        en: 'A, leader of term 3, copied its term-1 entry to C and committed it only because a majority (A and C) holds it. B still holds its term-2 entry and has not heard of term 3. Press "Explore all orders from here" and set max term 4, max log 2, writes 0, heartbeats 0, depth 4. The explorer finds, in four choices (two timeouts of B, its RequestVote delivered to C, the vote delivered back), B elected in term 4 without the committed entry: a Leader Completeness violation. With the switch off, A does not commit that entry, and the same bounds hold no violation.',
      },
      watch: { ko: '탐색 결과와 반례의 경로', en: 'the exploration result and the counterexample path' },
      focus: { nodes: ['A', 'B'], indexes: [1] },
    },
  ],
};
