import type { Lesson } from '../narration';
import type { ScenarioInput } from '../schema';

/** Five entries that A, B and C hold at the start (committed by the first leader); D, a spare, holds none. */
const FIVE: NonNullable<ScenarioInput['initial']>[string] = {
  term: 1,
  log: ['set a 1', 'set b 2', 'set c 3', 'set d 4', 'set e 5'].map((command) => ({ term: 1, command })),
};

// Paper §6; Ongaro's dissertation §4.2.1 (catching up new servers) and §4.3. B leads {A,B,C};
// D is added. With maxEntriesPerMessage 2, D's catch-up takes several round trips, during which
// B commits without D. Then the configuration entry makes D a voter, and when B crashes the next
// leader needs three of {A,B,C,D}: D's vote counts (D itself wins).
export const membershipAddServer: Lesson = {
  id: 'membership-add-server',
  section: '9',
  title: {
    ko: '서버 추가: 학습자로 따라잡은 뒤 투표한다',
    en: 'Adding a server: it catches up as a learner, then it votes',
  },
  summary: {
    ko: '빈 로그의 새 서버를 곧바로 투표자로 넣으면, 그 서버가 따라잡을 때까지 커밋이 멈출 수 있습니다. 그래서 리더는 먼저 투표권 없는 학습자로 로그를 보내고, 따라잡은 뒤에야 구성 엔트리로 투표자로 만듭니다 (논문 §6, 학위논문 §4.2.1).',
    en: 'A new server with an empty log, made a voter at once, could stall commitment until it catches up. So the leader first sends it the log as a non-voting learner, and only once it has caught up appends the configuration entry that makes it a voter (paper §6, dissertation §4.2.1).',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 4,
    members: ['A', 'B', 'C'],
    options: { leaderNoop: true, maxEntriesPerMessage: 2 },
    initial: { A: FIVE, B: FIVE, C: FIVE },
    actions: [
      { at: 400, do: 'change', add: ['D'] },
      { at: 500, do: 'submit', command: 'set f 6' },
      { at: 1000, do: 'kill', node: 'B' },
    ],
  },
  beats: [
    {
      at: 400,
      caption: {
        ko: 'B가 {A, B, C}의 임기 2 리더이고 1–6번이 커밋되었습니다. D는 예비 서버입니다: 켜져 있지만 로그가 비어 있고 어느 구성에도 없어서 선거를 시작하지 않습니다. 400ms에 관리자가 D의 추가를 요청합니다.',
        en: 'B leads term 2 of {A, B, C}; entries 1–6 are committed. D is a spare server: powered on, empty log, in no configuration, so it never starts an election. At 400 ms the administrator asks to add D.',
      },
      focus: { nodes: ['B', 'D'] },
      question: {
        prompt: {
          ko: 'D의 로그는 비어 있습니다. D의 표는 언제부터 셀까요?',
          en: "D's log is empty. When does D's vote start to count?",
        },
        choices: [
          {
            ko: '곧바로: 리더가 요청을 받자마자 구성에 넣는다',
            en: 'At once: the leader puts it in the configuration right away',
          },
          {
            ko: '따라잡은 뒤: 먼저 투표권 없이 로그를 받는다',
            en: 'Once it has caught up: first it receives the log without a vote',
          },
          { ko: '절대: 클러스터의 크기는 바뀌지 않는다', en: 'Never: a cluster keeps the size it started with' },
        ],
        answer: 1,
        reveal: {
          ko: 'D가 곧바로 투표자가 되면 {A, B, C, D}의 과반수는 3이라서, 하나만 느려도 D가 따라잡을 때까지 커밋이 멈춥니다. 학위논문 §4.2.1: 리더는 새 서버를 학습자로 두고 로그를 보내며, 한 번의 전송 안에 따라잡을 수 있게 되었을 때 구성 엔트리를 추가합니다.',
          en: 'Were D a voter at once, a majority of {A, B, C, D} would be 3, and one slow server would stall commitment until D caught up. Dissertation §4.2.1: the leader keeps the new server as a learner and sends it the log; once what is missing fits in one round, it appends the configuration entry.',
        },
      },
    },
    {
      at: 560,
      caption: {
        ko: 'D는 학습자입니다. B는 D에게 로그를 보내지만 과반수는 여전히 {A, B, C} 중 2입니다. B는 D의 nextIndex를 한 칸씩 되돌리는 중이고 D의 로그는 아직 비어 있습니다. 그 사이 "set f 6"(7번)이 A, B, C 중 둘로 커밋되었습니다: D는 필요하지 않았습니다.',
        en: 'D is a learner. B sends it the log, but a majority is still 2 of {A, B, C}. B is walking D’s nextIndex back one entry at a time, and D’s log is still empty. Meanwhile "set f 6" (index 7) committed with two of {A, B, C}: D was not needed.',
      },
      watch: { ko: 'B의 구성: 투표자 {A, B, C}, 학습자 D', en: "B's configuration: voters {A, B, C}, learner D" },
      focus: { nodes: ['D'], indexes: [7] },
    },
    {
      at: 710,
      caption: {
        ko: 'D는 두 엔트리씩(최대 2개) 1–6번을 받았습니다. 남은 것이 한 번의 전송에 들어가자 B는 D가 따라잡았다고 보고 구성 엔트리 {A, B, C, D}를 8번에 추가했습니다. B는 이것을 커밋 전에 곧바로 씁니다(§6): 이제 과반수는 4 중 3입니다.',
        en: 'D received entries 1–6 two at a time (maxEntriesPerMessage 2). Once what was missing fitted in one message, B declared D caught up and appended the configuration entry {A, B, C, D} at index 8. B uses it at once, before it commits (§6): a majority is now 3 of 4.',
      },
      focus: { nodes: ['B', 'D'], indexes: [8] },
    },
    {
      at: 990,
      caption: {
        ko: '8번은 넷 중 셋이 가진 뒤 커밋되었습니다. D는 이제 투표자입니다. 1000ms에 B가 멈춥니다.',
        en: 'Index 8 committed once three of the four held it. D is a voter now. At 1000 ms B crashes.',
      },
      focus: { nodes: ['B'], indexes: [8] },
      question: {
        prompt: {
          ko: 'B가 멈추면 A, C, D가 남습니다. 다음 리더는 몇 표가 필요할까요?',
          en: 'B crashes; A, C and D are left. How many votes does the next leader need?',
        },
        choices: [
          { ko: '2표: 예전 {A, B, C}의 과반수', en: 'Two: a majority of the old {A, B, C}' },
          {
            ko: '3표: {A, B, C, D}의 과반수이니 D의 표가 필요하다',
            en: "Three: a majority of {A, B, C, D}, so D's vote is needed",
          },
          { ko: '아무도 이길 수 없다', en: 'Nobody can win' },
        ],
        answer: 1,
        reveal: {
          ko: '모든 서버는 로그에 있는 가장 최근 구성을 씁니다. {A, B, C, D}에서 과반수는 3이고, B가 없으니 A, C, D가 모두 투표해야 합니다.',
          en: 'Every server uses the latest configuration in its log. In {A, B, C, D} a majority is 3; with B down, A, C and D must all vote.',
        },
      },
    },
    {
      at: 1260,
      caption: {
        ko: 'D가 D, C, A의 표로 임기 3의 리더가 되었습니다: {A, B, C, D} 중 셋입니다. 방금 합류한 서버가 이제 클러스터를 이끌고, 그 no-op(9번)도 넷 중 셋으로 커밋되었습니다.',
        en: 'D won term 3 with the votes of D, C and A: three of {A, B, C, D}. The server that joined a moment ago now leads, and its no-op (index 9) committed with three of four.',
      },
      focus: { nodes: ['D'], indexes: [9] },
    },
  ],
};
