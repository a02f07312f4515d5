// The size an image is shown at, read from the first bytes of its file, so that a lesson's <img>
// can carry width and height and the page reserves the image's room before it loads. Pure: it
// reads only the bytes given, never throws, and answers null for anything it cannot be sure of.

/** An image's size in CSS pixels, as a browser shows it (a JPEG's EXIF rotation applied). */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

const MAX_DIMENSION = 2 ** 31 - 1;

/** The size of a replaced element that has no size of its own (CSS Images 3, HTML). */
const DEFAULT_OBJECT: ImageSize = { width: 300, height: 150 };

/** How many bytes of an SVG file are searched for its root <svg> element. */
const SVG_HEAD_BYTES = 64 * 1024;

/**
 * The size of the PNG, JPEG, GIF, WebP or SVG image whose file holds `data` (the format is
 * recognised by its bytes, not a name); null when it is none of these, is cut short before its
 * size, or states no usable size (an SVG sized only in %, em or not at all, and with no viewBox).
 */
export function imageSize(data: Uint8Array): ImageSize | null {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return pngSize(data);
  if (startsWith(data, [0xff, 0xd8, 0xff])) return jpegSize(data);
  if (ascii(data, 0, 6) === 'GIF87a' || ascii(data, 0, 6) === 'GIF89a') return gifSize(data);
  if (ascii(data, 0, 4) === 'RIFF' && ascii(data, 8, 12) === 'WEBP') return webpSize(data);
  return svgSize(data);
}

// PNG: the IHDR chunk comes first, its width and height big-endian 32-bit numbers.
function pngSize(data: Uint8Array): ImageSize | null {
  if (data.length < 24 || ascii(data, 12, 16) !== 'IHDR') return null;
  return size(uint32BE(data, 16), uint32BE(data, 20));
}

// GIF: the logical screen's width and height, little-endian 16-bit numbers after the signature.
function gifSize(data: Uint8Array): ImageSize | null {
  if (data.length < 10) return null;
  return size(uint16LE(data, 6), uint16LE(data, 8));
}

// WebP: a RIFF file whose first chunk is a lossy frame (VP8), a lossless one (VP8L) or the
// extended header (VP8X) with the canvas size.
function webpSize(data: Uint8Array): ImageSize | null {
  const chunk = ascii(data, 12, 16);
  if (chunk === 'VP8 ') {
    // A key frame: 3 bytes of frame tag, the start code 9d 01 2a, then 14-bit width and height.
    if (data.length < 30 || !startsWith(data.subarray(23), [0x9d, 0x01, 0x2a])) return null;
    return size(uint16LE(data, 26) & 0x3fff, uint16LE(data, 28) & 0x3fff);
  }
  if (chunk === 'VP8L') {
    // The signature byte 2f, then width - 1 and height - 1 in 14 bits each.
    if (data.length < 25 || data[20] !== 0x2f) return null;
    const bits = uint32LE(data, 21);
    return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    // Flags and reserved bytes, then canvas width - 1 and height - 1 in 24 bits each.
    if (data.length < 30) return null;
    return size(uint24LE(data, 24) + 1, uint24LE(data, 27) + 1);
  }
  return null;
}

// JPEG: segments after the start of image, each an FF marker and (most) a big-endian length
// that counts itself; the first start-of-frame segment holds the height and width. An EXIF
// orientation that turns the picture a quarter (5 to 8) swaps them, as browsers show it turned.
function jpegSize(data: Uint8Array): ImageSize | null {
  let at = 2;
  let quarterTurned = false;
  while (at < data.length) {
    if (data[at] !== 0xff) return null;
    while (data[at] === 0xff) at += 1; // fill bytes before a marker
    const marker = data[at];
    at += 1;
    if (marker === undefined || marker === 0xd9 || marker === 0xda) return null; // end, or scan data
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length follows
    if (at + 2 > data.length) return null;
    const length = uint16BE(data, at);
    if (length < 2 || at + length > data.length) return null;
    const segment = data.subarray(at + 2, at + length);
    if (isStartOfFrame(marker)) {
      if (segment.length < 5) return null;
      const height = uint16BE(segment, 1);
      const width = uint16BE(segment, 3);
      return quarterTurned ? size(height, width) : size(width, height);
    }
    if (marker === 0xe1) quarterTurned ||= (exifOrientation(segment) ?? 1) >= 5;
    at += length;
  }
  return null;
}

