// Images in lessons: local files only, stored in the pack under names derived from their bytes.
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Where an image's `src` points: a file of the course, or nowhere acceptable. */
export type ImageSource =
  | { readonly kind: 'local'; readonly file: string }
  | { readonly kind: 'invalid'; readonly error: string };

/** An image as stored in a pack: `name` is `<first 16 hex digits of sha256>.<extension>`. */
export interface ImageAsset {
  readonly name: string;
  readonly mime: string;
  readonly data: Uint8Array;
}

interface ImageType {
  readonly extension: string;
  readonly mime: string;
  readonly label: string;
  readonly matches: (data: Uint8Array) => boolean;
}

const startsWith = (data: Uint8Array, ...bytes: number[]) => bytes.every((b, i) => data[i] === b);
const ascii = (data: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...data.subarray(from, to));

const PNG: ImageType = {
  extension: 'png',
  mime: 'image/png',
  label: 'PNG',
  matches: (d) => startsWith(d, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
};
const JPEG: ImageType = {
  extension: 'jpg',
  mime: 'image/jpeg',
  label: 'JPEG',
  matches: (d) => startsWith(d, 0xff, 0xd8, 0xff),
};
const GIF: ImageType = {
  extension: 'gif',
  mime: 'image/gif',
  label: 'GIF',
  matches: (d) => ascii(d, 0, 6) === 'GIF87a' || ascii(d, 0, 6) === 'GIF89a',
};
const WEBP: ImageType = {
  extension: 'webp',
  mime: 'image/webp',
  label: 'WebP',
  matches: (d) => ascii(d, 0, 4) === 'RIFF' && ascii(d, 8, 12) === 'WEBP',
};
const SVG: ImageType = {
  extension: 'svg',
  mime: 'image/svg+xml',
  label: 'SVG',
  matches: (d) => /<svg[\s>]/.test(new TextDecoder().decode(d.subarray(0, 4096))),
};

const BY_EXTENSION: ReadonlyMap<string, ImageType> = new Map([
  ['.png', PNG],
  ['.jpg', JPEG],
  ['.jpeg', JPEG],
  ['.gif', GIF],
  ['.webp', WEBP],
  ['.svg', SVG],
]);

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Classifies an image `src` (as markdown-it normalised it) written in lesson `fromFile`. Pure. */
export function classifyImageSource(src: string, fromFile: string): ImageSource {
  if (src === '')
    return {
      kind: 'invalid',
      error: 'the image has no file: write ![description](images/file.png)',
    };
  if (SCHEME.test(src) || src.startsWith('//')) {
    return {
      kind: 'invalid',
      error: `remote image "${src}": the app works offline, so save the image in the course folder and link the file`,
    };
  }
  if (src.startsWith('/')) {
    return {
      kind: 'invalid',
      error: `"${src}" is an absolute path: write the path relative to the lesson`,
    };
  }
  const relative = decode(src.replace(/[?#].*$/, ''));
  return { kind: 'local', file: path.resolve(path.dirname(fromFile), relative) };
}

/**
 * The asset for image `file` whose bytes are `data`, or an error message when its type is not
 * supported or its bytes do not match its extension. Pure.
 */
export function toImageAsset(
  file: string,
  data: Uint8Array,
): ImageAsset | { readonly error: string } {
  const type = BY_EXTENSION.get(path.extname(file).toLowerCase());
  if (!type) {
    return {
      error: `"${path.basename(file)}" is not a supported image: use PNG, JPEG, GIF, WebP or SVG`,
    };
  }
  if (!type.matches(data)) {
    return {
      error: `"${path.basename(file)}" is not a ${type.label} image, whatever its name says`,
    };
  }
  const digest = createHash('sha256').update(data).digest('hex');
  return { name: `${digest.slice(0, 16)}.${type.extension}`, mime: type.mime, data };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
