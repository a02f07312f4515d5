import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  JPEG_BASELINE,
  JPEG_PROGRESSIVE,
  WEBP_EXTENDED,
  WEBP_LOSSLESS,
  WEBP_LOSSY,
  encodeGif,
  encodePng,
  withExifOrientation,
} from '../../tests/support/images.ts';
import { imageSize } from './image-size.ts';

const svg = (text: string) => Buffer.from(text, 'utf8');
const NS = 'xmlns="http://www.w3.org/2000/svg"';

/** The real images of every format, and where the bytes that say their size end. */
const SAMPLES: { name: string; data: Buffer; size: [number, number]; sizeEnds: number }[] = [
  { name: 'a PNG', data: encodePng(7, 4), size: [7, 4], sizeEnds: 24 },
  { name: 'a GIF', data: encodeGif(6, 2), size: [6, 2], sizeEnds: 10 },
  {
    name: 'a baseline JPEG',
    data: JPEG_BASELINE,
    size: [5, 3],
    sizeEnds: JPEG_BASELINE.indexOf(Buffer.from([0xff, 0xc0])) + 2 + 11,
  },
  {
    name: 'a progressive JPEG',
    data: JPEG_PROGRESSIVE,
    size: [5, 3],
    sizeEnds: JPEG_PROGRESSIVE.indexOf(Buffer.from([0xff, 0xc2])) + 2 + 11,
  },
  { name: 'a lossy WebP', data: WEBP_LOSSY, size: [5, 3], sizeEnds: 30 },
  { name: 'a lossless WebP', data: WEBP_LOSSLESS, size: [5, 3], sizeEnds: 25 },
  { name: 'an extended WebP', data: WEBP_EXTENDED, size: [5, 3], sizeEnds: 30 },
];

