// Shared setup for the end-to-end specs: every test fails on a console error or an uncaught
// page error, and helpers find things the way a user does — by role and accessible name.

import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';

export type Lang = 'en' | 'ko';

export const test = base.extend<{ lang: Lang; consoleErrors: string[] }>({
  lang: ['en', { option: true }],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('dialog', (d) => {
        errors.push(`unexpected dialog: ${d.message()}`);
        void d.dismiss();
      });
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
  page: async ({ page, lang }, use) => {
    // The language a returning user chose; first visits follow the browser language.
    await page.addInitScript((l) => {
      if (!sessionStorage.getItem('e2e-lang-set')) {
        localStorage.setItem('raft-classroom.lang', l);
        sessionStorage.setItem('e2e-lang-set', '1');
      }
    }, lang);
    await use(page);
  },
});

export { expect };

export interface NodeState {
  readonly id: string;
  readonly status: string;
  readonly term: number;
  readonly isolated: boolean;
}

/** The cluster drawing. */
export function cluster(page: Page): Locator {
  return page.getByRole('group', { name: /^The cluster/ });
}

/** Every node as the ring names it: "Node C, leader, term 4[, isolated]". */
export async function nodeStates(page: Page): Promise<NodeState[]> {
  const labels = await cluster(page)
    .getByRole('button', { name: /^Node [A-I], / })
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  return labels.flatMap((label) => {
    const m = /^Node ([A-I]), ([a-z -]+), term (\d+)(, isolated)?$/.exec(label);
    return m ? [{ id: m[1]!, status: m[2]!, term: Number(m[3]), isolated: m[4] !== undefined }] : [];
  });
}

export async function leaders(page: Page): Promise<NodeState[]> {
  return (await nodeStates(page)).filter((n) => n.status === 'leader');
}

/** Waits for exactly one leader (optionally one that passes `accept`) and returns it. */
export async function waitForLeader(page: Page, accept: (n: NodeState) => boolean = () => true): Promise<NodeState> {
  let found: NodeState | undefined;
  await expect
    .poll(
      async () => {
        const all = await leaders(page);
        found = all.length === 1 && accept(all[0]!) ? all[0] : undefined;
        return found !== undefined;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}

export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('group', { name: /^(The cluster|클러스터)/ })).toBeVisible();
}

/** Real time (1×): elections take a fraction of a second. Works in either language. */
export async function fullSpeed(page: Page): Promise<void> {
  const slider = page.getByRole('slider', { name: /^(Speed|속도)$/ });
  await slider.fill((await slider.getAttribute('max')) ?? '30');
  await expect(slider).toHaveAttribute('aria-valuetext', '1×');
  const play = page.getByRole('button', { name: /^(Play|재생)$/ });
  if (await play.isVisible()) await play.click();
  await expect(page.getByRole('button', { name: /^(Pause|일시정지)$/ })).toBeVisible();
}

/** Opens one of the side area's tabs ("Events", "Node", "Space-time", "Safety", "Rules", "Settings"). */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/** Selects a node in the node-actions panel (Node tab) and presses one of its actions ("Kill", "Isolate", …). */
export async function nodeAction(page: Page, node: string, action: string): Promise<void> {
  await openTab(page, 'Node');
  const select = page.getByRole('button', { name: `Select node ${node}` });
  if ((await select.getAttribute('aria-pressed')) !== 'true') await select.click();
  await page.getByRole('button', { name: `${action} ${node}` }).click();
}

export async function submitCommand(page: Page, command: string): Promise<void> {
  const field = page.getByRole('combobox', { name: 'Client command' });
  await field.fill(command);
  await field.press('Enter');
  await expect(field).toHaveValue('');
}

/** The log row of one node. */
export function logOf(page: Page, node: string): Locator {
  return page.getByRole('list', { name: `Log of node ${node}` });
}

/** True when the node's log holds `command` as a committed entry. */
export async function hasCommitted(page: Page, node: string, command: string): Promise<boolean> {
  const labels = await logOf(page, node)
    .getByRole('listitem')
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  return labels.some((l) => l.includes(`, ${command}, committed`));
}

/** axe finds no serious or critical violation, colour contrast included (every text at 4.5:1, issue 12). */
export async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).options({ rules: { 'color-contrast': { enabled: true } } }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
}
