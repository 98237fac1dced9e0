import type { Lesson } from '../narration';

// Dissertation §6.4.1, broken on purpose with unsafe.leaseIgnoresDrift (the kept scenario of
// src/check/read-modes.test.ts). C leads term 2, hands leadership to A at 600 ms; A commits
// set x 1. At 1050 ms B's and C's clocks start running ten times fast; A is cut off at 1101 ms.
// B and C time out within milliseconds: C leads term 5 from 1110 ms and set x 2 is answered at
// 1156 ms. A, trusting a lease of a whole election timeout, answers get x at 1160 ms with x = 1.
// The same run without the switch (lease 150 ÷ clockDriftBound 10 = 15 ms) answers 2.
export const leaseFastClock: Lesson = {
  id: 'lease-fast-clock',
  section: '10',
  title: {
    ko: '빠른 시계 앞의 리스 읽기 (위험)',
    en: 'A lease read against a fast clock (unsafe)',
  },
  summary: {
    ko: '리스(lease)를 가진 리더는 하트비트 회차 없이 읽기에 답합니다: 과반수가 최근 선거 타임아웃 안에 응답했다면 다른 리더가 있을 수 없다는 가정입니다. 그런데 다른 노드의 시계가 빠르면 그 가정이 깨집니다. 시계 차이의 한계(clockDriftBound)로 리스를 줄여야 합니다 (학위논문 §6.4.1).',
    en: 'A leader holding a lease answers reads without a heartbeat round, reasoning that no other leader can exist while a majority acknowledged it within an election timeout. Fast clocks on the other nodes break that reasoning; the lease must be shortened by the clock drift bound (dissertation §6.4.1).',
  },
  scenario: {
    version: 1,
    seed: 2,
    nodes: 3,
    timing: { latency: [2, 5], clockDriftBound: 10 },
    options: { reads: 'lease', leaderNoop: true },
    unsafe: { leaseIgnoresDrift: true },
    actions: [
      { at: 600, do: 'transfer', to: 'A' },
      { at: 800, do: 'submit', command: 'set x 1' },
      { at: 1050, do: 'clock', node: 'B', rate: 10 },
      { at: 1050, do: 'clock', node: 'C', rate: 10 },
      { at: 1101, do: 'isolate', node: 'A' },
      { at: 1135, do: 'submit', command: 'set x 2', node: 'B' },
      { at: 1150, do: 'submit', command: 'get x', node: 'A' },
      { at: 1160, do: 'submit', command: 'get x', node: 'A' },
    ],
  },
  beats: [
    {
      at: 1100,
      caption: {
        ko: 'A가 임기 3의 리더이고(600ms에 C가 넘겨줌) set x 1을 커밋했습니다. 읽기는 리스 방식: 과반수가 최근에 하트비트에 응답했으면 A는 회차 없이 바로 답합니다. 위험한 스위치 때문에 A의 리스는 선거 타임아웃 전체(150ms)입니다. 그런데 1050ms부터 B와 C의 시계는 10배 빠릅니다: 벌써 타임아웃되어 임기 4 후보가 되었지만, A의 하트비트를 최근에 받은 노드는 그 RequestVote를 무시합니다(학위논문 §4.2.3). 1101ms에 A가 고립됩니다.',
        en: 'A leads term 3 (C handed it over at 600 ms) and committed set x 1. Reads use a lease: while a majority recently acknowledged its heartbeats, A answers at once, without a round. With the unsafe switch, the lease lasts a whole election timeout (150 ms). But since 1050 ms B’s and C’s clocks run ten times fast: they have already timed out and stand for term 4, but a node that heard A’s heartbeats recently ignores their RequestVotes (dissertation §4.2.3). At 1101 ms A is cut off.',
      },
      watch: { ko: '설정의 노드별 시계 속도', en: 'Each node’s clock rate in Settings' },
      focus: { nodes: ['A', 'B', 'C'] },
      question: {
        prompt: {
          ko: '1160ms에, 다른 곳에서 set x 2가 이미 끝난 뒤, 클라이언트가 A에게 x를 묻습니다. A의 답은?',
          en: 'At 1160 ms, after set x 2 has completed elsewhere, the client asks A for x. What does A answer?',
        },
        choices: [
          { ko: 'x = 2', en: 'x = 2' },
          { ko: 'x = 1: 오래된 값', en: 'x = 1, a stale value' },
          { ko: '답하지 않는다: 리스가 끝났다', en: 'It does not answer: its lease is over' },
        ],
        answer: 1,
        reveal: {
          ko: 'B와 C에게 150ms는 실제로 15ms입니다. 그들은 A의 리스가 끝나기 한참 전에 새 리더를 뽑고 set x 2를 커밋합니다. A는 자기 시계로 아직 리스 안에 있다고 믿고 옛 값을 답합니다.',
          en: 'For B and C, 150 ms takes 15 ms of real time: they elect a new leader and commit set x 2 long before A’s lease ends. By its own clock A is still within its lease, and answers the old value.',
        },
      },
    },
    {
      at: 1170,
      caption: {
        ko: 'C가 1110ms부터 임기 5의 리더이고 set x 2는 1156ms에 성공했습니다. 그런데 1160ms의 get x에 A는 리스로 x = 1이라고 답했습니다. 이 기록은 선형화할 수 없습니다: 기록 패널이 set x 2 뒤에 시작한 이 오래된 읽기를 지목합니다.',
        en: 'C has led term 5 since 1110 ms, and set x 2 succeeded at 1156 ms. Yet A answered the get sent at 1160 ms from its lease: x = 1. This history is not linearizable: the history panel names the stale read that began after set x 2 ended.',
      },
      watch: { ko: '기록 패널', en: 'The history panel' },
      focus: { nodes: ['A', 'C'] },
    },
    {
      at: 1200,
      caption: {
        ko: '고치는 방법은 시계 차이의 한계입니다. timing.clockDriftBound는 10입니다: 시계 속도가 최대 10배까지 다를 수 있다는 뜻입니다. 스위치가 꺼져 있으면 A의 리스는 150 ÷ 10 = 15ms로, 다른 노드가 10배 빠른 시계로 타임아웃되는 데 드는 최소 시간을 넘지 않습니다.',
        en: 'The fix is the drift bound. timing.clockDriftBound is 10: clock rates may differ by up to ten times. With the switch off, A’s lease lasts 150 ÷ 10 = 15 ms, no longer than the least time any other node needs to time out on a clock ten times fast.',
      },
      focus: { nodes: ['A'] },
      question: {
        prompt: {
          ko: '같은 실행에서 스위치만 끄면 1160ms의 get x는 어떻게 될까요?',
          en: 'In the same run with only the switch off, what happens to the get x sent at 1160 ms?',
        },
        choices: [
          { ko: 'A가 여전히 x = 1이라고 답한다', en: 'A still answers x = 1' },
          {
            ko: 'A는 하트비트 회차로 확인해야 하는데 못 하고, 클라이언트는 다른 노드에서 x = 2를 받는다',
            en: 'A must confirm with a heartbeat round and cannot; the client gets x = 2 from another node',
          },
        ],
        answer: 1,
        reveal: {
          ko: '15ms 리스는 50ms 간격의 하트비트 하나도 버티지 못하므로 A는 ReadIndex처럼 회차를 돌려야 합니다. 고립된 A에게는 과반수의 응답이 오지 않고, 클라이언트는 기다리다 새 리더 C에게 물어 x = 2를 받습니다. 기록은 선형화 가능합니다.',
          en: 'A 15 ms lease does not outlast even one 50 ms heartbeat interval, so A must run a round, as ReadIndex does. No majority answers a cut-off A; the client times out, asks the new leader C and gets x = 2. The history is linearizable.',
        },
      },
    },
  ],
};
