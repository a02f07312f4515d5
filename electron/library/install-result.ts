// An install's outcome as the contract reports it, with the sentence the page shows.
import type { InstallResult } from '../api.ts';
import type { InstallOutcome } from './install-pack.ts';

/** The contract's view of `outcome`. Pure. */
export function installResult(outcome: InstallOutcome): InstallResult {
  const { title, version, previousVersion, reason } = outcome;
  const course = { id: outcome.courseId, title, version };
  const base = { course, previousVersion, reason };
  switch (outcome.status) {
    case 'installed':
      if (previousVersion === null) {
        return { ...base, status: 'installed', message: `${title} ${version} is installed.` };
      }
      return {
        ...base,
        status: 'updated',
        message:
          reason === 'same-version'
            ? `${title} ${version} is replaced by the copy you opened. Your progress is kept.`
            : `${title} is now version ${version} (it was ${previousVersion}). Your progress is kept.`,
      };
    case 'unchanged':
    case 'kept':
      return {
        ...base,
        status: 'unchanged',
        message: `${title} ${previousVersion ?? version} is already installed. Nothing changed.`,
      };
    case 'needs-confirmation':
      return {
        ...base,
        status: 'needs-confirmation',
        message:
          reason === 'older'
            ? `This pack holds ${title} ${version}, which is older than the ${previousVersion ?? ''} you have. Replace your version with the older one? Your progress is kept.`
            : `This pack holds ${title} ${version}, the version you have, but its content is different. Replace the installed copy with it? Your progress is kept.`,
      };
  }
}
