// Offline: after one visit, the service worker (Workbox, precaching the whole build) serves the app, its
// lessons and its links with the network off — a class with flaky Wi-Fi keeps the app on reload.

import { findLesson } from '../src/scenario/lessons';
import { encodeLink } from '../src/scenario/url';
import { validateScenario } from '../src/scenario/validate';
import { cluster, expect, openApp, test } from './fixtures';

const clock = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

test('after one visit the app reloads, opens a lesson link and plays it with the network off', async ({
  page,
  context,
}) => {
  const lesson = findLesson('first-election')!;
  const scenario = validateScenario(lesson.scenario);
  if (!scenario.ok) throw new Error(scenario.errors.join('; '));
  const link = encodeLink({ scenario: scenario.scenario, view: { lesson: lesson.id, beat: 0, lang: 'en' } });

  await openApp(page);
  // The service worker has installed (precached the build) and controls the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(cluster(page).getByRole('button', { name: /^Node [A-E], / })).toHaveCount(5);

  // A lesson link opened afresh: its chunks (link decoding, lessons, the player) come from the cache too.
  await page.goto(`/index.html${link}`);
  const panel = page.getByRole('region', { name: new RegExp(lesson.title.en) });
  const n = lesson.beats.length;
  await expect(panel.getByText(`Pause 1 of ${n}`, { exact: true })).toBeVisible();
  await expect(page.getByTestId('virtual-time')).toHaveText(clock(lesson.beats[0]!.at));
  await panel.getByRole('button', { name: 'Next pause', exact: true }).click();
  await expect(panel.getByText(`Pause 2 of ${n}`, { exact: true })).toBeVisible();
  await expect(page.getByTestId('virtual-time')).toHaveText(clock(lesson.beats[1]!.at));
  // And it plays on from there.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('virtual-time')).not.toHaveText(clock(lesson.beats[1]!.at));
  await context.setOffline(false);
});
