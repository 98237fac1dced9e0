// Small inline icons (no font has every symbol; an SVG always draws).

const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export function StepBackIcon() {
  return (
    <svg {...common}>
      <path d="M3 2h2v12H3zM14 2v12L6 8z" fill="currentColor" />
    </svg>
  );
}

export function StepForwardIcon() {
  return (
    <svg {...common}>
      <path d="M11 2h2v12h-2zM2 2v12l8-6z" fill="currentColor" />
    </svg>
  );
}

export function HandIcon() {
  return (
    <svg {...common}>
      <path
        d="M5 8V3.5a1 1 0 0 1 2 0V7h.5V2.5a1 1 0 0 1 2 0V7h.5V3.5a1 1 0 0 1 2 0V10c0 2.5-1.8 4.5-4.2 4.5-1.6 0-2.6-.7-3.5-2L2.6 9.7a1 1 0 0 1 1.6-1.2z"
        fill="currentColor"
      />
    </svg>
  );
}

export function AlarmIcon() {
  return (
    <svg {...common}>
      <circle cx="8" cy="9" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M8 6v3.2l2 1.3M2 3.5 4 2M14 3.5 12 2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
