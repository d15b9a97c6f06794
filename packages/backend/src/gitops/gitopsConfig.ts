/*
 * Reads the `kafkaConnect.gitops` keys. The scaffolder action that pushes branches reads
 * the same keys with the same rule (relative paths against the backend's working
 * directory), so the repository the demo creates and watches is the one it pushes to.
 */
import { Config } from '@backstage/config';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface GitopsSettings {
  /**
   * Absolute path of the bare repository; undefined when the key names a remote URL,
   * which the demo neither creates nor watches (production uses discovery for that).
   */
  repository?: string;
  /** The branch that counts as merged. */
  defaultBranch: string;
  /** How often the catalog reads the default branch. */
  catalogRefreshSeconds: number;
}

const DEFAULT_REFRESH_SECONDS = 5;

/**
 * The folder whose package.json declares `workspaces`, walking up from `start`;
 * used only when the repository key is absent.
 */
export function findWorkspaceRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).workspaces) {
          return dir;
        }
      } catch {
        // An unreadable package.json is not the root; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      return undefined;
    }
    dir = parent;
  }
}

/**
 * `https://…`, `ssh://…`, `file://…` and scp-like `git@host:repo.git` are URLs, anything
 * else a path: the same rule as the push action's, so both read the key alike.
 */
export function isGitUrl(value: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^[^\s/@:]+@[^\s/:]+:/.test(value)
  );
}

export function readGitopsSettings(
  config: Config,
  cwd: string = process.cwd(),
): GitopsSettings {
  const configured = config
    .getOptionalString('kafkaConnect.gitops.repository')
    ?.trim();
  let repository: string | undefined;
  if (configured) {
    repository = isGitUrl(configured) ? undefined : resolve(cwd, configured);
  } else {
    const root = findWorkspaceRoot(cwd);
    if (!root) {
      throw new Error(
        `kafkaConnect.gitops.repository is not set and no workspace root was found above ${cwd}`,
      );
    }
    repository = join(root, '.gitops', 'gitops.git');
  }

  const defaultBranch =
    config.getOptionalString('kafkaConnect.gitops.defaultBranch') ?? 'main';

  const catalogRefreshSeconds =
    config.getOptionalNumber('kafkaConnect.gitops.catalogRefreshSeconds') ??
    DEFAULT_REFRESH_SECONDS;
  if (!(catalogRefreshSeconds > 0)) {
    throw new Error(
      `kafkaConnect.gitops.catalogRefreshSeconds must be a positive number, got ${catalogRefreshSeconds}`,
    );
  }

  return { repository, defaultBranch, catalogRefreshSeconds };
}
