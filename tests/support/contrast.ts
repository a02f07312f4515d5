// Colour contrast as WCAG 2.x defines it, for tests that check text stays readable.

/** The sRGB channels (0-255) of `#rgb` or `#rrggbb`, with or without the `#`. */
export function parseHexColour(colour: string): [number, number, number] {
  const hex = colour.trim().replace(/^#/, '').toLowerCase();
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  if (!/^[0-9a-f]{6}$/.test(full)) throw new Error(`"${colour}" is not a #rgb or #rrggbb colour`);
  return [0, 2, 4].map((at) => Number.parseInt(full.slice(at, at + 2), 16)) as [
    number,
    number,
    number,
  ];
}

/** The relative luminance of `colour`, 0 (black) to 1 (white), per WCAG 2.x. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseHexColour(colour).map((channel) => {
    const srgb = channel / 255;
    return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21, whichever is lighter. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}
