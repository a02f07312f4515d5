// The languages code blocks may be written in, with the names learners see above each block.
import type { BundledLanguage } from 'shiki';

/** A code block language: `id` goes into `data-language`, `grammar` is shiki's (null: plain text). */
export interface CodeLanguage {
  readonly id: string;
  readonly label: string;
  readonly grammar: BundledLanguage | null;
}

/** Code shown as is, for blocks without a language or with `text`. */
export const PLAIN_TEXT: CodeLanguage = { id: 'text', label: 'Plain text', grammar: null };

const LANGUAGES: readonly (CodeLanguage & { readonly aliases: readonly string[] })[] = [
  { id: 'python', label: 'Python', grammar: 'python', aliases: ['py', 'python3'] },
  { id: 'dockerfile', label: 'Dockerfile', grammar: 'dockerfile', aliases: ['docker'] },
  { id: 'bash', label: 'Bash', grammar: 'bash', aliases: [] },
  { id: 'shell', label: 'Shell', grammar: 'shellscript', aliases: ['sh', 'shellscript', 'zsh'] },
  { id: 'yaml', label: 'YAML', grammar: 'yaml', aliases: ['yml'] },
  { id: 'json', label: 'JSON', grammar: 'json', aliases: [] },
  { id: 'toml', label: 'TOML', grammar: 'toml', aliases: [] },
  { id: 'ini', label: 'INI', grammar: 'ini', aliases: ['cfg', 'conf'] },
  { id: 'javascript', label: 'JavaScript', grammar: 'javascript', aliases: ['js', 'mjs', 'cjs'] },
  { id: 'typescript', label: 'TypeScript', grammar: 'typescript', aliases: ['ts', 'mts', 'cts'] },
  { id: 'sql', label: 'SQL', grammar: 'sql', aliases: [] },
  { id: 'html', label: 'HTML', grammar: 'html', aliases: [] },
  { id: 'css', label: 'CSS', grammar: 'css', aliases: [] },
  { id: 'nginx', label: 'Nginx', grammar: 'nginx', aliases: [] },
  { id: 'markdown', label: 'Markdown', grammar: 'markdown', aliases: ['md'] },
  { id: 'diff', label: 'Diff', grammar: 'diff', aliases: ['patch'] },
  { id: 'go', label: 'Go', grammar: 'go', aliases: ['golang'] },
  { id: 'rust', label: 'Rust', grammar: 'rust', aliases: ['rs'] },
  { id: 'java', label: 'Java', grammar: 'java', aliases: [] },
  { id: 'c', label: 'C', grammar: 'c', aliases: ['h'] },
  { id: 'cpp', label: 'C++', grammar: 'cpp', aliases: ['c++', 'cc', 'hpp'] },
  { ...PLAIN_TEXT, aliases: ['plaintext', 'plain', 'txt'] },
];

const BY_NAME = new Map<string, CodeLanguage>(
  LANGUAGES.flatMap((language) => {
    const entry: CodeLanguage = {
      id: language.id,
      label: language.label,
      grammar: language.grammar,
    };
    return [language.id, ...language.aliases].map((name) => [name, entry] as const);
  }),
);

/** The shiki grammars every supported language needs, loaded once with the highlighter. */
export const GRAMMARS: readonly BundledLanguage[] = [
  ...new Set(LANGUAGES.flatMap((language) => (language.grammar ? [language.grammar] : []))),
];

/** The supported language called `name` (case-insensitive, aliases too), or undefined. */
export function findLanguage(name: string): CodeLanguage | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** Every name a code block may use, for the "unknown language" message. */
export function languageNames(): string[] {
  return LANGUAGES.map((language) => language.id);
}
