import { describe, expect, it } from 'vitest';
import { inAppHref, type LinkClick, type LinkFacts } from './in-app-link.ts';

const plain: LinkClick = {
  button: 0,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  defaultPrevented: false,
};
const link = (href: string | null, more: Partial<LinkFacts> = {}): LinkFacts => ({
  href,
  target: '',
  download: false,
  ...more,
});

describe('which link clicks the page follows itself', () => {
  it('follows a plain click on an in-app address', () => {
    expect(inAppHref(plain, link('#/python/deployment'), '#/')).toBe('#/python/deployment');
    expect(inAppHref(plain, link('#/'), '#/python/deployment')).toBe('#/');
    expect(inAppHref(plain, link('#/a/b', { target: '_self' }), '#/')).toBe('#/a/b');
  });

  it('leaves clicks with a modifier key or another button to the browser', () => {
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const) {
      expect(inAppHref({ ...plain, [modifier]: true }, link('#/a/b'), '#/'), modifier).toBeNull();
    }
    expect(inAppHref({ ...plain, button: 1 }, link('#/a/b'), '#/')).toBeNull();
  });

  it('leaves a click something else already handled', () => {
    expect(inAppHref({ ...plain, defaultPrevented: true }, link('#/a/b'), '#/')).toBeNull();
  });

  it('leaves other targets, downloads and other kinds of address to the browser', () => {
    expect(inAppHref(plain, link('#/a/b', { target: '_blank' }), '#/')).toBeNull();
    expect(inAppHref(plain, link('#/a/b', { download: true }), '#/')).toBeNull();
    expect(inAppHref(plain, link('https://example.org/'), '#/')).toBeNull();
    expect(inAppHref(plain, link('#main'), '#/')).toBeNull();
    expect(inAppHref(plain, link('/index.html'), '#/')).toBeNull();
    expect(inAppHref(plain, link(null), '#/')).toBeNull();
  });

  it('does nothing for the address already shown', () => {
    expect(inAppHref(plain, link('#/a/b'), '#/a/b')).toBeNull();
  });
});
