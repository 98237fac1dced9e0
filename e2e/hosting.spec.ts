// The built app is a folder of static files that works from any sub-folder of any web server (relative asset
// paths), not only from the root of its own domain.

import { fileURLToPath } from 'node:url';
import { serveStatic, type StaticSite } from './support/static-server';
import { cluster, expect, test } from './fixtures';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const PREFIX = '/courses/distributed-systems/raft/';

let site: StaticSite;
test.beforeAll(async () => {
  site = await serveStatic(DIST, PREFIX);
});
test.afterAll(async () => {
  await site.close();
});

test('dist served from a sub-folder draws the ring and runs the cluster', async ({ page }) => {
  await page.goto(site.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Five nodes drawn, and the worker (fetched relative to the page too) runs them into an election.
  await expect(cluster(page).getByRole('button', { name: /^Node [A-E], / })).toHaveCount(5);
  await expect(cluster(page).getByRole('button', { name: /^Node [A-E], leader/ })).toBeVisible({ timeout: 30_000 });
  // Nothing was asked for outside the sub-folder (an absolute /assets/… path would be a 404 there).
  expect(site.requests.filter((path) => !path.startsWith(PREFIX))).toEqual([]);
});
