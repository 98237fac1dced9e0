import type { Lesson } from '../narration';

// Paper §7, Figure 13 (MIT 6.5840 lab 3D): C is down while B commits seven entries and, with
// snapshotThreshold 5, discards entries 1–5. When C comes back it needs entry 1, which B no
// longer has: B sends its snapshot in chunks of 64 characters (3 chunks), then entries 6–7.
export const installSnapshotLesson: Lesson = {
  id: 'install-snapshot',
  section: '8',
  title: { ko: 'InstallSnapshot: 너무 뒤처진 팔로워', en: 'InstallSnapshot: a follower too far behind' },
  summary: {
    ko: '리더가 이미 버린 엔트리가 필요한 팔로워에게는 AppendEntries로 보낼 수 없습니다. 리더는 대신 스냅샷을 조각으로 나누어 InstallSnapshot으로 보냅니다 (Figure 13).',
    en: 'A follower that needs entries the leader has already discarded cannot be sent them by AppendEntries. The leader sends its snapshot instead, in chunks, by InstallSnapshot (Figure 13).',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    options: { snapshotThreshold: 5, snapshotChunk: 64 },
    actions: [
      { at: 300, do: 'kill', node: 'C' },
      { at: 400, do: 'submit', command: 'set a 1' },
      { at: 500, do: 'submit', command: 'set b 2' },
      { at: 600, do: 'submit', command: 'set c 3' },
      { at: 700, do: 'submit', command: 'set d 4' },
      { at: 800, do: 'submit', command: 'set e 5' },
      { at: 900, do: 'submit', command: 'set f 6' },
      { at: 1000, do: 'submit', command: 'set g 7' },
      { at: 1300, do: 'restart', node: 'C' },
    ],
  },
  beats: [
    {
      at: 1250,
      caption: {
        ko: 'C가 멈춘 동안 B와 A가 7개 엔트리를 커밋했고, 둘 다 5번까지 스냅샷을 찍어 1–5번을 버렸습니다. C의 로그는 비어 있습니다. 1300ms에 C가 재시작합니다.',
        en: 'While C was down, B and A committed seven entries and both snapshotted through index 5, discarding entries 1–5. C’s log is empty. C restarts at 1300 ms.',
      },
      focus: { nodes: ['B', 'C'] },
      question: {
        prompt: {
          ko: 'C의 nextIndex는 1인데 B의 로그는 6번부터 시작합니다. B는 C에게 무엇을 보낼까요?',
          en: "C's nextIndex is 1, but B's log starts at index 6. What does B send C?",
        },
        choices: [
          { ko: '1번부터 AppendEntries', en: 'AppendEntries from index 1' },
          { ko: '스냅샷을 조각으로 나눈 InstallSnapshot', en: 'InstallSnapshot: its snapshot, in chunks' },
          { ko: '아무것도 보내지 않는다: C는 포기된다', en: 'Nothing: C is given up on' },
        ],
        answer: 1,
        reveal: {
          ko: 'B에게는 1번 엔트리가 더 이상 없어서 AppendEntries를 만들 수 없습니다. nextIndex가 버린 앞부분 안에 있으면 리더는 스냅샷을 보냅니다 (§7).',
          en: 'B no longer has entry 1, so it cannot build that AppendEntries. When nextIndex falls inside the discarded prefix, the leader sends its snapshot (§7).',
        },
      },
    },
    {
      at: 1445,
      caption: {
        ko: 'C는 조각 1과 2를 받아 스냅샷 파일의 해당 오프셋에 썼고, done이 false이므로 다음 조각을 기다립니다 (Figure 13 규칙 2–4). 아직 로그도 상태도 바뀌지 않았습니다.',
        en: 'C has received chunks 1 and 2 and written each at its offset; done is false, so it waits for more (Figure 13, rules 2–4). Its log and state have not changed yet.',
      },
      watch: {
        ko: 'InstallSnapshot 메시지의 조각 번호 (2/3)',
        en: 'The chunk number on the InstallSnapshot messages (2/3)',
      },
      focus: { nodes: ['C'] },
    },
    {
      at: 1500,
      caption: {
        ko: '마지막 조각이 도착하자 C는 스냅샷을 저장하고, 로그에 5번 엔트리가 없으므로 로그를 모두 버리고 키-값 상태를 스냅샷으로 초기화했습니다 (규칙 5, 7, 8). 이어서 AppendEntries로 6–7번을 받아 B와 같아졌습니다.',
        en: 'With the last chunk, C saved the snapshot; its log had no entry 5, so it discarded the whole log and reset its key-value state from the snapshot (rules 5, 7, 8). AppendEntries then brought entries 6–7: C matches B.',
      },
      focus: { nodes: ['C'], indexes: [6, 7] },
    },
  ],
};
