// Share links from a student's seat: a link opens the exact run at the exact instant (the same
// cluster the headless runner reports), a broken link says why, markup stays text, and embed mode
// leaves out the editing chrome.

import { deflateSync } from 'fflate';
import { runScenario } from '../src/scenario/run';
import { scenarioSchema } from '../src/scenario/schema';
import { encodeLink, toBase64Url } from '../src/scenario/url';
import type { Page } from '@playwright/test';
import { expect, logOf, nodeStates, openApp, openTab, test } from './fixtures';

const scenario = scenarioSchema.parse({
  version: 1,
  seed: 7,
  nodes: 5,
  actions: [
    { at: 600, do: 'submit', command: 'set x 1' },
    { at: 700, do: 'submit', command: 'set y 2' },
    { at: 900, do: 'kill', node: 'A' },
    { at: 1000, do: 'submit', command: 'set z 3' },
  ],
});
const AT = 1600;

function rawLink(body: unknown): string {
  return `#v1.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(body))))}`;
}

test('a link opens its scenario paused at its instant, with the leader and logs the headless runner reports', async ({
  page,
}) => {
  const expected = runScenario(scenario, AT);
  await page.goto(`/${encodeLink({ scenario, at: AT, view: { lang: 'en', speed: 0.01, selected: 'C' } })}`);
  await expect(page.getByTestId('virtual-time')).toHaveText('1.600 s');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  await expect
    .poll(async () => (await nodeStates(page)).map((n) => `${n.id} ${n.status} ${n.term}`))
    .toEqual(expected.nodes.map((n) => `${n.id} ${n.alive ? n.role : 'down'} ${n.term}`));
  const leader = expected.nodes.find((n) => n.alive && n.role === 'leader');
  expect(leader, 'the scenario has a leader at the instant').toBeDefined();

  for (const node of expected.nodes) {
    const labels = await logOf(page, node.id)
      .getByRole('listitem')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    const shown = labels.flatMap((l) => {
      const m = /^index \d+, term (\d+), (.*?)(?:, (?:not committed|committed|applied))+$/.exec(l);
      return m ? [`${m[1]} ${m[2]}`] : [];
    });
    expect(shown, `log of ${node.id}`).toEqual(
      node.log.map((e) => `${e.term} ${'command' in e ? e.command : 'config'}`),
    );
  }
  // The selected node of the link is selected.
  await expect(page.getByRole('button', { name: 'Select node C' })).toHaveAttribute('aria-pressed', 'true');
});

/** Presses Copy link and returns the link: from the clipboard, or from the field shown to copy it by hand. */
async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy link' }).click();
  const status = page.getByRole('status').filter({ hasText: /Link copied \(\d+ characters\)\./ });
  const manual = page.getByRole('textbox', { name: /^Copy this link by hand/ });
  await expect(status.or(manual)).toBeVisible();
  return (await manual.isVisible()) ? manual.inputValue() : page.evaluate(() => navigator.clipboard.readText());
}

test('Copy link gives a link that reopens the same moment', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`/${encodeLink({ scenario, at: 1200, view: { lang: 'en' } })}`);
  await expect(page.getByTestId('virtual-time')).toHaveText('1.200 s');
  const link = await copyLink(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v1\./);

  await page.goto('/');
  await page.goto(link);
  await expect(page.getByTestId('virtual-time')).toHaveText('1.200 s');
});

