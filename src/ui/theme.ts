// One palette for the whole UI, so a role or a term has the same colour everywhere.
// Colour is never the only cue: roles also have a label and a shape.

import type { Role } from '../raft/types';

export const ROLE_COLOR: Record<Role | 'dead', string> = {
  follower: '#64748b',
  preCandidate: '#a16207',
  candidate: '#d97706',
  leader: '#1d4ed8',
  dead: '#9ca3af',
};

/** Eight well-separated hues (Okabe–Ito-like, readable by colour-blind students), cycled by term. */
const TERM_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8a7a00', '#6a3d9a'];

export function termColor(term: number): string {
  return TERM_COLORS[(Math.max(term, 1) - 1) % TERM_COLORS.length]!;
}

/** Message colours by RPC kind. */
export const MESSAGE_COLOR = {
  RequestVote: '#d97706',
  voteGranted: '#16a34a',
  voteRefused: '#dc2626',
  heartbeat: '#94a3b8',
  AppendEntries: '#1d4ed8',
  appendOk: '#0891b2',
  appendRefused: '#be123c',
  ClientRequest: '#7c3aed',
  ClientReply: '#9333ea',
  InstallSnapshot: '#047857',
} as const;

function channel(c: number): number {
  const v = c / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const DARK_INK = '#111827';
const LIGHT_INK = '#ffffff';

/** Dark or white text, whichever has the higher contrast on `hex` (both are tried; WCAG's formula, not a guess). */
export function inkOn(hex: string): string {
  return contrastRatio(DARK_INK, hex) >= contrastRatio(LIGHT_INK, hex) ? DARK_INK : LIGHT_INK;
}

/** `hex` darkened towards black until it reads at 4.5:1 on white (text in a term's colour). */
export function readableOn(hex: string, background = '#ffffff'): string {
  const n = parseInt(hex.slice(1), 16);
  let [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  let out = hex;
  for (let i = 0; i < 20 && contrastRatio(out, background) < 4.6; i++) {
    [r, g, b] = [r * 0.9, g * 0.9, b * 0.9];
    out = `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
  }
  return out;
}

const TERM_INK = new Map<number, string>();

/** A term's colour as text on white: darkened where the plain colour would not read (amber, sky blue). */
export function termInk(term: number): string {
  const slot = (Math.max(term, 1) - 1) % TERM_COLORS.length;
  let ink = TERM_INK.get(slot);
  if (!ink) {
    ink = readableOn(termColor(term));
    TERM_INK.set(slot, ink);
  }
  return ink;
}
