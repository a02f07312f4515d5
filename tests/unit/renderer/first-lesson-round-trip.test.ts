import { describe, expect, it } from 'vitest';
import type { FirstLesson } from '../../../electron/page-address.ts';
import { firstLessonElement } from '../../../electron/serve/page-html.ts';
import { firstLessonOutcome } from '../../../renderer/src/lib/first-lesson.ts';

// Host and page on either side of the page's HTML: what one writes, the other must read.
describe('the first lesson, from the host’s page to the page’s script', () => {
  it('is read back as the outcome the host put in it, whatever its text holds', () => {
    const first: FirstLesson = {
      courseId: 'python-backend',
      lessonId: 'deployment',
      outcome: { ok: false, error: { code: 'not-found', message: 'a </script><!-- b' } },
    };
    const element = firstLessonElement(first);
    // What the browser hands the page as the element's text.
    const text = element.slice(element.indexOf('>') + 1, element.lastIndexOf('</script>'));
    expect(firstLessonOutcome(text, first)).toEqual(first.outcome);
  });
});
