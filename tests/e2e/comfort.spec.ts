// Comfort: copying code, keyboard shortcuts, dialogs that keep and return focus, and settings
// (theme, text size, motion) kept in the learner's store.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

test.describe('with clipboard access', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the copy button puts the code alone on the clipboard and says "Copied"', async ({
    page,
  }) => {
    const source = await readFile(
      path.resolve(import.meta.dirname, '../../content/python-backend/deployment.md'),
      'utf8',
    );
    const dockerfile = /```dockerfile[^\n]*\n([\s\S]*?)\n```/.exec(source)?.[1];
    if (!dockerfile) throw new Error('deployment.md has no Dockerfile block');

    await page.goto('/learn/python-backend/deployment');
    const block = page
      .getByRole('region', { name: 'Containerising with Docker' })
      .getByRole('figure');
    await block.getByRole('button', { name: 'Copy code' }).click();
    await expect(block.getByRole('status'), 'the block says it copied').toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied, 'exactly the code: no line numbers, labels or button text').toBe(dockerfile);
    await expect(block.getByRole('status'), 'the note goes away by itself').toHaveText('', {
      timeout: 4_000,
    });
  });

  test('code in a quiz explanation has its Copy button too', async ({ page }) => {
    await page.goto('/learn/python-backend/background-tasks');
    const quiz = page.getByRole('region', { name: 'Test your knowledge' });
    for (let step = 0; step < 2; step += 1) {
      await quiz.getByRole('button', { name: 'Next question' }).click();
    }
    await quiz.getByRole('textbox').fill('delay()');
    await quiz.getByRole('button', { name: 'Check answer' }).click();
    const block = quiz.getByRole('figure');
    await block.getByRole('button', { name: 'Copy code' }).click();
    await expect(block.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'send_receipt.apply_async(args=(order.id,), countdown=60, queue="email")',
    );
  });
});

test.describe('with reduced motion, so that each jump has landed before the next key', () => {
  test.use({ reducedMotion: 'reduce' });

  test('j and k move between sections, [ and ] between lessons, ? shows the shortcuts', async ({
    page,
  }) => {
    await page.goto('/learn/python-backend/deployment');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1, 'the lesson opened').toHaveText(/Python deployment/);

    await page.keyboard.press('j');
    await expect(page, 'j goes to the first section').toHaveURL(/\/deployment\/web-servers$/);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Web servers: WSGI and ASGI' }),
      'and reading continues from its heading',
    ).toBeFocused();
    await page.keyboard.press('j');
    await expect(page, 'j again, the next one').toHaveURL(/\/deployment\/containers$/);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Containerising with Docker' }),
      'brought into view',
    ).toBeInViewport();
    await page.keyboard.press('k');
    await expect(page, 'k goes back one').toHaveURL(/\/deployment\/web-servers$/);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Web servers: WSGI and ASGI' }),
      'and lands there',
    ).toBeFocused();

    await page.keyboard.press(']');
    await expect(h1, '] opens the next lesson').toHaveText('Python logging');
    await page.keyboard.press('[');
    await expect(h1, '[ the previous one').toHaveText(/Python deployment/);
    const webServers = page.getByRole('heading', { level: 2, name: 'Web servers: WSGI and ASGI' });
    await expect(webServers, 'which reopens where the learner was').toBeFocused();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog, '? opens the shortcuts').toBeVisible();
    await expect(dialog, 'which list j and k').toContainText('Next section');
    await expect(dialog.getByRole('button', { name: 'Done' }), 'focus moves into it').toBeFocused();
    for (let presses = 0; presses < 4; presses += 1) await page.keyboard.press('Tab');
    expect(
      await dialog.evaluate((element) => element.contains(document.activeElement)),
      'Tab stays inside the dialog',
    ).toBe(true);
    await page.keyboard.press('j');
    await expect(page, 'letter keys do nothing behind a dialog').toHaveURL(/\/deployment$/);
    await page.keyboard.press('Escape');
    await expect(dialog, 'Esc closes it').toBeHidden();
    await expect(webServers, 'and focus returns where it was').toBeFocused();

    const shortcuts = page
      .getByRole('region', { name: 'Need help?' })
      .getByRole('button', { name: 'Keyboard shortcuts' });
    await shortcuts.click();
    await expect(dialog, 'the help box opens the same dialog').toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(shortcuts, 'closing returns focus to the button').toBeFocused();
  });
});

test('theme, text size and motion are chosen in settings and kept in the store', async ({
  page,
}) => {
  await page.goto('/learn/python-backend/deployment');
  const root = page.locator('html');
  await expect(root, 'the theme follows the system at first').toHaveAttribute(
    'data-theme',
    'light',
  );

  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(
    dialog.getByRole('radio', { name: 'Match the system' }).first(),
    'the default',
  ).toBeChecked();
  await dialog.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(root, 'dark at once').toHaveAttribute('data-theme', 'dark');
  await dialog
    .getByRole('group', { name: 'Text size' })
    .getByRole('radio', { name: 'Large', exact: true })
    .check();
  await expect(root, 'larger text at once').toHaveClass(/\btext-size-large\b/);
  const base = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
  expect(base, 'every rem grows with it').toBe(18);
  await dialog
    .getByRole('group', { name: 'Motion' })
    .getByRole('radio', { name: 'Reduce motion' })
    .check();
  await expect(root, 'motion reduced').toHaveAttribute('data-motion', 'reduce');
  await expect(
    page.getByRole('main').getByRole('status').filter({ hasText: 'Saved' }),
    'the settings were saved',
  ).toHaveText('Saved just now');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog, 'Done closes the dialog').toBeHidden();
  await expect(page.getByRole('button', { name: 'Settings' }), 'focus returns').toBeFocused();

  // Forget the page's own copy: what comes back comes from the store.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(root, 'the theme is kept').toHaveAttribute('data-theme', 'dark');
  await expect(root, 'the text size too').toHaveClass(/\btext-size-large\b/);
  await expect(root, 'and the motion').toHaveAttribute('data-motion', 'reduce');

  await page.getByRole('button', { name: 'Settings' }).click();
  await dialog
    .getByRole('group', { name: 'Theme' })
    .getByRole('radio', { name: 'Match the system' })
    .check();
  await expect(root, 'back to following the system').toHaveAttribute('data-theme', 'light');
  await page.keyboard.press('Escape');
  await expect(dialog, 'Esc closes settings').toBeHidden();
});
