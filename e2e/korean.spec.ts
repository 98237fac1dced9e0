// The app in Korean, as a class using the course notes sees it: opened with `?lang=ko`, every main
// tab and a lesson are reached by their Korean names, and the ring, the logs and the captions use
// the glossary's words (임기, 리더, 팔로워, 커밋 …), never the English ones. The check is the same
// glossary sweep the unit tests run over the sources (src/ui/interpret/terms.ts). Switching with the
// language control re-words what is on screen.

import type { Locator, Page } from '@playwright/test';
import { findLesson } from '../src/scenario/lessons';
import { termProblems } from '../src/ui/interpret/terms';
import { expect, test } from './fixtures';

const lesson = findLesson('isolated-term')!;

/** Everything a reader or a screen reader gets from `root`: its text and every accessible label. */
async function shown(root: Locator): Promise<string> {
  return root.evaluate((el) =>
    [
      (el as HTMLElement).innerText,
      ...[...el.querySelectorAll('[aria-label]')].map((x) => x.getAttribute('aria-label') ?? ''),
      ...[...el.querySelectorAll('title')].map((x) => x.textContent ?? ''),
    ].join('\n'),
  );
}

/** The glossary mistakes in what `root` shows, with the text around each for the failure message. */
async function englishIn(root: Locator): Promise<string[]> {
  const text = await shown(root);
  return text
    .split('\n')
    .flatMap((line) => termProblems(line).map((p) => `"${p.found}" (use ${p.use}) in: ${line.slice(0, 100)}`));
}

const ring = (page: Page): Locator => page.getByRole('group', { name: /^클러스터/ });
const logs = (page: Page): Locator => page.getByRole('list', { name: '노드 A의 로그' });

test('Korean from ?lang=ko: tabs, ring, logs and a lesson use the glossary, and the language control switches them', async ({
  page,
}) => {
  await page.goto('/?lang=ko');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(ring(page)).toBeVisible();
  await expect(ring(page).getByRole('button', { name: /^노드 A, (팔로워|후보|리더), 임기 \d+/ })).toBeVisible();
  await expect(logs(page)).toBeAttached();

  // Every side tab, by its Korean name, and what it shows follows the glossary.
  const inTabs: string[] = [];
  for (const name of ['이벤트', '노드', '시공간', '기록', '안전성', '규칙', '설정']) {
    const tab = page.getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('tabpanel', { name, exact: true });
    await expect(panel).toBeVisible();
    inTabs.push(...(await englishIn(panel)).map((p) => `${name}: ${p}`));
  }
  expect(inTabs).toEqual([]);
  await page.getByRole('tab', { name: '안전성', exact: true }).click();
  await expect(page.getByText('선거 안전성', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '설정', exact: true }).click();
  // Options the paper names in English keep the name in parentheses after their Korean one.
  await expect(page.getByRole('checkbox', { name: '쿼럼 확인 (Check quorum)', includeHidden: true })).toBeAttached();
  await expect(page.getByRole('checkbox', { name: '빠른 되돌리기 (Fast backup)', includeHidden: true })).toBeAttached();

  // A lesson, by its Korean title, walked to its second pause.
  await page.getByRole('button', { name: '수업', exact: true }).click();
  await page.getByRole('button', { name: `수업 재생: ${lesson.title.ko}` }).click();
  const player = page.getByRole('region', { name: lesson.title.ko });
  await expect(player.getByText(lesson.beats[0]!.caption.ko, { exact: true })).toBeVisible();
  await player.getByRole('button', { name: '다음 멈춤', exact: true }).click();
  await expect(player.getByText(`멈춤 2 / ${lesson.beats.length}`, { exact: true })).toBeVisible();
  await expect(player.getByText(lesson.beats[1]!.caption.ko, { exact: true })).toBeVisible();

  expect(await englishIn(ring(page))).toEqual([]);
  expect(await englishIn(logs(page))).toEqual([]);
  expect(await englishIn(player)).toEqual([]);

  // The language control re-words the ring, the logs and the caption already shown …
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const enRing = page.getByRole('group', { name: /^The cluster/ });
  await expect(enRing.getByRole('button', { name: /^Node A, [a-z -]+, term \d+/ })).toBeVisible();
  // The sweep is not vacuous: the English ring is full of the words it looks for.
  expect((await englishIn(enRing)).length).toBeGreaterThan(0);
  await expect(page.getByRole('list', { name: 'Log of node A' })).toBeAttached();
  await expect(page.getByText(lesson.beats[1]!.caption.en, { exact: true })).toBeVisible();
  await expect(page.getByText(lesson.beats[1]!.caption.ko, { exact: true })).toHaveCount(0);
  // … and back.
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(player.getByText(lesson.beats[1]!.caption.ko, { exact: true })).toBeVisible();
  expect(await englishIn(ring(page))).toEqual([]);
});
