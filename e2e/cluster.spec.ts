// The live cluster from a student's seat: elections, failures, replication and an isolated node (§3, §4, §6).

import {
  expect,
  fullSpeed,
  hasCommitted,
  logOf,
  nodeAction,
  nodeStates,
  openApp,
  submitCommand,
  test,
  waitForLeader,
} from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** Once a leader is elected, pauses and steps until something is travelling; the buttons of the messages in flight. */
async function pausedWithMessagesInFlight(page: Page): Promise<Locator> {
  await waitForLeader(page);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const inFlight = page.getByRole('group', { name: 'Messages in flight' }).getByRole('button');
  // Heartbeats leave the leader every few steps.
  for (let i = 0; i < 40 && (await inFlight.count()) === 0; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
  }
  return inFlight;
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await fullSpeed(page);
});

test('a leader is elected', async ({ page }) => {
  const leader = await waitForLeader(page);
  expect(leader.term).toBeGreaterThan(0);
  const others = (await nodeStates(page)).filter((n) => n.id !== leader.id);
  expect(others).toHaveLength(4);
});

test('killing the leader elects a new leader with a higher term', async ({ page }) => {
  const first = await waitForLeader(page);
  await nodeAction(page, first.id, 'Kill');
  await expect(page.getByRole('button', { name: `Restart ${first.id}` })).toBeVisible();
  const second = await waitForLeader(page, (n) => n.id !== first.id);
  expect(second.term).toBeGreaterThan(first.term);
  const dead = (await nodeStates(page)).find((n) => n.id === first.id);
  expect(dead?.status).toBe('down');
});

test('a submitted command is committed in every live node’s log', async ({ page }) => {
  const leader = await waitForLeader(page);
  const victim = ['A', 'B', 'C', 'D', 'E'].find((id) => id !== leader.id)!;
  await nodeAction(page, victim, 'Kill');
  await submitCommand(page, 'set x 42');
  const live = ['A', 'B', 'C', 'D', 'E'].filter((id) => id !== victim);
  for (const id of live) {
    await expect.poll(() => hasCommitted(page, id, 'set x 42'), { timeout: 20_000, message: `node ${id}` }).toBe(true);
  }
  // The dead node missed it.
  expect(
    await logOf(page, victim)
      .getByRole('listitem', { name: /set x 42/ })
      .count(),
  ).toBe(0);
});

test('an isolated node’s term climbs; on its return the leader steps down, another node leads and E catches up', async ({
  page,
}) => {
  // E must not be the leader when it is cut off: if it is, make another node time out first.
  let leader = await waitForLeader(page);
  if (leader.id === 'E') {
    await nodeAction(page, 'A', 'Force election timeout on');
    leader = await waitForLeader(page, (n) => n.id !== 'E');
  }

  await nodeAction(page, 'E', 'Isolate');
  // The ring shows it with the next frame from the worker.
  await expect.poll(async () => (await nodeStates(page)).find((n) => n.id === 'E')?.isolated).toBe(true);
  const isolatedAt = (await nodeStates(page)).find((n) => n.id === 'E')!;

  // The majority keeps working without E (§4); E misses this entry.
  await submitCommand(page, 'set y 7');
  await expect.poll(() => hasCommitted(page, leader.id, 'set y 7'), { timeout: 20_000 }).toBe(true);

  // §6.1: alone, E keeps timing out and raising its term.
  await expect
    .poll(async () => (await nodeStates(page)).find((n) => n.id === 'E')!.term, { timeout: 20_000 })
    .toBeGreaterThanOrEqual(Math.max(isolatedAt.term, leader.term) + 3);
  const before = await nodeStates(page);
  const eTerm = before.find((n) => n.id === 'E')!.term;
  const oldLeader = before.find((n) => n.status === 'leader')!;
  expect(oldLeader.term).toBeLessThan(eTerm);

  await nodeAction(page, 'E', 'Restore');

  // §6.2–6.3: E's higher term deposes the leader, but E's stale log loses the vote.
  const next = await waitForLeader(page, (n) => n.term >= eTerm);
  expect(next.id).not.toBe('E');
  await expect.poll(() => hasCommitted(page, 'E', 'set y 7'), { timeout: 20_000 }).toBe(true);
  expect((await nodeStates(page)).find((n) => n.id === 'E')!.isolated).toBe(false);
});

test('a partition split in the settings is named under the ring, group by group, until it heals', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await waitForLeader(page);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByText('Network partition', { exact: true }).click();
  // The suggested split: a majority in group 1, the rest in group 2.
  await page.getByRole('button', { name: 'Split the network' }).click();
  const key = page.getByRole('list', { name: 'Network partition' });
  await expect(key).toContainText('group 1: A, B, C');
  await expect(key).toContainText('group 2: D, E');
  await page.getByRole('button', { name: 'Heal the network' }).click();
  await expect(key).toHaveCount(0);
});

test('a message on the wire can be picked by its name, inspected and dropped', async ({ page }) => {
  const inFlight = await pausedWithMessagesInFlight(page);
  // Messages on one link at one moment can overlap; the last button is drawn on top of the others.
  const message = inFlight.last();
  const name = (await message.getAttribute('aria-label')) ?? '';
  expect(name).toMatch(/ from (client|[A-E]) to (client|[A-E])/);
  // Paused, the button sits on its painted shape: a plain click selects it.
  await message.click();
  await expect(message).toHaveAttribute('aria-pressed', 'true');
  const details = page.getByRole('region', { name: /^Message #\d+/ });
  await expect(details).toBeVisible();
  await details.getByRole('button', { name: 'Drop this message' }).click();
  await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(details).toBeHidden();
});

test('every message in flight is painted where its button sits, and nothing is painted elsewhere', async ({ page }) => {
  const inFlight = await pausedWithMessagesInFlight(page);
  const count = Math.min(await inFlight.count(), 6);
  expect(count).toBeGreaterThan(0);
  for (let k = 0; k < count; k++) {
    // The painting is a canvas in the cluster's figure, under the buttons: read its pixels around the
    // button's centre, and in its top-left corner where no message ever flies.
    const ink = await inFlight.nth(k).evaluate((button) => {
      const canvas = button.closest('figure')?.querySelector('canvas');
      if (!canvas) return { found: false, near: 0, corner: 0 };
      const ctx = canvas.getContext('2d')!;
      const at = button.getBoundingClientRect();
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const cx = Math.round((at.left + at.width / 2 - rect.left) * scale);
      const cy = Math.round((at.top + at.height / 2 - rect.top) * scale);
      const r = Math.round(6 * scale);
      const inked = (sx: number, sy: number, w: number, h: number) =>
        ctx.getImageData(sx, sy, w, h).data.filter((value, i) => i % 4 === 3 && value > 0).length;
      return { found: true, near: inked(cx - r, cy - r, 2 * r, 2 * r), corner: inked(0, 0, 4, 4) };
    });
    expect(ink.found).toBe(true);
    expect(ink.near).toBeGreaterThan(10);
    expect(ink.corner).toBe(0);
  }
});
