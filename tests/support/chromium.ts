// How Studybook's tests and benchmarks start Debian's Chromium: Playwright's own browser download
// cannot work on machines without internet.

/** Debian's Chromium (`apt-get install chromium`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  // Root in a container has no user namespaces for Chromium's sandbox.
  '--no-sandbox',
  '--disable-gpu',
  // Keep the browser itself from reaching for the network.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
