import type { Lesson } from '../narration';
import type { ScenarioInput } from '../schema';

/**
 * Paper §6 and Figure 11: B leads {A,B,C}; D, E and F are spare servers. At 400 ms one request
 * replaces all three: add D, E, F and remove A, B, C, in joint mode. The unsafe lesson after this
 * one makes the same change directly.
 */
export const REPLACE_ALL_THREE: ScenarioInput = {
  version: 1,
  seed: 1,
  nodes: 6,
  members: ['A', 'B', 'C'],
  options: { leaderNoop: true, membership: 'joint' },
  actions: [
    { at: 300, do: 'submit', command: 'set x 1' },
    { at: 400, do: 'change', add: ['D', 'E', 'F'], remove: ['A', 'B', 'C'] },
  ],
};

// D and E crash just after C_old,new is appended, so four of six servers hold it and it still
// does not commit: {D,E,F} has no majority until D comes back.
export const membershipJoint: Lesson = {
  id: 'membership-joint',
  section: '9',
  title: {
    ko: '공동 합의: 세 서버를 한 번에 바꾸기 (Figure 11)',
    en: 'Joint consensus: replacing three servers at once (Figure 11)',
  },
  summary: {
    ko: '여러 서버를 한 번에 바꿀 때 Raft는 먼저 C_old,new라는 중간 구성을 거칩니다. 그동안 커밋과 선거에는 옛 구성과 새 구성 각각의 과반수가 필요합니다. C_old,new가 커밋되면 리더는 C_new를 추가합니다 (논문 §6, Figure 11).',
    en: 'To change several servers at once, Raft passes through a joint configuration, C_old,new. While it is in force, commitment and elections need a majority of the old set and a majority of the new set. Once C_old,new commits, the leader appends C_new (paper §6, Figure 11).',
  },
  scenario: {
    ...REPLACE_ALL_THREE,
    actions: [
      ...REPLACE_ALL_THREE.actions!,
      { at: 520, do: 'kill', node: 'D' },
      { at: 520, do: 'kill', node: 'E' },
      { at: 800, do: 'restart', node: 'D' },
    ],
  },
  beats: [
    {
      at: 400,
      caption: {
        ko: 'B가 {A, B, C}의 리더이고 x = 1이 커밋되었습니다. D, E, F는 로그가 빈 예비 서버입니다. 400ms에 관리자가 셋을 모두 바꾸라고 요청합니다: D, E, F 추가, A, B, C 제거. membership은 "joint"입니다.',
        en: 'B leads {A, B, C}, and x = 1 is committed. D, E and F are spare servers with empty logs. At 400 ms the administrator asks to replace all three: add D, E and F, remove A, B and C. membership is "joint".',
      },
      focus: { nodes: ['B', 'D', 'E', 'F'] },
    },
    {
      at: 512,
      caption: {
        ko: '먼저 D, E, F가 학습자로 로그를 따라잡습니다(학위논문 §4.2.1). B의 과반수는 아직 {A, B, C}의 것입니다. F와 E는 따라잡았고 D가 곧 따라잡습니다.',
        en: 'First D, E and F catch up as learners (dissertation §4.2.1); B’s majority is still that of {A, B, C}. F and E have caught up; D is about to.',
      },
      watch: { ko: '학습자로 표시된 D, E, F', en: 'D, E and F, marked learner' },
      focus: { nodes: ['D', 'E', 'F'] },
    },
    {
      at: 518,
      caption: {
        ko: '셋 모두 따라잡자 B가 3번에 C_old,new = {A, B, C} + {D, E, F}를 추가하고 곧바로 씁니다. 이제 모든 커밋과 선거에는 {A, B, C}의 과반수와 {D, E, F}의 과반수가 모두 필요합니다. 520ms에 D와 E가 멈춥니다.',
        en: 'All three caught up: B appended C_old,new = {A, B, C} + {D, E, F} at index 3 and uses it at once. From now on every commit and every election needs a majority of {A, B, C} and a majority of {D, E, F}. At 520 ms D and E crash.',
      },
      focus: { nodes: ['B'], indexes: [3] },
      question: {
        prompt: {
          ko: '3번은 A, C, F에 도착합니다. B까지 여섯 중 넷이 갖게 됩니다. 커밋될까요?',
          en: 'Entry 3 will reach A, C and F: with B, four of the six servers will hold it. Does it commit?',
        },
        choices: [
          { ko: '예: 여섯 중 넷은 과반수다', en: 'Yes: four of six is a majority' },
          { ko: '아니요: {D, E, F} 중에는 F 하나뿐이다', en: 'No: of {D, E, F} only F holds it' },
        ],
        answer: 1,
        reveal: {
          ko: 'C_old,new에서는 두 집합이 따로 과반수를 이뤄야 합니다. {A, B, C}는 셋 다 갖고 있지만 {D, E, F}는 셋 중 하나뿐이라 커밋되지 않습니다.',
          en: 'In C_old,new each set needs its own majority. All of {A, B, C} hold it, but only one of {D, E, F} does, so it does not commit.',
        },
      },
    },
    {
      at: 790,
      caption: {
        ko: '여섯 중 넷이 C_old,new를 가졌지만 B의 commitIndex는 2에 머뭅니다: {A, B, C}는 과반수를 이뤘고 {D, E, F}는 아닙니다. 800ms에 D가 다시 켜집니다.',
        en: 'Four of six servers hold C_old,new, yet B’s commitIndex stays at 2: {A, B, C} has its majority, {D, E, F} does not. D restarts at 800 ms.',
      },
      watch: { ko: 'B의 commitIndex', en: "B's commitIndex" },
      focus: { nodes: ['B', 'F'], indexes: [3] },
    },
    {
      at: 875,
      caption: {
        ko: 'D가 돌아와 3번을 받자 두 과반수가 생겨 C_old,new가 커밋되었고, B는 곧바로 C_new = {D, E, F}를 4번에 추가했습니다. B는 C_new에 없습니다: 계속 이끌지만 D, E, F만 셉니다.',
        en: 'D came back and received entry 3: both majorities hold it and C_old,new committed. B at once appended C_new = {D, E, F} at index 4. B is not in C_new: it goes on leading, but counts only D, E and F.',
      },
      focus: { nodes: ['B', 'D'], indexes: [3, 4] },
    },
    {
      at: 1200,
      caption: {
        ko: 'C_new가 D와 F로 커밋되자 B는 §6대로 리더에서 물러났습니다. F가 D의 표로 임기 2의 리더가 되었습니다({D, E, F} 중 둘). A, B, C는 빠졌습니다: 선거 타이머는 여전히 만료되지만 어느 구성에도 없는 서버는 선거를 시작하지 않습니다. 이제 꺼도 됩니다.',
        en: 'C_new committed with D and F, and B stepped down as §6 says. F won term 2 with D’s vote (two of {D, E, F}). A, B and C are out: their election timers still run out, but a server in no configuration never campaigns. They can be shut down.',
      },
      focus: { nodes: ['F', 'A', 'B', 'C'] },
    },
  ],
};
