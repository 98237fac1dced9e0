import type { Lesson } from '../narration';
import { ISOLATED_E } from './isolated-term';

export const electionRestriction: Lesson = {
  id: 'election-restriction',
  section: '6.3',
  title: { ko: 'Election Restriction: E는 리더가 될 수 없다', en: 'The election restriction keeps E from leading' },
  summary: {
    ko: 'E는 임기가 높지만 로그가 오래되었습니다. 투표하는 노드들은 로그의 최신성을 비교해 E에게 표를 주지 않고, 최신 로그를 가진 노드가 다음 리더가 됩니다.',
    en: 'E has the highest term but an old log. Voters compare how up to date the logs are and refuse E; a node with the latest log becomes the next leader.',
  },
  scenario: ISOLATED_E,
  beats: [
    {
      at: 2400,
      caption: {
        ko: 'E의 로그는 1번까지, 나머지 노드의 로그는 2번("set y 2")까지 있습니다. 2500ms에 E가 돌아옵니다.',
        en: 'E\'s log ends at index 1; everyone else\'s at index 2 ("set y 2"). E returns at 2500 ms.',
      },
      focus: { nodes: ['E'], indexes: [2] },
      question: {
        prompt: {
          ko: '임기가 가장 높은 E가 다음 리더가 될까요?',
          en: 'E has the highest term. Will E be the next leader?',
        },
        choices: [
          { ko: '예, 임기가 가장 높으니까', en: 'Yes, its term is the highest' },
          { ko: '아니요, 로그가 오래되어 표를 얻지 못한다', en: 'No, its log is too old to win votes' },
        ],
        answer: 1,
        reveal: {
          ko: 'RequestVote에는 lastLogIndex와 lastLogTerm이 들어 있습니다. 자신의 로그보다 오래된 로그를 가진 후보에게는 투표하지 않습니다.',
          en: 'RequestVote carries lastLogIndex and lastLogTerm. A voter refuses a candidate whose log is older than its own.',
        },
      },
    },
    {
      at: 2530,
      caption: {
        ko: 'A, C, D가 E의 RequestVote를 거부했습니다. 이유는 "로그가 최신이 아님"입니다.',
        en: "A, C and D refused E's RequestVote, because its log is not up to date.",
      },
      watch: { ko: '거부 응답과 그 이유', en: 'the refusals and their reason' },
      focus: { nodes: ['E'] },
    },
    {
      at: 3000,
      caption: {
        ko: '최신 로그를 가진 B가 더 높은 임기에서 다시 리더가 되었습니다. E는 팔로워가 되어 빠진 "set y 2"를 복제받습니다. 커밋된 엔트리는 하나도 사라지지 않았습니다.',
        en: 'B, whose log is up to date, leads again in a higher term. E follows and receives the "set y 2" it missed. No committed entry was lost.',
      },
      focus: { nodes: ['B', 'E'], indexes: [2] },
    },
  ],
};
