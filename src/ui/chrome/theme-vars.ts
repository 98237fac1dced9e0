// The palette of theme.ts as CSS variables, so stylesheets use the same colours as the code.

import { MESSAGE_COLOR, ROLE_COLOR, termColor } from '../theme';

export function themeVariables(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [role, color] of Object.entries(ROLE_COLOR)) vars[`--role-${role}`] = color;
  for (const [kind, color] of Object.entries(MESSAGE_COLOR)) vars[`--message-${kind}`] = color;
  for (let term = 1; term <= 8; term++) vars[`--term-${term}`] = termColor(term);
  return vars;
}

export function applyThemeVariables(root: HTMLElement): void {
  for (const [name, value] of Object.entries(themeVariables())) root.style.setProperty(name, value);
}
