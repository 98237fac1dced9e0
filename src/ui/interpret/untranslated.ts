// English left in a Korean view: any Latin word a Korean reader would have to translate, beyond the
// glossary's own list (terms.ts). The ring, the logs, the timeline and the space-time diagram must say
// 다음, 일치, 임기 3 — not "▼ next", "match", "T3". What Korean text may keep is what the paper and the
// course notes keep in English: Figure 2's identifiers (nextIndex, AppendEntries), acronyms (RPC),
// node letters, units, a client's own commands (set x 1) and glosses in parentheses.

/** Latin words Korean text keeps as they are: units, names on the keyboard, a Figure 2 field. */
const KEPT = new Set([
  'ms',
  's',
  'no-op',
  'raft',
  'esc',
  'space',
  'enter',
  'page',
  'up',
  'down',
  'success',
  'x',
  'y',
  'z',
]);

/** A client command as typed (set x 1, get y, del x): the student's data, never translated. */
const COMMAND = /\b(set|get|del|cas)\s+[^\s,)]+(\s+[^\s,)]+)?/gi;

/** "(Check quorum)": an English name after its Korean one (see terms.ts). */
const GLOSS = /\(\s*[A-Za-z][A-Za-z -]*\)/g;

/** C_old,new and C_new: the paper's names for configurations. */
const CONFIG_NAME = /C_(old|new)(,new)?/g;

/** Whether a Latin word is one Korean text keeps: an identifier, an acronym, a node letter or a unit. */
function kept(word: string): boolean {
  if (KEPT.has(word.toLowerCase())) return true;
  // camelCase and PascalCase identifiers of the paper (prevLogTerm, RequestVote, TimeoutNow).
  if (/[a-z][A-Z]/.test(word)) return true;
  // Acronyms (RPC, JSON, KEY) and node letters (A–I).
  return /^[A-Z]+$/.test(word) && word !== 'T';
}

/**
 * The English words in `korean` that a Korean reader would meet untranslated. A "T" before a term
 * number (T3, or T{} where a source template puts the number) is the English abbreviation of term.
 */
export function untranslatedWords(korean: string): string[] {
  const text = korean.replace(GLOSS, ' ').replace(COMMAND, ' ').replace(CONFIG_NAME, ' ');
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z0-9_])[A-Za-z][A-Za-z-]*(?![A-Za-z_])/g)) {
    const word = m[0];
    const termNumber = word === 'T' && /^(\d|\{\})/.test(text.slice(m.index + 1));
    if (termNumber || !kept(word)) found.push(word);
  }
  return found;
}
