/** A course pack that cannot be installed; `message` is written for the learner. */
export class PackError extends Error {
  readonly source: string;
  constructor(source: string, message: string) {
    super(message);
    this.name = 'PackError';
    this.source = source;
  }
}
