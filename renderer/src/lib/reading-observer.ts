// The DOM side of reading: measures where the lesson's sections sit as the learner scrolls and
// tells the ReadingTracker what it means (reading.ts has the rules). Also places the page:
// restoring a saved position and finding the section before or after the reading line.
import type { Attachment } from 'svelte/attachments';
import { afterPaint } from './frames.ts';
import type { ReadingTracker } from './reading-tracker.svelte.ts';
import {
  currentSection,
  endsInView,
  positionAt,
  scrollTopFor,
  sectionsInView,
  type Position,
  type ReadingArea,
  type SectionBox,
} from './reading.ts';

/** Scrolling has settled once no scroll event came for this long. */
const SCROLL_IDLE_MS = 180;
/** Reading time and dwell are counted in steps of this. */
const TICK_MS = 1_000;
/** Keys that scroll the page: pressing one is the learner scrolling. */
const SCROLL_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End', ' ']);

export class ReadingObserver {
  readonly #tracker: ReadingTracker;
  #root: HTMLElement | null = null;
  /**
   * Set by the learner's own scrolling (wheel, touch, keys, scrollbar), cleared when the page
   * places itself: only sections the learner scrolled to the end of count as read that way.
   */
  #userScrolled = false;
  /** The section the page is scrolling to (a smooth jump may still be on its way). */
  #target: string | null = null;
  /** A restored position kept on the reading line while images above it are still loading. */
  #pinned: Position | null = null;
  #frame = 0;
  /**
   * Until the lesson's first paint: measuring makes the browser lay the page out at once, and
   * what the measure changes (the current section, progress) makes it lay it out again.
   */
  #beforeFirstPaint = false;
  #idleTimer: ReturnType<typeof setTimeout> | null = null;

  // The window is found when needed, not when made: the host renders the lesson page too
  // (renderer/src/server.ts), where there is no window, and nothing there measures.
  constructor(tracker: ReadingTracker) {
    this.#tracker = tracker;
  }

