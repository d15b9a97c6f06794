import { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import {
  checkPolicy,
  formatProblem,
  parsePolicy,
  Policy,
  PolicyValues,
  Problem,
} from '@connect-skeleton/plugin-kafka-connect-common';
import fs from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { userFacing } from './errors';
import { localClusterFileSource } from './localClusterFileSource';
import { readGitopsSettings, REPOSITORY_KEY } from './settings';

/**
 * The platform's policy (docs/policy.md) for `kafka-connect:render`: written inline in the app
 * config (`kafkaConnect.policy.inline`, checked when the backend starts), or kept as a file
 * on the GitOps repository's default branch (`kafkaConnect.policy.gitopsPath`, read at every
 * render, so a merged change of the policy applies to the next task without a restart).
 */

export const POLICY_KEY = 'kafkaConnect.policy';
export const INLINE_POLICY_KEY = `${POLICY_KEY}.inline`;
export const GITOPS_POLICY_KEY = `${POLICY_KEY}.gitopsPath`;
const KEYS = ['inline', 'gitopsPath'];

export type PolicySource =
  | { kind: 'none' }
  | { kind: 'inline'; policy: Policy }
  | {
      kind: 'gitops';
      path: string;
      remote: string;
      displayRemote: string;
      defaultBranch: string;
    };

/** A loaded policy and where it came from, for messages and the log. */
export interface LoadedPolicy {
  policy: Policy;
  origin: string;
}

function problemLines(problems: readonly Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

/** Reads `kafkaConnect.policy`; a broken setting stops the backend at start, naming the key. */
export function readPolicySource(config: Config | undefined): PolicySource {
  const section = config?.getOptionalConfig(POLICY_KEY);
  if (!section) return { kind: 'none' };
  const unknown = section.keys().filter(key => !KEYS.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `${POLICY_KEY}.${unknown[0]} is no setting: ${POLICY_KEY} takes inline (the policy document) or gitopsPath (a file on the GitOps repository)`,
    );
  }
  const inline = section.getOptional('inline');
  const gitopsPath = section.getOptionalString('gitopsPath');
  if (inline !== undefined && gitopsPath !== undefined) {
    throw new Error(
      `${POLICY_KEY}: give inline or gitopsPath, not both: one policy judges the clusters`,
    );
  }
  if (inline !== undefined) {
    const parsed = parsePolicy(inline);
    if (!parsed.ok) {
      throw new Error(
        `${INLINE_POLICY_KEY} is not a valid policy (docs/policy.md):\n${problemLines(
          parsed.problems,
        )}`,
      );
    }
    return { kind: 'inline', policy: parsed.policy };
  }
  if (gitopsPath === undefined) return { kind: 'none' };
  const path = gitopsPath.trim().replace(/^\/+/, '');
  if (!path || path.split('/').some(part => part === '..' || part === '')) {
    throw new Error(
      `${GITOPS_POLICY_KEY} must be the path of a file in the GitOps repository, such as policy/kafka-connect-policy.yaml, not ${JSON.stringify(
        gitopsPath,
      )}`,
    );
  }
  const settings = readGitopsSettings(config!);
  if (!settings.remote || !settings.displayRemote) {
    throw new Error(
      `${GITOPS_POLICY_KEY} needs ${REPOSITORY_KEY}: the repository the policy file is read from`,
    );
  }
  return {
    kind: 'gitops',
    path,
    remote: settings.remote,
    displayRemote: settings.displayRemote,
    defaultBranch: settings.defaultBranch,
  };
}

function brokenPolicy(message: string): ConflictError {
  return userFacing(new ConflictError(message));
}

/** The policy, read now; undefined when none is configured. Fails closed: no policy file, no render. */
export async function loadPolicy(
  source: PolicySource,
  options: { tempDir: () => Promise<string>; signal?: AbortSignal },
): Promise<LoadedPolicy | undefined> {
  if (source.kind === 'none') return undefined;
  if (source.kind === 'inline') {
    return { policy: source.policy, origin: INLINE_POLICY_KEY };
  }
  const { path, displayRemote, defaultBranch } = source;
  const origin = `${path} on branch ${defaultBranch} of ${displayRemote}`;
  const tempDir = await options.tempDir();
  let text: string | undefined;
  try {
    const files = localClusterFileSource({
      remote: source.remote,
      displayRemote,
      defaultBranch,
      // A policy file cannot be in an empty repository: its message says so, no policy, no render.
      initializeEmptyRepository: false,
      tempDir,
      signal: options.signal,
    });
    text = await files.readFile(defaultBranch, path);
  } finally {
    await fs.rm(tempDir, { recursive: true, force: true });
  }
  if (text === undefined) {
    throw brokenPolicy(
      `The policy file ${origin} (${GITOPS_POLICY_KEY}) does not exist, so no cluster can be checked against it: add the file to ${defaultBranch}, or change ${GITOPS_POLICY_KEY}`,
    );
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw brokenPolicy(
      `The policy file ${origin} is not valid YAML: ${
        (error as Error).message.split('\n')[0]
      }`,
    );
  }
  const parsed = parsePolicy(document);
  if (!parsed.ok) {
    throw brokenPolicy(
      `The policy file ${origin} is not a valid policy (docs/policy.md), so no cluster can be checked against it; fix these fields:\n${problemLines(
        parsed.problems,
      )}`,
    );
  }
  return { policy: parsed.policy, origin };
}

/** Every violation in one InputError, the policy named; nothing when the values comply. */
export function assertPolicy(values: PolicyValues, loaded: LoadedPolicy): void {
  const problems = checkPolicy(values, loaded.policy);
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 rule' : `${problems.length} rules`;
  throw userFacing(
    new InputError(
      [
        `The Kafka Connect values break ${count} of the platform's policy (${loaded.origin}):`,
        ...problems.map(formatProblem),
      ].join('\n'),
    ),
  );
}
