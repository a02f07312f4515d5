// The info line of a fenced code block: ```python title="app/main.py" {1,4-6}

/** What an info line asks for; `problems` are messages about parts that could not be used. */
export interface FenceInfo {
  /** The language as written, lowercased; '' when none is given. */
  readonly language: string;
  readonly title: string | null;
  /** 1-based line numbers to emphasise. */
  readonly emphasised: ReadonlySet<number>;
  readonly problems: readonly string[];
}

const PART = /title=(?:"([^"]*)"|'([^']*)')|\{([^}]*)\}|([^\s{]+|\{)/g;
const RANGE = /^(\d+)(?:-(\d+))?$/;

/** Parses `info` for a block of `lineCount` lines. Never throws. */
export function parseFenceInfo(info: string, lineCount: number): FenceInfo {
  const problems: string[] = [];
  const emphasised = new Set<number>();
  let language = '';
  let title: string | null = null;
  let first = true;
  for (const match of info.trim().matchAll(PART)) {
    const [, doubleQuoted, singleQuoted, ranges, word] = match;
    if (word !== undefined && first) {
      language = word.toLowerCase();
    } else if (doubleQuoted !== undefined || singleQuoted !== undefined) {
      title = (doubleQuoted ?? singleQuoted ?? '').trim() || null;
    } else if (ranges !== undefined) {
      for (const part of ranges.split(',')) {
        addRange(part.trim(), lineCount, emphasised, problems);
      }
    } else {
      problems.push(
        `"${word}" in the code block's first line is not understood: write it as \`\`\`python title="app/main.py" {1,4-6}`,
      );
    }
    first = false;
  }
  return { language, title, emphasised, problems };
}

function addRange(part: string, lineCount: number, lines: Set<number>, problems: string[]): void {
  const match = RANGE.exec(part);
  if (!match) {
    problems.push(`emphasised lines: "${part}" is not a line number or a range such as 4-6`);
    return;
  }
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from < 1 || to < from) {
    problems.push(
      `emphasised lines: "${part}" is not a valid range (lines count from 1, low to high)`,
    );
    return;
  }
  if (to > lineCount) {
    problems.push(
      `emphasised lines: "${part}" goes beyond the code block, which has ${lineCount} line${lineCount === 1 ? '' : 's'}`,
    );
  }
  for (let line = from; line <= Math.min(to, lineCount); line++) lines.add(line);
}
