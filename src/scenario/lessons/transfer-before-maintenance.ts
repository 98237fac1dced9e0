import type { Lesson } from '../narration';

// Dissertation §3.10: B leads term 1 from 180 ms and must go down for maintenance at 1000 ms.
// C, down since 300 ms, restarts at 700 ms with an empty log, and B is asked at once to hand
// leadership to C: B refuses set d 4 (710 ms), brings C's log up to date (715 ms), sends
// TimeoutNow (733 ms); C campaigns at once and leads term 2 at 770 ms, long before any election
// timer would have fired. B is killed at 1000 ms; the cluster does not notice.
export const transferBeforeMaintenance: Lesson = {
  id: 'transfer-before-maintenance',
  section: '10',
  title: {
    ko: '점검 전에 리더를 넘기기 (Leadership Transfer)',
    en: 'Handing over leadership before maintenance',
  },
  summary: {
    ko: '리더를 그냥 끄면 클러스터는 선거 타임아웃 동안 리더 없이 멈춥니다. 대신 리더가 먼저 새 명령을 멈추고, 대상의 로그를 따라잡게 한 뒤 TimeoutNow를 보내면 대상이 바로 선거에 이깁니다 (학위논문 §3.10).',
    en: 'Switching a leader off leaves the cluster without one for an election timeout. Instead the leader stops taking commands, brings the target up to date and sends it TimeoutNow: the target wins an election at once (dissertation §3.10).',
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 3,
    actions: [
      { at: 300, do: 'kill', node: 'C' },
      { at: 400, do: 'submit', command: 'set a 1' },
      { at: 500, do: 'submit', command: 'set b 2' },
      { at: 600, do: 'submit', command: 'set c 3' },
      { at: 700, do: 'restart', node: 'C' },
      { at: 700, do: 'transfer', to: 'C' },
      { at: 710, do: 'submit', command: 'set d 4' },
      { at: 1000, do: 'kill', node: 'B' },
      { at: 1100, do: 'submit', command: 'set e 5' },
    ],
  },
  beats: [
    {
      at: 690,
      caption: {
        ko: 'B가 임기 1의 리더이고 A와 함께 엔트리 1–3을 커밋했습니다. C는 300ms부터 꺼져 있어 로그가 비어 있습니다. 700ms에 C가 재시작하고, B를 점검하려고 B에게 C로 리더를 넘기라고 요청합니다.',
        en: 'B leads term 1 and has committed entries 1–3 with A. C has been down since 300 ms and its log is empty. At 700 ms C restarts and, to take B down for maintenance, B is asked to hand leadership to C.',
      },
      focus: { nodes: ['B', 'C'] },
      question: {
        prompt: {
          ko: 'C의 로그는 비어 있습니다. B는 무엇부터 할까요?',
          en: "C's log is empty. What does B do first?",
        },
        choices: [
          {
            ko: '바로 C에게 TimeoutNow를 보낸다',
            en: 'It sends C TimeoutNow at once',
          },
          {
            ko: '새 명령을 거절하면서 C의 로그를 따라잡게 한다',
            en: "It refuses new commands while it brings C's log up to date",
          },
          { ko: '그냥 물러나고 선거가 C를 뽑기를 기다린다', en: 'It steps down and lets an election pick C' },
        ],
        answer: 1,
        reveal: {
          ko: '빈 로그로는 선거 제한(§5.4.1) 때문에 이길 수 없습니다. 그래서 리더는 먼저 새 명령을 멈추고(로그가 더 자라지 않게), 대상의 로그가 자기 로그와 같아질 때까지 보냅니다. 그다음에 TimeoutNow를 보냅니다 (§3.10).',
          en: 'With an empty log C could not win: the election restriction (§5.4.1) stops it. So the leader first stops taking commands (its log stops growing), sends the target entries until its log matches, and only then sends TimeoutNow (§3.10).',
        },
      },
    },
    {
      at: 735,
      caption: {
        ko: 'B는 710ms에 온 set d 4를 "C로 이양 중"이라며 거절했습니다. 클라이언트는 잠시 뒤 C에게 다시 보냅니다. C는 엔트리 1–3을 받아 B와 로그가 같아졌고, B가 방금 TimeoutNow를 보냈습니다.',
        en: 'B refused set d 4, sent at 710 ms, saying it is handing over to C; the client will retry at C shortly. C received entries 1–3, so its log matches B’s, and B has just sent TimeoutNow.',
      },
      watch: { ko: 'TimeoutNow 메시지', en: 'The TimeoutNow message' },
      focus: { nodes: ['B', 'C'], indexes: [1, 2, 3] },
      question: {
        prompt: {
          ko: 'C는 언제 리더가 될까요?',
          en: 'When will C be leader?',
        },
        choices: [
          {
            ko: '곧바로: TimeoutNow를 받자마자 선거를 시작한다',
            en: 'Right away: it starts an election as soon as TimeoutNow arrives',
          },
          {
            ko: '선거 타임아웃(150–300ms)이 지난 뒤',
            en: 'After its election timeout (150–300 ms)',
          },
          { ko: '못 된다: B가 아직 리더다', en: 'Never: B is still the leader' },
        ],
        answer: 0,
        reveal: {
          ko: 'TimeoutNow는 "지금 선거 타임아웃이 끝난 것처럼 하라"는 뜻입니다. C는 사전 투표 없이 바로 임기 2 선거를 시작하고, RequestVote에 이양 표시(transfer)를 붙입니다. B도 더 높은 임기를 보고 물러나 C에게 투표합니다.',
          en: 'TimeoutNow means "act as if your election timer fired now". C starts a term-2 election at once, without pre-vote, its RequestVote marked as a transfer. B sees the higher term, steps down and votes for C too.',
        },
      },
    },
    {
      at: 780,
      caption: {
        ko: 'C가 임기 2의 리더가 되었습니다. TimeoutNow를 보낸 지 40ms도 안 되어서입니다. 선거 타임아웃을 기다린 노드는 없었습니다.',
        en: 'C leads term 2, less than 40 ms after TimeoutNow was sent. No node waited for an election timeout.',
      },
      focus: { nodes: ['C'] },
    },
    {
      at: 1160,
      caption: {
        ko: '다시 보낸 set d 4는 C가 커밋했습니다. 1000ms에 B를 점검하려고 껐지만 C와 A가 과반수이므로 선거도 없이 set e 5도 커밋되었습니다. 클러스터는 B가 꺼진 것을 거의 느끼지 못했습니다.',
        en: 'C committed set d 4 on its retry. B was switched off for maintenance at 1000 ms, but C and A are a majority: set e 5 committed too, with no election. The cluster hardly noticed B going away.',
      },
      focus: { nodes: ['A', 'C'], indexes: [4, 5] },
    },
  ],
};
