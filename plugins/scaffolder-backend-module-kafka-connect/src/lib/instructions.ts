/** Quotes a word for a POSIX shell when it needs it, for commands that people copy. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9@%_+=:,./-]+$/.test(word)
    ? word
    : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface InstructionFacts {
  /** Shown to people: as configured, credentials masked. */
  displayRemote: string;
  /** An absolute path when the repository is on the backend's machine. */
  localPath?: string;
  branch: string;
  defaultBranch: string;
  targetPath: string;
  commit: string;
  changed: boolean;
  /** Whether the branch exists on the remote after this run. */
  branchExists: boolean;
  dryRun: boolean;
}

/** Markdown for the task's output page: how to look at the branch and how to merge it. */
export function mergeInstructions(f: InstructionFacts): string {
  const short = f.commit.slice(0, 12);
  if (f.dryRun) {
    return f.changed
      ? `Dry run: commit \`${short}\` with \`${f.targetPath}\` would be pushed to branch \`${f.branch}\` of \`${f.displayRemote}\`. Nothing was pushed.\n`
      : `Dry run: \`${f.targetPath}\` on \`${
          f.branchExists ? f.branch : f.defaultBranch
        }\` already holds these files; nothing would be pushed.\n`;
  }
  if (!f.branchExists) {
    return `\`${f.targetPath}\` on \`${f.defaultBranch}\` of \`${f.displayRemote}\` already holds these files: there is nothing to push or merge.\n`;
  }
  const remote = shellWord(f.displayRemote);
  const range = `${f.defaultBranch}..${f.branch}`;
  const lines = [
    f.changed
      ? `Branch \`${f.branch}\` of \`${f.displayRemote}\` now ends with commit \`${short}\`, which puts the cluster into \`${f.targetPath}\`.`
      : `Branch \`${f.branch}\` of \`${f.displayRemote}\` already held these files (commit \`${short}\`): nothing new was pushed.`,
    '',
  ];
  if (f.localPath) {
    const repo = shellWord(f.localPath);
    lines.push(
      'Look at it on the backend machine:',
      '',
      '```sh',
      `git -C ${repo} log --stat ${range}`,
      `git -C ${repo} diff ${f.defaultBranch}...${f.branch} -- ${f.targetPath}`,
      '```',
      '',
    );
  }
  // A local repository is cloned by its absolute path, and into a new temporary folder: the
  // configured path is relative to the backend's folder, and a clone must not land inside
  // whatever folder the reader happens to be in (a checkout, say).
  const source = f.localPath ? shellWord(f.localPath) : remote;
  lines.push(
    `Merge it into \`${f.defaultBranch}\` from a clone (or open a pull request from \`${f.branch}\` where the repository is hosted). The commands work from any folder:`,
    '',
    '```sh',
    `cd "$(mktemp -d)" && git clone ${source} gitops && cd gitops`,
    `git log --stat origin/${f.defaultBranch}..origin/${f.branch}`,
    `git merge --no-ff origin/${f.branch} -m ${shellWord(`Merge ${f.branch}`)}`,
    `git push origin ${f.defaultBranch}`,
    `git push origin --delete ${f.branch}`,
    '```',
    '',
  );
  return lines.join('\n');
}
