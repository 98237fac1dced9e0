// The node actions panel's own strings (the actions the presenter bar shares stay in STRINGS): apart from
// the ring's strings, since the ring is in the first chunk and the panel loads after its first frame.

import { defineStrings } from '../i18n';

export const NODE_ACTION_STRINGS = defineStrings(
  {
    actionsTitle: 'Node actions',
    transferHere: (id: string) => `Transfer leadership here (${id})`,
    transferHelp:
      'Thesis §3.10: the leader stops taking commands, brings this node up to date and tells it to start an election now (TimeoutNow).',
    addToCluster: (id: string) => `Add ${id} to cluster`,
    isDown: (id: string) => `${id} is down`,
    commandLabel: (id: string) => `Command for ${id}`,
    commandToDead: (id: string) =>
      `${id} is down: a command sent to it is lost, and the client tries another node after its timeout.`,
    commandPlaceholder: 'set x 1',
    send: (id: string) => `Send to ${id}`,
    emptyCommand: 'Type a command first',
  },
  {
    actionsTitle: '노드 조작',
    transferHere: (id: string) => `리더를 여기로 넘기기 (${id})`,
    transferHelp:
      '논문 §3.10: 리더가 명령 받기를 멈추고, 이 노드의 로그를 따라잡게 한 뒤 지금 선거를 시작하라고(TimeoutNow) 알립니다.',
    addToCluster: (id: string) => `${id}를 클러스터에 추가`,
    isDown: (id: string) => `노드 ${id} 중지됨`,
    commandLabel: (id: string) => `${id}에 보낼 명령`,
    commandToDead: (id: string) =>
      `${id}는 꺼져 있습니다: 보낸 명령은 사라지고, 클라이언트는 타임아웃 뒤 다른 노드로 다시 보냅니다.`,
    commandPlaceholder: 'set x 1',
    send: (id: string) => `${id}에 보내기`,
    emptyCommand: '먼저 명령을 입력하세요',
  },
);
