// Membership changes as the class sees them (§6, dissertation §4): a spare server sits apart from
// the ring; "Add to cluster" makes it a learner that catches up, then a voter on the ring; in
// joint mode the change passes through C_old,new and the cluster facts name both majorities.

import type { Page } from '@playwright/test';
import { scenarioSchema } from '../src/scenario/schema';
import { encodeLink } from '../src/scenario/url';
import { cluster, expect, openTab, test } from './fixtures';

const scenario = scenarioSchema.parse({
  version: 1,
  seed: 3,
  nodes: 4,
  members: ['A', 'B', 'C'],
  options: { leaderNoop: true, membership: 'joint' },
  actions: [{ at: 600, do: 'submit', command: 'set x 1' }],
});

async function labelOf(page: Page, id: string): Promise<string> {
  return (
    (await cluster(page)
      .getByRole('button', { name: new RegExp(`^Node ${id}, `) })
      .getAttribute('aria-label')) ?? ''
  );
}

test('a spare server added through the node action is a learner first, then a voter; C_old,new needs both majorities', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Paused at 0.9 s, a leader elected among A, B, C; D is a spare server (no configuration).
  await page.goto(`/${encodeLink({ scenario, at: 900, view: { lang: 'en', speed: 0.01 } })}`);
  await expect(page.getByTestId('virtual-time')).toHaveText('0.900 s');
  await expect.poll(() => labelOf(page, 'D')).toMatch(/^Node D, follower, term \d+, spare$/);
  await expect(cluster(page).getByRole('button', { name: /^Node D, / })).toHaveAttribute('data-standing', 'spare');

  await openTab(page, 'Node');
  await page.getByRole('button', { name: 'Select node D' }).click();
  await page.getByRole('button', { name: 'Add D to cluster' }).click();
  await openTab(page, 'Safety');
  await expect(page.getByTestId('quorum-needs')).toHaveText('needs a majority of {A,B,C}');
  await page.getByRole('button', { name: 'Play' }).click();

  // Dissertation §4.2.1: D catches up as a learner, its progress against the leader's last index.
  await expect
    .poll(() => labelOf(page, 'D'), { timeout: 30_000, intervals: [50] })
    .toMatch(/^Node D, follower, term \d+, learner \(catching up: matchIndex \d+ of the leader's last index \d+/);

  // §6: joint consensus, C_old,new = {A,B,C} + {A,B,C,D}: a majority of each.
  await expect
    .poll(async () => (await page.getByTestId('quorum-needs').textContent()) ?? '', {
      timeout: 30_000,
      intervals: [50],
    })
    .toBe('joint configuration C_old,new (§6): needs a majority of {A,B,C} and of {A,B,C,D}');

  // Then C_new: D votes, on the ring, with no standing word in its name.
  await expect
    .poll(() => labelOf(page, 'D'), { timeout: 30_000, intervals: [100] })
    .toMatch(/^Node D, (follower|candidate|leader), term \d+$/);
  await expect(cluster(page).getByRole('button', { name: /^Node D, / })).toHaveAttribute('data-standing', 'voter');
  await expect(page.getByTestId('quorum-needs')).toHaveText('needs a majority of {A,B,C,D}');
});
