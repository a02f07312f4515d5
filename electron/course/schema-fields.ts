// Zod building blocks whose messages tell an instructor what is wrong and what to write instead.
import * as z from 'zod';
import { isSlug, slugAdvice } from './slug.ts';

/** A required, non-empty string under `key`; `example` shows a valid line. */
export function requiredText(key: string, example: string): z.ZodString {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `missing "${key}": add a line such as \`${key}: ${example}\``
          : `"${key}" must be text, such as \`${key}: ${example}\``,
    })
    .trim()
    .min(1, { error: `"${key}" is empty: write it, such as \`${key}: ${example}\`` });
}

/** An optional string under `key` (empty means absent). */
export function optionalText(key: string): z.ZodOptional<z.ZodString> {
  return z
    .string({ error: `"${key}" must be text` })
    .trim()
    .optional();
}

/** A string under `key` that must already be a slug (lowercase words joined by hyphens). */
export function slugText(key: string, example: string): z.ZodString {
  return requiredText(key, example).refine(isSlug, {
    error: (issue) => `"${key}" must ${slugAdvice(String(issue.input)) ?? ''}`,
  });
}

/** A list of strings under `key`. */
export function textList(key: string, example: string): z.ZodArray<z.ZodString> {
  return z.array(z.string({ error: `each item of "${key}" must be text` }), {
    error: `"${key}" must be a list, such as \`${key}: ${example}\``,
  });
}
