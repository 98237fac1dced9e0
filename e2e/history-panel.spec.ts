// The client history panel (issue 17): a deposed leader answering a read from its own state
// (unsafe.localReads) gives a stale read; the panel, opened by its tab's accessible name, names it,
// and clicking an operation moves the run to the instant it was invoked. Also on the presenter's stage.

import { scenarioSchema } from '../src/scenario/schema';
import { encodeLink } from '../src/scenario/url';
import { expect, expectAxeClean, openTab, test } from './fixtures';

/** A leads, is cut off at 1101 ms, B commits "set x 2" at 1500 ms, then the client asks A for x at 1700 ms. */
const scenario = scenarioSchema.parse({
  version: 1,
  seed: 2,
  nodes: 3,
  options: { reads: 'log' },
  unsafe: { localReads: true },
  actions: [
    { at: 600, do: 'transfer', to: 'A' },
    { at: 800, do: 'submit', command: 'set x 1' },
    { at: 1101, do: 'isolate', node: 'A' },
    { at: 1500, do: 'submit', command: 'set x 2', node: 'B' },
    { at: 1700, do: 'submit', command: 'get x', node: 'A' },
  ],
});

test.describe('history panel', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('opens by its tab, names the stale read, and seeks to an operation when it is clicked', async ({
    page,
  }, info) => {
    await page.goto(`/${encodeLink({ scenario, at: 4000, view: { lang: 'en' } })}`);
    await expect(page.getByTestId('virtual-time')).toHaveText('4.000 s');
    await openTab(page, 'History');
    const panel = page.getByRole('region', { name: 'Client history' });
    await expect(panel.getByTestId('history-verdict')).toContainText('✗ Not linearizable (key x)');
    await expect(panel.getByTestId('history-verdict')).toContainText(
      'get x returned 1, but set x 2 had completed before it began',
    );
    const stale = panel.getByRole('button', { name: /^get x, client 1, 1,700–[\d,]+ ms, returned 1 from A/ });
    await expect(stale).toHaveAccessibleName(/the stale read$/);
    await page.screenshot({ path: info.outputPath('history-panel-1280.png') });
    await expectAxeClean(page);

    await stale.click();
    await expect(page.getByTestId('virtual-time')).toHaveText('1.700 s');
    // The history stays whole (the run is computed to 4 s): the earlier write can be visited too.
    await panel.getByRole('button', { name: /^set x 1, client 1, 800–/ }).click();
    await expect(page.getByTestId('virtual-time')).toHaveText('0.800 s');
  });

  for (const lang of ['en', 'ko'] as const) {
    test(`takes the presenter's stage in place of the ring (${lang})`, async ({ page }, info) => {
      await page.goto(`/?present=1${encodeLink({ scenario, at: 4000, view: { lang } })}`);
      await expect(page.getByTestId('virtual-time')).toHaveText(/^4\.000 ?(s|초)$/);
      await page.getByRole('button', { name: lang === 'en' ? 'Client history' : '클라이언트 기록' }).click();
      const panel = page.getByRole('region', { name: lang === 'en' ? 'Client history' : '클라이언트 기록' });
      await expect(panel.getByTestId('history-verdict')).toContainText(
        lang === 'en' ? 'Not linearizable' : '선형화 불가능',
      );
      await expect(page.getByRole('group', { name: /^(The cluster|클러스터)/ })).toHaveCount(0);
      await page.screenshot({ path: info.outputPath(`history-present-1280-${lang}.png`) });
      await expectAxeClean(page);
    });
  }

  test('follows the window’s width after it first showed the empty note', async ({ page }) => {
    await page.goto(`/${encodeLink({ scenario, at: 0, view: { lang: 'en' } })}`);
    await openTab(page, 'History');
    const panel = page.getByRole('region', { name: 'Client history' });
    await expect(panel.getByTestId('history-verdict')).toHaveCount(0);
    // The first commit comes after the write at 800 ms: the diagram replaces the empty note.
    await page.getByRole('button', { name: 'Next commit' }).click();
    const diagram = panel.getByRole('group', { name: /operations? by/ }).locator('svg');
    await expect(diagram).toHaveCount(1);
    const narrow = Number(await diagram.getAttribute('width'));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(async () => Number(await diagram.getAttribute('width'))).toBeGreaterThan(narrow + 100);
  });
});
