// Whether a learner's answer to a quiz question is right: the one rule, used wherever an answer
// is graded, so the page and the store never disagree.

export interface GradableQuestion {
  kind: 'single' | 'multiple' | 'text';
  answer: string | string[];
  accept: string[];
}

/**
 * True when `given` answers `question`: single choice by equality; select-all by the same set,
 * in any order; short answers ignoring case, surrounding space, runs of space and a final full
 * stop, against the answer and every accepted alternative. An answer of the wrong shape is wrong.
 */
export function gradeAnswer(question: GradableQuestion, given: string | string[]): boolean {
  switch (question.kind) {
    case 'single':
      return typeof given === 'string' && given === question.answer;
    case 'multiple': {
      if (!Array.isArray(given) || !Array.isArray(question.answer)) return false;
      const expected = new Set(question.answer);
      const chosen = new Set(given);
      return chosen.size === expected.size && [...chosen].every((choice) => expected.has(choice));
    }
    case 'text': {
      if (typeof given !== 'string') return false;
      const normalised = normaliseText(given);
      const accepted = [question.answer, ...question.accept].flat().map(normaliseText);
      return normalised !== '' && accepted.includes(normalised);
    }
  }
}

function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .toLocaleLowerCase('en');
}
