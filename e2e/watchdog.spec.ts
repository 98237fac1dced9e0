// A dead simulation worker is noticed: the banner offers a restart, which resumes the run.

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
