// One Studybook per user data folder: two processes writing progress.sqlite would fight over it.
import type { App } from 'electron';

/**
 * Claims the single-instance lock. Returns false when another instance holds it (that instance
 * has been told, through its `second-instance` event, and this one should quit at once);
 * otherwise calls `onSecondInstance` with each later launch's arguments.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  onSecondInstance: (argv: string[], workingDirectory: string) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv, workingDirectory) => {
    onSecondInstance(argv, workingDirectory);
  });
  return true;
}
