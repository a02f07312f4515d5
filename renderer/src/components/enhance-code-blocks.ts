// Compiled code blocks (`figure.code-block`) get their tools — "Read-only" and a Copy button —
// and, when their lines are wider than the column, become a focusable scroll region so that a
// keyboard can scroll them too. Done once the lesson has been painted and the page is idle (the
// tools sit in a header of fixed height, so adding them moves nothing): neither the first paint
// nor what must follow it at once (placing the reading position, focus) waits for them.
import { mount, unmount } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { whenIdleAfterPaint } from '../lib/frames.ts';
import CodeBlockTools from './CodeBlockTools.svelte';

/**
 * Enhances the code blocks inside an element holding compiled HTML. Pass what the HTML comes
 * from (the lesson), so that the attachment runs again when it changes.
 */
export function enhanceCodeBlocks(source: unknown): Attachment<HTMLElement> {
  void source;
  return (node) => {
    const tools: ReturnType<typeof mount>[] = [];
    let scrollers: ResizeObserver | null = null;
    let detached = false;
    whenIdleAfterPaint(() => {
      if (detached) return;
      scrollers = new ResizeObserver((entries) => {
        for (const entry of entries) markScrollable(entry.target as HTMLElement);
      });
      for (const figure of node.querySelectorAll<HTMLElement>('figure.code-block')) {
        const header = figure.querySelector<HTMLElement>('.code-block-header');
        const pre = figure.querySelector<HTMLElement>('pre');
        const code = pre?.querySelector<HTMLElement>('code');
        if (!header || !pre || !code) continue;
        tools.push(mount(CodeBlockTools, { target: header, props: { code } }));
        scrollers.observe(pre);
      }
    });
    return () => {
      detached = true;
      scrollers?.disconnect();
      for (const mounted of tools) void unmount(mounted);
    };
  };
}

function markScrollable(pre: HTMLElement): void {
  const scrolls = pre.scrollWidth > pre.clientWidth + 1;
  if (scrolls === pre.hasAttribute('tabindex')) return;
  if (scrolls) {
    const figure = pre.closest('figure');
    const language = figure?.querySelector('.code-block-language')?.textContent ?? '';
    const title = figure?.querySelector('.code-block-title')?.textContent ?? '';
    pre.tabIndex = 0;
    pre.setAttribute('role', 'region');
    pre.setAttribute('aria-label', [title || language, 'code'].filter(Boolean).join(' '));
  } else {
    pre.removeAttribute('tabindex');
    pre.removeAttribute('role');
    pre.removeAttribute('aria-label');
  }
}
