import type { Lesson } from '../narration';

// Paper §7: "each server takes snapshots independently". B leads term 1 from 180 ms. Follower C
// is made to snapshot at 700 ms (entries 1–3, all it has applied); leader B keeps its whole log.
// Entry 4 then reaches C by AppendEntries with prevLogIndex 3, checked against C's snapshot's
// last included term. B snapshots later, at 1100 ms, through 5: each node's log starts elsewhere.
export const followerSnapshot: Lesson = {
  id: 'follower-snapshot',
  section: '8',
  title: { ko: '팔로워가 혼자 찍는 스냅샷', en: 'A follower takes a snapshot on its own' },
  summary: {
    ko: '스냅샷은 리더가 시키는 것이 아닙니다. 각 노드가 자기가 적용한 상태로 따로 찍습니다 (논문 §7). 팔로워가 스냅샷을 찍어도 리더는 그대로 AppendEntries를 보냅니다.',
    en: 'A leader does not order snapshots: each node takes its own, of the state it has applied (paper §7). After a follower snapshots, the leader goes on sending it AppendEntries as before.',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    actions: [
      { at: 400, do: 'submit', command: 'set a 1' },
      { at: 500, do: 'submit', command: 'set b 2' },
      { at: 600, do: 'submit', command: 'set c 3' },
      { at: 700, do: 'snapshot', node: 'C' },
      { at: 800, do: 'submit', command: 'set d 4' },
      { at: 1000, do: 'submit', command: 'set e 5' },
      { at: 1100, do: 'snapshot', node: 'B' },
    ],
  },
  beats: [
    {
      at: 790,
      caption: {
        ko: '팔로워 C가 700ms에 스스로 스냅샷을 찍었습니다: 적용한 1–3번이 스냅샷(마지막 인덱스 3, 임기 1)이 되고 로그는 비었습니다. 리더 B와 A는 로그 1–3번을 그대로 가지고 있습니다. 800ms에 클라이언트가 set d 4를 보냅니다.',
        en: 'At 700 ms follower C took a snapshot by itself: entries 1–3, all it had applied, became a snapshot (last index 3, term 1) and its log is empty. Leader B and A still hold entries 1–3. At 800 ms the client sends set d 4.',
      },
      watch: { ko: 'C의 스냅샷 블록과 B의 로그', en: "C's snapshot block and B's log" },
      focus: { nodes: ['B', 'C'], indexes: [3] },
      question: {
        prompt: {
          ko: 'B는 4번 엔트리를 prevLogIndex 3, prevLogTerm 1과 함께 C에게 보냅니다. C의 로그에는 3번 엔트리가 더 이상 없습니다. 어떻게 될까요?',
          en: 'B sends entry 4 to C with prevLogIndex 3 and prevLogTerm 1. C no longer has entry 3 in its log. What happens?',
        },
        choices: [
          {
            ko: 'C가 받아들인다: 스냅샷이 3번의 임기가 1이라고 말해 준다',
            en: 'C accepts it: its snapshot says entry 3 has term 1',
          },
          { ko: 'C가 거부한다: 3번 엔트리가 없다', en: 'C refuses it: entry 3 is missing' },
          {
            ko: 'B가 먼저 C에게 자기 스냅샷을 보내야 한다',
            en: 'B must first send C a snapshot of its own',
          },
        ],
        answer: 0,
        reveal: {
          ko: '스냅샷은 마지막 포함 인덱스와 임기를 기억합니다. 바로 그것 때문에 스냅샷 바로 뒤의 AppendEntries도 일관성 검사를 할 수 있습니다 (§7). B는 C가 스냅샷을 찍은 줄도 모르고, 알 필요도 없습니다.',
          en: 'A snapshot keeps its last included index and term precisely so that the consistency check works for the AppendEntries just after it (§7). B does not know C took a snapshot, and need not.',
        },
      },
    },
    {
      at: 900,
      caption: {
        ko: 'C는 스냅샷의 임기로 일관성 검사를 통과하고 4번을 로그에 붙였습니다. B는 InstallSnapshot을 한 번도 보내지 않았습니다. 팔로워의 스냅샷은 그 노드 안의 일입니다.',
        en: "C passed the consistency check with its snapshot's term and appended entry 4. B never sent an InstallSnapshot: a follower's snapshot is that node's own business.",
      },
      focus: { nodes: ['C'], indexes: [4] },
    },
    {
      at: 1150,
      caption: {
        ko: '1100ms에 B도 스스로 스냅샷을 찍었습니다(1–5번). 이제 세 노드의 로그가 모두 다른 곳에서 시작합니다: A는 1번, C는 4번, B의 로그는 비어 있어 다음 엔트리가 6번입니다. 그래도 세 노드의 키-값 상태는 같고, 인덱스는 모두 절대값입니다.',
        en: "At 1100 ms B took a snapshot of its own too (entries 1–5). Now each node's log starts at a different index: A's at 1, C's at 4, and B's is empty, its next entry being 6. Their key-value states are the same, and every index stays absolute.",
      },
      watch: { ko: '세 노드의 스냅샷 블록', en: "The three nodes' snapshot blocks" },
      focus: { nodes: ['A', 'B', 'C'] },
    },
  ],
};