  /** The window of the element watched; before it is attached, the page's own. */
  get #window(): Window {
    return this.#root?.ownerDocument.defaultView ?? window;
  }

  /** Watches the element holding the lesson's `[data-section-id]` sections until detached. */
  readonly attach: Attachment<HTMLElement> = (root) => {
    this.#root = root;
    const win = this.#window;
    const doc = win.document;
    const tracker = this.#tracker;

    const onScroll = () => {
      this.#measureSoon();
      if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
      this.#idleTimer = setTimeout(() => this.#settle(), SCROLL_IDLE_MS);
    };
    const onUserScroll = () => {
      this.#userScrolled = true;
      this.#target = null;
      this.#pinned = null;
      tracker.active();
    };
    // A press on the scrollbar lands on the document element; a press anywhere else is a click.
    const onPointerDown = (event: PointerEvent) => {
      tracker.active();
      if (event.target === doc.documentElement) onUserScroll();
    };
    const onKey = (event: KeyboardEvent) => {
      tracker.active();
      // Arrows and Space inside a control move its choice or its text, not the page.
      const inControl =
        event.target instanceof Element && event.target.closest('input, textarea, select, button');
      if (SCROLL_KEYS.has(event.key) && !inControl) onUserScroll();
    };
    const onScrollEnd = () => {
      this.#target = null;
    };
    const onActivity = () => tracker.active();
    const onVisibility = () => void tracker.visible(doc.visibilityState === 'visible');
    const onPageHide = () => void tracker.flush();

    const passive = { passive: true } as const;
    win.addEventListener('scroll', onScroll, passive);
    win.addEventListener('resize', onScroll, passive);
    win.addEventListener('scrollend', onScrollEnd, passive);
    win.addEventListener('wheel', onUserScroll, passive);
    win.addEventListener('touchmove', onUserScroll, passive);
    win.addEventListener('pointerdown', onPointerDown, passive);
    win.addEventListener('keydown', onKey, passive);
    win.addEventListener('pointermove', onActivity, passive);
    doc.addEventListener('visibilitychange', onVisibility);
    win.addEventListener('pagehide', onPageHide);
    const ticker = setInterval(() => {
      if (doc.visibilityState === 'visible')
        tracker.tick(sectionsInView(this.#boxes(), this.#area()));
    }, TICK_MS);
    void tracker.visible(doc.visibilityState === 'visible');
    this.#beforeFirstPaint = true;
    afterPaint(() => {
      this.#beforeFirstPaint = false;
      this.#measure();
    });

    return () => {
      win.removeEventListener('scroll', onScroll);
      win.removeEventListener('resize', onScroll);
      win.removeEventListener('scrollend', onScrollEnd);
      win.removeEventListener('wheel', onUserScroll);
      win.removeEventListener('touchmove', onUserScroll);
      win.removeEventListener('pointerdown', onPointerDown);
      win.removeEventListener('keydown', onKey);
      win.removeEventListener('pointermove', onActivity);
      doc.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('pagehide', onPageHide);
      clearInterval(ticker);
      if (this.#idleTimer !== null) clearTimeout(this.#idleTimer);
      cancelAnimationFrame(this.#frame);
      this.#root = null;
      this.#pinned = null;
      void tracker.stop();
    };
  };

  /**
   * The page just scrolled itself (restoring, or following a link to `target`): the learner
   * has not.
   */
  placed(target: string | null = null): void {
    this.#userScrolled = false;
    this.#target = target;
    this.#measureSoon();
  }

  /**
   * Scrolls so that `position` sits on the reading line, and keeps it there while images still
   * loading change the height of what is above it (until the learner scrolls). False when its
   * section is not there.
   */
  restore(position: Position): boolean {
    if (!this.#scrollTo(position)) return false;
    this.#pinned = position;
    const again = () => {
      if (this.#pinned === position) this.#scrollTo(position);
    };
    // Sections out of view are laid out with an estimated height (content-visibility); once
    // the section scrolled to has been rendered for real, place it again by its true height.
    requestAnimationFrame(() => requestAnimationFrame(again));
    const loading = [...(this.#root?.querySelectorAll('img') ?? [])].filter((img) => !img.complete);
    for (const img of loading) {
      img.addEventListener('load', again, { once: true });
      img.addEventListener('error', again, { once: true });
    }
    return true;
  }

  #scrollTo(position: Position): boolean {
    const box = this.#boxes().find((candidate) => candidate.id === position.sectionId);
    if (!box) return false;
    const top = scrollTopFor(box, position.offset, this.#area().top, this.#window.scrollY);
    this.#window.scrollTo({ top, behavior: 'instant' });
    return true;
  }

  /**
   * The section whose heading is the next one below the reading line (direction 1) or the last
   * one above it (-1): where j and k go. Null when there is none that way.
   */
  neighbour(direction: 1 | -1): string | null {
    const line = this.#area().top;
    const boxes = this.#boxes();
    // On the way to a section, the next one is counted from there, not from where the page is.
    const from = this.#target === null ? -1 : boxes.findIndex((box) => box.id === this.#target);
    if (from !== -1) return boxes[from + direction]?.id ?? null;
    if (direction === 1) return boxes.find((box) => box.top > line + 2)?.id ?? null;
    return boxes.findLast((box) => box.top < line - 2)?.id ?? null;
  }

  #measureSoon(): void {
    if (this.#frame || this.#beforeFirstPaint) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#measure();
    });
  }

  #measure(): void {
    if (!this.#root) return;
    const boxes = this.#boxes();
    const area = this.#area();
    const { scrollY, innerHeight } = this.#window;
    const atEnd = scrollY + innerHeight >= this.#window.document.documentElement.scrollHeight - 2;
    this.#tracker.setCurrent(currentSection(boxes, area, atEnd));
    const position = positionAt(boxes, area.top);
    if (position) this.#tracker.moveTo(position);
    this.#tracker.see(sectionsInView(boxes, area));
  }

  /** Scrolling stopped: sections the learner scrolled to the end of are read. */
  #settle(): void {
    this.#idleTimer = null;
    if (!this.#root || !this.#userScrolled) return;
    this.#tracker.markRead(endsInView(this.#boxes(), this.#area()));
  }

  #boxes(): SectionBox[] {
    if (!this.#root) return [];
    return [...this.#root.querySelectorAll<HTMLElement>('[data-section-id]')].map((element) => {
      const rect = element.getBoundingClientRect();
      return { id: element.dataset.sectionId ?? '', top: rect.top, bottom: rect.bottom };
    });
  }

  /** The reading area: under the sticky header (the root's scroll-padding-top) to the bottom. */
  #area(): ReadingArea {
    const doc = this.#window.document;
    const padding = parseFloat(this.#window.getComputedStyle(doc.documentElement).scrollPaddingTop);
    return { top: Number.isFinite(padding) ? padding : 0, bottom: this.#window.innerHeight };
  }
}
