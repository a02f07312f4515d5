// The crash test's child: `node crash-writer.ts <dataDir> <first event number>`. Loads, waits for
// "go" on stdin, then writes the event stream, printing each event's number only after its write
// has returned, until killed.

import { text } from 'node:stream/consumers';
import { openProgressStore } from '../open-progress-store.ts';
import { EVENTS_PER_WRITER, writeEvent } from './crash-events.ts';

const [dataDir, firstArgument] = process.argv.slice(2);
if (dataDir === undefined || firstArgument === undefined) {
  throw new Error('usage: node crash-writer.ts <dataDir> <first event number>');
}

// Loading takes most of a round, so the parent starts the next writer early and says "go" once the
// file is free. Anything else (the parent gone, stdin closed) means: never touch the file.
if ((await text(process.stdin)) !== 'go\n') process.exit(0);

const { store } = openProgressStore({ dataDir });
const first = Number(firstArgument);
// Bounded, so that a writer whose parent died cannot run forever.
for (let n = first; n < first + EVENTS_PER_WRITER; n += 1) {
  writeEvent(store, n);
  // Synchronous on a pipe on POSIX: once this returns, the parent will see the line even if the
  // process is killed right after.
  process.stdout.write(`${n}\n`);
}
