// The quiz's rules that need no page: letters, what a complete answer is, when two answers are
// the same, and the words for a question's place and the score.
import type { QuestionView, QuizScore } from '../../../electron/api.ts';

/** A learner's answer before it is checked: a choice, several choices, or typed text. */
export type Draft = string | string[];

/** "A" for the first choice, "B" for the second… */
export function choiceLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The answer a question starts with: nothing chosen, nothing typed. */
export function emptyDraft(kind: QuestionView['kind']): Draft {
  return kind === 'multiple' ? [] : '';
}

/** Can this draft be checked? At least one choice, or some non-blank text. */
export function isComplete(draft: Draft): boolean {
  return Array.isArray(draft) ? draft.length > 0 : draft.trim() !== '';
}

/** Are two answers the same? Lists compare as sets; text exactly, as the host stored it. */
export function sameAnswer(a: Draft, b: Draft): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false;
    const set = new Set(a);
    return set.size === new Set(b).size && b.every((choice) => set.has(choice));
  }
  return a === b;
}

/** `choices` with `choice` added or removed, kept in the question's order. */
export function toggleChoice(
  choices: readonly string[],
  draft: readonly string[],
  choice: string,
): string[] {
  const chosen = new Set(draft);
  if (chosen.has(choice)) chosen.delete(choice);
  else chosen.add(choice);
  return choices.filter((c) => chosen.has(c));
}

/** An answer in words: "Nginx"; "StreamHandler, RotatingFileHandler and NullHandler". */
export function answerText(answer: Draft): string {
  if (!Array.isArray(answer)) return answer;
  if (answer.length <= 1) return answer.join('');
  return `${answer.slice(0, -1).join(', ')} and ${answer.at(-1)}`;
}

/** "Question 2 of 3". */
export function questionLabel(index: number, total: number): string {
  return `Question ${index + 1} of ${total}`;
}

/** "2 of 3 correct". */
export function scoreLabel(score: Pick<QuizScore, 'correct' | 'total'>): string {
  return `${score.correct} of ${score.total} correct`;
}

/** A word of encouragement that fits the score. */
export function scoreRemark(score: Pick<QuizScore, 'correct' | 'total'>): string {
  if (score.total === 0) return '';
  if (score.correct === score.total) return 'Every answer right. Well done!';
  if (score.correct * 2 >= score.total) return 'A good result. Review the ones you missed.';
  return 'Worth another look: reread the sections, then try again.';
}

/**
 * Where a quiz opens: at the first question without a saved answer, or at the results (index
 * `questionIds.length`) when every question has one.
 */
export function openingStep(
  questionIds: readonly string[],
  answered: { has(id: string): boolean },
): number {
  const index = questionIds.findIndex((id) => !answered.has(id));
  return index === -1 ? questionIds.length : index;
}
