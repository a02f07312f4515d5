// Prints why a test was skipped. The list reporter shows only a dash, and "skipped: no Electron
// binary" must be impossible to mistake for "passed" in a CI log.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonsReporter implements Reporter {
  readonly #lines: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations
      .filter((annotation) => annotation.type === 'skip' && annotation.description)
      .map((annotation) => annotation.description);
    this.#lines.push(`SKIPPED ${test.title}: ${reasons.join('; ') || 'no reason given'}`);
  }

  onEnd(): void {
    for (const line of this.#lines) console.log(line);
  }

  printsToStdio(): boolean {
    // The list reporter still owns the terminal; this one only adds its lines at the end.
    return false;
  }
}
