import { describe, expect, it } from 'vitest';
import { findMatches, fold, withoutHighlight } from './search-highlight.ts';

/** `text` with each match in [brackets]. */
function marked(text: string, words: string[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of findMatches(text, words)) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`;
    at = end;
  }
  return out + text.slice(at);
}

describe('findMatches', () => {
  it('finds a word at the start of words, whatever its case', () => {
    expect(marked('Deploy the app; redeploy later. DEPLOYMENT done.', ['deploy'])).toBe(
      '[Deploy] the app; redeploy later. [DEPLOY]MENT done.',
    );
  });

  it('ignores diacritics both ways and keeps the accented text’s own offsets', () => {
    expect(marked('Le déploiement du Café', ['deploiement', 'CAFÉ'])).toBe(
      'Le [déploiement] du [Café]',
    );
    expect(marked('e\u0301le\u0300ve', ['eleve'])).toBe('[e\u0301le\u0300ve]');
  });

  it('matches a punctuated word across any punctuation, as the search did, not its parts alone', () => {
    expect(marked('finish in-flight work, or in flight; in the meantime', ['in-flight'])).toBe(
      'finish [in-flight] work, or [in flight]; in the meantime',
    );
    expect(marked('port = os.environ["PORT"]', ['os.environ', '(x)'])).toBe(
      'port = [os.environ]["PORT"]',
    );
  });

  it('finds Chinese and Japanese words anywhere, as they have no spaces', () => {
    expect(marked('東京タワーは東京の名所です', ['東京'])).toBe('[東京]タワーは[東京]の名所です');
  });

  it('merges overlapping matches and keeps offsets right after astral characters', () => {
    expect(marked('🐳 docker dock', ['dock', 'docker'])).toBe('🐳 [docker] [dock]');
  });

  it('finds nothing for no words or blank words', () => {
    expect(findMatches('anything', [])).toEqual([]);
    expect(findMatches('anything', ['', '\u0301'])).toEqual([]);
  });
});

describe('fold', () => {
  it('lower-cases and removes diacritics', () => {
    expect(fold('Ÿ ÅNGSTRÖM Straße')).toBe('y angstrom straße');
  });
});

describe('withoutHighlight', () => {
  it('drops the highlighted words from an address', () => {
    expect(withoutHighlight('/learn/c/l/s?highlight=a+b')).toBe('/learn/c/l/s');
    expect(withoutHighlight('/learn/c/l')).toBe('/learn/c/l');
  });
});
