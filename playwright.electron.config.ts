// The Electron smoke test (`npm run test:electron`): the real app, launched through Playwright's
// _electron. Separate from the Chromium end-to-end suite because it needs an Electron binary,
// which cannot be downloaded on machines without internet; there its test reports as skipped.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  outputDir: 'test-results/electron',
  // One app at a time: each launch builds on the same dist/ and takes a whole Electron.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list'], ['./tests/electron/skip-reasons-reporter.ts']],
  // The first launch in development compiles the sample courses.
  timeout: 90_000,
  expect: { timeout: 15_000 },
});
