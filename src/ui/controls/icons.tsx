// Small inline icons for the playback buttons (font glyphs such as ⏵ are missing from many fonts).
// Decorative: every button also has its text label.

const common = { width: '1em', height: '1em', viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export function PlayIcon() {
  return (
    <svg {...common}>
      <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
    </svg>
  );
}

export function PauseIcon() {
  return (
    <svg {...common}>
      <rect x="3.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" />
      <rect x="9.5" y="2.5" width="3" height="11" rx="0.5" fill="currentColor" />
    </svg>
  );
}

export function StepIcon() {
  return (
    <svg {...common}>
      <path d="M3 2.5v11l7.5-5.5z" fill="currentColor" />
      <rect x="11" y="2.5" width="2.5" height="11" rx="0.5" fill="currentColor" />
    </svg>
  );
}

export function ResetIcon() {
  return (
    <svg {...common}>
      <path d="M3.5 8a4.5 4.5 0 1 0 1.4-3.3" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      <path d="M2.5 2v4h4z" fill="currentColor" />
    </svg>
  );
}
