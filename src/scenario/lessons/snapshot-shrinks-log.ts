import type { Lesson } from '../narration';

// Paper §7: with snapshotThreshold 5, each node replaces its first five applied entries by a
// snapshot of its key-value state. B leads term 1 from 180 ms; a command every 100 ms from 400 ms.
export const snapshotShrinksLog: Lesson = {
  id: 'snapshot-shrinks-log',
  section: '8',
  title: { ko: '스냅샷: 로그가 줄어듭니다', en: 'A snapshot: the log shrinks' },
  summary: {
    ko: '로그는 끝없이 자랄 수 없습니다. 각 노드는 적용한 엔트리를 키-값 상태의 스냅샷으로 바꾸고 그 앞부분을 버립니다. 여기서는 엔트리 5개를 적용할 때마다 스냅샷을 찍습니다.',
    en: 'A log cannot grow forever. Each node replaces the entries it has applied by a snapshot of its key-value state and discards that prefix. Here a node snapshots every five applied entries.',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    options: { snapshotThreshold: 5 },
    actions: [
      { at: 400, do: 'submit', command: 'set a 1' },
      { at: 500, do: 'submit', command: 'set b 2' },
      { at: 600, do: 'submit', command: 'set c 3' },
      { at: 700, do: 'submit', command: 'set d 4' },
      { at: 800, do: 'submit', command: 'set e 5' },
      { at: 900, do: 'submit', command: 'set f 6' },
    ],
  },
  beats: [
    {
      at: 820,
      caption: {
        ko: '리더 B의 로그에 엔트리 5개가 있고 4번까지 커밋·적용되었습니다. snapshotThreshold는 5입니다.',
        en: "Leader B's log holds five entries; entries up to 4 are committed and applied. snapshotThreshold is 5.",
      },
      focus: { nodes: ['B'], indexes: [5] },
      question: {
        prompt: {
          ko: 'B가 5번 엔트리를 적용하면 B의 로그는 어떻게 될까요?',
          en: "When B applies entry 5, what happens to B's log?",
        },
        choices: [
          { ko: '아무 일도 없다: 로그는 모든 엔트리를 간직한다', en: 'Nothing: a log keeps every entry' },
          {
            ko: '1–5번이 스냅샷 하나로 바뀌고 로그에서 사라진다',
            en: 'Entries 1–5 become one snapshot and leave the log',
          },
          { ko: '로그와 키-값 상태가 모두 지워진다', en: 'The log and the key-value state are both erased' },
        ],
        answer: 1,
        reveal: {
          ko: '적용된 엔트리의 효과는 이미 키-값 상태에 있습니다. 그 상태와 마지막 포함 인덱스·임기(5, 1)를 스냅샷으로 저장하면 엔트리 1–5는 더 필요 없습니다.',
          en: 'The applied entries already live in the key-value state. Saved as a snapshot with its last included index and term (5, 1), entries 1–5 are no longer needed.',
        },
      },
    },
    {
      at: 1100,
      caption: {
        ko: '세 노드 모두 스스로 5번까지 스냅샷을 찍었습니다(리더가 시키지 않습니다). 로그에는 6번만 남았고, 키-값 상태는 그대로 6개 키를 담고 있습니다. 인덱스는 절대값 그대로입니다.',
        en: 'All three nodes took a snapshot through index 5, each on its own (no leader tells them to). Only entry 6 is left in each log, the key-value state still holds all six keys, and indexes stay absolute.',
      },
      watch: {
        ko: '로그 표의 스냅샷 블록 (눌러서 상태 보기)',
        en: 'The snapshot block in the log table (open it to see the state)',
      },
      focus: { nodes: ['A', 'B', 'C'], indexes: [6] },
    },
  ],
};
