import type { Lesson } from '../narration';

// Dissertation §6.4, broken on purpose with unsafe.localReads. B leads term 1 and commits
// set x 1; at 600 ms B is cut off from A and C (not from the client). C leads term 2 from 800 ms
// and commits set x 2 (answered at 1100 ms). At 1200 ms the client asks B for x: B, still sure it
// leads, answers x = 1 from its own state. The same run without the switch answers 2 (the test
// plays it). B's links come back at 1300 ms and it steps down.
export const staleLocalRead: Lesson = {
  id: 'stale-local-read',
  section: '10',
  title: {
    ko: '물러난 리더의 로컬 읽기 (위험)',
    en: 'A deposed leader reads locally (unsafe)',
  },
  summary: {
    ko: '위험한 스위치 unsafe.localReads를 켜면 노드는 get을 자기 상태 기계에서 바로 답합니다. 고립되어 자신이 아직 리더라고 믿는 노드는 이미 덮어쓰인 옛 값을 돌려줍니다. Raft의 불변식은 깨지지 않지만 클라이언트 기록은 선형화할 수 없습니다 (학위논문 §6.4).',
    en: 'With the unsafe switch localReads a node answers a get from its own state machine at once. A cut-off node that still believes it leads returns a value already overwritten. No Raft invariant breaks, but the client history is not linearizable (dissertation §6.4).',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    unsafe: { localReads: true },
    actions: [
      { at: 400, do: 'submit', command: 'set x 1' },
      { at: 600, do: 'isolate', node: 'B' },
      { at: 1000, do: 'submit', command: 'set x 2', node: 'A' },
      { at: 1200, do: 'submit', command: 'get x', node: 'B' },
      { at: 1300, do: 'restore', node: 'B' },
    ],
  },
  beats: [
    {
      at: 1150,
      caption: {
        ko: 'B는 600ms부터 A, C와 연결이 끊겼지만(클라이언트와는 연결됨) 아직 자신이 임기 1의 리더라고 믿습니다. 그사이 C가 임기 2의 리더가 되어 set x 2를 커밋했고, 클라이언트는 1100ms에 성공 답을 받았습니다. B의 상태는 아직 x = 1입니다.',
        en: 'B has been cut off from A and C since 600 ms (not from the client) and still believes it leads term 1. Meanwhile C became leader of term 2 and committed set x 2; the client got its answer at 1100 ms. B still holds x = 1.',
      },
      focus: { nodes: ['B', 'C'] },
      question: {
        prompt: {
          ko: '1200ms에 클라이언트가 B에게 x를 묻습니다. unsafe.localReads가 켜져 있어 B는 자기 상태로 바로 답합니다. 답은 무엇일까요?',
          en: 'At 1200 ms the client asks B for x. With unsafe.localReads on, B answers from its own state at once. What does the client get?',
        },
        choices: [
          { ko: 'x = 2: 최신 값', en: 'x = 2, the latest value' },
          { ko: 'x = 1: 이미 덮어쓰인 값', en: 'x = 1, a value already overwritten' },
          { ko: '답이 없다: B는 과반수에 닿지 못한다', en: 'No answer: B cannot reach a majority' },
        ],
        answer: 1,
        reveal: {
          ko: 'B는 자신이 물러났다는 것을 모릅니다. 스위치가 없다면 B는 먼저 자신이 아직 리더인지 확인해야 합니다(로그에 넣어 커밋하거나, ReadIndex의 하트비트 회차). 고립된 B는 그것을 할 수 없고, 클라이언트는 기다리다 다른 노드에게 물어 x = 2를 받습니다.',
          en: 'B does not know it has been deposed. Without the switch it would first have to prove it still leads (commit the read through the log, or a ReadIndex heartbeat round), which a cut-off B cannot do: the client would time out and get x = 2 from another node.',
        },
      },
    },
    {
      at: 1230,
      caption: {
        ko: 'B가 x = 1이라고 답했습니다. 그런데 set x 2는 get x를 보내기 전(1100ms)에 이미 끝났습니다. 세 연산을 어떤 순서로 놓아도 이 답을 설명할 수 없습니다: 기록은 선형화 불가능합니다. 기록 패널은 set x 2가 get x 시작 전에 끝난 것을 보여 주고 이 오래된 읽기를 지목합니다.',
        en: 'B answered x = 1, yet set x 2 had completed (at 1100 ms) before get x was sent. No order of the three operations explains that answer: the history is not linearizable. The history panel draws set x 2 ending before get x begins and names this stale read.',
      },
      watch: {
        ko: '기록 패널: set x 2와 get x의 구간',
        en: 'The history panel: the intervals of set x 2 and get x',
      },
      focus: { nodes: ['B'] },
    },
    {
      at: 1330,
      caption: {
        ko: '1300ms에 B의 연결이 돌아오자 B는 임기 2를 보고 물러나 set x 2를 받았습니다. 로그와 상태 기계는 모두 올바르고 Raft의 안전성 검사기도 아무것도 보고하지 않습니다. 틀린 것은 이미 나간 답 하나뿐이고, 그것은 클라이언트 기록의 선형화 검사만 잡아냅니다.',
        en: 'B’s links came back at 1300 ms: it saw term 2, stepped down and received set x 2. Every log and state machine is right, and Raft’s safety checker reports nothing. The one wrong thing is the answer already sent, and only the linearizability check of the client history catches it.',
      },
      focus: { nodes: ['B'], indexes: [2] },
    },
  ],
};
