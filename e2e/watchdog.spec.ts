// A dead simulation worker is noticed: the banner offers a restart, which resumes the run.

import { scenarioSchema } from '../src/scenario/schema';
import { encodeLink } from '../src/scenario/url';
import { cluster, expect, openApp, test } from './fixtures';

test('a worker that stops mid-run is noticed within about a second, and the restart resumes the run', async ({
  page,
}) => {
  await openApp(page);
  await expect(cluster(page).getByRole('button', { name: /^Node [A-E], / })).toHaveCount(5);
  const worker = page.workers()[0];
  expect(worker).toBeDefined();
  // End the worker from inside, as a crash that raises no error event would.
  await worker!.evaluate(() => (self as unknown as { close(): void }).close()).catch(() => undefined);
  const banner = page.getByRole('alert').filter({ hasText: 'The simulation stopped responding.' });
  await expect(banner).toBeVisible({ timeout: 3000 });
  await banner.getByRole('button', { name: 'Restart simulation' }).click();
  await expect(banner).toBeHidden();
  await expect(cluster(page).getByRole('button', { name: /^Node [A-E], / })).toHaveCount(5);
  await page.getByRole('button', { name: /^Play/ }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'stopped responding' })).toHaveCount(0);
});

test('returning to a long branch the class left recomputes it with its progress, and the simulation keeps answering', async ({
  page,
}) => {
  test.slow();
  // An hour of five nodes with a write every 1.8 s: seconds of work to compute again.
  const HOUR = 3_600_000;
  const actions = Array.from({ length: 2000 }, (_, i) => ({
    at: 300 + i * 1800,
    do: 'submit',
    command: `set k${i % 40} ${i}`,
  }));
  const scenario = scenarioSchema.parse({ version: 1, nodes: 5, seed: 2026, actions });
  await page.goto(`/${encodeLink({ scenario, at: HOUR, view: { lang: 'en' } })}`);
  const timeline = page.getByRole('slider', { name: 'Timeline' });
  await expect(timeline).toHaveAttribute('aria-valuemax', String(HOUR), { timeout: 60_000 });
  // Acting in the past starts a branch; the original run is let go and kept as its actions.
  const box = (await timeline.boundingBox())!;
  await timeline.click({ position: { x: 8 + 0.5 * (box.width - 16), y: box.height / 2 } });
  const left = Number(await timeline.getAttribute('aria-valuenow'));
  await page.getByRole('combobox', { name: 'Client command' }).fill('set other 1');
  await page.getByRole('button', { name: 'Send to leader' }).click();
  const branches = page.getByRole('list', { name: 'Branches' });
  await expect(branches.getByRole('listitem')).toHaveCount(2);
  await branches.getByRole('button', { name: 'Switch to the original run' }).click();
  // Back where the class left it, the run as long as before, and the worker never declared stopped.
  await expect(timeline).toHaveAttribute('aria-valuemax', String(HOUR), { timeout: 60_000 });
  await expect(timeline).toHaveAttribute('aria-valuenow', String(left));
  await expect(page.getByRole('alert').filter({ hasText: 'stopped responding' })).toHaveCount(0);
});
