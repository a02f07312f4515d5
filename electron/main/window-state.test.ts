import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  parseWindowState,
  placeWindow,
  readWindowState,
  writeWindowState,
  type Rectangle,
  type WindowState,
} from './window-state.ts';

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnTheRight: Rectangle = { x: 1440, y: 0, width: 2560, height: 1415 };

function makeState(overrides: Partial<WindowState> = {}): WindowState {
  return {
    x: 100,
    y: 80,
    width: 1100,
    height: 700,
    maximized: false,
    fullScreen: false,
    ...overrides,
  };
}

describe('parseWindowState', () => {
  it('accepts a saved state and defaults the flags an older file lacks', () => {
    expect(parseWindowState({ x: 1, y: 2, width: 800, height: 600 })).toEqual({
      x: 1,
      y: 2,
      width: 800,
      height: 600,
      maximized: false,
      fullScreen: false,
    });
  });

  it('ignores fields a newer Studybook may have added', () => {
    expect(parseWindowState({ ...makeState(), zoom: 1.25 })).toEqual(makeState());
  });

  it.each([
    ['nothing', undefined],
    ['an array', [100, 80, 1100, 700]],
    ['a missing size', { x: 0, y: 0 }],
    ['a string size', { ...makeState(), width: '1100' }],
    ['a fractional size', { ...makeState(), height: 700.5 }],
    ['a zero size', { ...makeState(), width: 0 }],
    ['an absurd position', { ...makeState(), x: 1e12 }],
    ['a non-boolean flag', { ...makeState(), maximized: 'yes' }],
  ])('refuses %s', (_what, raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });
});

describe('placeWindow', () => {
  it('opens a first window at the default size, centred (no position)', () => {
    expect(placeWindow(null, [monitorOnTheRight])).toEqual({
      bounds: DEFAULT_WINDOW_SIZE,
      maximized: false,
      fullScreen: false,
    });
  });

  it('shrinks the default size to a small primary display', () => {
    const netbook = { x: 0, y: 0, width: 1024, height: 600 };
    expect(placeWindow(null, [netbook]).bounds).toEqual({ width: 1024, height: 600 });
  });

  it('restores a window exactly where it was when it still fits', () => {
    expect(placeWindow(makeState(), [laptop])).toEqual({
      bounds: { x: 100, y: 80, width: 1100, height: 700 },
      maximized: false,
      fullScreen: false,
    });
  });

  it('restores a window on a secondary display that is still attached', () => {
    const saved = makeState({ x: 2000, y: 200, width: 1600, height: 1000 });
    expect(placeWindow(saved, [laptop, monitorOnTheRight]).bounds).toEqual({
      x: 2000,
      y: 200,
      width: 1600,
      height: 1000,
    });
  });

  it('centres a window whose display was unplugged, keeping its size within the primary', () => {
    const saved = makeState({ x: 2000, y: 200, width: 1600, height: 1000 });
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ width: 1440, height: 875 });
  });

  it('pulls a window that hangs off the edge fully back onto its display', () => {
    const saved = makeState({ x: 1000, y: 600, width: 1000, height: 600 });
    expect(placeWindow(saved, [laptop]).bounds).toEqual({
      x: 440,
      y: 275,
      width: 1000,
      height: 600,
    });
  });

  it('does not keep a position where only a sliver of the window is visible', () => {
    const saved = makeState({ x: 1400, y: 100, width: 900, height: 600 });
    expect(placeWindow(saved, [laptop]).bounds).not.toHaveProperty('x');
  });

  it('never makes the window smaller than its minimum size', () => {
    const tiny = { x: 0, y: 0, width: 320, height: 240 };
    const placement = placeWindow(makeState({ x: 0, y: 0 }), [tiny]);
    expect(placement.bounds).toMatchObject({ x: 0, y: 0, ...MIN_WINDOW_SIZE });
  });

  it('keeps the maximised and full-screen flags', () => {
    expect(placeWindow(makeState({ maximized: true }), [laptop]).maximized).toBe(true);
    expect(placeWindow(makeState({ fullScreen: true, x: 9000 }), [laptop]).fullScreen).toBe(true);
  });

  it('copes with no display information at all', () => {
    expect(placeWindow(makeState(), []).bounds).toEqual({ width: 1100, height: 700 });
  });
});

describe('readWindowState and writeWindowState', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'studybook-window-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips a state through the file, creating its folder', () => {
    const file = path.join(dir, 'nested', 'window-state.json');
    writeWindowState(file, makeState({ maximized: true }));
    expect(readWindowState(file)).toEqual(makeState({ maximized: true }));
  });

  it('replaces the file in one step, leaving no temporary file behind', () => {
    const file = path.join(dir, 'window-state.json');
    writeWindowState(file, makeState());
    writeWindowState(file, makeState({ width: 900 }));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 900 });
    expect(readWindowState(file)?.width).toBe(900);
  });

  it('reads a missing, truncated or hand-broken file as no state', () => {
    expect(readWindowState(path.join(dir, 'absent.json'))).toBeNull();
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"x": 10, "y": 2');
    expect(readWindowState(broken)).toBeNull();
    writeFileSync(broken, '{"x": "left", "y": 0, "width": 10, "height": 10}');
    expect(readWindowState(broken)).toBeNull();
  });
});
