import { defineStrings } from '../i18n';
import type { Refusal } from './command-refusal';

const refusalEn = (r: Refusal): string => {
  switch (r.kind) {
    case 'empty':
      return 'Type a command first, for example "set x 1".';
    case 'unknownOp':
      return `Unknown operation "${r.op}". Use set KEY VALUE, del KEY or get KEY.`;
    case 'badKey':
      return `"${r.op}" needs a key of 1–32 letters, digits or _ . : -`;
    case 'noValue':
      return `"set ${r.key}" needs a value: set ${r.key} VALUE`;
    case 'longValue':
      return 'The value is longer than 64 characters.';
    case 'extraWords':
      return `"${r.op}" takes only a key: ${r.op} ${r.key}`;
  }
};

const refusalKo = (r: Refusal): string => {
  switch (r.kind) {
    case 'empty':
      return '먼저 명령을 입력하세요. 예: "set x 1"';
    case 'unknownOp':
      return `알 수 없는 연산 "${r.op}"입니다. set KEY VALUE, del KEY, get KEY 중 하나를 쓰세요.`;
    case 'badKey':
      return `"${r.op}"에는 1–32자의 키(영문자, 숫자, _ . : -)가 필요합니다.`;
    case 'noValue':
      return `"set ${r.key}"에는 값이 필요합니다: set ${r.key} VALUE`;
    case 'longValue':
      return '값이 64자를 넘습니다.';
    case 'extraWords':
      return `"${r.op}"는 키 하나만 받습니다: ${r.op} ${r.key}`;
  }
};

export const CONTROL_STRINGS = defineStrings(
  {
    toolbar: 'Simulation controls',
    /** A phone's bottom drawer: the speed, the clock and the client command fold behind it. */
    moreControls: 'More controls',
    play: 'Play',
    pause: 'Pause',
    step: 'Step',
    stepHint: 'Process exactly one event',
    reset: 'Reset',
    resetHint: 'Start the scenario again from time 0',
    speed: 'Speed',
    speedHint: 'Virtual time per real second',
    time: 'Virtual time',
    timeValue: (ms: number): string => `${(ms / 1000).toFixed(3)} s`,
    events: (n: number): string => `event ${n}`,
    commandLabel: 'Client command',
    commandPlaceholder: 'set x 1',
    submit: 'Send to leader',
    examples: 'Examples',
    useExample: (cmd: string): string => `Type “${cmd}”`,
    sent: (cmd: string): string => `Sent “${cmd}” to the cluster; the client finds the leader.`,
    refusal: refusalEn,
  },
  {
    toolbar: '시뮬레이션 조작',
    moreControls: '조작 더 보기',
    play: '재생',
    pause: '일시정지',
    step: '한 단계',
    stepHint: '이벤트 하나만 처리',
    reset: '처음부터',
    resetHint: '시나리오를 시간 0부터 다시 시작',
    speed: '속도',
    speedHint: '실제 1초에 흐르는 가상 시간',
    time: '가상 시간',
    timeValue: (ms: number): string => `${(ms / 1000).toFixed(3)}초`,
    events: (n: number): string => `이벤트 ${n}`,
    commandLabel: '클라이언트 명령',
    commandPlaceholder: 'set x 1',
    submit: '리더에게 보내기',
    examples: '예시',
    useExample: (cmd: string): string => `“${cmd}” 입력`,
    sent: (cmd: string): string => `“${cmd}”를 클러스터에 보냈습니다. 클라이언트가 리더를 찾아갑니다.`,
    refusal: refusalKo,
  },
);
