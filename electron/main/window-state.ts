// The window's size and position across runs: a small JSON file in userData, validated on read
// and clamped to a display that exists now (a laptop undocked from its monitor must not open
// Studybook off screen).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const dimension = z.number().int().min(1).max(100_000);
const coordinate = z.number().int().min(-100_000).max(100_000);

// Not strict: a newer Studybook may add fields, and an older one should still restore the rest.
const windowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: dimension,
  height: dimension,
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

/** Where and how to open the window; no x/y means "centred on the primary display". */
export interface WindowPlacement {
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 480, height: 360 } as const;

// How much of a saved window must still be on some display to keep its position: enough to grab
// its title bar.
const MIN_VISIBLE = { width: 160, height: 48 } as const;

/** Parses the saved state; null when it is missing, malformed or from an incompatible version. */
export function parseWindowState(raw: unknown): WindowState | null {
  const parsed = windowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/**
 * Chooses the window's placement from the saved state and the displays' work areas (the first
 * is the primary display). The window keeps its saved position only if a grabbable part of it is
 * on one display, and is then moved and shrunk to fit wholly inside that display.
 */
export function placeWindow(saved: WindowState | null, workAreas: Rectangle[]): WindowPlacement {
  const primary = workAreas[0];
  const flags = { maximized: saved?.maximized ?? false, fullScreen: saved?.fullScreen ?? false };
  const host = saved ? bestOverlap(saved, workAreas) : null;
  if (saved && host) {
    const width = clampSize(saved.width, host.width, MIN_WINDOW_SIZE.width);
    const height = clampSize(saved.height, host.height, MIN_WINDOW_SIZE.height);
    const x = clamp(saved.x, host.x, host.x + host.width - width);
    const y = clamp(saved.y, host.y, host.y + host.height - height);
    return { bounds: { x, y, width, height }, ...flags };
  }
  const size = saved ?? DEFAULT_WINDOW_SIZE;
  return {
    bounds: {
      width: clampSize(size.width, primary?.width, MIN_WINDOW_SIZE.width),
      height: clampSize(size.height, primary?.height, MIN_WINDOW_SIZE.height),
    },
    ...flags,
  };
}

/** Reads the state file; null when it is missing or unusable. Never throws. */
export function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/**
 * Writes the state file atomically (temporary file, then rename), so a crash mid-write leaves the
 * previous state. Throws when the folder is not writable.
 */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, file);
}

function bestOverlap(window: Rectangle, areas: Rectangle[]): Rectangle | null {
  let best: Rectangle | null = null;
  let bestArea = 0;
  for (const area of areas) {
    const width =
      Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
    const height =
      Math.min(window.y + window.height, area.y + area.height) - Math.max(window.y, area.y);
    if (width < MIN_VISIBLE.width || height < MIN_VISIBLE.height) continue;
    if (width * height > bestArea) {
      best = area;
      bestArea = width * height;
    }
  }
  return best;
}

function clampSize(size: number, available: number | undefined, minimum: number): number {
  const maximum = available === undefined ? size : Math.max(available, minimum);
  return clamp(size, minimum, maximum);
}

// When the range is empty (a display smaller than the minimum window), `low` wins: the window's
// top-left corner, with its title bar and menu, stays on screen.
function clamp(value: number, low: number, high: number): number {
  return Math.max(Math.min(value, high), low);
}
