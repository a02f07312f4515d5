// The quiz: one question at a time, graded by the host, every answer saved and restored.
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test('answers are graded right and wrong, and a reload restores them with the score', async ({
  page,
}) => {
  await page.goto('/learn/python-backend/deployment');
  const quiz = page.getByRole('region', { name: 'Test your knowledge' });
  const check = quiz.getByRole('button', { name: 'Check answer' });

  await check.click();
  await expect(
    quiz.getByText('Choose an answer first.'),
    'an empty answer is not sent',
  ).toBeVisible();

  await quiz.getByRole('radio', { name: 'Nginx' }).check();
  await check.click();
  await expect(quiz.getByText('Not quite'), 'a wrong answer is marked wrong').toBeVisible();
  await expect(quiz, 'with the right answer').toContainText('The right answer: Uvicorn.');
  await expect(quiz, 'and the explanation').toContainText('FastAPI is an ASGI application');
  await expect(
    quiz.getByRole('button', { name: 'Next question' }),
    'focus moves on to the next step',
  ).toBeFocused();

  await quiz.getByRole('button', { name: 'Next question' }).click();
  await expect(
    quiz.getByRole('heading', { name: 'Question 2 of 3' }),
    'one at a time',
  ).toBeFocused();
  await quiz.getByRole('radio', { name: /dependency layer stays cached/ }).check();
  await check.click();
  await expect(
    quiz.getByText('Correct', { exact: true }),
    'a right answer is marked right',
  ).toBeVisible();

  await quiz.getByRole('button', { name: 'Previous question' }).click();
  await expect(
    quiz.getByRole('radio', { name: 'Nginx' }),
    'going back shows the answer given',
  ).toBeChecked();
  await quiz.getByRole('button', { name: 'Next question' }).click();
  await quiz.getByRole('button', { name: 'Next question' }).click();

  await quiz.getByRole('radio', { name: /serverless container platform/ }).check();
  await check.click();
  await expect(quiz.getByText('Correct', { exact: true }), 'the third is right').toBeVisible();
  await quiz.getByRole('button', { name: 'See your score' }).click();
  await expect(
    quiz.getByRole('heading', { name: 'Your score' }),
    'the score comes last',
  ).toBeFocused();
  await expect(quiz, 'two of the three were right').toContainText('2 of 3 correct');
  await expect(
    page.getByRole('progressbar', { name: 'Reading progress' }),
    'answers count towards the lesson: 3 of 7 units',
  ).toHaveAttribute('aria-valuenow', '42');

  await page.reload();
  await expect(quiz, 'the score survives a reload').toContainText('2 of 3 correct');
  await expect(
    page.getByRole('progressbar', { name: 'Reading progress' }),
    'and so does the lesson’s progress',
  ).toHaveAttribute('aria-valuenow', '42');
  await quiz.getByRole('button', { name: /Question 1/ }).click();
  await expect(
    quiz.getByRole('radio', { name: 'Nginx' }),
    'the latest answer is restored',
  ).toBeChecked();
  await expect(quiz.getByText('Not quite'), 'with its verdict').toBeVisible();

  await quiz.getByRole('radio', { name: 'Uvicorn' }).check();
  await expect(
    quiz.getByText('Not quite'),
    'changing the answer hides the old verdict',
  ).toBeHidden();
  await check.click();
  await expect(
    quiz.getByText('Correct', { exact: true }),
    'and the new one is graded',
  ).toBeVisible();
  await quiz.getByRole('button', { name: 'Next question' }).click();
  await quiz.getByRole('button', { name: 'Next question' }).click();
  await quiz.getByRole('button', { name: 'See your score' }).click();
  await expect(quiz, 'the score follows the latest answers').toContainText('3 of 3 correct');

  await quiz.getByRole('button', { name: 'Try again' }).click();
  await expect(
    quiz.getByRole('heading', { name: 'Question 1 of 3' }),
    'back to the start',
  ).toBeFocused();
  await expect(quiz.getByRole('radio', { checked: true }), 'with nothing chosen').toHaveCount(0);
});

test('the whole quiz works from the keyboard alone: choices, select-all and a typed answer', async ({
  page,
}) => {
  await page.goto('/learn/python-backend/logging');
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1, 'the lesson opens with focus on its title').toBeFocused();
  const quiz = page.getByRole('region', { name: 'Test your knowledge' });

  // From the title back into the section list, to its link to the quiz.
  const quizLink = page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Test your knowledge' });
  for (let presses = 0; presses < 10 && !(await isFocused(quizLink)); presses += 1) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(quizLink, 'the section list leads to the quiz').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    quiz.getByRole('heading', { name: 'Test your knowledge' }),
    'focus lands on the quiz',
  ).toBeFocused();

  // Question 1: single choice, answered with the arrow keys.
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('radio', { name: 'DEBUG' }), 'Tab enters the choices').toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(quiz.getByRole('radio', { name: 'WARNING' }), 'arrows choose').toBeChecked();
  await page.keyboard.press('Tab');
  await expect(
    quiz.getByRole('button', { name: 'Check answer' }),
    'Tab reaches the check',
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quiz.getByText('Correct', { exact: true }), 'the answer is graded').toBeVisible();
  await expect(quiz.getByRole('button', { name: 'Next question' }), 'focus moves on').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    quiz.getByRole('heading', { name: 'Question 2 of 3' }),
    'to question 2',
  ).toBeFocused();

  // Question 2: select all that apply, with Space.
  for (const [choice, tick] of [
    ['StreamHandler', true],
    ['RotatingFileHandler', true],
    ['JsonHandler', false],
    ['NullHandler', true],
  ] as const) {
    await page.keyboard.press('Tab');
    await expect(
      quiz.getByRole('checkbox', { name: choice }),
      `Tab reaches ${choice}`,
    ).toBeFocused();
    if (tick) await page.keyboard.press('Space');
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(quiz.getByText('Correct', { exact: true }), 'all three right').toBeVisible();
  await page.keyboard.press('Enter');

  // Question 3: a typed answer, sent with Enter.
  await expect(
    quiz.getByRole('heading', { name: 'Question 3 of 3' }),
    'to question 3',
  ).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('textbox'), 'Tab reaches the answer field').toBeFocused();
  await page.keyboard.type('logger.exception()');
  await page.keyboard.press('Enter');
  await expect(
    quiz.getByText('Correct', { exact: true }),
    'the typed answer is right',
  ).toBeVisible();
  await expect(
    quiz.getByRole('button', { name: 'See your score' }),
    'focus moves on',
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quiz.getByRole('heading', { name: 'Your score' }), 'the score').toBeFocused();
  await expect(quiz, 'every answer right').toContainText('3 of 3 correct');

  const tryAgain = quiz.getByRole('button', { name: 'Try again' });
  for (let presses = 0; presses < 8 && !(await isFocused(tryAgain)); presses += 1) {
    await page.keyboard.press('Tab');
  }
  await expect(tryAgain, 'Try again is reachable').toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    quiz.getByRole('heading', { name: 'Question 1 of 3' }),
    'and starts over',
  ).toBeFocused();
});

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement).catch(() => false);
}
