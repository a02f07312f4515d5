// Small real images for tests: PNG and GIF files encoded here, JPEG and WebP files made by
// libjpeg-turbo's cjpeg and libwebp's cwebp from the same 5×3 picture.
import { crc32, deflateSync } from 'node:zlib';

/** A `width`×`height` RGB PNG, a colour gradient, encoded with zlib. */
export function encodePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter, no interlace
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.from([0, ...Array.from({ length: width }, (_, x) => [x * 40, y * 60, 128]).flat()]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A `width`×`height` two-colour GIF89a, a checkerboard. Its LZW stream sends a clear code before
 * every pixel, so codes stay 3 bits wide: valid, if not small.
 */
export function encodeGif(width: number, height: number): Buffer {
  const clear = 4;
  const end = 5;
  const pixels = Array.from(
    { length: width * height },
    (_, i) => ((i % width) + Math.floor(i / width)) % 2,
  );
  const codes = [...pixels.flatMap((pixel) => [clear, pixel]), end];
  const lzw: number[] = [];
  let bits = 0;
  let count = 0;
  for (const code of codes) {
    bits |= code << count;
    count += 3;
    while (count >= 8) {
      lzw.push(bits & 0xff);
      bits >>= 8;
      count -= 8;
    }
  }
  if (count > 0) lzw.push(bits & 0xff);
  const blocks: number[] = [];
  for (let at = 0; at < lzw.length; at += 255) {
    const block = lzw.slice(at, at + 255);
    blocks.push(block.length, ...block);
  }
  const u16 = (n: number) => [n & 0xff, n >> 8];
  return Buffer.from([
    ...Buffer.from('GIF89a', 'latin1'),
    ...u16(width),
    ...u16(height),
    0x80, // a global colour table of 2 entries
    0,
    0,
    ...[0, 0, 0, 255, 255, 255],
    0x2c, // image descriptor: the whole screen
    ...u16(0),
    ...u16(0),
    ...u16(width),
    ...u16(height),
    0,
    2, // LZW minimum code size
    ...blocks,
    0,
    0x3b,
  ]);
}

/** 5×3, baseline (SOF0), greyscale: `cjpeg -grayscale -quality 50 -optimize`. */
export const JPEG_BASELINE = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wAALCAADAAUBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAv/EABgQAAIDAAAAAAAAAAAAAAAAAAAEAhMz/9oACAEBAAA/AEggpRhA/9k=',
  'base64',
);

/** 5×3, progressive (SOF2), greyscale: `cjpeg -grayscale -quality 50 -progressive`. */
export const JPEG_PROGRESSIVE = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/wgALCAADAAUBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAf/aAAgBAQAAAAF//8QAFRABAQAAAAAAAAAAAAAAAAAAAhH/2gAIAQEAAQUCAM//xAAVEAEBAAAAAAAAAAAAAAAAAAAAMf/aAAgBAQAGPwKP/8QAFRABAQAAAAAAAAAAAAAAAAAAAEH/2gAIAQEAAT8hn3//2gAIAQEAAAAQf//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8Qf//Z',
  'base64',
);

/**
 * `jpeg` with an EXIF segment (APP1) right after its start, saying how the picture is turned:
 * `orientation` 1-8, in big-endian ("MM") or little-endian ("II") TIFF byte order.
 */
export function withExifOrientation(
  jpeg: Buffer,
  orientation: number,
  order: 'MM' | 'II' = 'MM',
): Buffer {
  const tiff = Buffer.alloc(26);
  const big = order === 'MM';
  const u16 = (value: number, at: number) =>
    big ? tiff.writeUInt16BE(value, at) : tiff.writeUInt16LE(value, at);
  const u32 = (value: number, at: number) =>
    big ? tiff.writeUInt32BE(value, at) : tiff.writeUInt32LE(value, at);
  tiff.write(order, 0, 'latin1');
  u16(42, 2);
  u32(8, 4); // IFD0 right after the header
  u16(1, 8); // one entry
  u16(0x0112, 10); // Orientation
  u16(3, 12); // SHORT
  u32(1, 14); // one value
  u16(orientation, 18); // in the entry's value field
  u32(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), app1, payload, jpeg.subarray(2)]);
}

/** 5×3 lossy WebP (a VP8 chunk): `cwebp -q 50`. */
export const WEBP_LOSSY = Buffer.from(
  'UklGRkgAAABXRUJQVlA4IDwAAADQAQCdASoFAAMAAsBMJbACdAEO/gOOAAD+wlQCTEAL3I7OBvDMIpDrT4H/zWM/cvz6tcZG+Px3sWeAAAA=',
  'base64',
);

/** 5×3 lossless WebP (a VP8L chunk): `cwebp -lossless`. */
export const WEBP_LOSSLESS = Buffer.from(
  'UklGRjwAAABXRUJQVlA4TC8AAAAvBIAAAHdAkG0zxCLcH+QMIzOA89+DDLC8AAYBIBGoWFJIIbgUVhg1ov/hIce+AAA=',
  'base64',
);

/** 5×3 lossy WebP with alpha (VP8X, ALPH and VP8 chunks): `cwebp -q 50 -alpha_q 50`. */
export const WEBP_EXTENDED = Buffer.from(
  'UklGRnIAAABXRUJQVlA4WAoAAAAQAAAABAAAAgAAQUxQSBAAAAAQADx4tPAAPHi08AA8eLTwVlA4IDwAAACwAQCdASoFAAMAAsBMJbACdAEOJKFgAP6EGDApgipqsp9iX6EIN4ZhFJDKZC9QsM3A9nubHCwb94kGAAA=',
  'base64',
);
