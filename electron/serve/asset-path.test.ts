import { describe, expect, it } from 'vitest';
import { parseAssetPath } from './asset-path.ts';

describe('parseAssetPath', () => {
  it('recognises a course image and a course code stylesheet', () => {
    expect(parseAssetPath('/assets/python-backend/0123456789abcdef.png')).toEqual({
      kind: 'image',
      courseId: 'python-backend',
      name: '0123456789abcdef.png',
    });
    expect(parseAssetPath('/assets/python-backend/code.css')).toEqual({
      kind: 'code-stylesheet',
      courseId: 'python-backend',
    });
  });

  it('decodes a course id in any script, as the page requests it percent-encoded', () => {
    for (const courseId of ['हिन्दी-पाठ', 'สวัสดีชาวโลก', '日本語', 'my_course', 'ক'.repeat(128)]) {
      const pathname = new URL(`app://studybook/assets/${courseId}/code.css`).pathname;
      expect(parseAssetPath(pathname), courseId).toEqual({ kind: 'code-stylesheet', courseId });
    }
  });

  it('refuses what is not a course id, and the renderer’s own files', () => {
    for (const pathname of [
      '/assets/index-abc123.js',
      '/assets/Python/code.css',
      '/assets/%2E%2E/code.css',
      '/assets/a%2Fb/code.css',
      '/assets/%E0%A4/code.css',
      '/assets/%E0%A5%87abc/code.css',
      '/assets/a/b/code.css',
      `/assets/${'x'.repeat(129)}/code.css`,
      '/assets/python-backend/../../etc/passwd',
      '/assets/python-backend/Image.PNG',
    ]) {
      expect(parseAssetPath(pathname), pathname).toBeNull();
    }
  });
});