// SOF0 to SOF15, except the markers that share the range: DHT (c4), JPG (c8) and DAC (cc).
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/** The orientation tag (1-8) of an APP1 segment holding EXIF data; null when there is none. */
function exifOrientation(segment: Uint8Array): number | null {
  if (ascii(segment, 0, 6) !== 'Exif\0\0') return null;
  const tiff = segment.subarray(6);
  if (tiff.length < 8) return null;
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const u16 = (at: number) => (little ? uint16LE(tiff, at) : uint16BE(tiff, at));
  const u32 = (at: number) => (little ? uint32LE(tiff, at) : uint32BE(tiff, at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const entries = u16(ifd);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    // Tag 0112 (Orientation), type 3 (SHORT): the value sits in the entry itself.
    if (u16(entry) === 0x0112) return u16(entry + 2) === 3 ? u16(entry + 8) : null;
  }
  return null;
}

// SVG: sized as Chromium sizes an <img> of it. Width and height in absolute units (or em, 16px
// in an image) are the size; a missing or percentage one is "auto", taken from the other and the
// viewBox's proportions, or else from the default object size: with only a viewBox, the image is
// as large as fits in 300×150 (CSS Images 3, "default sizing algorithm"), whatever the viewBox's
// numbers. A length in other units, or an invalid one, leaves the size to the browser: null.
function svgSize(data: Uint8Array): ImageSize | null {
  const head = new TextDecoder().decode(data.subarray(0, SVG_HEAD_BYTES));
  // Comments first, so that an <svg> written in one is not taken for the root element.
  const root = /<svg(?=[\s/>])((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/.exec(
    head.replace(/<!--[\s\S]*?(?:-->|$)/g, ''),
  );
  if (!root) return null;
  const attributes = new Map<string, string>();
  for (const [, name = '', double, single] of (root[1] ?? '').matchAll(
    /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
  )) {
    attributes.set(name, double ?? single ?? '');
  }
  const width = svgLength(attributes.get('width'));
  const height = svgLength(attributes.get('height'));
  if (width === null || height === null) return null;
  if (width !== 'auto' && height !== 'auto') return size(width, height);
  const viewBox = parseViewBox(attributes.get('viewBox'));
  const ratio = viewBox ? viewBox.width / viewBox.height : null;
  if (width !== 'auto') return size(width, ratio ? width / ratio : DEFAULT_OBJECT.height);
  if (height !== 'auto') return size(ratio ? height * ratio : DEFAULT_OBJECT.width, height);
  // Nothing in the file says how large it is: no size rather than a guess.
  if (ratio === null) return null;
  return ratio >= DEFAULT_OBJECT.width / DEFAULT_OBJECT.height
    ? size(DEFAULT_OBJECT.width, DEFAULT_OBJECT.width / ratio)
    : size(DEFAULT_OBJECT.height * ratio, DEFAULT_OBJECT.height);
}

const PIXELS_PER_UNIT: Readonly<Record<string, number>> = {
  '': 1,
  px: 1,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
  pt: 96 / 72,
  pc: 16,
  // An image's document has the default font size.
  em: 16,
  rem: 16,
};
const NUMBER = String.raw`[+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const LENGTH = new RegExp(String.raw`^\s*(${NUMBER})\s*([a-z]*|%)\s*$`, 'i');

/** An SVG width or height in CSS pixels; 'auto' when missing or a percentage; null when unknown. */
function svgLength(value: string | undefined): number | 'auto' | null {
  if (value === undefined) return 'auto';
  const match = LENGTH.exec(value);
  if (!match) return null;
  if (match[2] === '%') return 'auto';
  const perUnit = PIXELS_PER_UNIT[(match[2] ?? '').toLowerCase()];
  return perUnit === undefined ? null : Number(match[1]) * perUnit;
}

function parseViewBox(value: string | undefined): ImageSize | null {
  const numbers = (value ?? '').trim().split(/[\s,]+/);
  if (numbers.length !== 4) return null;
  const [, , width, height] = numbers.map(Number);
  if (!width || !height || !Number.isFinite(width) || !Number.isFinite(height)) return null;
  return width > 0 && height > 0 ? { width, height } : null;
}

/**
 * Whole pixels, as the width and height attributes take them (1 to 2³¹ - 1, the most a PNG may
 * say, so at most ten digits); null for an empty or absurd size.
 */
function size(width: number, height: number): ImageSize | null {
  const w = Math.round(width);
  const h = Math.round(height);
  const valid = (n: number) => Number.isSafeInteger(n) && n >= 1 && n <= MAX_DIMENSION;
  return valid(w) && valid(h) ? { width: w, height: h } : null;
}

function startsWith(data: Uint8Array, bytes: readonly number[]): boolean {
  return data.length >= bytes.length && bytes.every((byte, i) => data[i] === byte);
}

function ascii(data: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...data.subarray(from, to));
}

// Callers check the bounds first: out of range, `?? 0` keeps the result a number, not NaN.
function uint16BE(data: Uint8Array, at: number): number {
  return ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);
}

function uint16LE(data: Uint8Array, at: number): number {
  return (data[at] ?? 0) | ((data[at + 1] ?? 0) << 8);
}

function uint24LE(data: Uint8Array, at: number): number {
  return uint16LE(data, at) | ((data[at + 2] ?? 0) << 16);
}

function uint32BE(data: Uint8Array, at: number): number {
  return ((uint16BE(data, at) << 16) >>> 0) + uint16BE(data, at + 2);
}

function uint32LE(data: Uint8Array, at: number): number {
  return uint16LE(data, at) + ((uint16LE(data, at + 2) << 16) >>> 0);
}
