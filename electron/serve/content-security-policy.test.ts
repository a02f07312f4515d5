import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './content-security-policy.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('denies everything by default', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('names no network origin, scheme or wildcard in any directive', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} allows ${source}`).toMatch(/^'[a-z-]+'$|^data:$/);
      }
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|blob:|filesystem:/);
  });

  it("allows no 'unsafe-inline', 'unsafe-eval' or 'unsafe-hashes'", () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
  });

  it('loads scripts, styles and fetches only from the page’s own origin', () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('allows data: for images only', () => {
    for (const [name, sources] of policy) {
      if (name !== 'img-src') expect(sources, name).not.toContain('data:');
    }
  });

  it('forbids plugins, foreign base URLs, form posts and being framed', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is one header line: no newline, no empty directive', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n]/);
    expect([...policy.keys()].every((name) => /^[a-z-]+$/.test(name))).toBe(true);
  });
});

describe('SECURITY_HEADERS', () => {
  it('carries the CSP and the headers that stop sniffing, referrers and cross-origin use', () => {
    expect(SECURITY_HEADERS).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });

  it('switches off the powerful browser features in Permissions-Policy', () => {
    for (const feature of ['camera', 'microphone', 'geolocation']) {
      expect(SECURITY_HEADERS['Permissions-Policy']).toContain(`${feature}=()`);
    }
  });
});
