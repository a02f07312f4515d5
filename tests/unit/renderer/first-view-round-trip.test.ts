import { describe, expect, it } from 'vitest';
import type { FirstView } from '../../../electron/page-address.ts';
import { firstViewElement } from '../../../electron/serve/page-html.ts';
import { parseFirstView } from '../../../renderer/src/lib/first-view.ts';

/** What the browser hands the page as the element's text. */
function textOf(element: string): string {
  return element.slice(element.indexOf('>') + 1, element.lastIndexOf('</script>'));
}

// Host and page on either side of the page's HTML: what one writes, the other must read.
describe('the first view, from the host’s page to the page’s script', () => {
  it('reads back a lesson’s view, whatever its text holds', () => {
    const first: FirstView = {
      kind: 'lesson',
      courseId: 'python-backend',
      lessonId: 'deployment',
      outcome: { ok: false, error: { code: 'not-found', message: 'a </script><!-- b' } },
    };
    expect(parseFirstView(textOf(firstViewElement(first)))).toEqual(first);
  });

  it('reads back the library’s view', () => {
    const first: FirstView = {
      kind: 'library',
      outcome: { ok: false, error: { code: 'internal', message: 'The library </script> failed.' } },
    };
    expect(parseFirstView(textOf(firstViewElement(first)))).toEqual(first);
  });
});
