// The lesson library from the teacher's desk: every lesson opens, walks forward to each pause and
// back again (the run really moves to each pause's instant), a prediction reveals its answer, and
// free play hands the run to the class.

import AxeBuilder from '@axe-core/playwright';
import { LESSONS, findLesson } from '../src/scenario/lessons';
import { expect, openApp, test } from './fixtures';

const clock = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

for (const lesson of LESSONS) {
  test(`lesson "${lesson.title.en}" walks forward and back through its pauses`, async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: 'Lessons' }).click();
    await page
      .getByRole('dialog', { name: 'Lesson library' })
      .getByRole('button', { name: `Play lesson: ${lesson.title.en}` })
      .click();
    const panel = page.getByRole('region', {
      name: new RegExp(lesson.title.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    });
    const time = page.getByTestId('virtual-time');
    const n = lesson.beats.length;

    for (let i = 0; i < n; i++) {
      if (i > 0) await panel.getByRole('button', { name: 'Next pause', exact: true }).click();
      await expect(panel.getByText(`Pause ${i + 1} of ${n}`, { exact: true })).toBeVisible();
      await expect(panel.getByText(lesson.beats[i]!.caption.en, { exact: true })).toBeVisible();
      await expect(time).toHaveText(clock(lesson.beats[i]!.at));
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    }
    await expect(panel.getByRole('button', { name: 'Next pause', exact: true })).toBeDisabled();
    for (let i = n - 2; i >= 0; i--) {
      await panel.getByRole('button', { name: 'Previous pause', exact: true }).click();
      await expect(panel.getByText(`Pause ${i + 1} of ${n}`, { exact: true })).toBeVisible();
      await expect(time).toHaveText(clock(lesson.beats[i]!.at));
    }
  });
}

test('the library reads clearly (axe) and Esc closes it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  const library = page.getByRole('dialog', { name: 'Lesson library' });
  await expect(library.getByRole('button', { name: 'Play lesson: A split vote' })).toBeVisible();
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(library).toBeHidden();
  // The page behind has the keyboard again.
  await expect(page.getByRole('button', { name: 'Lessons' })).toBeVisible();
});

test("'Play to the next pause' plays the run there and shows that pause", async ({ page }) => {
  const lesson = findLesson('first-election')!;
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: `Play lesson: ${lesson.title.en}` }).click();
  const panel = page.getByRole('region', { name: new RegExp(lesson.title.en) });
  await panel.getByRole('button', { name: 'Play to the next pause', exact: true }).click();
  await expect(panel.getByText(`Pause 2 of ${lesson.beats.length}`, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText(lesson.beats[1]!.caption.en, { exact: true })).toBeVisible();
  await expect(page.getByTestId('virtual-time')).toHaveText(clock(lesson.beats[1]!.at));
});

test('a prediction question reveals its answer and the run plays on to show it', async ({ page }) => {
  const lesson = findLesson('split-vote')!;
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: 'Play lesson: A split vote' }).click();
  const question = page.getByRole('group', { name: /who will lead term 1/ });
  await question.getByRole('button', { name: 'A', exact: true }).click();
  await expect(page.getByText('Not quite: the answer is “Nobody”.')).toBeVisible();
  await expect(page.getByText(lesson.beats[0]!.question!.reveal.en)).toBeVisible();
  // It stops exactly at the next pause's instant.
  await expect(page.getByTestId('virtual-time')).toHaveText(clock(lesson.beats[1]!.at), { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('free play hands the run over and the lesson resumes where it was', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page
    .getByRole('button', { name: 'Play lesson: Log replication: append, replicate, commit, propagate' })
    .click();
  await page
    .getByRole('region', { name: /Log replication/ })
    .getByRole('button', { name: 'Next pause', exact: true })
    .click();
  await page.getByRole('button', { name: 'Free play' }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(page.getByText(/^Lesson: Log replication.*\(pause 2 of \d+\)$/)).toBeVisible();
  await page.getByRole('button', { name: 'Back to the lesson' }).click();
  const beat = findLesson('replication')!.beats[1]!;
  await expect(page.getByTestId('virtual-time')).toHaveText(clock(beat.at));
  await expect(page.getByText(beat.caption.en, { exact: true })).toBeVisible();
});

test('Korean: the library and the player speak Korean', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: '한국어' }).click();
  await page.getByRole('button', { name: '수업', exact: true }).click();
  await page.getByRole('button', { name: '수업 재생: 표 갈림 (Split Vote): 표가 갈리면' }).click();
  await expect(page.getByText('멈춤 1 / 3', { exact: true })).toBeVisible();
  await expect(page.getByText(findLesson('split-vote')!.beats[0]!.caption.ko)).toBeVisible();
});
