import type { Lesson } from '../narration';

/**
 * Figure 8 in three nodes, found by the explorer rather than scripted. The lesson stands in the
 * middle of the figure: A led term 1 and B term 2, each with one unreplicated write, and C (empty)
 * voted for B. With the unsafe switch commitPreviousTerms on, the class asks the explorer for every
 * order of events, drop choices off (a message never delivered stands for the paper's crashes): it
 * finds the rest of the figure in 11 choices — A elected in term 3, its term-1 entry copied to C and
 * committed by counting, B elected in term 4 without it. explore-lessons.test.ts runs that
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
    ko: '위험한 스위치 commitPreviousTerms를 켠 3노드 클러스터, Figure 8의 중간에서 시작합니다. 탐색기가 모든 사건의 순서를 시도해, 리더가 이전 임기의 엔트리를 복제 수만 세어 커밋하고 그 엔트리가 없는 노드가 다음 리더가 되는 가장 짧은 실행을 스스로 찾아냅니다.',
    en: 'A 3-node cluster with the unsafe switch commitPreviousTerms on, in the middle of Figure 8. The explorer tries every order of events and finds, by itself, the shortest run in which a leader commits an entry of an earlier term by counting replicas and a node without that entry becomes the next leader.',
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
  },
  beats: [
    {
      at: 0,
      caption: {
        ko: 'Figure 8의 중간입니다. A는 임기 1의 리더로 set x1 1을, B는 임기 2의 리더로 set x1 2를 받았지만 둘 다 복제하지 못했고, 비어 있는 C는 임기 2에서 B에게 투표했습니다. 위험한 스위치 commitPreviousTerms가 켜져 있습니다. "여기서부터 모든 순서 탐색"을 누르고 최대 임기 4, 최대 로그 2, 쓰기 0, 하트비트 0, 깊이 11로 설정하고 "메시지마다 유실도 시도"를 끄세요 (끝내 전달되지 않은 메시지가 크래시를 대신합니다). 탐색기는 11번의 선택으로 Figure 8을 찾아냅니다: C의 표로 A가 임기 3의 리더가 되고, 임기 1 엔트리를 C에 복제해 복제 수만 세어 커밋하고, 그 뒤 B가 C의 표로 임기 4의 리더가 됩니다. 커밋된 엔트리가 없는 리더, 곧 리더 완전성 위반입니다. 한 단계씩 따라가 보세요. 스위치를 끄면 같은 범위에서 위반이 없습니다.',
        en: 'The middle of Figure 8. A, leader of term 1, took set x1 1 and B, leader of term 2, took set x1 2; neither was replicated, and C (empty) voted for B in term 2. The unsafe switch commitPreviousTerms is on. Press "Explore all orders from here", set max term 4, max log 2, writes 0, heartbeats 0, depth 11, and turn off "Try dropping each message" (a message never delivered stands for a crash). The explorer finds Figure 8 in 11 choices: A elected in term 3 with C\'s vote, its term-1 entry copied to C and committed by counting, then B elected in term 4 with C\'s vote. A leader without a committed entry: a Leader Completeness violation. Step through it. With the switch off, the same bounds hold no violation.',
      },
      watch: { ko: '탐색 결과와 반례의 경로', en: 'the exploration result and the counterexample path' },
      focus: { nodes: ['A', 'B', 'C'], indexes: [1] },
    },
  ],
};
