// Renders build/icon.svg into every icon file the installers need, with @resvg/resvg-js:
//   build/icons/<n>x<n>.png  Linux (AppImage, deb), 16 to 1024 pixels
//   build/icon.png           1024 pixels: macOS (electron-builder makes the .icns from it)
//   build/icon.ico           Windows: 16 to 256 pixels in one file (PNG-compressed entries)
// `npm run icons` runs it; `npm run dist` runs it before packaging.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Every size rendered for Linux; the .ico holds those up to 256. */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** Renders `svg` as a square PNG of `size` pixels. */
export function renderPng(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    background: 'rgba(0,0,0,0)',
  });
  return Buffer.from(resvg.render().asPng());
}

/**
 * An ICO file holding `images` (square PNGs, by size in pixels). Windows Vista and later read
 * PNG-compressed entries, which keeps the file small. Pure.
 */
export function icoFile(images: ReadonlyMap<number, Buffer>): Buffer {
  const entries = [...images].sort(([a], [b]) => a - b);
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(16 * entries.length);
  let offset = header.length + directory.length;
  entries.forEach(([size, png], index) => {
    const at = index * 16;
    directory.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    directory.writeUInt8(size >= 256 ? 0 : size, at + 1);
    directory.writeUInt8(0, at + 2); // no palette
    directory.writeUInt8(0, at + 3);
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(png.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, directory, ...entries.map(([, png]) => png)]);
}

/** Renders every icon file from `<buildDir>/icon.svg` into `buildDir`; returns the files written. */
export function renderIcons(buildDir: string): string[] {
  const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
  const pngs = new Map<number, Buffer>(ICON_SIZES.map((size) => [size, renderPng(svg, size)]));
  const written: string[] = [];
  const write = (file: string, data: Buffer) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
    written.push(file);
  };
  const png = (size: number): Buffer => {
    const rendered = pngs.get(size);
    if (!rendered) throw new Error(`No ${size}px icon was rendered.`);
    return rendered;
  };
  for (const size of ICON_SIZES)
    write(path.join(buildDir, 'icons', `${size}x${size}.png`), png(size));
  write(path.join(buildDir, 'icon.png'), png(1024));
  write(
    path.join(buildDir, 'icon.ico'),
    icoFile(new Map(ICO_SIZES.map((size) => [size, png(size)] as const))),
  );
  return written;
}

if (import.meta.main) {
  const written = renderIcons(import.meta.dirname);
  console.log(`Rendered ${written.length} icon files from build/icon.svg.`);
}
