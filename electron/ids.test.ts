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
});
