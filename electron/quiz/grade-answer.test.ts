import { describe, expect, it } from 'vitest';
import { gradeAnswer } from './grade-answer.ts';

const single = { kind: 'single' as const, answer: 'Nginx', accept: [] };
const multiple = { kind: 'multiple' as const, answer: ['Uvicorn', 'Hypercorn'], accept: [] };
const text = {
  kind: 'text' as const,
  answer: 'python manage.py migrate',
  accept: ['manage.py migrate'],
};

describe('gradeAnswer', () => {
  it('accepts the one right choice of a single-choice question and nothing else', () => {
    expect(gradeAnswer(single, 'Nginx')).toBe(true);
    expect(gradeAnswer(single, 'nginx')).toBe(false);
    expect(gradeAnswer(single, 'Docker')).toBe(false);
    expect(gradeAnswer(single, ['Nginx'])).toBe(false);
  });

  it('accepts exactly the right set of choices in any order for select-all questions', () => {
    expect(gradeAnswer(multiple, ['Hypercorn', 'Uvicorn'])).toBe(true);
    expect(gradeAnswer(multiple, ['Uvicorn'])).toBe(false);
    expect(gradeAnswer(multiple, ['Uvicorn', 'Hypercorn', 'Waitress'])).toBe(false);
    expect(gradeAnswer(multiple, 'Uvicorn')).toBe(false);
  });

  it('accepts short answers whatever their case, spacing or final full stop', () => {
    expect(gradeAnswer(text, '  Python   manage.py MIGRATE. ')).toBe(true);
    expect(gradeAnswer(text, 'manage.py migrate')).toBe(true);
    expect(gradeAnswer(text, 'migrate')).toBe(false);
    expect(gradeAnswer(text, '')).toBe(false);
    expect(gradeAnswer(text, ['manage.py migrate'])).toBe(false);
  });
});
