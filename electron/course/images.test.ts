import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PNG_BYTES,
  checkLines,
  courseYml,
  fixture,
  writeCourse,
} from '../../tests/support/courses.ts';
import { JPEG_BASELINE, encodePng, withExifOrientation } from '../../tests/support/images.ts';
import { compileCourse } from './compile.ts';
import { classifyImageSource, toImageAsset } from './images.ts';

describe('images', () => {
  it('report missing, remote, mislabelled and unsupported images, and warn about a missing description', async () => {
    expect(await checkLines([fixture('bad-images')])).toEqual([
      'bad-images/images.md:5:1: error: image "images/missing.png" not found: check the path, relative to the lesson file',
      'bad-images/images.md:6:1: error: remote image "https://example.com/logo.png": the app works offline, so save the image in the course folder and link the file',
      'bad-images/images.md:7:1: warning: image without a description: write one between the brackets, ![like this](file.png), for learners who cannot see it',
      'bad-images/images.md:8:1: error: "fake.png" is not a PNG image, whatever its name says',
      'bad-images/images.md:8:30: error: "picture.bmp" is not a supported image: use PNG, JPEG, GIF, WebP or SVG',
    ]);
  });

  it('are stored once, content-addressed, and shown from /assets/<course-id>/', async () => {
    const dir = writeCourse({
      'course.yml': courseYml(['a.md', 'b.md']),
      'a.md': '---\ntitle: A\n---\n![A diagram](img/d.png "The pipeline")\n',
      'b.md': '---\ntitle: B\n---\n![Same diagram](img/d.png)\n',
      'img/d.png': PNG_BYTES,
    });
    const { course, diagnostics } = await compileCourse(dir);
    expect(diagnostics).toEqual([]);
    const name = `${createHash('sha256').update(PNG_BYTES).digest('hex').slice(0, 16)}.png`;
    expect(course?.assets).toEqual([{ name, mime: 'image/png', data: PNG_BYTES }]);
    expect(course?.lessons[0]?.introHtml).toBe(
      `<p><img src="/assets/test-course/${name}" alt="A diagram" title="The pipeline" width="1" height="1"></p>\n`,
    );
  });

  it('carry their width and height, read from their bytes, so the page keeps their room', async () => {
    const dir = writeCourse({
      'course.yml': courseYml(['a.md']),
      'a.md': [
        '---',
        'title: A',
        '---',
        '![A chart](img/chart.png)',
        '',
        '![A photo](img/photo.jpg "Turned by its camera")',
        '',
        '![A diagram](img/flow.svg)',
        '',
        '![A sizeless drawing](img/any.svg)',
        '',
      ].join('\n'),
      'img/chart.png': encodePng(7, 4),
      'img/photo.jpg': withExifOrientation(JPEG_BASELINE, 6),
      'img/flow.svg': readFileSync(
        path.resolve(import.meta.dirname, '../../content/python-backend/images/request-flow.svg'),
      ),
      'img/any.svg': '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
    });
    const { course, diagnostics } = await compileCourse(dir);
    expect(diagnostics).toEqual([]);
    const images = [...(course?.lessons[0]?.introHtml ?? '').matchAll(/<img [^>]*>/g)].map(
      ([tag]) => tag.replace(/src="[^"]*" /, ''),
    );
    expect(images).toEqual([
      '<img alt="A chart" width="7" height="4">',
      '<img alt="A photo" title="Turned by its camera" width="3" height="5">',
      '<img alt="A diagram" width="720" height="200">',
      '<img alt="A sizeless drawing">',
    ]);
  });

  it('accept paths with spaces, as markdown-it percent-encodes them', () => {
    expect(classifyImageSource('my%20images/a%20b.png', '/course/lesson.md')).toEqual({
      kind: 'local',
      file: '/course/my images/a b.png',
    });
  });

  it('recognise each supported type by its bytes', () => {
    const svg = new TextEncoder().encode(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    );
    expect(toImageAsset('/c/logo.svg', svg)).toMatchObject({
      mime: 'image/svg+xml',
      name: expect.stringMatching(/^[0-9a-f]{16}\.svg$/),
    });
    expect(toImageAsset('/c/photo.JPEG', Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toMatchObject({
      mime: 'image/jpeg',
      name: expect.stringMatching(/\.jpg$/),
    });
    expect(toImageAsset('/c/anim.gif', new TextEncoder().encode('GIF89a...'))).toMatchObject({
      mime: 'image/gif',
    });
    expect(
      toImageAsset('/c/pic.webp', new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ')),
    ).toMatchObject({ mime: 'image/webp' });
  });
});