describe('imageSize', () => {
  it.each(SAMPLES)('reads the size of $name', ({ data, size: [width, height] }) => {
    expect(imageSize(data)).toEqual({ width, height });
  });

  it('reads PNG and GIF sizes past one byte, in their byte orders', () => {
    expect(imageSize(encodePng(300, 2))).toEqual({ width: 300, height: 2 });
    const widest = encodePng(1, 1);
    widest.writeUInt32BE(2 ** 31 - 1, 16); // the header alone: the largest width PNG allows
    expect(imageSize(widest)).toEqual({ width: 2 ** 31 - 1, height: 1 });
    expect(imageSize(encodeGif(2, 260))).toEqual({ width: 2, height: 260 });
  });

  it('swaps a JPEG’s width and height when EXIF says it is turned a quarter, as browsers show it', () => {
    for (const orientation of [1, 2, 3, 4]) {
      expect(imageSize(withExifOrientation(JPEG_BASELINE, orientation))).toEqual({
        width: 5,
        height: 3,
      });
    }
    for (const orientation of [5, 6, 7, 8]) {
      expect(imageSize(withExifOrientation(JPEG_BASELINE, orientation))).toEqual({
        width: 3,
        height: 5,
      });
    }
    expect(imageSize(withExifOrientation(JPEG_PROGRESSIVE, 6, 'II'))).toEqual({
      width: 3,
      height: 5,
    });
  });

  it('reads an SVG’s width and height, in px or other absolute units', () => {
    expect(imageSize(svg(`<svg ${NS} width="120" height="40"></svg>`))).toEqual({
      width: 120,
      height: 40,
    });
    expect(imageSize(svg(`<svg ${NS} width='1in' height = "36pt"/>`))).toEqual({
      width: 96,
      height: 48,
    });
    expect(imageSize(svg(`<svg ${NS} width="10.6px" height="2.54cm"></svg>`))).toEqual({
      width: 11,
      height: 96,
    });
  });

  it('takes an SVG’s proportions from its viewBox when a length is missing or relative', () => {
    expect(imageSize(svg(`<svg ${NS} width="96" viewBox="0,0,48,24"></svg>`))).toEqual({
      width: 96,
      height: 48,
    });
    expect(imageSize(svg(`<svg ${NS} height="30" viewBox="0 0 40 30"></svg>`))).toEqual({
      width: 40,
      height: 30,
    });
    // No absolute length at all: as large as fits in the 300×150 default object size.
    expect(imageSize(svg(`<svg ${NS} viewBox="0 0 48 24"></svg>`))).toEqual({
      width: 300,
      height: 150,
    });
    expect(
      imageSize(svg(`<svg ${NS} width="100%" height="100%" viewBox="-5 -5 40 30"></svg>`)),
    ).toEqual({ width: 200, height: 150 });
    // An em is 16px in an image's document; a length alone gets the default 150px height.
    expect(imageSize(svg(`<svg ${NS} width="2em" viewBox="0 0 720 200"></svg>`))).toEqual({
      width: 32,
      height: 9,
    });
    expect(imageSize(svg(`<svg ${NS} width="100"></svg>`))).toEqual({ width: 100, height: 150 });
  });

  it('reads the root <svg> after a declaration and comments, not one inside a comment', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<!-- <svg width="1" height="1"> -->',
      '<!DOCTYPE svg>',
      `<svg ${NS}\n  data-label="a > b"\n  width="64"\n  height="32">`,
      '<rect width="5" height="5"/></svg>',
    ].join('\n');
    expect(imageSize(svg(text))).toEqual({ width: 64, height: 32 });
  });

  it('reads the course’s own diagram', () => {
    const file = path.resolve(
      import.meta.dirname,
      '../../content/python-backend/images/request-flow.svg',
    );
    expect(imageSize(readFileSync(file))).toEqual({ width: 720, height: 200 });
  });

  it.each(SAMPLES)(
    'answers null for $name cut short before its size, and never throws',
    ({ data, size: [width, height], sizeEnds }) => {
      for (let length = 0; length <= data.length; length++) {
        const cut = data.subarray(0, length);
        expect(imageSize(cut), `${length} bytes`).toEqual(
          length < sizeEnds ? null : { width, height },
        );
      }
    },
  );

  it('answers null for malformed headers', () => {
    const png = encodePng(7, 4);
    const zeroWidthPng = Buffer.from(png);
    zeroWidthPng.writeUInt32BE(0, 16);
    const notIhdr = Buffer.from(png);
    notIhdr.write('IDAT', 12, 'latin1');
    const zeroGif = encodeGif(6, 2);
    zeroGif.writeUInt16LE(0, 6);
    const jpegBadLength = Buffer.from(JPEG_BASELINE);
    jpegBadLength.writeUInt16BE(1, 4); // the APP0 segment's length, less than its own 2 bytes
    const jpegLongLength = Buffer.from(JPEG_BASELINE);
    jpegLongLength.writeUInt16BE(0xffff, 4);
    const jpegNoMarker = Buffer.from(JPEG_BASELINE);
    jpegNoMarker[20] = 0x00; // where the DQT segment's FF should be
    const jpegScanFirst = Buffer.concat([
      JPEG_BASELINE.subarray(0, 2),
      Buffer.from([0xff, 0xda, 0x00, 0x02]),
      JPEG_BASELINE.subarray(2),
    ]);
    const webpUnknown = Buffer.from(WEBP_LOSSY);
    webpUnknown.write('VP8Z', 12, 'latin1');
    const vp8NoStartCode = Buffer.from(WEBP_LOSSY);
    vp8NoStartCode[23] = 0;
    const vp8lBadSignature = Buffer.from(WEBP_LOSSLESS);
    vp8lBadSignature[20] = 0;

    for (const [name, data] of Object.entries({
      empty: Buffer.alloc(0),
      'random bytes': Buffer.from('7f3a9c0de1b2c3d4e5f60718293a4b5c', 'hex'),
      'PNG of width 0': zeroWidthPng,
      'PNG whose first chunk is not IHDR': notIhdr,
      'GIF of width 0': zeroGif,
      'JPEG with a segment shorter than its length field': jpegBadLength,
      'JPEG with a segment longer than the file': jpegLongLength,
      'JPEG with no marker where one must be': jpegNoMarker,
      'JPEG whose scan starts before any frame': jpegScanFirst,
      'JPEG with only its start': Buffer.from([0xff, 0xd8, 0xff]),
      'WebP with an unknown first chunk': webpUnknown,
      'lossy WebP without its start code': vp8NoStartCode,
      'lossless WebP without its signature': vp8lBadSignature,
      'SVG without width, height or viewBox': svg(`<svg ${NS}><rect/></svg>`),
      'SVG sized in % only': svg(`<svg ${NS} width="100%" height="100%"></svg>`),
      'SVG in units it cannot convert': svg(`<svg ${NS} width="8ex" height="2ex"></svg>`),
      'SVG with a width that is no length': svg(`<svg ${NS} width="wide" viewBox="0 0 1 1"/>`),
      'SVG of width 0': svg(`<svg ${NS} width="0" height="10"></svg>`),
      'SVG of negative width': svg(`<svg ${NS} width="-5" height="10"></svg>`),
      'SVG with a viewBox of three numbers': svg(`<svg ${NS} viewBox="0 0 10"></svg>`),
      'SVG with an empty viewBox': svg(`<svg ${NS} viewBox="0 0 0 10"></svg>`),
      'SVG with a viewBox of words': svg(`<svg ${NS} viewBox="a b c d"></svg>`),
      'SVG of an infinite size': svg(`<svg ${NS} width="1e400" height="1"></svg>`),
      'SVG wider than any PNG may be': svg(`<svg ${NS} width="2147483648" height="1"></svg>`),
      'SVG only in a comment': svg(`<!-- <svg ${NS} width="1" height="1"></svg> -->`),
      'SVG cut inside its root tag': svg(`<svg ${NS} width="120" height="4`),
    })) {
      expect(imageSize(data), name).toBeNull();
    }
  });

  it('ignores an EXIF segment it cannot read, and still gives the frame’s size', () => {
    const exif = withExifOrientation(JPEG_BASELINE, 6);
    const badOffset = Buffer.from(exif);
    badOffset.writeUInt32BE(0xfffffff0, 2 + 4 + 6 + 4); // IFD0 far outside the segment
    const manyEntries = Buffer.from(exif);
    manyEntries.writeUInt16BE(0xffff, 2 + 4 + 6 + 8); // more entries than the segment holds,
    manyEntries.writeUInt16BE(0x0100, 2 + 4 + 6 + 10); // and the one it holds is not Orientation
    const notExif = Buffer.from(exif);
    notExif.write('Exix', 2 + 4, 'latin1');
    for (const data of [badOffset, manyEntries, notExif]) {
      expect(imageSize(data)).toEqual({ width: 5, height: 3 });
    }
  });

  it('never throws on damaged images', () => {
    // A fixed pseudo-random sequence, so that a failure can be run again.
    let seed = 20_240_611;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const { data } of SAMPLES) {
      for (let round = 0; round < 300; round++) {
        const damaged = Buffer.from(data);
        for (let hit = 0; hit < 4; hit++) {
          damaged[Math.floor(random() * Math.min(damaged.length, 64))] = Math.floor(random() * 256);
        }
        const result = imageSize(damaged);
        if (result !== null) {
          expect(Number.isSafeInteger(result.width) && result.width > 0).toBe(true);
          expect(Number.isSafeInteger(result.height) && result.height > 0).toBe(true);
        }
      }
    }
  });
});
