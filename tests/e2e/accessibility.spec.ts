import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Serious and critical axe violations on the page (or the part `include` selects) as it is now, one line each. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the library and a lesson have no serious accessibility violations', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('article', { name: 'Python Backend' })).toBeVisible();
      const library = await seriousViolations(page);
      expect(library, `library:\n${library.join('\n')}`).toEqual([]);

      await page.goto('/learn/python-backend/deployment');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const lesson = await seriousViolations(page);
      expect(lesson, `lesson:\n${lesson.join('\n')}`).toEqual([]);

      // The quiz's verdict colours and the dialogs, in this theme too.
      const quiz = page.getByRole('region', { name: 'Test your knowledge' });
      await quiz.getByRole('radio', { name: 'Nginx' }).check();
      await quiz.getByRole('button', { name: 'Check answer' }).click();
      await expect(quiz.getByText('Not quite')).toBeVisible();
      const verdict = await seriousViolations(page, 'section[aria-labelledby="quiz-title"]');
      expect(verdict, `quiz verdict:\n${verdict.join('\n')}`).toEqual([]);

      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
      const settings = await seriousViolations(page, 'dialog');
      expect(settings, `settings dialog:\n${settings.join('\n')}`).toEqual([]);
    });
  });
}
