import { describe, expect, it } from 'vitest';
import type { Client } from '../../../renderer/src/lib/client.ts';
import { LibraryState } from '../../../renderer/src/lib/library.svelte.ts';
import { useSampleHost } from './sample-host.ts';

// The real host: the sample course compiled into a real library and progress store.
const sample = useSampleHost();

/** The real client, counting the listings it asks for. */
function countingClient() {
  let listings = 0;
  const counted: Pick<Client, 'listCourses'> = {
    listCourses: (input) => {
      listings += 1;
      return sample.client.listCourses(input);
    },
  };
  return { client: counted, listings: () => listings };
}

describe('LibraryState', () => {
  it('shows the library the host sent with the page at once, and lists anew only after', async () => {
    const sent = await sample.client.listCourses({});
    const host = countingClient();
    const library = new LibraryState(host.client, async () => {}, sent);
    expect(library.load, 'shown before anything is asked').toEqual({
      status: 'ready',
      value: sent,
    });

    await library.show();
    expect(host.listings(), 'the first show asks nothing: the listing came with the page').toBe(0);
    await library.show();
    expect(host.listings(), 'a later show lists anew, as progress has moved on').toBe(1);
    expect(library.load.status).toBe('ready');
  });

  it('lists the courses itself when the page came without them', async () => {
    const host = countingClient();
    const library = new LibraryState(host.client);
    expect(library.load.status).toBe('idle');
    await library.show();
    expect(host.listings()).toBe(1);
    expect(
      library.load.status === 'ready' && library.load.value.courses.map((course) => course.id),
    ).toEqual(['python-backend']);
  });
});
