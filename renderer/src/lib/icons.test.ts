import { describe, expect, it } from 'vitest';
import { ICONS, iconMarkup } from './icons.ts';

describe('iconMarkup', () => {
  it('draws every shape of the icon inside one decorative <svg> of the asked size', () => {
    const markup = iconMarkup(ICONS.clock, { size: '0.9375rem', strokeWidth: 1.5 });
    expect(markup).toBe(
      '<svg class="icon" viewBox="0 0 16 16" width="0.9375rem" height="0.9375rem" ' +
        'stroke-width="1.5" aria-hidden="true" focusable="false">' +
        '<circle cx="8" cy="8" r="6"/><path d="M8 4.75V8l2.25 1.5"/></svg>',
    );
  });

  it('draws rectangles with their rounded corners', () => {
    expect(iconMarkup(ICONS.lock, { size: '1em', strokeWidth: 1.4 })).toContain(
      '<rect x="3.5" y="7" width="9" height="6.5" rx="1.5"/>',
    );
  });

  it('escapes a size that would break out of its attribute', () => {
    const markup = iconMarkup(ICONS.check, { size: '1em" onload="alert(1)', strokeWidth: 2 });
    expect(markup).toContain('width="1em&quot; onload=&quot;alert(1)"');
    expect(markup).not.toContain('onload="');
  });

  it('draws one element per shape for every icon', () => {
    for (const [name, icon] of Object.entries(ICONS)) {
      const markup = iconMarkup(icon, { size: '1em', strokeWidth: 1.75 });
      expect(markup.match(/<svg /g), name).toHaveLength(1);
      expect(markup.endsWith('</svg>'), name).toBe(true);
      expect(markup.match(/<(path|circle|rect) /g), name).toHaveLength(icon.shapes.length);
    }
  });
});
