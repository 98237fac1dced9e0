import type { Lesson } from '../narration';
import { ISOLATED_E } from './isolated-term';

export const rejoinDeposes: Lesson = {
  id: 'rejoin-deposes',
  section: '6.2',
  title: { ko: 'E가 돌아오면 리더가 물러난다', en: 'E rejoins and the leader steps down' },
  summary: {
    ko: '복구된 E가 높은 임기를 클러스터에 퍼뜨립니다. 자신보다 높은 임기를 본 리더는 즉시 팔로워로 강등됩니다.',
    en: 'When E reconnects it spreads its higher term. The leader, seeing a term above its own, immediately becomes a follower.',
  },
  scenario: ISOLATED_E,
  beats: [
    {
      at: 2400,
      caption: {
        ko: 'E는 아직 고립되어 있고 임기가 리더 B보다 훨씬 높습니다. 2500ms에 E의 네트워크가 복구됩니다.',
        en: "E is still cut off, its term far above leader B's. At 2500 ms its network comes back.",
      },
      focus: { nodes: ['E', 'B'] },
      question: {
        prompt: { ko: 'E가 돌아오면 리더 B는 어떻게 될까요?', en: 'What happens to leader B when E is back?' },
        choices: [
          { ko: '그대로 리더로 남는다', en: 'It stays leader' },
          { ko: 'E의 임기를 보고 팔로워로 강등된다', en: "It sees E's term and steps down to follower" },
          { ko: 'E에게 자신의 임기를 강요한다', en: 'It forces its own term on E' },
        ],
        answer: 1,
        reveal: {
          ko: 'Raft의 규칙: 더 높은 임기를 가진 메시지를 받으면 그 임기를 받아들이고 팔로워가 됩니다. 리더도 예외가 아닙니다.',
          en: 'The rule for every node: a message with a higher term makes you adopt that term and follow. The leader is no exception.',
        },
      },
    },
    {
      at: 2530,
      caption: {
        ko: 'E의 RequestVote가 높은 임기를 싣고 도착했습니다. A, C, D는 그 임기를 받아들였습니다(투표는 거부했습니다).',
        en: "E's RequestVote arrived carrying its high term. A, C and D adopted that term (while refusing the vote).",
      },
      focus: { nodes: ['E'] },
    },
    {
      at: 2560,
      caption: {
        ko: 'B도 E의 높은 임기를 확인하고 권위를 포기했습니다. B는 이제 팔로워이고, 잠시 동안 클러스터에 리더가 없습니다.',
        en: "B saw E's higher term too and gave up: it is a follower now, and for a moment the cluster has no leader.",
      },
      focus: { nodes: ['B'] },
    },
  ],
};
