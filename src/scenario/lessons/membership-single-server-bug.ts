import type { Lesson } from '../narration';

const C1 = { term: 1, config: { voters: ['A', 'B', 'C', 'D', 'E'] } };

// The single-server change bug Ongaro reported on raft-dev in 2015, and its correction: a new
// leader must commit an entry of its own term before it changes the configuration. C0 = {A,B,C,D}.
// A (leader of term 1) appended C1 = C0 + E and only E received it. B leads term 2 without
// committing anything, removes A with C2 = {B,C,D} and commits it with B and C. A majority of C1,
// {A,D,E}, shares no server with {B,C}: E wins and overwrites the committed C2.
export const membershipSingleServerBug: Lesson = {
  id: 'membership-single-server-bug',
  section: '9',
  title: {
    ko: '한 서버 변경의 버그와 그것을 고치는 규칙 (2015)',
    en: 'The single-server change bug, and the rule that fixes it (2015)',
  },
  summary: {
    ko: '한 서버씩 바꾸는 변경도, 새 리더가 자기 임기의 엔트리를 커밋하기 전에 바꾸면 안전하지 않습니다. 서로 다른 리더가 만든 두 변경이 각각 원래 구성과는 한 서버만 다르지만 서로는 두 서버가 다를 수 있기 때문입니다. 위험한 스위치 changeBeforeTermCommit으로 그 버그를 재현하고, 2015년의 수정 규칙을 봅니다 (학위논문 §4.1 정오표).',
    en: 'Even one-server changes are unsafe if a new leader changes the configuration before it has committed an entry of its own term: two changes made by different leaders each differ from the old configuration by one server, but from each other by two. The unsafe switch changeBeforeTermCommit replays that bug; then the 2015 rule that fixes it (dissertation §4.1, erratum).',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 5,
    members: ['A', 'B', 'C', 'D'],
    unsafe: { changeBeforeTermCommit: true },
    initial: {
      A: { term: 1, votedFor: 'A', log: [C1] },
      B: { term: 1, votedFor: 'A', log: [] },
      C: { term: 1, votedFor: 'A', log: [] },
      D: { term: 1, votedFor: 'A', log: [] },
      E: { term: 1, log: [C1] },
    },
    actions: [
      {
        at: 0,
        do: 'partition',
        groups: [
          ['A', 'E'],
          ['B', 'C', 'D'],
        ],
      },
      {
        at: 500,
        do: 'partition',
        groups: [
          ['B', 'C'],
          ['A', 'D', 'E'],
        ],
      },
      { at: 500, do: 'change', remove: ['A'] },
      { at: 1200, do: 'heal' },
    ],
  },
  beats: [
    {
      at: 5,
      caption: {
        ko: '구성은 C0 = {A, B, C, D}입니다. 임기 1의 리더였던 A가 E를 추가하는 C1 = {A, B, C, D, E}를 1번에 썼지만, E만 그것을 받은 채 A와 E가 B, C, D와 갈라졌습니다. A와 E는 C1을, B, C, D는 C0을 씁니다.',
        en: 'The configuration is C0 = {A, B, C, D}. A, leader of term 1, appended C1 = {A, B, C, D, E} at index 1 to add E, but only E received it before A and E were cut off from B, C and D. A and E use C1; B, C and D use C0.',
      },
      focus: { nodes: ['A', 'E'], indexes: [1] },
    },
    {
      at: 190,
      caption: {
        ko: 'B가 B, C, D의 표로 임기 2의 리더가 되었습니다: C0의 넷 중 셋입니다. leaderNoop이 꺼져 있어서 B는 임기 2의 엔트리를 아직 하나도 커밋하지 않았습니다.',
        en: 'B won term 2 with B, C and D: three of C0’s four. leaderNoop is off, so B has not committed any entry of term 2.',
      },
      focus: { nodes: ['B'] },
    },
    {
      at: 501,
      caption: {
        ko: '분할이 바뀝니다: B와 C가 한쪽, A, D, E가 다른 쪽입니다. 관리자가 A의 제거를 요청합니다. 위험한 스위치 changeBeforeTermCommit 때문에 B는 자기 임기의 엔트리를 커밋하기 전인데도 이를 받아들일 것입니다.',
        en: 'The partition changes: B and C on one side, A, D and E on the other. The administrator asks to remove A. With the unsafe switch changeBeforeTermCommit, B will accept although it has committed no entry of its term.',
      },
      focus: { nodes: ['B', 'C'] },
      question: {
        prompt: {
          ko: 'B는 C2 = {B, C, D}를 B와 C, 셋 중 둘로 커밋할 것입니다. 그 커밋은 안전할까요?',
          en: 'B will commit C2 = {B, C, D} with B and C, two of three. Is that commit safe?',
        },
        choices: [
          { ko: '예: C2의 과반수가 가지고 있다', en: 'Yes: a majority of C2 holds it' },
          {
            ko: '아니요: A, D, E는 C1의 과반수라서 그것 없이 리더를 뽑을 수 있다',
            en: 'No: A, D and E are a majority of C1 and can elect a leader without it',
          },
        ],
        answer: 1,
        reveal: {
          ko: 'C1과 C2는 각각 C0과 한 서버만 다르지만 서로는 두 서버(A의 제거와 E의 추가)가 다릅니다. C2의 과반수 {B, C}와 C1의 과반수 {A, D, E}는 겹치지 않습니다. D의 로그는 비어 있어서 C1을 가진 후보에게 투표합니다.',
          en: 'C1 and C2 each differ from C0 by one server, but from each other by two (E added, A removed). C2’s majority {B, C} and C1’s majority {A, D, E} share no server. D’s log is empty, so it votes for a candidate holding C1.',
        },
      },
    },
    {
      at: 690,
      caption: {
        ko: 'B는 C2를 B와 C로 커밋했습니다. 그사이 E가 E, A, D의 표로 임기 4의 리더가 되었습니다: C1의 다섯 중 셋입니다. 커밋된 1번(C2)이 E의 로그에 없으므로 검사기가 리더 Completeness 위반을 보고합니다.',
        en: 'B committed C2 with B and C. Meanwhile E won term 4 with E, A and D: three of C1’s five. The committed entry 1 (C2) is not in E’s log: the checker reports Leader Completeness broken.',
      },
      watch: { ko: '위반 목록', en: 'the list of violations' },
      focus: { nodes: ['B', 'E'], indexes: [1] },
    },
    {
      at: 1280,
      caption: {
        ko: '1200ms에 분할이 풀리자 E의 AppendEntries가 B와 C에서 커밋된 C2를 C1로 덮어썼습니다. 검사기가 State Machine Safety 위반을 보고합니다.',
        en: 'The partition healed at 1200 ms, and E’s AppendEntries replaced the committed C2 with C1 on B and C. The checker reports State Machine Safety broken.',
      },
      watch: { ko: '위반 목록', en: 'the list of violations' },
      focus: { nodes: ['B', 'C'], indexes: [1] },
      question: {
        prompt: {
          ko: '어떤 규칙이 이것을 막을까요?',
          en: 'Which rule prevents this?',
        },
        choices: [
          {
            ko: '리더는 자기 임기의 엔트리를 커밋한 뒤에만 구성을 바꾼다',
            en: 'A leader changes the configuration only after committing an entry of its own term',
          },
          { ko: '한 번에 한 서버만 바꾼다', en: 'Only one server changes at a time' },
          { ko: '새 서버는 먼저 따라잡아야 한다', en: 'A new server must catch up first' },
        ],
        answer: 0,
        reveal: {
          ko: '2015년의 수정: 스위치가 꺼져 있으면 B는 변경을 거절합니다(임기-not-커밋). leaderNoop을 켜면 B의 임기 2 no-op이 C0의 과반수(B, C, D)에서 먼저 커밋되고, 로그가 임기 2로 끝나는 D는 C1을 가진 후보에게 투표하지 않습니다. 다른 두 규칙은 이미 지켜졌습니다.',
          en: 'The 2015 correction. With the switch off, B refuses the change (term-not-committed). With leaderNoop on, B’s term-2 no-op first commits on a majority of C0 (B, C, D); D’s log then ends in term 2, and D refuses to vote for a candidate holding C1. The other two rules were already kept.',
        },
      },
    },
  ],
};