test("a home-made lesson's link brings its captions, and Copy link passes them on", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const own = {
    name: 'Our own election',
    beats: [
      { at: 300, caption: { ko: '시작', en: 'Nobody leads yet <b>(watch the timers)</b>' } },
      { at: 1200, caption: { ko: '리더', en: 'A leader, and two commands' } },
    ],
  };
  await page.goto(`/${encodeLink({ scenario, at: 1200, view: { lang: 'en', own, beat: 1 } })}`);
  const panel = page.getByRole('region', { name: /Our own election/ });
  await expect(panel.getByText('Pause 2 of 2', { exact: true })).toBeVisible();
  await expect(panel.getByText('A leader, and two commands', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Previous pause', exact: true }).click();
  // The caption's markup is text.
  await expect(panel.getByText('Nobody leads yet <b>(watch the timers)</b>', { exact: true })).toBeVisible();
  await expect(page.getByTestId('virtual-time')).toHaveText('0.300 s');

  const link = await copyLink(page);
  await page.goto('/');
  await page.goto(link);
  await expect(panel.getByText('Pause 1 of 2', { exact: true })).toBeVisible();
  await expect(panel.getByText('Nobody leads yet <b>(watch the timers)</b>', { exact: true })).toBeVisible();
});

const full = encodeLink({ scenario, at: AT });
const broken: [string, string, string | RegExp][] = [
  ['garbage', '#this-is-not-a-link', 'not a Raft Classroom link'],
  ['a truncated link', full.slice(0, 40), /cut off|damaged/],
  ['an unknown version', '#v7.AAAA', 'unknown link version v7'],
  [
    'node F in a 3-node cluster',
    rawLink({ s: { nodes: 3, actions: [{ at: 10, do: 'kill', node: 'F' }] }, lang: 'en' }),
    'actions[0].node: no node "F" in a 3-node cluster',
  ],
  [
    'decreasing log terms',
    rawLink({
      s: {
        nodes: 3,
        initial: {
          B: {
            term: 2,
            log: [
              { term: 2, command: 'a' },
              { term: 1, command: 'b' },
            ],
          },
        },
      },
    }),
    'initial.B.log[1].term: terms in a log never decrease (1 after 2)',
  ],
];

for (const [name, hash, reason] of broken) {
  test(`a broken link (${name}) opens the default cluster with a banner saying why`, async ({ page }) => {
    await page.goto(`/${hash}`);
    const banner = page.getByRole('alert').filter({ hasText: 'This link could not be opened' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(reason);
    await expect(
      page.getByRole('group', { name: /^The cluster/ }).getByRole('button', { name: /^Node [A-E], / }),
    ).toHaveCount(5);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
  });
}

test('a new link in the address bar reopens the app there', async ({ page }) => {
  await openApp(page);
  await page.evaluate(
    (h) => {
      window.location.hash = h;
    },
    encodeLink({ scenario, at: 800, view: { lang: 'en' } }).slice(1),
  );
  await expect(page.getByTestId('virtual-time')).toHaveText('0.800 s');
});

test('a command that looks like HTML in a linked scenario is shown as text', async ({ page }) => {
  const html = '<img src=x onerror=alert(1)>';
  const withHtml = scenarioSchema.parse({
    version: 1,
    nodes: 3,
    initial: { A: { term: 1, log: [{ term: 1, command: html }] } },
    actions: [{ at: 50, do: 'submit', command: `set x <b>hi</b>${html}` }],
  });
  await page.goto(`/${encodeLink({ scenario: withHtml, at: 10, view: { lang: 'en' } })}`);
  await expect
    .poll(() => logOf(page, 'A').getByRole('listitem').first().getAttribute('aria-label'))
    .toContain(`, ${html},`);
  await expect(page.getByText(html, { exact: false }).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('b', { hasText: /^hi$/ })).toHaveCount(0);
});

test('embed mode shows the cluster without settings or authoring', async ({ page }) => {
  await page.goto(`/?embed=1${encodeLink({ scenario, at: AT, view: { lang: 'en' } })}`);
  await expect(page.getByTestId('virtual-time')).toHaveText('1.600 s');
  await expect(page.getByRole('group', { name: /^The cluster/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lessons' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Settings' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Author a lesson' })).toHaveCount(0);
  // Nor the side panels, node actions or the shortcut button: embed mode shows the run, it does not edit it.
  await expect(page.getByRole('tab', { name: 'Node', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Select node / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  await page.goto('/');
  await openTab(page, 'Settings');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Author a lesson' })).toBeVisible();
});
