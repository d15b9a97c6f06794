import fs from 'node:fs/promises';
import path from 'node:path';
import { commitStaged, pushBranch, trackingRef } from './clone';
import { Git } from './git';
import { INITIALIZE_KEY } from './settings';

/**
 * The first commit of an empty GitOps repository, made when
 * `kafkaConnect.gitops.initializeEmptyRepository` is set: a README that says what the
 * repository is for, and a .gitignore, on the default branch.
 */

/** The README's sections, as data: a title, then paragraphs. */
function readmeText(defaultBranch: string): string {
  const title = '# GitOps repository of Kafka Connect clusters';
  const paragraphs = [
    [
      "Backstage's Kafka Connect software templates push a branch here for each cluster they",
      'create or change, one folder per cluster under `clusters/`, with its',
      '`connect-cluster.yaml`, its `catalog-info.yaml` and its Kubernetes objects.',
    ],
    [
      `Review a branch and merge it into \`${defaultBranch}\`: what is on \`${defaultBranch}\` is what`,
      'runs (deploy it with Argo CD, Flux or `kubectl apply`).',
    ],
    [
      `This first commit was made by the scaffolder module (\`${INITIALIZE_KEY}\`),`,
      'because the repository was empty.',
    ],
  ];
  return `${[title, ...paragraphs.map(lines => lines.join('\n'))].join(
    '\n\n',
  )}\n`;
}

/** Files no cluster needs: editors' and operating systems' leftovers. */
const IGNORED = ['.DS_Store', '*.swp', '*~', '.idea/', '.vscode/'];

/** File path → content of the first commit. */
export function firstCommitFiles(
  defaultBranch: string,
): Record<string, string> {
  return {
    'README.md': readmeText(defaultBranch),
    '.gitignore': `${IGNORED.join('\n')}\n`,
  };
}

export interface FirstCommitOptions {
  remote: string;
  displayRemote: string;
  defaultBranch: string;
  authorName: string;
  authorEmail: string;
  date: Date;
  /** A dry run makes the commit in the clone only. */
  push: boolean;
}

/**
 * Makes the first commit in `cloneDir` (a fresh, empty clone) on the default branch, points the
 * default branch's tracking ref at it, and pushes it unless this is a dry run. Returns the
 * commit. A push refused because the branch appeared meanwhile (another task made it) is a
 * `PushError` of kind `moved`: the caller reads the repository again.
 */
export async function makeFirstCommit(
  git: Git,
  cloneDir: string,
  options: FirstCommitOptions,
): Promise<string> {
  const files = firstCommitFiles(options.defaultBranch);
  await git(['symbolic-ref', 'HEAD', `refs/heads/${options.defaultBranch}`]);
  for (const [file, content] of Object.entries(files)) {
    await fs.writeFile(path.join(cloneDir, file), content);
  }
  await git(['add', '--force', '--', ...Object.keys(files)]);
  const commit = await commitStaged(git, {
    message: `Initialise the GitOps repository (${INITIALIZE_KEY})`,
    authorName: options.authorName,
    authorEmail: options.authorEmail,
    date: options.date,
  });
  await git(['update-ref', trackingRef(options.defaultBranch), commit]);
  if (options.push) {
    await pushBranch(
      git,
      options.remote,
      options.displayRemote,
      options.defaultBranch,
    );
  }
  return commit;
}
