import { FileChanges } from './fileChanges';

export interface ChangeSummaryInput {
  name: string;
  namespace: string;
  /** The cluster's folder in the GitOps repository. */
  folder: string;
  strimzi: { from?: string; to: string };
  /** Value changes in words (valueChanges.ts). */
  changes: readonly string[];
  /** What the upgrade did besides the release. */
  notes: readonly string[];
  /** What the operator needs first (operatorSteps.ts). */
  operatorSteps: readonly string[];
  files: FileChanges;
  /**
   * A change of the folder that is pending on the branch this one goes to (not merged), which
   * this one replaces there; `dropped`: its files that this change does not make, which the
   * default branch does not have either.
   */
  pending?: { branch: string; dropped: readonly string[] };
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/**
 * The change in words, as markdown for a pull request: what changes in the values, what the
 * upgrade moved, what the operator needs first, and which files change. "No change" when the
 * files are the same (then no pull request is opened).
 */
export function changeSummary(input: ChangeSummaryInput): string {
  const { files } = input;
  const count =
    files.added.length + files.changed.length + files.removed.length;
  const title = `### Kafka Connect cluster ${code(
    `${input.namespace}/${input.name}`,
  )} in ${code(input.folder)}`;
  const { pending } = input;
  if (count === 0) {
    return [
      title,
      '',
      'No change: a render of these values gives the files the folder already holds.',
      '',
      ...(pending
        ? [
            `An earlier change of the cluster is pending on branch ${code(
              pending.branch,
            )} (not merged): it is left as it is; close its request to drop it.`,
            '',
          ]
        : []),
    ].join('\n');
  }
  const { from, to } = input.strimzi;
  const lines = [title, ''];
  if (pending) {
    lines.push(
      `This replaces an earlier change of the cluster that is pending on branch ${code(
        pending.branch,
      )} (not merged): the branch now holds this change only, made from the default branch, and what the earlier change did besides is dropped.`,
      '',
    );
    if (pending.dropped.length > 0) {
      lines.push(
        'Files of the earlier change that are dropped with it:',
        '',
        ...pending.dropped.map(path => `- ${code(path)}`),
        '',
      );
    }
  }
  if (from && from !== to) {
    lines.push(`Strimzi ${code(from)} → ${code(to)}.`, '');
  }
  lines.push('What changes in the values:', '');
  if (input.changes.length === 0) {
    lines.push(
      '- nothing: the files are rendered again from the same values (a newer generator, or files edited by hand)',
    );
  } else {
    lines.push(...input.changes.map(change => `- ${code(change)}`));
  }
  lines.push('');
  if (input.notes.length > 0) {
    lines.push(
      'What the upgrade moved:',
      '',
      ...input.notes.map(n => `- ${n}`),
      '',
    );
  }
  if (input.operatorSteps.length > 0) {
    lines.push(
      'Before this is merged, the Strimzi operator needs:',
      '',
      ...input.operatorSteps.map((step, i) => `${i + 1}. ${step}`),
      '',
    );
  }
  lines.push(`Files (${count}):`, '');
  for (const [list, word] of [
    [files.added, 'added'],
    [files.changed, 'changed'],
    [files.removed, 'removed'],
  ] as const) {
    lines.push(...list.map(path => `- ${code(path)} ${word}`));
  }
  lines.push('');
  return lines.join('\n');
}
