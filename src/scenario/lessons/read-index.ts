import type { Lesson } from '../narration';

// Dissertation §6.4: B leads term 1 from 180 ms. With reads "log" (the default), get x at 500 ms
// becomes log entry 2 and is answered once committed and applied. At 700 ms reads switch to
// "readIndex": get x at 800 ms makes B record commitIndex 2 as the read index (812 ms), send a
// heartbeat round with readContext 1, and answer once C acknowledges it (842 ms): the same value,
// and no entry written.
export const readIndexLesson: Lesson = {
  id: 'read-index',
  section: '10',
  title: {
    ko: '로그를 거치는 읽기와 ReadIndex',
    en: 'A read through the log, and ReadIndex',
  },
  summary: {
    ko: '읽기도 로그에 엔트리로 넣으면 안전하지만, 읽을 때마다 로그가 자랍니다. ReadIndex는 엔트리를 쓰지 않습니다: 리더는 commitIndex를 기록하고, 하트비트 한 번으로 과반수에게 자신이 아직 리더임을 확인한 뒤 답합니다 (학위논문 §6.4).',
    en: 'A read sent through the log as an entry is safe, but every read makes the log grow. ReadIndex writes no entry: the leader records its commitIndex, confirms with one heartbeat round that a majority still follows it, then answers (dissertation §6.4).',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    actions: [
      { at: 400, do: 'submit', command: 'set x 1' },
      { at: 500, do: 'submit', command: 'get x' },
      { at: 700, do: 'setOptions', options: { reads: 'readIndex' } },
      { at: 800, do: 'submit', command: 'get x' },
    ],
  },
  beats: [
    {
      at: 560,
      caption: {
        ko: '기본 설정(reads "로그")에서 get x는 명령과 같습니다. B는 그것을 2번 엔트리로 붙여 복제하고, 과반수가 가지자 커밋하고 적용한 뒤 x = 1이라고 답했습니다. 모든 노드의 로그에 get x가 남았습니다.',
        en: 'With the default reads "log", get x is a command like any other: B appended it as entry 2, replicated it, committed it once a majority held it, applied it and answered x = 1. Every log now holds that get x.',
      },
      focus: { nodes: ['B'], indexes: [2] },
      question: {
        prompt: {
          ko: '700ms에 읽기 방식을 ReadIndex로 바꾸고, 800ms에 클라이언트가 다시 get x를 보냅니다. 이번에는 B의 로그에 엔트리가 몇 개 늘어날까요?',
          en: "At 700 ms reads switch to ReadIndex, and at 800 ms the client sends get x again. How many entries does it add to B's log this time?",
        },
        choices: [
          { ko: '0개', en: 'None' },
          { ko: '1개: 처음 get x와 같다', en: 'One, like the first get x' },
          { ko: '2개: 읽기와 확인용 no-op', en: 'Two: the read and a no-op to confirm it' },
        ],
        answer: 0,
        reveal: {
          ko: '읽기는 상태를 바꾸지 않으니 로그에 남길 필요가 없습니다. 리더에게 필요한 것은 두 가지뿐입니다: 자기 임기의 엔트리가 커밋되어 있을 것(여기서는 set x 1), 그리고 답하는 순간 자신이 아직 리더라는 확인입니다 (§6.4).',
          en: 'A read changes nothing, so nothing needs logging. The leader needs only two things: an entry of its own term committed (set x 1, here), and proof that it is still leader when it answers (§6.4).',
        },
      },
    },
    {
      at: 820,
      caption: {
        ko: 'B는 commitIndex 2를 read index로 기록하고, readContext 1을 붙인 하트비트를 보냈습니다. 과반수가 이 회차에 응답해야 B가 아직 리더라는 것이 확인됩니다. 그동안 읽기는 B에서 기다립니다. 로그는 그대로 2개입니다.',
        en: 'B recorded its commitIndex, 2, as the read index and sent heartbeats carrying readContext 1. Only when a majority acknowledges this round is B sure it still leads; until then the read waits at B. The log still holds two entries.',
      },
      watch: {
        ko: 'readContext가 붙은 하트비트와 B에서 기다리는 읽기',
        en: 'The heartbeats with a readContext, and the read waiting at B',
      },
      focus: { nodes: ['B'] },
    },
    {
      at: 860,
      caption: {
        ko: 'C가 회차 1에 응답하자(B와 C, 과반수) B는 lastApplied 2 ≥ read index 2를 확인하고 x = 1이라고 답했습니다. 로그를 거친 읽기와 같은 답이지만, 새 엔트리도 커밋도 없었습니다. 클라이언트 기록은 선형화 가능합니다.',
        en: 'C acknowledged round 1 (B and C: a majority), so B checked lastApplied 2 ≥ read index 2 and answered x = 1: the same answer as the read through the log, with no new entry and no commit. The client history is linearizable.',
      },
      focus: { nodes: ['B', 'C'] },
    },
  ],
};
