import type { Lesson } from '../narration';

// With every election timeout drawn from 150–152 ms, all five nodes time out within the network
// latency of each other, every one votes for itself, and no term ever gets a leader.
export const narrowTimeouts: Lesson = {
  id: 'narrow-timeouts',
  section: '3.1',
  title: { ko: '타임아웃이 비슷하면 선거가 끝나지 않는다', en: 'When timeouts are nearly equal, elections never end' },
  summary: {
    ko: '선거 타임아웃 범위를 150~152ms로 좁히면 모든 노드가 거의 동시에 후보가 됩니다. 모두 자신에게만 투표하므로 표 갈림가 끝없이 반복됩니다.',
    en: 'With the election timeout narrowed to 150–152 ms every node becomes a candidate at almost the same moment. Each votes only for itself, so split votes repeat without end.',
  },
  scenario: { version: 1, seed: 1, nodes: 5, timing: { electionTimeout: [150, 152] } },
  beats: [
    {
      at: 160,
      caption: {
        ko: '다섯 노드의 타이머가 2ms 안에 모두 끝났습니다. 모두 임기 1의 후보가 되어 자신에게 투표했습니다. RequestVote가 도착했을 때는 이미 모두 투표를 마친 뒤입니다.',
        en: 'All five timers ran out within 2 ms. Every node is a term-1 candidate that voted for itself; by the time a RequestVote arrives, everyone has already voted.',
      },
      question: {
        prompt: {
          ko: '이 설정으로 2초를 기다리면 리더가 뽑힐까요?',
          en: 'Will a leader be elected if we wait two seconds?',
        },
        choices: [
          { ko: '예, 곧 뽑힌다', en: 'Yes, soon' },
          { ko: '아니요, 선거가 계속 반복된다', en: 'No, elections keep repeating' },
        ],
        answer: 1,
        reveal: {
          ko: '다음 타이머도 150~152ms에서 뽑히므로 다시 모두 함께 후보가 됩니다. 누구도 먼저 나서지 못합니다.',
          en: 'The next timeouts come from 150–152 ms again, so everyone becomes a candidate together again. Nobody gets ahead.',
        },
      },
    },
    {
      at: 2000,
      caption: {
        ko: '2초가 지났지만 리더가 없고 임기만 10을 넘었습니다. 150~300ms처럼 넓은 범위에서 랜덤하게 뽑아야 한 노드가 먼저 나서서 이길 수 있습니다.',
        en: 'Two seconds later there is still no leader and the term is past 10. Only a wide random range such as 150–300 ms lets one node get ahead and win.',
      },
      watch: { ko: '계속 올라가는 임기', en: 'the term, still climbing' },
    },
  ],
};
