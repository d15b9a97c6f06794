/** A folder's files as text, by path relative to the folder (forward slashes). */
export type FileSet = ReadonlyMap<string, string>;

export interface FileChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** Which files a new render adds, changes or removes, each list sorted by path. */
export function fileChanges(current: FileSet, next: FileSet): FileChanges {
  const sorted = (paths: Iterable<string>) =>
    [...paths].sort((a, b) => (a < b ? -1 : Number(a > b)));
  return {
    added: sorted([...next.keys()].filter(p => !current.has(p))),
    changed: sorted(
      [...next.keys()].filter(
        p => current.has(p) && current.get(p) !== next.get(p),
      ),
    ),
    removed: sorted([...current.keys()].filter(p => !next.has(p))),
  };
}

export function hasChanges(changes: FileChanges): boolean {
  return (
    changes.added.length + changes.changed.length + changes.removed.length > 0
  );
}

function lines(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

type Edit = { op: ' ' | '-' | '+'; line: string };

/**
 * The line edits from `a` to `b`: the common head and tail are taken off first (a re-render
 * changes a few lines of a file), then a longest common subsequence of what is left.
 */
function edits(a: string[], b: string[]): Edit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..].
  const lcs: Uint32Array[] = Array.from(
    { length: x.length + 1 },
    () => new Uint32Array(y.length + 1),
  );
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      lcs[i][j] =
        x[i] === y[j]
          ? lcs[i + 1][j + 1] + 1
          : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const middle: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      middle.push({ op: ' ', line: x[i] });
      i++;
      j++;
    } else if (
      i < x.length &&
      (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])
    ) {
      // Removals before additions, as diff -u prints a replaced line.
      middle.push({ op: '-', line: x[i++] });
    } else {
      middle.push({ op: '+', line: y[j++] });
    }
  }
  return [
    ...a.slice(0, head).map(line => ({ op: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - tail).map(line => ({ op: ' ' as const, line })),
  ];
}

const CONTEXT = 3;

/**
 * A unified diff of one file, as `diff -u` and `git diff` print it (three lines of context);
 * `undefined` stands for a file that is not there. Empty when both are the same.
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string | undefined,
): string {
  if (before === after) return '';
  const all = edits(lines(before), lines(after));
  const out = [
    `--- ${before === undefined ? '/dev/null' : `a/${path}`}`,
    `+++ ${after === undefined ? '/dev/null' : `b/${path}`}`,
  ];
  let k = 0;
  while (k < all.length) {
    if (all[k].op === ' ') {
      k++;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change
    // that is at most 2 * CONTEXT unchanged lines away.
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    let last = k;
    while (end < all.length) {
      if (all[end].op !== ' ') last = end;
      else if (end - last > 2 * CONTEXT) break;
      end++;
    }
    end = Math.min(all.length, last + CONTEXT + 1);
    const hunk = all.slice(start, end);
    const oldStart = all.slice(0, start).filter(e => e.op !== '+').length + 1;
    const newStart = all.slice(0, start).filter(e => e.op !== '-').length + 1;
    const oldCount = hunk.filter(e => e.op !== '+').length;
    const newCount = hunk.filter(e => e.op !== '-').length;
    out.push(
      `@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${
        newCount === 0 ? newStart - 1 : newStart
      },${newCount} @@`,
      ...hunk.map(e => `${e.op}${e.line}`),
    );
    k = end;
  }
  if (out.length === 2)
    out.push('@@ the files differ only in the newline at the end @@');
  return `${out.join('\n')}\n`;
}
