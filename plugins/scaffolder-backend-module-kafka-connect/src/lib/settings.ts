import { Config } from '@backstage/config';
import path from 'node:path';
import { redactCredentials } from './errors';
import { branchNameProblem } from './refName';

export const REPOSITORY_KEY = 'kafkaConnect.gitops.repository';
export const DEFAULT_BRANCH_KEY = 'kafkaConnect.gitops.defaultBranch';
export const INITIALIZE_KEY = 'kafkaConnect.gitops.initializeEmptyRepository';

/** Where `kafka-connect:git:push-branch` pushes, read once from the app config. */
export interface GitopsSettings {
  /** The value as configured, credentials masked: safe to show. */
  displayRemote?: string;
  /** What git is given: an absolute path, or the URL as configured. */
  remote?: string;
  /** Whether `remote` is a folder on the backend's machine (so `git -C` works on it). */
  isLocal: boolean;
  defaultBranch: string;
  /** Whether the push step may give an empty repository its first commit. */
  initializeEmptyRepository: boolean;
}

/** `https://…`, `ssh://…`, `file://…` and scp-like `git@host:repo.git` are URLs; anything else is a path. */
export function isUrl(remote: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(remote) ||
    /^[^\s/@:]+@[^\s/:]+:/.test(remote)
  );
}

/**
 * Reads `kafkaConnect.gitops.*`. A missing repository is not an error here (the render
 * action is useful without it); the push action says so when it runs.
 */
export function readGitopsSettings(
  config: Config,
  workingDirectory: string = process.cwd(),
): GitopsSettings {
  const configured = config.getOptionalString(REPOSITORY_KEY)?.trim();
  const defaultBranch = config.getOptionalString(DEFAULT_BRANCH_KEY) ?? 'main';
  const problem = branchNameProblem(defaultBranch);
  if (problem) {
    throw new Error(
      `${DEFAULT_BRANCH_KEY} ${problem} (got ${JSON.stringify(defaultBranch)})`,
    );
  }
  const initializeEmptyRepository =
    config.getOptionalBoolean(INITIALIZE_KEY) ?? false;
  if (!configured)
    return { isLocal: false, defaultBranch, initializeEmptyRepository };
  // git would read a leading dash as an option.
  if (configured.startsWith('-')) {
    throw new Error(
      `${REPOSITORY_KEY} must be a path or a URL, not start with "-"`,
    );
  }
  const local = !isUrl(configured);
  return {
    displayRemote: redactCredentials(configured),
    remote: local ? path.resolve(workingDirectory, configured) : configured,
    isLocal: local,
    defaultBranch,
    initializeEmptyRepository,
  };
}
