// ```quiz blocks: the questions at the end of a lesson, written as a YAML list.
import * as z from 'zod';
import type { DiagnosticList, SourcePosition } from './diagnostics.ts';
import type { QuestionAnswer } from './model.ts';
import { requiredText, slugText, textList } from './schema-fields.ts';
import type { YamlOrigin } from './yaml-source.ts';
import { YamlSource } from './yaml-source.ts';

/** Markdown held in a YAML value; problems inside it are reported at the value. */
export interface EmbeddedMarkdown {
  readonly markdown: string;
  readonly position: SourcePosition;
}

interface QuestionBase {
  readonly id: string;
  readonly prompt: string;
  readonly explain: EmbeddedMarkdown | null;
  readonly position: SourcePosition;
  readonly idPosition: SourcePosition;
}

/** One validated question; `kind` follows from its shape (choices? a list of answers?). */
export type QuizQuestion = QuestionBase & QuestionAnswer;

const KNOWN_KEYS = ['id', 'prompt', 'choices', 'answer', 'accept', 'explain'];

const questionSchema = z
  .object(
    {
      id: slugText('id', 'reverse-proxy'),
      prompt: requiredText('prompt', 'Which tool sits in front of Gunicorn?'),
      choices: textList('choices', '[Flask, Nginx, Pip]').optional(),
      answer: z.union([z.string(), z.array(z.string())], {
        error: (issue) =>
          issue.input === undefined
            ? 'missing "answer": add `answer: …` (one of the choices, or a list of them)'
            : '"answer" must be text, or a list of choices for select-all-that-apply',
      }),
      accept: textList('accept', '[other accepted answer]').optional(),
      explain: z.string({ error: '"explain" must be text (Markdown)' }).optional(),
    },
    { error: 'each question must be a mapping with `id:`, `prompt:` and `answer:`' },
  )
  .superRefine((question, ctx) => {
    const { choices, answer } = question;
    if (choices === undefined) {
      if (Array.isArray(answer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['answer'],
          message: 'a list of answers needs "choices" to choose from',
        });
      }
      return;
    }
    if (choices.length < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: `a question with choices needs at least two, this one has ${choices.length}`,
      });
    }
    choices.forEach((choice, index) => {
      if (choices.indexOf(choice) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['choices', index],
          message: `choice "${choice}" is listed twice`,
        });
      }
    });
    const listed = choices.map((choice) => `"${choice}"`).join(', ');
    if (Array.isArray(answer)) {
      if (answer.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['answer'],
          message: 'the answer list is empty: list every correct choice',
        });
      }
      answer.forEach((item, index) => {
        if (!choices.includes(item)) {
          ctx.addIssue({
            code: 'custom',
            path: ['answer', index],
            message: `answer "${item}" is not one of the choices (${listed}): copy it exactly from "choices"`,
          });
        }
      });
    } else if (!choices.includes(answer)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `answer "${answer}" is not one of the choices (${listed}): copy it exactly from "choices"`,
      });
    }
  });

const quizSchema = z.array(z.unknown(), {
  error: 'a quiz block holds a list of questions, each starting with `- id: …`',
});

/** Parses one quiz block's YAML located at `origin`, reporting problems. Never throws. */
export function parseQuizBlock(
  yaml: string,
  origin: YamlOrigin,
  sink: DiagnosticList,
): QuizQuestion[] {
  const source = new YamlSource(yaml, origin, sink);
  const items = source.validate(quizSchema, sink) ?? [];
  // Each question is checked on its own: one broken question does not hide the problems of others.
  return items.flatMap((item, index): QuizQuestion[] => {
    source.warnUnknownKeys([index], KNOWN_KEYS, 'a quiz question', sink);
    const question = source.validateAt(item, [index], questionSchema, sink);
    if (!question) return [];
    const base: QuestionBase = {
      id: question.id,
      prompt: question.prompt,
      explain:
        question.explain === undefined
          ? null
          : { markdown: question.explain, position: source.positionOf([index, 'explain']) },
      position: source.positionOf([index]),
      idPosition: source.positionOf([index, 'id']),
    };
    const { choices, answer } = question;
    if (choices === undefined) {
      // The schema has already reported a list of answers without choices.
      return typeof answer === 'string'
        ? [{ ...base, kind: 'text', answer, accept: question.accept ?? [] }]
        : [];
    }
    if (question.accept !== undefined) {
      sink.warning(
        source.positionOf([index, 'accept']),
        '"accept" only applies to short-answer questions (without "choices"), ignored',
      );
    }
    return [
      typeof answer === 'string'
        ? { ...base, kind: 'single', choices, answer }
        : { ...base, kind: 'multiple', choices, answer },
    ];
  });
}
