// The question Studybook asks before an https link leaves the app: "Open in your browser?".
// The lesson asks; ExternalLinkDialog shows the question and answers it.

export class LinkPrompt {
  #url = $state<string | null>(null);
  #resolve: ((agreed: boolean) => void) | null = null;

  /** The link being asked about, or null when no question is open. */
  get url(): string | null {
    return this.#url;
  }

  /** Asks about `url`; resolves to the learner's answer. A newer question declines an open one. */
  ask(url: string): Promise<boolean> {
    this.answer(false);
    this.#url = url;
    return new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  /** The learner's answer to the open question; does nothing when none is open. */
  answer(agreed: boolean): void {
    const resolve = this.#resolve;
    this.#resolve = null;
    this.#url = null;
    resolve?.(agreed);
  }
}
