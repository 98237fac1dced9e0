import type { Lesson } from '../narration';

// Paper §6 (third issue) and Ongaro's dissertation §4.2.3: a removed server that hears no more
// heartbeats times out and campaigns with ever higher terms, deposing each leader though it can
// never win. D misses the entry that removes it (the link B→D fails just before), so it does not
// know it is out. With preVote on (dissertation §9.6) its pre-votes are refused and terms stay put.
export const membershipRemovedDisrupts: Lesson = {
  id: 'membership-removed-disrupts',
  section: '9',
  title: {
    ko: '제거된 서버가 클러스터를 흔든다, 그리고 사전 투표',
    en: 'A removed server disrupts the cluster, and pre-vote stops it',
  },
  summary: {
    ko: '제거된 서버는 하트비트를 받지 못해 선거를 시작하고, 더 높은 임기로 리더를 계속 끌어내립니다. 이길 수는 없지만 클러스터는 리더를 자꾸 잃습니다. 사전 투표를 켜면 다른 서버들이 예비 투표를 거절해 임기가 오르지 않습니다 (논문 §6, 학위논문 §4.2.3, §9.6).',
    en: 'A removed server hears no heartbeats, so it campaigns, and its ever higher terms keep deposing the leader. It can never win, but the cluster keeps losing its leader. With preVote on, the others refuse its pre-votes and terms stop rising (paper §6, dissertation §4.2.3 and §9.6).',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 4,
    options: { leaderNoop: true },
    actions: [
      { at: 390, do: 'cut', from: 'B', to: 'D', oneWay: true },
      { at: 400, do: 'change', remove: ['D'] },
      { at: 2000, do: 'setOptions', options: { preVote: true } },
    ],
  },
  beats: [
    {
      at: 395,
      caption: {
        ko: 'B가 {A, B, C, D}의 리더입니다. 사전 투표와 checkQuorum은 꺼져 있습니다. 390ms에 B에서 D로 가는 링크가 끊겼습니다(한 방향: D는 여전히 보낼 수 있습니다). 400ms에 관리자가 D의 제거를 요청합니다.',
        en: 'B leads {A, B, C, D}; preVote and checkQuorum are off. At 390 ms the link from B to D failed (one way: D can still send). At 400 ms the administrator asks to remove D.',
      },
      focus: { nodes: ['B', 'D'] },
    },
    {
      at: 500,
      caption: {
        ko: 'C_new = {A, B, C}가 커밋되어 변경이 끝났습니다. D는 그 엔트리를 받지 못해 자기가 아직 {A, B, C, D}에 있다고 믿습니다. 어떤 리더도 C_new 밖의 서버에게는 보내지 않으므로 D는 하트비트를 듣지 못합니다.',
        en: 'C_new = {A, B, C} is committed: the change is done. D never received that entry, so it believes it is still in {A, B, C, D}; and no leader sends anything to a server outside C_new, so D hears no heartbeats.',
      },
      focus: { nodes: ['D'], indexes: [2] },
      question: {
        prompt: {
          ko: 'D의 선거 타이머가 만료되면 무슨 일이 생길까요?',
          en: "What happens when D's election timer runs out?",
        },
        choices: [
          { ko: '아무 일도 없다: D는 제거되었다', en: 'Nothing: D has been removed' },
          {
            ko: 'D가 더 높은 임기로 선거를 시작하고, 이기지는 못해도 리더를 물러나게 한다',
            en: 'D campaigns with a higher term: the leader steps down, though D cannot win',
          },
          { ko: 'D가 리더가 된다', en: 'D becomes the leader' },
        ],
        answer: 1,
        reveal: {
          ko: 'RequestVote의 임기가 더 높으면 받는 쪽은 임기를 올리고 팔로워가 됩니다(§5.1). 리더도 마찬가지입니다. 하지만 D의 로그에는 2번이 없어서 누구도 D에게 투표하지 않습니다(§5.4.1).',
          en: 'A RequestVote with a higher term makes its receiver adopt the term and become a follower (§5.1), leaders included. But D’s log lacks entry 2, so nobody votes for D (§5.4.1).',
        },
      },
    },
    {
      at: 620,
      caption: {
        ko: 'D가 임기 2 선거를 시작했습니다. B는 더 높은 임기를 보고 물러났고, A, B, C 모두 D의 로그가 뒤처져 표를 거절했습니다. 지금은 리더가 없습니다.',
        en: 'D started an election for term 2. B saw the higher term and stepped down, and A, B and C all refused their vote: D’s log is behind. There is no leader now.',
      },
      focus: { nodes: ['B', 'D'] },
    },
    {
      at: 1990,
      caption: {
        ko: '이런 일이 되풀이됩니다: D의 임기가 리더의 임기를 넘을 때마다 리더가 물러났고(605, 1239, 1797ms), 임기는 9까지 올랐습니다. D는 한 번도 이기지 못합니다. 2000ms에 사전 투표를 켭니다.',
        en: 'It keeps happening: each time D’s term passes the leader’s, the leader steps down (at 605, 1239 and 1797 ms), and the term has climbed to 9. D never wins. At 2000 ms preVote is turned on.',
      },
      focus: { nodes: ['D'] },
      question: {
        prompt: {
          ko: '사전 투표가 켜진 뒤에도 D가 리더를 물러나게 할까요?',
          en: 'With pre-vote on, will D depose the leader again?',
        },
        choices: [
          { ko: '예: 타이머가 만료될 때마다', en: 'Yes, each time its timer runs out' },
          {
            ko: '아니요: 먼저 예비 투표에서 이겨야 하는데 모두 거절하므로 임기가 오르지 않는다',
            en: 'No: it must first win a pre-vote, which the others refuse, so no term rises',
          },
        ],
        answer: 1,
        reveal: {
          ko: '사전 투표에서 후보는 임기를 올리지 않고 "이길 수 있을지"만 묻습니다. 리더의 소식을 최근에 들은 서버는 거절합니다(학위논문 §4.2.3, §9.6). 그래서 아무의 임기도 오르지 않습니다.',
          en: 'In a pre-vote the candidate does not raise its term; it only asks whether it could win. Servers that heard from a leader recently refuse (dissertation §4.2.3, §9.6), so nobody’s term rises.',
        },
      },
    },
    {
      at: 3400,
      caption: {
        ko: 'A가 1975ms부터 임기 9의 리더입니다. D의 타이머는 계속 만료되지만 D는 예비 투표만 요청하고, A, B, C는 리더가 살아 있다며 거절합니다. 임기는 더 이상 오르지 않습니다.',
        en: 'A has led term 9 since 1975 ms. D’s timer keeps running out, but it only asks for pre-votes, which A, B and C refuse because they hear from a leader. Terms no longer rise.',
      },
      focus: { nodes: ['A', 'D'] },
    },
  ],
};
