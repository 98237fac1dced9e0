import type { Lesson } from '../narration';
import { REPLACE_ALL_THREE } from './membership-joint';

// Paper §6 and Figure 10: the change of the previous lesson made directly, C_old → C_new, with
// unsafe.directMembershipChange. A partition keeps C_new from A and C; a majority of C_old ({A,C})
// and a majority of C_new ({D,E,F}) then elect two leaders in term 2.
export const membershipDirectUnsafe: Lesson = {
  id: 'membership-direct-unsafe',
  section: '9',
  title: {
    ko: '공동 합의 없이 바로 바꾸면: 한 임기에 두 리더 (Figure 10)',
    en: 'The same change made directly: two leaders in one term (Figure 10)',
  },
  summary: {
    ko: '위험한 스위치 directMembershipChange를 켜고 같은 변경을 C_old에서 C_new로 곧바로 합니다. 새 구성을 받은 서버와 못 받은 서버가 각자의 과반수로 같은 임기에 리더를 하나씩 뽑고, 검사기가 Election Safety 위반을 보고합니다.',
    en: 'With the unsafe switch directMembershipChange, the same change goes straight from C_old to C_new. Servers that have the new configuration and servers that do not each elect a leader, in the same term, with their own majority; the checker reports Election Safety broken.',
  },
  scenario: {
    ...REPLACE_ALL_THREE,
    unsafe: { directMembershipChange: true },
    actions: [
      ...REPLACE_ALL_THREE.actions!,
      {
        at: 505,
        do: 'partition',
        groups: [
          ['A', 'C'],
          ['B', 'D', 'E', 'F'],
        ],
      },
      { at: 700, do: 'timeout', node: 'A' },
    ],
  },
  beats: [
    {
      at: 505,
      caption: {
        ko: '앞 수업과 같은 변경이지만 위험한 스위치 directMembershipChange가 켜져 있습니다: B는 C_old,new 없이 {A, B, C}에서 {D, E, F}로 곧바로 넘어갑니다. D, E, F는 학습자로 따라잡는 중이고, 505ms에 분할이 A와 C를 나머지와 떼어놓습니다.',
        en: 'The change of the previous lesson, with the unsafe switch directMembershipChange on: B will go straight from {A, B, C} to {D, E, F}, without C_old,new. D, E and F are catching up as learners, and at 505 ms a partition cuts A and C off from the others.',
      },
      focus: { nodes: ['A', 'C'] },
      question: {
        prompt: {
          ko: 'A와 C는 C_new를 받지 못합니다. 한 임기에 리더 둘이 뽑힐 수 있을까요?',
          en: 'A and C will never receive C_new. Can two leaders be elected in one term?',
        },
        choices: [
          {
            ko: '아니요: 구성이 어떻든 Election Safety는 지켜진다',
            en: 'No: Election Safety holds whatever the configuration',
          },
          {
            ko: '예: A와 C는 C_old의 과반수이고, D, E, F는 C_new의 과반수다',
            en: 'Yes: A and C are a majority of C_old; D, E and F a majority of C_new',
          },
        ],
        answer: 1,
        reveal: {
          ko: '각 서버는 자기 로그의 구성으로 과반수를 셉니다. {A, C}와 {D, E, F}는 겹치는 서버가 없어서, 같은 임기에 한 서버가 두 번 투표할 일 없이 두 선거가 모두 이길 수 있습니다.',
          en: 'Each server counts majorities with the configuration in its own log. {A, C} and {D, E, F} share no server, so both elections can win in the same term without anyone voting twice.',
        },
      },
    },
    {
      at: 545,
      caption: {
        ko: 'B는 C_new = {D, E, F}를 곧바로 3번에 추가했고 D, E, F 중 둘로 커밋했습니다. B는 C_new에 없으므로 물러났습니다. A와 C는 이것을 받지 못해 여전히 {A, B, C}를 씁니다.',
        en: 'B appended C_new = {D, E, F} directly at index 3 and committed it with two of D, E and F; not in C_new, B stepped down. A and C never received it: they still use {A, B, C}.',
      },
      focus: { nodes: ['A', 'C', 'D', 'E', 'F'], indexes: [3] },
    },
    {
      at: 735,
      caption: {
        ko: '700ms에 A의 타이머가 만료되었고, A는 C의 표로 임기 2의 리더가 되었습니다: A가 아는 구성 {A, B, C}의 과반수입니다. 3번은 커밋되었는데 A의 로그에는 없으므로, 검사기가 리더 Completeness 위반을 보고합니다.',
        en: 'At 700 ms A’s timer ran out, and A won term 2 with C’s vote: a majority of {A, B, C}, the configuration A knows. Entry 3 is committed and A’s log lacks it: the checker reports Leader Completeness broken.',
      },
      watch: { ko: '위반 목록', en: 'the list of violations' },
      focus: { nodes: ['A', 'C'] },
    },
    {
      at: 800,
      caption: {
        ko: 'F도 D의 표로 임기 2의 리더가 되었습니다: {D, E, F} 중 둘, 과반수입니다. 한 임기에 리더가 둘, 검사기가 Election Safety 위반을 보고합니다(Figure 10). A는 3번에 자기 no-op을 커밋하고 적용해서 State Machine Safety도 깨졌습니다. 공동 합의였다면 B는 A나 C 없이 C_old,new를 커밋할 수 없고, 그쪽의 어느 후보에게도 {A, B, C}의 과반수가 필요했으므로 임기 2의 리더는 A 하나뿐이었습니다.',
        en: 'F won term 2 too, with D’s vote: two of {D, E, F}, a majority. Two leaders in one term: the checker reports Election Safety broken (Figure 10). A committed and applied its no-op at index 3, so State Machine Safety broke as well. With joint consensus, B could not have committed C_old,new without A or C, and any candidate on its side would have needed a majority of {A, B, C} too: A would have been the only leader of term 2.',
      },
      watch: { ko: '위반 목록', en: 'the list of violations' },
      focus: { nodes: ['A', 'F'], indexes: [3] },
    },
  ],
};
