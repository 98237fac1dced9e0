import type { Lesson } from '../narration';
import { ISOLATED_E } from './isolated-term';

export const preVote: Lesson = {
  id: 'prevote',
  section: '6.3',
  title: { ko: '사전 투표를 켜면: E는 클러스터를 흔들지 못한다', en: 'With preVote on, E cannot disrupt the cluster' },
  summary: {
    ko: '같은 상황에서 사전 투표를 켭니다. E는 임기를 올리기 전에 "이길 수 있을까?"를 먼저 묻고, 아무도 답하지 않으니 임기를 올리지 않습니다. 돌아와도 리더는 그대로입니다.',
    en: 'The same run with preVote on. Before raising its term, E first asks "could I win?"; nobody answers, so its term stays put, and when it returns the leader keeps leading.',
  },
  scenario: { ...ISOLATED_E, options: { preVote: true } },
  beats: [
    {
      at: 700,
      caption: {
        ko: 'B가 리더이고 E가 고립되었습니다. 이번에는 사전 투표가 켜져 있습니다.',
        en: 'B leads and E has been cut off. This time preVote is on.',
      },
      focus: { nodes: ['E'] },
      question: {
        prompt: { ko: '2초 뒤 E의 임기는 얼마일까요?', en: "What will E's term be two seconds later?" },
        choices: [
          { ko: '그대로 1', en: 'Still 1' },
          { ko: '10 가까이', en: 'Around 10' },
        ],
        answer: 0,
        reveal: {
          ko: '사전 투표 단계에서 과반수의 동의를 얻어야만 임기를 올립니다. 고립된 E는 동의를 받지 못하니 임기도 그대로입니다.',
          en: 'A node raises its term only after a majority agrees in the pre-vote. Isolated E gets no agreement, so its term stays.',
        },
      },
    },
    {
      at: 2400,
      caption: {
        ko: 'E는 사전 투표만 반복할 뿐 임기는 1 그대로입니다. 로그는 여전히 뒤처져 있습니다.',
        en: 'E keeps running pre-votes, but its term is still 1. Its log is still behind.',
      },
      focus: { nodes: ['E'] },
    },
    {
      at: 2600,
      caption: {
        ko: 'E가 돌아왔지만 B는 계속 임기 1의 리더입니다. E는 B의 하트비트를 받고 "set y 2"를 복제받았고, 다른 노드들은 리더가 살아 있으니 E의 사전 투표를 거부했습니다.',
        en: 'E is back and B still leads term 1. E got B\'s heartbeat and the missing "set y 2"; the others refused E\'s pre-vote because their leader is alive.',
      },
      focus: { nodes: ['B', 'E'], indexes: [2] },
    },
  ],
};
