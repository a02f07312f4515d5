// Course versions are semantic versions (course.yml's `version`, checked by the compiler and again
// when a pack is opened): which of two copies of a course is the newer one.

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Is `version` a semantic version MAJOR.MINOR.PATCH[-prerelease][+build]? Pure. */
export function isCourseVersion(version: string): boolean {
  return version.length <= 64 && SEMVER.test(version);
}

/**
 * Orders two semantic versions by semver.org's precedence rules: negative when `a` is older,
 * positive when newer, 0 when equal (build metadata is ignored). Throws on a string that is not
 * a semantic version; pure otherwise.
 */
export function compareCourseVersions(a: string, b: string): number {
  const left = parse(a);
  const right = parse(b);
  for (let index = 0; index < 3; index += 1) {
    const difference = compareNumbers(left.core[index] ?? '0', right.core[index] ?? '0');
    if (difference !== 0) return difference;
  }
  // A pre-release comes before its release: 1.0.0-beta < 1.0.0.
  if (left.pre.length === 0 && right.pre.length === 0) return 0;
  if (left.pre.length === 0) return 1;
  if (right.pre.length === 0) return -1;
  for (let index = 0; index < Math.max(left.pre.length, right.pre.length); index += 1) {
    const x = left.pre[index];
    const y = right.pre[index];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const difference = comparePreRelease(x, y);
    if (difference !== 0) return difference;
  }
  return 0;
}

function parse(version: string): { core: string[]; pre: string[] } {
  const match = SEMVER.exec(version);
  if (!match) throw new Error(`"${version}" is not a semantic version.`);
  const [, major = '0', minor = '0', patch = '0', pre] = match;
  return { core: [major, minor, patch], pre: pre?.split('.') ?? [] };
}

// Digits only, without leading zeros (the grammar guarantees it): longer is larger.
function compareNumbers(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

function comparePreRelease(a: string, b: string): number {
  const numeric = /^\d+$/;
  const aNumeric = numeric.test(a);
  const bNumeric = numeric.test(b);
  if (aNumeric && bNumeric) return compareNumbers(String(BigInt(a)), String(BigInt(b)));
  // Numeric identifiers sort before alphanumeric ones.
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
