import type { Lesson } from '../narration';

// Seed 1: B leads term 1 from ≈180 ms; the client sends "set x 1" straight to B at 400 ms.
export const replication: Lesson = {
  id: 'replication',
  section: '4',
  title: { ko: '로그 복제: 추가, 복제, 커밋, 전파', en: 'Log replication: append, replicate, commit, propagate' },
  summary: {
    ko: '리더가 클라이언트 명령을 자신의 로그에 추가하고, AppendEntries로 복제하고, 과반수가 가지면 커밋하여 상태 머신에 적용한 뒤, 다음 RPC로 팔로워들에게 커밋을 알립니다.',
    en: 'The leader appends a client command to its log, replicates it with AppendEntries, commits and applies it once a majority holds it, then tells the followers with the next RPC.',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 5,
    actions: [{ at: 400, do: 'submit', command: 'set x 1', node: 'B' }],
  },
  beats: [
    {
      at: 300,
      caption: {
        ko: 'B가 임기 1의 리더입니다. 모든 로그는 비어 있습니다. 400ms에 클라이언트가 B에게 "set x 1"을 보냅니다.',
        en: 'B leads term 1 and every log is empty. At 400 ms the client sends "set x 1" to B.',
      },
      focus: { nodes: ['B'] },
    },
    {
      at: 420,
      caption: {
        ko: '① 로그 생성: B가 명령을 자신의 로그 1번에 추가했습니다. 아직 커밋되지 않았습니다(Uncommitted). ② 복제 요청: B가 모든 팔로워에게 AppendEntries를 보냅니다.',
        en: '① Append: B added the command at index 1 of its own log, not yet committed. ② Replicate: B sends AppendEntries to every follower.',
      },
      watch: { ko: 'B의 로그 1번 칸(아직 흐리게 표시)', en: "index 1 of B's log, still drawn as uncommitted" },
      focus: { nodes: ['B'], indexes: [1] },
    },
    {
      at: 435,
      caption: {
        ko: '팔로워들이 엔트리를 받아 자신의 로그에 추가하고 성공 응답을 보냅니다. 하지만 아직 아무도 커밋하지 않았습니다.',
        en: 'The followers appended the entry and are replying with success. Nobody has committed it yet.',
      },
      focus: { indexes: [1] },
      question: {
        prompt: {
          ko: 'B가 커밋하려면 팔로워 몇 대의 성공 응답이 필요할까요?',
          en: 'How many followers must report success before B commits?',
        },
        choices: [
          { ko: '1대', en: 'One' },
          { ko: '2대', en: 'Two' },
          { ko: '4대 모두', en: 'All four' },
        ],
        answer: 1,
        reveal: {
          ko: 'B 자신을 포함해 5대 중 3대면 과반수입니다. 팔로워 2대의 응답이 도착하는 순간 B는 커밋합니다.',
          en: 'Counting itself, B needs 3 of 5. The moment two followers have answered, B commits.',
        },
      },
    },
    {
      at: 460,
      caption: {
        ko: '③ 커밋: 과반수가 엔트리를 가졌으므로 B는 commitIndex를 1로 올리고 상태 머신에 적용했습니다(x = 1). 클라이언트는 응답을 받습니다. 팔로워들은 아직 커밋 사실을 모릅니다.',
        en: '③ Commit: a majority holds the entry, so B raised commitIndex to 1 and applied it (x = 1); the client gets its answer. The followers do not know yet.',
      },
      watch: { ko: 'B와 팔로워들의 commitIndex 차이', en: "B's commitIndex against the followers'" },
      focus: { nodes: ['B'], indexes: [1] },
    },
    {
      at: 520,
      caption: {
        ko: '④ 전파: 다음 AppendEntries(하트비트)에 담긴 leaderCommit을 보고 팔로워들도 commitIndex를 올리고 x = 1을 적용했습니다.',
        en: '④ Propagate: the next AppendEntries (a heartbeat) carried leaderCommit, and every follower committed and applied x = 1 too.',
      },
      focus: { indexes: [1] },
    },
  ],
};
