// "Explore all orders from here", as a teacher uses it: without the election restriction the
// explorer finds C elected without the committed entry and opens the path in the run; with the
// restriction on, the same bounds give no violation. Found by role and accessible name only.

import type { Page } from '@playwright/test';
import { scenarioSchema } from '../src/scenario/schema';
import { encodeLink } from '../src/scenario/url';
import { cluster, expect, openTab, test } from './fixtures';

/** C comes back at 1000 ms with an empty log while A and B hold the committed "set x 1". */
function cBackBehind(noElectionRestriction: boolean) {
  return scenarioSchema.parse({
    version: 1,
    nodes: 3,
    seed: 1,
    unsafe: { noElectionRestriction },
    actions: [
      { at: 0, do: 'kill', node: 'C' },
      { at: 400, do: 'submit', command: 'set x 1' },
      { at: 1000, do: 'restart', node: 'C' },
    ],
  });
}

async function exploreFrom1000(page: Page, noElectionRestriction: boolean, lang: 'en' | 'ko' = 'en') {
  await page.goto(`/${encodeLink({ scenario: cBackBehind(noElectionRestriction), at: 1000, view: { lang } })}`);
  await expect(page.getByTestId('virtual-time')).toHaveText(/^1\.000/);
}

/** Elections only, four choices deep: enough for the shortest counterexample. */
async function setSmallBounds(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Explore all orders from here' });
  await dialog.getByRole('textbox', { name: 'Client writes' }).fill('0');
  await dialog.getByRole('textbox', { name: 'Heartbeats fired by hand' }).fill('0');
  await dialog.getByRole('textbox', { name: 'Depth (choices)' }).fill('4');
}

test('finds the election-restriction counterexample and opens it in the run', async ({ page }) => {
  await exploreFrom1000(page, true);
  await page.getByRole('button', { name: 'Explore all orders from here' }).click();
  const dialog = page.getByRole('dialog', { name: 'Explore all orders from here' });
  await expect(dialog).toBeVisible();

  // A bad bound is named, and nothing starts.
  await dialog.getByRole('textbox', { name: 'Max term' }).fill('-1');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Max term: enter a whole number from 0 to 50');
  await dialog.getByRole('textbox', { name: 'Max term' }).fill('3');

  await setSmallBounds(page);
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog.getByRole('status')).toContainText('Violation found: Leader Completeness', { timeout: 30_000 });
  await expect(dialog.getByRole('status')).toContainText('Press Step 4 times');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The class walks the path with Step: C, without the committed entry, is leader after the fourth choice.
  const cLeads = cluster(page).getByRole('button', { name: /^Node C, leader, term 2/ });
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(cLeads).toHaveCount(0);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(cLeads).toBeVisible();
});

test('with the election restriction on, the same bounds give no violation', async ({ page }) => {
  await exploreFrom1000(page, false);
  await page.getByRole('button', { name: 'Explore all orders from here' }).click();
  await setSmallBounds(page);
  const dialog = page.getByRole('dialog', { name: 'Explore all orders from here' });
  // Fast clocks only matter under lease reads: the field is there, at 0, and a tick changes nothing here.
  await expect(dialog.getByRole('textbox', { name: 'Fast-clock ticks (lease reads)' })).toHaveValue('0');
  await dialog.getByRole('textbox', { name: 'Fast-clock ticks (lease reads)' }).fill('1');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog.getByRole('status')).toContainText(/No violation in [\d,]+ states within these bounds/, {
    timeout: 30_000,
  });
  await expect(dialog.getByRole('status')).toContainText('the depth bound stopped it at 4 choices');
  const statesIn = async () =>
    Number((await dialog.getByRole('status').innerText()).match(/No violation in ([\d,]+)/)![1]!.replace(/,/g, ''));
  const withDrops = await statesIn();
  // Without drop choices: the same verdict from fewer states.
  await dialog.getByRole('checkbox', { name: 'Try dropping each message' }).uncheck();
  await dialog.getByRole('button', { name: /^(Start|Explore again)$/ }).click();
  await expect(dialog.getByRole('status')).not.toContainText(
    `No violation in ${withDrops.toLocaleString('en')} states`,
  );
  await expect(dialog.getByRole('status')).toContainText(/No violation in [\d,]+ states within these bounds/, {
    timeout: 30_000,
  });
  expect(await statesIn()).toBeLessThan(withDrops);
});

/** A is elected by its timeout at 0 ms and nothing else happens on its own: the explorer places one write and one read. */
const electedA = scenarioSchema.parse({
  version: 1,
  nodes: 3,
  timing: { electionTimeout: [50_000, 60_000] },
  actions: [{ at: 0, do: 'timeout', node: 'A' }],
});

test('with local reads on, the stale read it finds is flagged in the History tab too', async ({ page }) => {
  await page.goto(`/${encodeLink({ scenario: electedA, at: 100, view: { lang: 'en' } })}`);
  await expect(page.getByTestId('virtual-time')).toHaveText(/^0\.100/);
  await openTab(page, 'Settings');
  // The section is a native <details>; its summary has no ARIA role to find it by, only its words.
  await page.getByText('Unsafe teaching switches').click();
  await page.getByRole('checkbox', { name: 'Local reads', exact: true }).check();

  await page.getByRole('button', { name: 'Explore all orders from here' }).click();
  const dialog = page.getByRole('dialog', { name: 'Explore all orders from here' });
  const bounds: [string, string][] = [
    ['Max term', '1'],
    ['Max log length', '1'],
    ['Client writes', '1'],
    ['Client reads', '1'],
    ['Heartbeats fired by hand', '0'],
    ['Depth (choices)', '8'],
  ];
  for (const [name, value] of bounds) await dialog.getByRole('textbox', { name }).fill(value);
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog.getByRole('status')).toContainText('Violation found: Linearizability', { timeout: 60_000 });
  await expect(dialog.getByRole('status')).toContainText('Press Step 8 times');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The opened branch spreads the path over a few milliseconds, as the CLI's replay does: the write
  // ends before the read begins, so the History tab's checker names the read the explorer named.
  await openTab(page, 'History');
  const panel = page.getByRole('region', { name: 'Client history' });
  await expect(panel).toContainText('✗ Not linearizable (key x)');
  await expect(panel).toContainText('get x returned (none), but set x 1 had completed before it began');
  await expect(panel.getByRole('button', { name: /^get x, client \d+, .*the stale read$/ })).toBeVisible();

  // Step walks the path one choice at a time, each at its own instant, to the read's answer.
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < 8; i++) await step.click();
  await expect(page.getByTestId('virtual-time')).toHaveText(/^0\.106/);

  // The same verdict in Korean.
  await page.getByRole('button', { name: '한국어' }).click();
  const ko = page.getByRole('region', { name: '클라이언트 기록' });
  await expect(ko).toContainText('✗ 선형화 불가능 (키 x)');
  await expect(ko.getByRole('button', { name: /낡은 읽기$/ })).toBeVisible();
});

test.describe('in Korean', () => {
  test.use({ lang: 'ko' });
  test('the dialog has its Korean name', async ({ page }) => {
    await exploreFrom1000(page, false, 'ko');
    await page.getByRole('button', { name: '여기서부터 모든 순서 탐색' }).click();
    await expect(page.getByRole('dialog', { name: '여기서부터 모든 순서 탐색' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '최대 임기' })).toHaveValue('3');
    await expect(page.getByRole('textbox', { name: '빠른 시계 틱 수 (리스 읽기)' })).toHaveValue('0');
    await expect(page.getByRole('checkbox', { name: '메시지마다 유실도 시도' })).toBeChecked();
  });
});
