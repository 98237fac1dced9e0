import type { Lesson } from '../narration';

// Seed 4, four nodes: A and C are forced to time out together; B votes for A and D for C (2–2),
// and A's next random timeout runs out first, so A wins term 2.
export const splitVote: Lesson = {
  id: 'split-vote',
  section: '3.1',
  title: { ko: '표 갈림 (Split Vote): 표가 갈리면', en: 'A split vote' },
  summary: {
    ko: '두 노드가 동시에 후보가 되면 표가 갈려 아무도 과반수를 얻지 못할 수 있습니다. 다음 선거의 타이머가 다시 랜덤하게 뽑히기 때문에 곧 한 노드가 먼저 나서서 이깁니다.',
    en: 'When two nodes become candidates at the same moment the votes can split so that nobody has a majority. The next timeouts are drawn at random again, so soon one node goes first and wins.',
  },
  scenario: {
    version: 1,
    seed: 4,
    nodes: 4,
    actions: [
      { at: 100, do: 'timeout', node: 'A' },
      { at: 100, do: 'timeout', node: 'C' },
    ],
  },
  beats: [
    {
      at: 100,
      caption: {
        ko: 'A와 C의 타이머를 같은 순간에 강제로 끝냈습니다. 둘 다 임기 1의 후보가 되어 자신에게 투표하고 RequestVote를 보냅니다.',
        en: "We forced A's and C's timers to run out at the same instant. Both are candidates in term 1; each voted for itself and asks for votes.",
      },
      focus: { nodes: ['A', 'C'] },
      question: {
        prompt: {
          ko: '네 노드 클러스터에서 임기 1의 리더는 누가 될까요?',
          en: 'In this four-node cluster, who will lead term 1?',
        },
        choices: [
          { ko: 'A', en: 'A' },
          { ko: 'C', en: 'C' },
          { ko: '아무도 되지 못한다', en: 'Nobody' },
        ],
        answer: 2,
        reveal: {
          ko: 'B는 A에게, D는 C에게 먼저 표를 주었습니다. 2대 2로 갈려 누구도 과반수(3표)를 얻지 못했습니다.',
          en: 'B voted for A and D for C, whichever asked first. Two votes each: nobody reached the majority of three.',
        },
      },
    },
    {
      at: 150,
      caption: {
        ko: '표가 2대 2로 갈렸습니다. 이미 투표한 노드는 같은 임기에서 다른 후보를 거부합니다. 임기 1에는 리더가 없습니다.',
        en: 'The vote split two to two. A node that has voted refuses every other candidate of the same term. Term 1 has no leader.',
      },
      watch: { ko: 'A와 C가 받은 표의 수', en: 'how many votes A and C hold' },
      focus: { nodes: ['A', 'C'] },
    },
    {
      at: 330,
      caption: {
        ko: '후보들의 타이머가 다시 랜덤하게 뽑혔고 A의 타이머가 먼저 끝났습니다. A는 임기 2에서 먼저 표를 요청해 과반수를 얻고 리더가 되었습니다. 타임아웃을 랜덤하게 하는 이유가 바로 이것입니다.',
        en: "The candidates drew new random timeouts and A's ran out first. A asked first in term 2, won a majority and leads. That is why timeouts are random.",
      },
      focus: { nodes: ['A'] },
    },
  ],
};
