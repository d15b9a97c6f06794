import { LoggerService } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  commitStaged,
  fetchBranches,
  PushError,
  replaceFolder,
  StagedChange,
  trackingRef,
} from './clone';
import { makeFirstCommit } from './firstCommit';
import { createGit, Git } from './git';
import { GitopsRepository, readGitopsHeads } from './gitopsRepository';
import { ClusterIdentity, guardTargetFolder } from './guard';
import { CheckedPushInput } from './pushInput';

/** Everything one push-branch step needs to make its commit, whatever the attempt. */
export interface BranchJob {
  remote: string;
  displayRemote: string;
  defaultBranch: string;
  /** Whether an empty repository gets its first commit (`kafkaConnect.gitops.initializeEmptyRepository`). */
  initializeEmptyRepository: boolean;
  /** A dry run makes that first commit in the clone only. */
  isDryRun: boolean;
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
  const { defaultBranch, input } = job;
  const cloneDir = path.join(job.tempDir, `clone-${attempt}`);
  await fs.mkdir(cloneDir);
  const git = createGit({ cwd: cloneDir, home: job.home, signal: job.signal });
  await git(['init', '--quiet', '--template=']);

  const heads = await readBranches(git, cloneDir, job);
  const branchExists = heads.has(input.branch);

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

function repositoryOf(job: BranchJob): GitopsRepository {
  return {
    remote: job.remote,
    displayRemote: job.displayRemote,
    defaultBranch: job.defaultBranch,
    initializeEmptyRepository: job.initializeEmptyRepository,
  };
}

/**
 * Reads the default branch and the job's branch into the clone's tracking refs. The repository
 * must answer and hold the default branch (else a GitopsRepositoryError says what to fix); an
 * empty one, when the switch allows it, first gets its first commit on the default branch.
 */
async function readBranches(
  git: Git,
  cloneDir: string,
  job: BranchJob,
): Promise<Map<string, string>> {
  const repo = repositoryOf(job);
  const found = await readGitopsHeads(git, repo, [job.input.branch]);
  if (found.kind === 'ready') {
    await fetchBranches(git, job.remote, job.displayRemote, [
      ...found.heads.keys(),
    ]);
    return found.heads;
  }
  try {
    const commit = await makeFirstCommit(git, cloneDir, {
      remote: job.remote,
      displayRemote: job.displayRemote,
      defaultBranch: job.defaultBranch,
      authorName: job.input.authorName,
      authorEmail: job.input.authorEmail,
      date: job.now(),
      push: !job.isDryRun,
    });
    job.logger.info(
      job.isDryRun
        ? `The GitOps repository ${job.displayRemote} is empty: a real run would first push ${commit} to ${job.defaultBranch} (a README and a .gitignore); dry run, so only in the temporary clone`
        : `The GitOps repository ${job.displayRemote} was empty: pushed its first commit ${commit} to ${job.defaultBranch} (a README and a .gitignore)`,
    );
    return new Map([[job.defaultBranch, commit]]);
  } catch (error) {
    // Another task made the default branch meanwhile: take the repository as it is now.
    if (!(error instanceof PushError) || error.failure !== 'moved') throw error;
    const again = await readGitopsHeads(git, repo, [job.input.branch]);
    if (again.kind !== 'ready') throw error;
    await fetchBranches(git, job.remote, job.displayRemote, [
      ...again.heads.keys(),
    ]);
    return again.heads;
  }
}
