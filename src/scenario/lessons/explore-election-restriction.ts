import type { Lesson } from '../narration';

/**
 * C was down while A and B committed "set x 1"; it comes back at 1000 ms with an empty log. With the
 * unsafe switch noElectionRestriction on, the class asks the explorer for every order of events from
 * here: it finds C elected without the committed entry in four choices. explore-lessons.test.ts runs
 * that exploration with the bounds the caption gives, and the same bounds with the switch off.
 */
export const exploreElectionRestriction: Lesson = {
  id: 'explore-election-restriction',
  section: '6.3',
  title: {
    ko: '선거 제한(Election Restriction)은 왜 필요한가: 검사기가 모든 순서를 탐색합니다',
    en: 'Why the election restriction is needed: the checker tries every order',
  },
  summary: {
    ko: '위험한 스위치 noElectionRestriction을 켠 채, 로그가 비어 있는 C가 돌아옵니다. 운에 맡기지 않고 탐색기가 가능한 모든 사건의 순서를 시도해, 커밋된 엔트리를 잃는 가장 짧은 실행을 찾아냅니다.',
    en: 'With the unsafe switch noElectionRestriction on, C comes back with an empty log. Instead of waiting for bad luck, the explorer tries every order of events and finds the shortest run that loses a committed entry.',
  },
  scenario: {
    version: 1,
    nodes: 3,
    seed: 1,
    unsafe: { noElectionRestriction: true },
    actions: [
      { at: 0, do: 'kill', node: 'C' },
      { at: 400, do: 'submit', command: 'set x 1' },
      { at: 1000, do: 'restart', node: 'C' },
    ],
  },
  beats: [
    {
      at: 1000,
      caption: {
        ko: 'A와 B는 커밋된 "set x 1"을 가지고 있고, 방금 돌아온 C의 로그는 비어 있습니다. "여기서부터 모든 순서 탐색"을 누르고 최대 임기 3, 쓰기 0, 하트비트 0, 깊이 4로 설정하세요. 탐색기는 네 번의 선택(C의 타임아웃 두 번, RequestVote 전달, 투표 응답 전달)으로 C가 그 엔트리 없이 리더가 되는 경로를 찾아 리더 완전성 위반을 보여 줍니다. 스위치를 끄면 같은 범위에서 위반이 없습니다.',
        en: 'A and B hold the committed "set x 1"; C, just back, has an empty log. Press "Explore all orders from here" and set max term 3, writes 0, heartbeats 0, depth 4. The explorer finds, in four choices (two timeouts of C, its RequestVote delivered, the vote delivered back), C elected without that entry: a Leader Completeness violation. With the switch off, the same bounds hold no violation.',
      },
      watch: { ko: '탐색 결과와 반례의 경로', en: 'the exploration result and the counterexample path' },
      focus: { nodes: ['C'], indexes: [1] },
    },
  ],
};
