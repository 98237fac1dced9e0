import type { Lesson } from '../narration';

// Paper §7, Figure 13 rule 6: C's replies to B are lost (the link C→B is cut one way), so B never
// learns that C holds its entries and its nextIndex for C stays at 1. B applies entries 1–5,
// appends 6–7, and is made to snapshot at 935 ms, between C receiving 6–7 (931 ms) and B
// committing them (942 ms): B's snapshot covers 1–5 and its log keeps 6–7. B's nextIndex for C
// is then inside the discarded prefix, so B sends InstallSnapshot; C already holds entry 5 of
// term 1, so it keeps entries 6–7. The link mends at 1100 ms.
export const snapshotKeepsSuffix: Lesson = {
  id: 'snapshot-keeps-suffix',
  section: '8',
  title: {
    ko: 'InstallSnapshot: 이미 가진 엔트리는 남깁니다',
    en: 'InstallSnapshot: a follower keeps the entries it already has',
  },
  summary: {
    ko: '팔로워의 로그에 스냅샷의 마지막 엔트리(같은 인덱스와 임기)가 이미 있으면, 팔로워는 스냅샷을 저장하고 그 뒤의 엔트리는 그대로 둡니다 (Figure 13 규칙 6). 로그를 통째로 버리는 것은 그 엔트리가 없을 때뿐입니다.',
    en: "If a follower's log already holds the snapshot's last entry (same index and term), it saves the snapshot and keeps the entries after it (Figure 13, rule 6). It discards its whole log only when that entry is missing.",
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    actions: [
      { at: 300, do: 'cut', from: 'C', to: 'B', oneWay: true },
      { at: 400, do: 'submit', command: 'set a 1' },
      { at: 500, do: 'submit', command: 'set b 2' },
      { at: 600, do: 'submit', command: 'set c 3' },
      { at: 700, do: 'submit', command: 'set d 4' },
      { at: 800, do: 'submit', command: 'set e 5' },
      { at: 900, do: 'submit', command: 'set f 6' },
      { at: 900, do: 'submit', command: 'set g 7' },
      { at: 935, do: 'snapshot', node: 'B' },
      { at: 1100, do: 'mend', from: 'C', to: 'B', oneWay: true },
    ],
  },
  beats: [
    {
      at: 975,
      caption: {
        ko: 'C→B 링크가 끊겨 C의 응답이 B에게 가지 않습니다. 그래서 B는 C가 아무것도 없다고 믿고(nextIndex 1) 있지만, 사실 C는 엔트리 1–7을 모두 받았습니다. B는 935ms에 적용한 1–5번으로 스냅샷을 찍었고, 로그에는 6–7번만 남았습니다.',
        en: "The link C→B is cut, so C's replies never reach B. B believes C holds nothing (nextIndex 1), but C has in fact received entries 1–7. At 935 ms B snapshotted the entries it had applied, 1–5; only 6–7 are left in its log.",
      },
      watch: {
        ko: 'B의 nextIndex ▼ (C 쪽)와 C의 로그',
        en: "B's nextIndex ▼ for C, and C's log",
      },
      focus: { nodes: ['B', 'C'], indexes: [5, 6, 7] },
      question: {
        prompt: {
          ko: 'C의 nextIndex가 버린 앞부분 안에 있으니 B는 스냅샷(마지막 인덱스 5, 임기 1)을 보냅니다. C는 자기 로그의 6–7번을 어떻게 할까요?',
          en: "C's nextIndex is inside the discarded prefix, so B sends its snapshot (last index 5, term 1). What does C do with entries 6–7 of its log?",
        },
        choices: [
          {
            ko: '로그를 통째로 버리고 스냅샷으로 상태를 초기화한다',
            en: 'Discards its whole log and resets its state from the snapshot',
          },
          { ko: '5번까지를 스냅샷으로 바꾸고 6–7번은 남긴다', en: 'Replaces 1–5 by the snapshot and keeps 6–7' },
          { ko: '이미 5번을 가지고 있으니 스냅샷을 거부한다', en: 'Refuses the snapshot: it already has entry 5' },
        ],
        answer: 1,
        reveal: {
          ko: 'C의 로그에는 5번 엔트리가 임기 1로 이미 있습니다. Figure 13 규칙 6: 스냅샷의 마지막 엔트리와 인덱스·임기가 같은 엔트리가 있으면 그 뒤의 엔트리는 남기고 답합니다. 그 엔트리들은 리더의 것과 같기 때문입니다 (로그 Matching).',
          en: "C's log already holds entry 5 with term 1. Figure 13, rule 6: if an existing entry has the snapshot's last index and term, retain the entries following it and reply. By Log Matching, they are the leader's own.",
        },
      },
    },
    {
      at: 1095,
      caption: {
        ko: 'C는 스냅샷을 저장하고 1–5번을 버렸지만 6–7번은 남겼습니다 (규칙 6). 이미 5번까지 적용했으므로 키-값 상태도 그대로입니다. 응답은 여전히 B에게 닿지 않아 B는 같은 스냅샷을 다시 보내지만, C는 이미 가진 스냅샷이라 아무것도 바꾸지 않습니다 (규칙 5).',
        en: 'C saved the snapshot and discarded entries 1–5, but kept 6–7 (rule 6). It had applied up to 5 already, so its key-value state is unchanged. Its reply still does not reach B, which sends the same snapshot again; C already holds it and changes nothing (rule 5).',
      },
      focus: { nodes: ['C'], indexes: [6, 7] },
    },
    {
      at: 1150,
      caption: {
        ko: '1100ms에 링크가 복구되자 B는 C가 스냅샷을 가졌다는 응답을 받고 nextIndex를 6으로 옮겨 6–7번을 보냈습니다(prevLogIndex 5). C는 그 엔트리를 이미 가지고 있어 로그가 바뀌지 않고, 커밋하고 적용만 했습니다. 세 노드의 상태가 같습니다.',
        en: "The link mends at 1100 ms: B hears that C holds the snapshot, moves C's nextIndex to 6 and sends entries 6–7 (prevLogIndex 5). C already has them, so its log does not change: it only commits and applies them. All three nodes agree.",
      },
      focus: { nodes: ['B', 'C'], indexes: [6, 7] },
    },
  ],
};
