import { describe, expect, it } from 'vitest';
import { slugify } from './course/slug.ts';
import { ID_PATTERN } from './ids.ts';

describe('ID_PATTERN', () => {
  it('accepts every id the compiler derives from a heading, in any script', () => {
    for (const heading of [
      'Web servers: WSGI vs. ASGI',
      'Café au lait',
      'Déploiement continu',
      '日本語の見出し',
      '部署到生产环境',
      'Ünïcödé   and  spaces',
      'CI/CD — step 2',
      'नमस्ते दुनिया',
      'สวัสดีชาวโลก',
      'การทำงาน',
      'আমার সোনার বাংলা',
      'Cafe\u0301 cre\u0300me',
    ]) {
      expect(slugify(heading), heading).toMatch(ID_PATTERN);
    }
  });

  it('refuses what no compiler writes: capitals, spaces, leading or doubled hyphens, paths', () => {
    for (const id of ['Web', 'a b', '-a', 'a-', 'a--b', '../etc', 'a/b', '', 'x'.repeat(129)]) {
      expect(id, JSON.stringify(id)).not.toMatch(ID_PATTERN);
    }
    expect('x'.repeat(128)).toMatch(ID_PATTERN);
    expect('my_explicit_id').toMatch(ID_PATTERN);
  });

  it('accepts combining marks inside words: vowel signs, viramas, accents that stay', () => {
    for (const id of [
      'नमस्ते-दुनिया',
      'สวัสดีชาวโลก',
      'আমার-সোনার-বাংলা',
      'ক্ষমা',
      'v\u20d7-field',
      'पाठ_२',
    ]) {
      expect(id, JSON.stringify(id)).toMatch(ID_PATTERN);
    }
  });

  it('refuses a combining mark that starts the id or a word, and the old refusals with marks', () => {
    for (const id of [
      '\u0947',
      '\u093fabc',
      'नमस्ते-\u0947दुनिया',
      'नमस्ते_\u093fदुनिया',
      'नमस्ते--दुनिया',
      '-नमस्ते',
      'नमस्ते-',
      'नमस्ते दुनिया',
      'Cafe\u0301',
      'a\u20dd',
    ]) {
      expect(id, JSON.stringify(id)).not.toMatch(ID_PATTERN);
    }
  });
});
