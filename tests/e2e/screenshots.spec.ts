// Screenshots of the main pages in both themes, kept as test artifacts for a designer's eye.
import { expect, test } from './fixtures.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    // Reduced motion: in-lesson jumps are instant, so a screenshot never catches one mid-scroll.
    test.use({ colorScheme, reducedMotion: 'reduce', viewport: { width: 1280, height: 860 } });

    test('library and lesson screenshots', async ({ page }, testInfo) => {
      await page.goto('/');
      await expect(
        page.getByRole('article', { name: 'Python Backend' }),
        'the library has loaded',
      ).toBeVisible();
      await expect(page.locator('html'), 'the theme follows the system').toHaveAttribute(
        'data-theme',
        colorScheme,
      );
      await page.screenshot({
        path: testInfo.outputPath(`library-${colorScheme}.png`),
        fullPage: true,
      });

      await page.goto('/#/python-backend/deployment');
      await expect(
        page.getByRole('region', { name: 'Web servers' }).getByRole('img'),
        'the lesson has loaded with its image',
      ).toHaveJSProperty('complete', true);
      await page.screenshot({ path: testInfo.outputPath(`lesson-${colorScheme}.png`) });
      await page.screenshot({
        path: testInfo.outputPath(`lesson-${colorScheme}-full.png`),
        fullPage: true,
      });

      await page.goto('/#/python-backend/deployment/containers');
      await expect(
        page.getByRole('heading', { level: 2, name: 'Containerising with Docker' }),
        'the code section is in view',
      ).toBeInViewport();
      await page.screenshot({ path: testInfo.outputPath(`lesson-${colorScheme}-code.png`) });
    });
  });
}
