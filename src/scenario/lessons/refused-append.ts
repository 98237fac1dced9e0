import type { Lesson } from '../narration';

// A and B hold entries 1–3 (terms 1 1 2); C missed entries 2–3. A is made to time out at 10 ms,
// before anyone else's timer, so A leads term 3 and must repair C's log.
export const refusedAppend: Lesson = {
  id: 'refused-append',
  section: '7.1',
  title: { ko: 'Consistency Check: 거부된 AppendEntries', en: 'The consistency check: a refused AppendEntries' },
  summary: {
    ko: '리더는 AppendEntries에 바로 앞 엔트리의 prevLogIndex와 prevLogTerm을 함께 보냅니다. 팔로워의 로그에 그 엔트리가 없으면 요청을 거부하고, 리더는 더 앞에서부터 다시 보냅니다.',
    en: 'With every AppendEntries the leader sends prevLogIndex and prevLogTerm, the entry just before the new ones. A follower whose log lacks that entry refuses, and the leader retries from further back.',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    initial: {
      A: {
        term: 2,
        log: [
          { term: 1, command: 'set x 1' },
          { term: 1, command: 'set x 2' },
          { term: 2, command: 'set x 3' },
        ],
      },
      B: {
        term: 2,
        log: [
          { term: 1, command: 'set x 1' },
          { term: 1, command: 'set x 2' },
          { term: 2, command: 'set x 3' },
        ],
      },
      C: { term: 1, log: [{ term: 1, command: 'set x 1' }] },
    },
    actions: [{ at: 10, do: 'timeout', node: 'A' }],
  },
  beats: [
    {
      at: 5,
      caption: {
        ko: 'A와 B의 로그는 3번까지 있고, C는 1번만 가지고 있습니다(C는 2번과 3번을 놓쳤습니다). 10ms에 A의 타이머가 먼저 끝납니다.',
        en: "A and B hold entries 1 to 3; C holds only entry 1 (it missed 2 and 3). At 10 ms A's timer runs out first.",
      },
      focus: { nodes: ['C'], indexes: [2, 3] },
    },
    {
      at: 45,
      caption: {
        ko: 'A가 임기 3의 리더가 되어 AppendEntries를 보냅니다. A의 마지막 엔트리가 3번이므로 prevLogIndex = 3, prevLogTerm = 2입니다.',
        en: 'A leads term 3 and sends AppendEntries. Its last entry is index 3, so prevLogIndex = 3 and prevLogTerm = 2.',
      },
      focus: { nodes: ['A', 'C'], indexes: [3] },
      question: {
        prompt: {
          ko: 'C는 prevLogIndex 3, prevLogTerm 2인 AppendEntries를 받으면 어떻게 할까요?',
          en: 'What does C do with an AppendEntries whose prevLogIndex is 3 and prevLogTerm 2?',
        },
        choices: [
          { ko: '받아들이고 빈 칸은 나중에 채운다', en: 'Accept it and fill the gap later' },
          { ko: '거부한다: 3번 엔트리가 없다', en: 'Refuse it: it has no entry 3' },
          { ko: '후보가 된다', en: 'Become a candidate' },
        ],
        answer: 1,
        reveal: {
          ko: 'C의 로그에는 3번 엔트리가 없으므로 일치 여부를 확인할 수 없습니다. 로그에 구멍이 생기지 않도록 거부합니다.',
          en: 'C has no entry 3, so it cannot confirm the logs match there. It refuses, so its log never has a hole.',
        },
      },
    },
    {
      at: 60,
      caption: {
        ko: 'C가 AppendEntries를 거부했습니다. 이 거부는 실패가 아니라 "더 앞에서부터 보내 달라"는 신호입니다.',
        en: 'C refused the AppendEntries. The refusal is not an error but a request: "start further back".',
      },
      watch: { ko: 'C의 거부 응답', en: "C's refusal" },
      focus: { nodes: ['C'] },
    },
    {
      at: 110,
      caption: {
        ko: 'A는 C의 nextIndex를 줄여 가며 다시 보냈고, prevLogIndex 1에서 로그가 일치했습니다. C는 2번과 3번을 받아 이제 A와 같은 로그를 가집니다.',
        en: "A lowered C's nextIndex and retried; at prevLogIndex 1 the logs matched. C took entries 2 and 3 and now holds the same log as A.",
      },
      focus: { nodes: ['C'], indexes: [2, 3] },
    },
  ],
};
