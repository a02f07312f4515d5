// The contract's call names without the contract itself: the sandboxed preload bundles this list,
// and importing electron/api.ts there (for anything but types) would pull zod into the page.
import type { CallName } from '../api.ts';

/** Every call of the contract, in the order electron/api.ts declares them. */
export const CALL_NAMES = [
  'listCourses',
  'openLesson',
  'recordProgress',
  'answerQuestion',
  'getSettings',
  'setSettings',
  'getResume',
  'openExternal',
  'search',
  'installPack',
  'discardPack',
  'removeCourse',
] as const satisfies readonly CallName[];

/**
 * Compiles only while CALL_NAMES lists every call: a call added to the contract but not here
 * fails with "Type '\"theNewCall\"' does not satisfy the constraint 'never'". (The `satisfies`
 * above catches the opposite mistake, a name the contract does not have.)
 */
export type EveryCallIsListed = NoneMissing<Exclude<CallName, (typeof CALL_NAMES)[number]>>;
type NoneMissing<Missing extends never> = Missing;
