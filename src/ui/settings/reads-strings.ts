import { defineStrings } from '../i18n';

export const READS_STRINGS = defineStrings(
  {
    title: 'Reads and clocks',
    reads: 'How a get is served',
    mode: (m: 'log' | 'readIndex' | 'lease'): string =>
      ({ log: 'Through the log', readIndex: 'ReadIndex (§6.4)', lease: 'Lease (§6.4.1)' })[m],
    readsHelp:
      'Through the log: a get is an entry like any command. ReadIndex: the leader records commitIndex and confirms it still leads with one heartbeat round, no entry. Lease: it skips the round while a majority answered within election timeout ÷ drift bound.',
    followerReads: 'Followers serve reads (asking the leader for a read index)',
    clocks: 'Clock rate of each node',
    clocksHelp: 'A node’s timers run at its clock’s rate: above 1 it times out early, below 1 late.',
    drift: 'Clock drift bound the lease allows for',
    driftRestarts: 'Changing the bound starts a new run.',
  },
  {
    title: '읽기와 시계',
    reads: 'get을 처리하는 방법',
    mode: (m: 'log' | 'readIndex' | 'lease'): string =>
      ({ log: '로그를 통해', readIndex: 'ReadIndex (§6.4)', lease: '리스 (§6.4.1)' })[m],
    readsHelp:
      '로그를 통해: get도 다른 명령처럼 엔트리가 됩니다. ReadIndex: 리더가 commitIndex를 기록하고 하트비트 한 라운드로 아직 리더인지 확인하며, 엔트리는 없습니다. 리스: 과반수가 선거 타임아웃 ÷ 오차 한도 안에 응답했다면 그 라운드도 생략합니다.',
    followerReads: '팔로워도 읽기를 처리 (리더에게 read index를 물어봄)',
    clocks: '노드별 시계 속도',
    clocksHelp: '노드의 타이머는 그 시계 속도로 갑니다. 1보다 크면 일찍, 작으면 늦게 타임아웃됩니다.',
    drift: '리스가 감안하는 시계 오차 한도',
    driftRestarts: '한도를 바꾸면 처음부터 다시 시작합니다.',
  },
);
