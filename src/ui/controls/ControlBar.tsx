// Play/pause, one step, reset, the speed slider and the virtual clock. On a phone the bar is a drawer
// along the bottom edge: "More controls" folds the speed, the clock and the client command away
// (styles.css), leaving play, step and reset over the ring.

import { useId, useState } from 'react';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import styles from './Controls.module.css';
import { PauseIcon, PlayIcon, ResetIcon, StepIcon } from './icons';
import { formatSpeed, SLIDER_MAX, SLIDER_MIN, sliderToSpeed, speedToSlider } from './speed';
import { CONTROL_STRINGS } from './strings';

export function ControlBar() {
  const t = useStrings(CONTROL_STRINGS);
  const playing = useSimStore((s) => s.playing);
  const togglePlay = useSimStore((s) => s.togglePlay);
  const step = useSimStore((s) => s.step);
  const reset = useSimStore((s) => s.reset);
  // Until the engine has shown the run (a link is still being decoded and opened), there is nothing to play:
  // a press then was lost when the link opened, paused, a moment later.
  const ready = useSimStore((s) => s.snapshot !== null);
  const [more, setMore] = useState(true);

  return (
    <div className={styles.bar} role="toolbar" aria-label={t.toolbar} data-drawer={more ? 'open' : 'closed'}>
      <button type="button" className={styles.primary} onClick={togglePlay} disabled={!ready} aria-keyshortcuts="Space">
        {playing ? <PauseIcon /> : <PlayIcon />}
        {playing ? t.pause : t.play}
      </button>
      <button type="button" onClick={step} disabled={!ready} title={t.stepHint} aria-keyshortcuts="ArrowRight .">
        <StepIcon />
        {t.step}
      </button>
      <button type="button" onClick={reset} disabled={!ready} title={t.resetHint} aria-keyshortcuts="R">
        <ResetIcon />
        {t.reset}
      </button>
      {/* An arrow only, so it fits beside play, step and reset on a 390 px phone. */}
      <button
        type="button"
        data-drawer-toggle
        aria-expanded={more}
        aria-label={t.moreControls}
        title={t.moreControls}
        onClick={() => setMore(!more)}
      >
        <span aria-hidden="true">{more ? '▾' : '▴'}</span>
      </button>
      <SpeedSlider />
      <VirtualClock />
    </div>
  );
}

function SpeedSlider() {
  const t = useStrings(CONTROL_STRINGS);
  const id = useId();
  const speed = useSimStore((s) => s.speed);
  const setSpeed = useSimStore((s) => s.setSpeed);
  const shown = formatSpeed(speed);
  return (
    <div className={styles.speed}>
      <label htmlFor={id}>{t.speed}</label>
      <input
        id={id}
        type="range"
        min={SLIDER_MIN}
        max={SLIDER_MAX}
        step={1}
        value={speedToSlider(speed)}
        aria-valuetext={shown}
        aria-keyshortcuts="[ ]"
        title={t.speedHint}
        onChange={(e) => setSpeed(sliderToSpeed(Number(e.currentTarget.value)))}
      />
      <output htmlFor={id} className={styles.speedValue}>
        {shown}
      </output>
    </div>
  );
}

function VirtualClock() {
  const t = useStrings(CONTROL_STRINGS);
  const time = useSimStore((s) => s.snapshot?.time ?? 0);
  const step = useSimStore((s) => s.snapshot?.step ?? 0);
  return (
    <p className={styles.clock}>
      <span className={styles.clockLabel}>{t.time}</span>{' '}
      <time className={styles.clockValue} data-testid="virtual-time">
        {t.timeValue(time)}
      </time>{' '}
      <span className={styles.clockSteps}>{t.events(step)}</span>
    </p>
  );
}
