// The page as a whole: it loads cleanly, speaks both languages, takes the keyboard,
// shows typed text as text and fits the screens it is used on.

import {
  cluster,
  expect,
  expectAxeClean,
  fullSpeed,
  openApp,
  openTab,
  submitCommand,
  test,
  waitForLeader,
} from './fixtures';

test('the app loads without console errors and shows the cluster and its controls', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Raft Classroom/);
  await expect(page.getByRole('toolbar', { name: 'Simulation controls' })).toBeVisible();
  await expect(cluster(page).getByRole('button', { name: /^Node [A-E], / })).toHaveCount(5);
});

test('switching language changes the interface text and is remembered', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Raft 교실/);
  await expect(page.getByRole('slider', { name: '속도' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^클러스터/ }).getByRole('button', { name: /^노드 A, / })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Raft 교실/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Raft Classroom/);
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
});

test.describe('first visit from a Korean browser', () => {
  test.use({ locale: 'ko-KR' });
  test('starts in Korean', async ({ page }) => {
    await page.addInitScript(() => localStorage.removeItem('raft-classroom.lang'));
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Raft 교실/);
  });
});

test('a command that looks like HTML is shown as text, never run', async ({ page }) => {
  await openApp(page);
  const field = page.getByRole('combobox', { name: 'Client command' });
  await field.fill('<img src=x onerror=alert(1)>');
  await field.press('Enter');
  await expect(page.getByText('Unknown operation "<img"', { exact: false })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  // A valid command whose value is markup travels through the cluster and is still text in every view.
  await fullSpeed(page);
  await waitForLeader(page);
  await submitCommand(page, 'set x <b>hi</b><img src=x onerror=alert(2)>');
  await expect(page.getByText('set x <b>hi</b><img src=x onerror=alert(2)>', { exact: false }).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('b', { hasText: /^hi$/ })).toHaveCount(0);
});

test('keyboard: space plays and pauses, ] speeds up, ? opens help, Esc closes it, L switches language', async ({
  page,
}) => {
  await openApp(page);
  const slider = page.getByRole('slider', { name: 'Speed' });
  await expect(slider).toHaveAttribute('aria-valuetext', '1/100×');
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  const pausedOrPlaying = async () =>
    (await page.getByRole('button', { name: 'Pause', exact: true }).isVisible()) ? 'playing' : 'paused';
  const before = await pausedOrPlaying();
  await page.keyboard.press('Space');
  await expect.poll(pausedOrPlaying).not.toBe(before);

  await page.keyboard.press(']');
  await expect(slider).not.toHaveAttribute('aria-valuetext', '1/100×');

  await page.keyboard.press('Shift+Slash');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  // A header row and one per action: stepping back and the presenter keys included.
  await expect(help.getByRole('row')).toHaveCount(17);
  await expect(help.getByRole('row', { name: /← or , Step back one event/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('l');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Raft 교실/);

  // Typing in the command field is text, not shortcuts.
  const field = page.getByRole('combobox', { name: '클라이언트 명령' });
  await field.fill('');
  await field.pressSequentially('get l');
  await expect(field).toHaveValue('get l');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Raft 교실/);
});

test('the help sheet opens from the header button and lists the shortcuts', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Play or pause');
  await expect(help).toContainText('Step one event');
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
});

test('a focused control shows a visible focus ring', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveCount(1);
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

test('the settings show the majority and change the cluster size', async ({ page }) => {
  await openApp(page);
  await openTab(page, 'Settings');
  await expect(page.getByText('Majority 3 · tolerates 2 failures')).toBeVisible();
  await page.getByRole('combobox', { name: 'Cluster size' }).selectOption('3');
  await expect(page.getByText('Majority 2 · tolerates 1 failure')).toBeVisible();
  await expect(cluster(page).getByRole('button', { name: /^Node [A-I], / })).toHaveCount(3);
});

for (const lang of ['en', 'ko'] as const) {
  test.describe(`accessibility (${lang})`, () => {
    test.use({ lang });
    test('axe finds no serious or critical violation on the main screen', async ({ page }) => {
      await openApp(page);
      await fullSpeed(page);
      await page.waitForFunction(
        () => document.querySelectorAll('[aria-label*="leader"], [aria-label*="리더"]').length > 0,
      );
      await expectAxeClean(page);
    });
  });
}
