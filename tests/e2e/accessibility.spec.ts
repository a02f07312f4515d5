import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Serious and critical axe violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
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

      await page.goto('/#/python-backend/deployment');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const lesson = await seriousViolations(page);
      expect(lesson, `lesson:\n${lesson.join('\n')}`).toEqual([]);
    });
  });
}
