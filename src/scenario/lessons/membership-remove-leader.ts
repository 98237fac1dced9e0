import type { Lesson } from '../narration';

// Paper §6: "the leader ... manages a cluster that does not include itself ... it replicates log
// entries but does not count itself in majorities", and steps down once C_new is committed. C is
// down while B removes itself, so the window stays open until C returns.
export const membershipRemoveLeader: Lesson = {
  id: 'membership-remove-leader',
  section: '9',
  title: {
    ko: '리더 자신을 제거하기',
    en: 'Removing the leader',
  },
  summary: {
    ko: '리더가 자기를 빼는 변경을 받으면, C_new가 커밋될 때까지 계속 이끌되 과반수에 자기를 세지 않습니다. C_new가 커밋되면 물러나고, 남은 서버들이 새 리더를 뽑습니다 (논문 §6, 학위논문 §4.2.2).',
    en: 'A leader asked to remove itself goes on leading until C_new is committed, but no longer counts itself in majorities. Once C_new commits it steps down and the remaining servers elect a new leader (paper §6, dissertation §4.2.2).',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    options: { leaderNoop: true },
    actions: [
      { at: 300, do: 'submit', command: 'set x 1' },
      { at: 380, do: 'kill', node: 'C' },
      { at: 400, do: 'change', remove: ['B'] },
      { at: 500, do: 'submit', command: 'set y 2' },
      { at: 700, do: 'restart', node: 'C' },
    ],
  },
  beats: [
    {
      at: 390,
      caption: {
        ko: 'B가 {A, B, C}의 리더이고 x = 1이 커밋되었습니다. 380ms에 C가 멈췄습니다. 400ms에 관리자가 B, 곧 리더 자신의 제거를 요청합니다.',
        en: 'B leads {A, B, C}, and x = 1 is committed. C crashed at 380 ms. At 400 ms the administrator asks to remove B: the leader itself.',
      },
      focus: { nodes: ['B', 'C'] },
    },
    {
      at: 440,
      caption: {
        ko: 'B가 C_new = {A, C}를 3번에 추가하고 곧바로 씁니다. B는 그 안에 없습니다. B는 계속 리더로서 AppendEntries와 하트비트를 보내지만 더 이상 자기를 세지 않습니다. A는 3번을 받았습니다.',
        en: 'B appended C_new = {A, C} at index 3 and uses it at once; B is not in it. B goes on leading, sending AppendEntries and heartbeats, but no longer counts itself. A has entry 3.',
      },
      focus: { nodes: ['A', 'B'], indexes: [3] },
      question: {
        prompt: {
          ko: 'B와 A가 C_new를 가졌습니다: 세 서버 중 둘입니다. 3번은 커밋되었을까요?',
          en: 'B and A hold C_new: two of the three servers. Is entry 3 committed?',
        },
        choices: [
          { ko: '예: 셋 중 둘은 과반수다', en: 'Yes: two of three is a majority' },
          {
            ko: '아니요: C_new = {A, C}에서 B는 세지 않으니 A와 C가 모두 필요하다',
            en: 'No: B does not count in C_new = {A, C}; it needs both A and C',
          },
        ],
        answer: 1,
        reveal: {
          ko: 'B는 로그의 최신 구성 C_new로 과반수를 셉니다. {A, C}의 과반수는 둘 다이고, C가 멈춰 있는 동안에는 커밋되지 않습니다.',
          en: 'B counts majorities in the latest configuration of its log, C_new. A majority of {A, C} is both of them, and while C is down nothing commits.',
        },
      },
    },
    {
      at: 690,
      caption: {
        ko: '아직 커밋되지 않았고, 그사이 B가 받은 "set y 2"(4번)도 마찬가지입니다. B는 자기가 속하지 않은 클러스터를 이끌고, 그 클러스터의 과반수에는 C가 필요합니다. 700ms에 C가 다시 켜집니다.',
        en: 'Still not committed, and neither is "set y 2" (index 4), which B accepted meanwhile: B leads a cluster it is not part of, whose majority needs C. C restarts at 700 ms.',
      },
      watch: { ko: 'B의 commitIndex', en: "B's commitIndex" },
      focus: { nodes: ['B'], indexes: [3, 4] },
    },
    {
      at: 770,
      caption: {
        ko: 'C가 돌아와 3–4번을 받자 B가 A와 C를 세어 커밋했습니다. C_new가 커밋되었으므로 거기에 없는 B는 리더에서 물러났습니다(§6).',
        en: 'C came back and received entries 3–4, and B committed them counting A and C. C_new is committed, so B, which is not in it, stepped down (§6).',
      },
      focus: { nodes: ['B', 'C'], indexes: [3, 4] },
    },
    {
      at: 1300,
      caption: {
        ko: 'C가 A의 표로 임기 2의 리더가 되었습니다({A, C} 둘 다). B의 선거 타이머는 계속 만료되지만 B는 선거를 시작하지 않습니다: 자신이 제거된 것이 커밋된 것을 알기 때문입니다.',
        en: "C won term 2 with A's vote (both of {A, C}). B's election timer keeps running out, but B never campaigns: it knows its removal is committed.",
      },
      focus: { nodes: ['B', 'C'] },
    },
  ],
};
