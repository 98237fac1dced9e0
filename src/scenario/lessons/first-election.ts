import type { Lesson } from '../narration';

// Seed 1: B's randomized timer runs out first (≈150 ms) and B wins term 1 with every vote.
export const firstElection: Lesson = {
  id: 'first-election',
  section: '2–3.2',
  title: { ko: '첫 번째 리더 선출', en: 'The first election' },
  summary: {
    ko: '모든 노드가 팔로워로 시작합니다. 선거 타임아웃이 가장 먼저 끝난 노드가 임기를 높이고 후보가 되어 RequestVote를 보내고, 과반수의 표를 얻어 리더가 됩니다.',
    en: 'Every node starts as a follower. The node whose election timeout runs out first raises its term, becomes a candidate, sends RequestVote, and leads once a majority votes for it.',
  },
  scenario: { version: 1, seed: 1, nodes: 5 },
  beats: [
    {
      at: 0,
      caption: {
        ko: '다섯 노드 모두 임기 0의 팔로워입니다. 아직 리더가 없으니 하트비트도 없습니다. 노드마다 150~300ms 사이의 랜덤한 선거 타임아웃이 돌고 있습니다.',
        en: 'All five nodes are followers in term 0. There is no leader yet, so no heartbeats. Each node runs a random election timeout between 150 and 300 ms.',
      },
      watch: {
        ko: '각 노드의 타이머 호: 남은 시간이 짧을수록 호가 짧습니다',
        en: 'the timer arc around each node: the less time left, the shorter the arc',
      },
      question: {
        prompt: { ko: '어느 노드가 가장 먼저 후보가 될까요?', en: 'Which node will become a candidate first?' },
        choices: [
          { ko: 'A', en: 'A' },
          { ko: 'B', en: 'B' },
          { ko: 'C', en: 'C' },
          { ko: 'D', en: 'D' },
          { ko: 'E', en: 'E' },
          { ko: '다섯 노드가 동시에', en: 'All five at once' },
        ],
        answer: 1,
        reveal: {
          ko: 'B의 타이머가 가장 짧게 뽑혔습니다. 타이머가 가장 먼저 끝난 노드가 먼저 선거를 시작합니다.',
          en: "B drew the shortest timeout. Whoever's timer runs out first starts the first election.",
        },
      },
    },
    {
      at: 155,
      caption: {
        ko: 'B의 타이머가 끝났습니다. B는 임기를 1로 올리고 후보가 되어 자신에게 투표한 뒤, 나머지 노드에게 RequestVote를 보냅니다.',
        en: "B's timer ran out. B raised its term to 1, became a candidate, voted for itself and sent RequestVote to the others.",
      },
      watch: { ko: 'B에서 나가는 RequestVote 메시지', en: 'the RequestVote messages leaving B' },
      focus: { nodes: ['B'] },
    },
    {
      at: 175,
      caption: {
        ko: '요청을 받은 팔로워들은 임기 1에서 아직 아무에게도 투표하지 않았으므로 B에게 표를 줍니다. 한 임기에 한 표만 줄 수 있습니다.',
        en: 'The followers have not voted in term 1 yet, so each grants its vote to B. A node votes at most once per term.',
      },
      watch: { ko: '각 노드의 votedFor', en: "each node's votedFor" },
    },
    {
      at: 250,
      caption: {
        ko: '과반수(5대 중 3표 이상)를 얻은 B가 임기 1의 리더가 되었습니다. B는 곧바로 하트비트(빈 AppendEntries)를 보내 자신이 리더임을 알립니다.',
        en: 'With a majority (at least 3 of 5 votes) B is the leader of term 1. It sends heartbeats (empty AppendEntries) at once to assert its leadership.',
      },
      watch: { ko: 'B에서 주기적으로 나가는 하트비트', en: 'the periodic heartbeats from B' },
      focus: { nodes: ['B'] },
    },
  ],
};
