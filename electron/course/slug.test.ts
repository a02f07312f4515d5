import { describe, expect, it } from 'vitest';
import { ID_PATTERN } from '../ids.ts';
import { isSlug, slugify } from './slug.ts';

describe('slugify', () => {
  it('lowercases words and joins them with single hyphens', () => {
    expect(slugify('Web Servers: WSGI vs. ASGI')).toBe('web-servers-wsgi-vs-asgi');
  });

  it('folds accents so that "Café crème" becomes "cafe-creme"', () => {
    expect(slugify('Café crème')).toBe('cafe-creme');
  });

  it('keeps CJK text, and Japanese voicing marks, as they are', () => {
    expect(slugify('日本語の見出し')).toBe('日本語の見出し');
    expect(slugify('デプロイ ガイド')).toBe('デプロイ-ガイド');
  });

  it('keeps the vowel signs and viramas of Indic scripts inside their words', () => {
    expect(slugify('नमस्ते दुनिया')).toBe('नमस्ते-दुनिया');
    expect(slugify('हिन्दी पाठ')).toBe('हिन्दी-पाठ');
    expect(slugify('আমার সোনার বাংলা')).toBe('আমার-সোনার-বাংলা');
  });

  it('keeps Thai and Lao words whole, SARA AM as it is typed', () => {
    expect(slugify('สวัสดีชาวโลก')).toBe('สวัสดีชาวโลก');
    expect(slugify('การทำงาน ของระบบ')).toBe('การทำงาน-ของระบบ');
    expect(slugify('ຄຳ ລາວ')).toBe('ຄຳ-ລາວ');
  });

  it('folds a decomposed Latin accent like a precomposed one', () => {
    expect(slugify('Cafe\u0301 cre\u0300me')).toBe('cafe-creme');
    expect(slugify('Cafe\u0301')).toBe(slugify('Caf\u00e9'));
  });

  it('keeps other combining marks on their letter, and drops a mark that has none', () => {
    expect(slugify('v\u20d7 field')).toBe('v\u20d7-field');
    expect(slugify('\u093f intro')).toBe('intro');
    expect(slugify('step \u0947- two')).toBe('step-two');
    expect(slugify('\u0e31')).toBe('');
  });

  it('folds compatibility letters, even capitals that have no lowercase of their own', () => {
    expect(slugify('𝐁𝐨𝐥𝐝 math')).toBe('bold-math');
    expect(slugify('ﾃﾞﾌﾟﾛｲ')).toBe('デプロイ');
  });

  it('turns every run of punctuation, underscores and spaces into one hyphen, trimmed at the ends', () => {
    expect(slugify('  --CI/CD__pipelines!!  ')).toBe('ci-cd-pipelines');
  });

  it('keeps digits', () => {
    expect(slugify('Python 3.12 on Ubuntu 24.04')).toBe('python-3-12-on-ubuntu-24-04');
  });

  it('cuts a long heading at a hyphen so the id fits the 128 characters ids may have', () => {
    const slug = slugify(`${'word '.repeat(40)}end`);
    expect(slug.length).toBeLessThanOrEqual(128);
    expect(slug).toMatch(/^word(-word)+$/);
    expect(slugify('日'.repeat(200))).toBe('日'.repeat(128));
  });

  it('makes only ids the rest of the app accepts', () => {
    for (const heading of [
      'Web servers: WSGI vs. ASGI',
      'Ǆemal Bijedić',
      'हिन्दी पाठ',
      'नमस्ते दुनिया',
      'สวัสดีชาวโลก',
      'การทำงาน',
      'আমার সোনার বাংলা',
      'ক্ষমা',
      'Cafe\u0301',
      '\u0947 leading mark',
      '𝐁𝐨𝐥𝐝 math',
      'x'.repeat(300),
    ]) {
      expect(slugify(heading), heading).toMatch(ID_PATTERN);
    }
  });

  it('returns an empty string for text without letters or digits', () => {
    expect(slugify('?!')).toBe('');
  });
});

describe('isSlug', () => {
  it('accepts a text that slugify leaves unchanged', () => {
    expect(isSlug('python-backend')).toBe(true);
    expect(isSlug('日本語')).toBe(true);
    expect(isSlug('नमस्ते-दुनिया')).toBe(true);
    expect(isSlug('การทำงาน')).toBe(true);
  });

  it('rejects uppercase, spaces, underscores, doubled hyphens, overlong ids and the empty string', () => {
    for (const text of [
      'Python',
      'python backend',
      'my_id',
      'a--b',
      '-a',
      '',
      'x'.repeat(129),
      'cafe\u0301',
      '\u0947abc',
    ]) {
      expect(isSlug(text), text).toBe(false);
    }
  });
});
