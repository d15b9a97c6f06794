import { LoggerService } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  commitStaged,
  fetchBranches,
  remoteHeads,
  replaceFolder,
  StagedChange,
  trackingRef,
} from './clone';
import { refuseInput } from './errors';
import { createGit, Git } from './git';
import { ClusterIdentity, guardTargetFolder } from './guard';
import { CheckedPushInput } from './pushInput';

/** Everything one push-branch step needs to make its commit, whatever the attempt. */
export interface BranchJob {
  remote: string;
  displayRemote: string;
  defaultBranch: string;
  input: CheckedPushInput;
  /** The cluster in the files, for the guard. */
  identity: ClusterIdentity;
  /**
   * Refuses (throws) when the user may not change the cluster whose connect-cluster.yaml is
   * `clusterFile` on `ref` (`branch main`); see assertMayChangeCluster.
   */
  checkExistingCluster: (clusterFile: string, ref: string) => void;
  sourceDir: string;
  files: string[];
  message: string;
  now: () => Date;
  /** The step's own temporary folder: clones go below it, `home` is an empty HOME in it. */
  tempDir: string;
  home: string;
  signal?: AbortSignal;
  logger: LoggerService;
}

/** A commit made in a fresh clone, not pushed yet. */
export interface BranchCommit {
  git: Git;
  branchExists: boolean;
  staged: StagedChange;
  /** The new commit, or the branch's tip when the files were already there. */
  commit: string;
}

/**
 * In a fresh clone: reads the remote, guards the target folder, checks out the branch (or
 * the default branch when it is new), replaces the folder and commits when something
 * changed. Run again, with the next `attempt`, when the branch moved during the push.
 */
export async function commitOnBranch(
  job: BranchJob,
  attempt: number,
): Promise<BranchCommit> {
  const { remote, displayRemote, defaultBranch, input } = job;
  const cloneDir = path.join(job.tempDir, `clone-${attempt}`);
  await fs.mkdir(cloneDir);
  const git = createGit({ cwd: cloneDir, home: job.home, signal: job.signal });
  await git(['init', '--quiet', '--template=']);

  const heads = await remoteHeads(git, remote, displayRemote, [
    defaultBranch,
    input.branch,
  ]);
  if (!heads.has(defaultBranch)) {
    throw refuseInput(
      `The GitOps repository ${displayRemote} has no branch ${defaultBranch}: push a first commit to it, or set kafkaConnect.gitops.defaultBranch`,
    );
  }
  const branchExists = heads.has(input.branch);
  await fetchBranches(git, remote, displayRemote, [...heads.keys()]);

  // Before anything is changed: the folder must be new, or this same cluster's.
  const guarded = [
    { ref: trackingRef(defaultBranch), label: `branch ${defaultBranch}` },
  ];
  if (branchExists)
    guarded.push({
      ref: trackingRef(input.branch),
      label: `branch ${input.branch}`,
    });
  const states = await guardTargetFolder(
    git,
    guarded,
    input.targetPath,
    job.identity,
  );
  // The same cluster is there: only someone who may act for its owner may change it.
  for (const { label, state } of states) {
    if (state.kind === 'folder' && state.clusterFile !== undefined)
      job.checkExistingCluster(state.clusterFile, label);
  }

  const base = branchExists ? input.branch : defaultBranch;
  await git([
    'checkout',
    '--quiet',
    '-B',
    input.branch,
    trackingRef(base),
    '--',
  ]);
  const staged = await replaceFolder(
    git,
    cloneDir,
    input.targetPath,
    job.sourceDir,
    job.files,
  );

  if (!staged.changed) {
    job.logger.info(
      `${input.targetPath} on ${base} already holds these ${job.files.length} files: no commit`,
    );
    return { git, branchExists, staged, commit: heads.get(base)! };
  }
  const commit = await commitStaged(git, {
    message: job.message,
    authorName: input.authorName,
    authorEmail: input.authorEmail,
    date: job.now(),
  });
  job.logger.info(
    `Committed ${commit} on ${input.branch}: ${staged.changes.join('; ')}`,
  );
  return { git, branchExists, staged, commit };
}
