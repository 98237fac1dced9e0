import type { Lesson } from '../narration';

// Seed 1: B leads; B crashes at 500 ms and A leads term 2 with C. B returns, then A is cut off alone.
export const quorumThree: Lesson = {
  id: 'quorum-three',
  section: '5',
  title: { ko: '3대 클러스터의 쿼럼', en: 'Quorum in a three-node cluster' },
  summary: {
    ko: '3대 클러스터의 과반수는 2대입니다. 한 대가 죽어도 남은 두 대가 리더를 뽑고 커밋할 수 있습니다. 네트워크가 어떻게 나뉘어도 한쪽은 반드시 2대를 가집니다.',
    en: 'A majority of three is two. With one node down the other two still elect and commit, and however the network splits, one side always has two nodes.',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    actions: [
      { at: 500, do: 'kill', node: 'B' },
      { at: 1000, do: 'submit', command: 'set x 1' },
      { at: 1500, do: 'restart', node: 'B' },
      { at: 2000, do: 'partition', groups: [['A'], ['B', 'C']] },
      { at: 2600, do: 'submit', command: 'set y 2' },
    ],
  },
  beats: [
    {
      at: 400,
      caption: { ko: 'B가 임기 1의 리더입니다. 500ms에 B가 죽습니다.', en: 'B leads term 1. At 500 ms B crashes.' },
      focus: { nodes: ['B'] },
    },
    {
      at: 1100,
      caption: {
        ko: 'A와 C 두 대만 남았지만 2대는 3대의 과반수입니다. A가 임기 2의 리더가 되었고 "set x 1"을 C와 함께 커밋했습니다.',
        en: 'Only A and C are left, but two is a majority of three. A leads term 2 and committed "set x 1" together with C.',
      },
      focus: { nodes: ['A', 'C'], indexes: [1] },
    },
    {
      at: 2000,
      caption: {
        ko: 'B가 복구되어 로그를 따라잡았습니다. 이제 네트워크를 A | B C로 나눕니다. 3대는 똑같이 반으로 나눌 수 없습니다.',
        en: 'B came back and caught up. Now the network splits into A | B C. Three nodes cannot split evenly.',
      },
      question: {
        prompt: { ko: '어느 쪽이 새 명령을 커밋할 수 있을까요?', en: 'Which side can commit new commands?' },
        choices: [
          { ko: 'A 혼자 있는 쪽', en: 'A, on its own' },
          { ko: 'B와 C가 있는 쪽', en: 'The side with B and C' },
          { ko: '어느 쪽도 못 한다', en: 'Neither' },
        ],
        answer: 1,
        reveal: {
          ko: 'B와 C는 2대로 과반수입니다. 새 리더를 뽑고 커밋할 수 있습니다. A는 아직 자신이 리더라고 믿지만 혼자서는 커밋할 수 없습니다.',
          en: 'B and C are two, a majority: they elect a leader and commit. A still believes it leads, but alone it commits nothing.',
        },
      },
    },
    {
      at: 3300,
      caption: {
        ko: 'B가 임기 3의 리더가 되어 "set y 2"를 C와 함께 커밋했습니다. A도 이 명령을 받아 로그에 넣었지만 A의 로그에서는 커밋되지 못한 채 남아 있습니다.',
        en: 'B leads term 3 and committed "set y 2" with C. A had also appended that command, but in its log it stays uncommitted.',
      },
      focus: { nodes: ['A', 'B'], indexes: [2] },
    },
  ],
};
