// Something the learner opens and closes: a dialog, a folded list.

export class Toggle {
  #open = $state(false);

  get open(): boolean {
    return this.#open;
  }

  show(): void {
    this.#open = true;
  }

  hide(): void {
    this.#open = false;
  }
}
