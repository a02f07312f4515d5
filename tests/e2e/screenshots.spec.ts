// Screenshots of the main pages in both themes and in a narrow window, kept as test artifacts
// for a designer's eye, with the checks that each theme really is applied.
import { expect, test } from './fixtures.ts';

// The first keyword of the Dockerfile ("FROM") in shiki's light and dark palettes.
const KEYWORD_COLOUR = { light: 'rgb(215, 58, 73)', dark: 'rgb(249, 117, 131)' };

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

      await page.goto('/learn/python-backend/deployment');
      await expect(
        page.getByRole('region', { name: 'Web servers' }).getByRole('img'),
        'the lesson has loaded with its image',
      ).toHaveJSProperty('complete', true);
      await page.screenshot({ path: testInfo.outputPath(`lesson-${colorScheme}.png`) });
      // A whole-page capture does not scroll, so the parts the page lays out only as the learner
      // nears them (content-visibility: auto) would come out blank: for this picture only, they
      // are drawn as a learner scrolling would see them.
      await page.evaluate(() => {
        for (const element of document.querySelectorAll<HTMLElement>('main *')) {
          if (getComputedStyle(element).contentVisibility === 'auto') {
            element.style.contentVisibility = 'visible';
          }
        }
      });
      await page.screenshot({
        path: testInfo.outputPath(`lesson-${colorScheme}-full.png`),
        fullPage: true,
      });

      await page.goto('/learn/python-backend/deployment/containers');
      const code = page
        .getByRole('region', { name: 'Containerising with Docker' })
        .getByRole('figure');
      await expect(code, 'the code section is in view').toBeInViewport();
      await expect(
        code.getByText('FROM', { exact: true }).first(),
        'code is coloured with the theme’s palette',
      ).toHaveCSS('color', KEYWORD_COLOUR[colorScheme]);
      await page.screenshot({ path: testInfo.outputPath(`lesson-${colorScheme}-code.png`) });

      const quiz = page.getByRole('region', { name: 'Test your knowledge' });
      await quiz.getByRole('radio', { name: 'Nginx' }).check();
      await quiz.getByRole('button', { name: 'Check answer' }).click();
      await expect(quiz.getByText('Not quite'), 'the verdict shows').toBeVisible();
      await quiz.scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`lesson-${colorScheme}-quiz.png`) });
    });
  });
}

test.describe('narrow window', () => {
  test.use({ reducedMotion: 'reduce', viewport: { width: 420, height: 860 } });

  test('the section list folds into a toggle and nothing scrolls sideways', async ({
    page,
  }, testInfo) => {
    await page.goto('/learn/python-backend/deployment');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const toggle = nav.getByRole('button', { name: /^Sections/ });
    await expect(toggle, 'the list is folded').toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link').first(), 'its links are hidden').toBeHidden();
    await page.screenshot({ path: testInfo.outputPath('lesson-narrow.png') });

    await toggle.click();
    await expect(toggle, 'the toggle unfolds it').toHaveAttribute('aria-expanded', 'true');
    await page.screenshot({ path: testInfo.outputPath('lesson-narrow-sections.png') });
    await page.keyboard.press('Escape');
    await expect(toggle, 'Esc folds it again').toHaveAttribute('aria-expanded', 'false');
    await expect(toggle, 'with focus on the toggle').toBeFocused();

    await toggle.click();
    await nav.getByRole('link', { name: /Where to run it/ }).click();
    await expect(toggle, 'choosing a section folds the list').toHaveAttribute(
      'aria-expanded',
      'false',
    );
    const heading = page.getByRole('heading', { level: 2, name: 'Where to run it' });
    await expect(heading, 'and goes there').toBeInViewport();
    const headingTop = await heading.evaluate((element) => element.getBoundingClientRect().top);
    const barBottom = await nav.evaluate((element) => element.getBoundingClientRect().bottom);
    expect(headingTop, 'the heading is not hidden under the sticky bar').toBeGreaterThanOrEqual(
      barBottom,
    );
    await expect(toggle, 'the bar names the section being read').toContainText('Where to run it');

    const table = page.getByRole('region', { name: /^Table/ });
    expect(
      await table.evaluate((element) => element.scrollWidth > element.clientWidth),
      'the wide table scrolls inside its own region',
    ).toBe(true);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'the page itself never scrolls sideways',
    ).toBe(true);
    await page.screenshot({ path: testInfo.outputPath('lesson-narrow-table.png') });
  });
});
