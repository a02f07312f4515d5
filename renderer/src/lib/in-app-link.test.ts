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
    expect(inAppHref(plain, link('/learn/python/deployment'))).toBe('/learn/python/deployment');
    expect(inAppHref(plain, link('/'))).toBe('/');
    expect(inAppHref(plain, link('/learn/a/b', { target: '_self' }))).toBe('/learn/a/b');
    expect(inAppHref(plain, link('/learn/a/b?highlight=x'))).toBe('/learn/a/b?highlight=x');
  });

  it('follows older `#/…` links as the paths they name', () => {
    expect(inAppHref(plain, link('#/python/deployment/containers'))).toBe(
      '/learn/python/deployment/containers',
    );
    expect(inAppHref(plain, link('#/'))).toBe('/');
  });

  it('leaves clicks with a modifier key or another button to the browser', () => {
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const) {
      expect(inAppHref({ ...plain, [modifier]: true }, link('/learn/a/b')), modifier).toBeNull();
    }
    expect(inAppHref({ ...plain, button: 1 }, link('/learn/a/b'))).toBeNull();
  });

  it('leaves a click something else already handled', () => {
    expect(inAppHref({ ...plain, defaultPrevented: true }, link('/learn/a/b'))).toBeNull();
  });

  it('leaves other targets, downloads and other kinds of address to the browser', () => {
    expect(inAppHref(plain, link('/learn/a/b', { target: '_blank' }))).toBeNull();
    expect(inAppHref(plain, link('/learn/a/b', { download: true }))).toBeNull();
    expect(inAppHref(plain, link('https://example.org/'))).toBeNull();
    expect(inAppHref(plain, link('#main'))).toBeNull();
    expect(inAppHref(plain, link('/favicon.png'))).toBeNull();
    expect(inAppHref(plain, link('/assets/python/code.css'))).toBeNull();
    expect(inAppHref(plain, link(null))).toBeNull();
  });
});
