import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { indexedText, SEARCH_SCHEMA_SQL } from './search-index.ts';
import { buildSearchQuery, MAX_QUERY_WORDS } from './search-query.ts';

// A real FTS5 table of the library's layout, so that every expression is checked by SQLite's own
// parser, not by our idea of it.
const db = new Database(':memory:');
db.exec(SEARCH_SCHEMA_SQL);
const documents = [
  'Docker compose: run `docker compose up -d` (detached)',
  'Use os.environ["PORT"] to read settings; key:value pairs and a^b or a+b',
  'NEAR the end, AND then OR else NOT this',
  'Le déploiement du café naïf',
  'print("hello") * 2 - 1',
  'He said "quoted words" here',
];
const insert = db.prepare('INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)');
documents.forEach((text, index) => insert.run(index + 1, '', indexedText(text)));
const matchRows = db.prepare<[string], { rowid: number }>(
  'SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank',
);
afterAll(() => db.close());

/** The rowids the learner's `text` finds, through the real MATCH. */
function find(text: string): number[] {
  const { match } = buildSearchQuery(text);
  return match === null ? [] : matchRows.all(match).map((row) => row.rowid);
}

describe('buildSearchQuery', () => {
  it.each([
    ['a double quote', '"'],
    ['an unbalanced quote inside a word', 'say"hi'],
    ['two quotes', '""'],
    ['a star alone', '*'],
    ['a star after a word', 'dock*'],
    ['a star before a word', '*dock'],
    ['a minus', '-'],
    ['a leading minus', '-d'],
    ['a colon', ':'],
    ['a column filter', 'title:docker'],
    ['a column filter list', '{title body}:docker'],
    ['an opening parenthesis', '('],
    ['a closing parenthesis', ')'],
    ['parentheses around words', '(docker OR compose)'],
    ['NEAR alone', 'NEAR'],
    ['a NEAR group', 'NEAR(docker compose, 2)'],
    ['AND between words', 'docker AND compose'],
    ['OR between words', 'docker OR'],
    ['NOT first', 'NOT docker'],
    ['lower-case operators', 'and or not near'],
    ['a caret', '^'],
    ['a caret before a word', '^docker'],
    ['a plus', '+'],
    ['a plus between words', 'a+b'],
    ['brackets and braces', '[]{}'],
    ['a backslash', '\\'],
    ['a semicolon and quote, as in SQL injection', `'; DROP TABLE search_index; --`],
    ['control characters', '\u0000\u0001\u0002docker'],
    ['a lone combining mark', '\u0301'],
    ['a zero-width space', '\u200B'],
    ['emoji', '🐳 docker'],
    ['only whitespace', ' \t\n '],
    ['the empty string', ''],
  ])('never produces an FTS5 syntax error for %s', (_what, text) => {
    expect(() => find(text)).not.toThrow();
  });

  it('never produces an FTS5 syntax error for any short string of special characters', () => {
    const specials = ['"', '*', '-', ':', '(', ')', '^', '+', '{', '}', ' ', 'NEAR', 'AND', 'x'];
    let seed = 7;
    for (let round = 0; round < 2000; round += 1) {
      let text = '';
      for (let i = 0; i < 6; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        text += specials[seed % specials.length];
      }
      expect(() => find(text), text).not.toThrow();
    }
  });

  it('treats FTS5 keywords and operators as the words they are', () => {
    expect(find('NEAR'), 'NEAR is a word of document 3').toEqual([3]);
    expect(find('AND then')).toEqual([3]);
    expect(find('NOT this'), 'NOT does not exclude anything').toEqual([3]);
    expect(find('docker OR nothing-like-this'), 'OR does not widen the search').toEqual([]);
  });

  it('searches punctuated text as the adjacent words it is made of, as code is written', () => {
    expect(find('os.environ')).toEqual([2]);
    expect(find('key:value')).toEqual([2]);
    expect(find('print("hello")')).toEqual([5]);
    expect(find('"quoted words"')).toEqual([6]);
    expect(find('compose-docker'), 'the words must be adjacent and in order').toEqual([]);
  });

  it('matches the last word as a prefix while it is being typed', () => {
    expect(buildSearchQuery('docker comp').match).toBe('"docker" "comp"*');
    expect(find('docker comp')).toEqual([1]);
    expect(find('deploi')).toEqual([4]);
  });

  it('matches the last word whole once a space or punctuation ends it', () => {
    expect(buildSearchQuery('comp ').match).toBe('"comp"');
    expect(find('comp ')).toEqual([]);
    expect(buildSearchQuery('comp.').match).toBe('"comp."');
  });

  it('does not expand a one-letter last word to every word starting with it', () => {
    expect(buildSearchQuery('docker c').match).toBe('"docker" "c"');
  });

  it('escapes a double quote inside a word by doubling it', () => {
    expect(buildSearchQuery('say"hi').match).toBe('"say""hi"*');
  });

  it('ignores characters that can be no part of a word', () => {
    expect(buildSearchQuery('* - : ( ) ^ + "').match).toBeNull();
    expect(buildSearchQuery('   ').match).toBeNull();
  });

  it('is insensitive to case and diacritics, also in decomposed form', () => {
    expect(find('CAFÉ')).toEqual([4]);
    expect(find('cafe')).toEqual([4]);
    expect(find('cafe\u0301')).toEqual([4]);
    expect(find('DEPLOIEMENT')).toEqual([4]);
    expect(find('naif')).toEqual([4]);
  });

  it('returns the words to highlight, as typed, without punctuation or repeats', () => {
    expect(buildSearchQuery('os.environ "Déploi" os os').terms).toEqual([
      'os.environ',
      'Déploi',
      'os',
    ]);
    expect(buildSearchQuery('(in-flight) print("hello")').terms).toEqual([
      'in-flight',
      'print("hello',
    ]);
    expect(buildSearchQuery('東京タワー').terms).toEqual(['東京タワー']);
  });

  it('cuts Chinese and Japanese into one token per character, searched as adjacent characters', () => {
    expect(buildSearchQuery('東京').match).toBe('"\u200B東\u200B\u200B京\u200B"');
  });

  it(`keeps at most ${MAX_QUERY_WORDS} words`, () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const match = buildSearchQuery(many).match ?? '';
    expect(match.split(' ')).toHaveLength(MAX_QUERY_WORDS);
  });
});
