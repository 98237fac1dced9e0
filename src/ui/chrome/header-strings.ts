// The strings of what the first frame draws around the ring: the title bar, the engine's error and the
// far-seek progress. Apart from CHROME_STRINGS (the side panels' tabs, the shortcut sheet, the notices,
// the presenter bar), which load after the ring's first frame.

import { defineStrings } from '../i18n';

const percent = (part: number, whole: number): string =>
  `${Math.floor(100 * (whole > 0 ? Math.min(1, part / whole) : 1))}%`;

export const HEADER_STRINGS = defineStrings(
  {
    title: 'Raft Classroom',
    tagline: 'A live Raft cluster: leader election, log replication, failures and repair',
    language: 'Language',
    shortcuts: 'Keyboard shortcuts',
    /** The help button's visible label (its name stays `shortcuts`). */
    shortcutsShort: 'Shortcuts',
    /** A phone's header: the tools fold behind this button. */
    menu: 'Menu',
    engineStopped: 'The simulation stopped with an error.',
    restart: 'Restart simulation',
    engineSilent: 'The simulation stopped responding.',
    restartHint: 'Starts the simulation again at the instant last shown.',
    present: 'Present',
    presentHint: 'Presenter mode (F): the ring fills the screen for the class',
    drawer: 'Panels',
    seeking: (reached: number, target: number) =>
      `Computing the run up to ${(target / 1000).toFixed(3)} s: ${(reached / 1000).toFixed(3)} s so far (${percent(reached, target)}).`,
    seekingProgress: 'How far the run has been computed',
    cancelSeek: 'Cancel',
    cancelSeekHint: 'Stop computing and show the run where it has got to.',
  },
  {
    title: 'Raft 교실',
    tagline: '살아 있는 Raft 클러스터: 리더 선출, 로그 복제, 장애와 복구',
    language: '언어',
    shortcuts: '단축키',
    shortcutsShort: '단축키',
    menu: '메뉴',
    engineStopped: '시뮬레이션이 오류로 멈췄습니다.',
    restart: '시뮬레이션 다시 시작',
    engineSilent: '시뮬레이션이 응답하지 않습니다.',
    restartHint: '마지막으로 보여 준 시점에서 시뮬레이션을 다시 시작합니다.',
    present: '발표 모드',
    presentHint: '발표 모드 (F): 링이 화면을 채워 교실 뒤에서도 보입니다',
    drawer: '패널',
    seeking: (reached: number, target: number) =>
      `${(target / 1000).toFixed(3)}초까지 실행을 계산하는 중: 지금 ${(reached / 1000).toFixed(3)}초 (${percent(reached, target)}).`,
    seekingProgress: '실행을 계산한 정도',
    cancelSeek: '취소',
    cancelSeekHint: '계산을 멈추고 지금까지 계산한 시점을 보여 줍니다.',
  },
);
