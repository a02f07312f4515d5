// The app's stroke icons, drawn by components/Icon.svelte. A new icon is one entry here.

/** One shape of an icon, in its viewBox's units. */
export type IconShape =
  | { kind: 'path'; d: string }
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; rx: number };

/** An icon: the side of its square viewBox and the shapes stroked in it. */
export interface IconDefinition {
  box: number;
  shapes: readonly IconShape[];
}

const path = (d: string): IconShape => ({ kind: 'path', d });
const circle = (cx: number, cy: number, r: number): IconShape => ({ kind: 'circle', cx, cy, r });
const rect = (x: number, y: number, width: number, height: number, rx: number): IconShape => ({
  kind: 'rect',
  x,
  y,
  width,
  height,
  rx,
});

/** Every icon by name. */
export const ICONS = {
  check: { box: 16, shapes: [path('M3.5 8.5l3 3 6-7')] },
  // A tighter check, for inside the round "done" badges (CheckMark).
  'check-small': { box: 16, shapes: [path('M4 8.5l2.5 2.5 5.5-6')] },
  'chevron-down': { box: 16, shapes: [path('M4 6l4 4 4-4')] },
  'chevron-right': { box: 16, shapes: [path('M6 3.5L10.5 8 6 12.5')] },
  clock: { box: 16, shapes: [circle(8, 8, 6), path('M8 4.75V8l2.25 1.5')] },
  close: { box: 20, shapes: [path('M5 5l10 10M15 5L5 15')] },
  copy: {
    box: 16,
    shapes: [
      rect(5.5, 5.5, 8, 8, 1.5),
      path('M10.5 3.5v-.5A1.5 1.5 0 009 1.5H4A1.5 1.5 0 002.5 3v5A1.5 1.5 0 004 9.5h.5'),
    ],
  },
  lock: { box: 16, shapes: [rect(3.5, 7, 9, 6.5, 1.5), path('M5.5 7V5a2.5 2.5 0 015 0v2')] },
  search: { box: 20, shapes: [circle(8.5, 8.5, 5), path('M12.5 12.5l4 4')] },
  settings: {
    box: 20,
    shapes: [path('M3 5.5h8M15 5.5h2M3 14.5h2M9 14.5h8'), circle(13, 5.5, 2), circle(7, 14.5, 2)],
  },
  upload: {
    box: 24,
    shapes: [path('M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5M5 14v4a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-4')],
  },
  warning: { box: 16, shapes: [path('M8 2.5l6 11H2zM8 7v3M8 11.75v.25')] },
} as const satisfies Record<string, IconDefinition>;

/** The name of one of the app's icons. */
export type IconName = keyof typeof ICONS;

/** How an icon is drawn where it is used. */
export interface IconOptions {
  /** Width and height, any CSS length: 1em follows the font size around it. */
  size: string;
  /** In the units of the icon's viewBox (16, 20 or 24 to a side). */
  strokeWidth: number;
}

/**
 * An icon as one `<svg>` element's markup, for Icon.svelte to draw as a whole: a page has a few
 * dozen icons, and building each from a block per shape and attribute cost more than the rest of
 * the header they sit in. Always decorative (aria-hidden): whatever it stands beside names the
 * control. Pure.
 */
export function iconMarkup(icon: IconDefinition, { size, strokeWidth }: IconOptions): string {
  const side = attribute(size);
  return (
    `<svg class="icon" viewBox="0 0 ${icon.box} ${icon.box}" width="${side}" height="${side}" ` +
    `stroke-width="${strokeWidth}" aria-hidden="true" focusable="false">` +
    icon.shapes.map(shapeMarkup).join('') +
    '</svg>'
  );
}

function shapeMarkup(shape: IconShape): string {
  switch (shape.kind) {
    case 'path':
      return `<path d="${attribute(shape.d)}"/>`;
    case 'circle':
      return `<circle cx="${shape.cx}" cy="${shape.cy}" r="${shape.r}"/>`;
    case 'rect':
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" rx="${shape.rx}"/>`;
  }
}

function attribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
