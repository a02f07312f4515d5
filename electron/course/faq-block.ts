// ```faq blocks: questions learners often ask, with Markdown answers.
import * as z from 'zod';
import type { DiagnosticList } from './diagnostics.ts';
import type { EmbeddedMarkdown } from './quiz-block.ts';
import { requiredText } from './schema-fields.ts';
import type { YamlOrigin } from './yaml-source.ts';
import { YamlSource } from './yaml-source.ts';

/** One validated FAQ entry. */
export interface FaqEntry {
  readonly question: string;
  readonly answer: EmbeddedMarkdown;
}

const KNOWN_KEYS = ['q', 'a'];

const faqSchema = z.array(z.unknown(), {
  error: 'a faq block holds a list of entries, each starting with `- q: …`',
});

const entrySchema = z.object(
  {
    q: requiredText('q', 'Why put Nginx in front of Gunicorn?'),
    a: requiredText('a', 'Because it buffers slow clients.'),
  },
  { error: 'each FAQ entry must be a mapping with `q:` (the question) and `a:` (the answer)' },
);

/** Parses one faq block's YAML located at `origin`, reporting problems. Never throws. */
export function parseFaqBlock(yaml: string, origin: YamlOrigin, sink: DiagnosticList): FaqEntry[] {
  const source = new YamlSource(yaml, origin, sink);
  const items = source.validate(faqSchema, sink) ?? [];
  return items.flatMap((item, index) => {
    source.warnUnknownKeys([index], KNOWN_KEYS, 'an FAQ entry', sink);
    const entry = source.validateAt(item, [index], entrySchema, sink);
    if (!entry) return [];
    return [
      {
        question: entry.q,
        answer: { markdown: entry.a, position: source.positionOf([index, 'a']) },
      },
    ];
  });
}
