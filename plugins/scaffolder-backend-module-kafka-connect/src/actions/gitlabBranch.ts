import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { refuseInput } from '../lib/errors';
import { gitlabProjects } from '../lib/gitlabProject';
import { branchNameProblem } from '../lib/refName';
import { examples } from './gitlabBranch.examples';
import { gitlabRepoUrl, gitlabToken } from './inputProperties';

export const GITLAB_BRANCH_ACTION_ID = 'kafka-connect:gitlab:branch';

/**
 * Options for {@link createGitlabBranchAction}.
 *
 * @public
 */
export interface GitlabBranchActionOptions {
  /**
   * The root config; its `integrations.gitlab` entries give the API URL and token of each
   * host. With `scaffolder.requireScmUserCredentials` on, the step needs the user's `token`.
   */
  config: Config;
}

/** The fields of GitLab's branch object that the action reads. */
interface BranchJson {
  name: string;
}

interface ProjectJson {
  default_branch?: string | null;
}

/** What the checkpoint keeps: JSON, so that a resumed task gets it back as it was. */
type BranchResult = { created: boolean; defaultBranch: string };

const refuse = refuseInput;

/**
 * Makes sure a branch exists in a GitLab project, creating it from the project's default
 * branch when it is missing.
 *
 * Run it before Backstage's `gitlab:repo:push`: that action decides between `create` and
 * `update` for each file from the branch's files before it creates a missing branch, so on a
 * branch that is missing while the files are already on the default branch (its merge request
 * was merged and the branch deleted) it sends `create` for files that exist, and GitLab refuses
 * the commit. With the branch there, it compares with the right files.
 *
 * @public
 */
export function createGitlabBranchAction(options: GitlabBranchActionOptions) {
  const gitlab = gitlabProjects(options.config, GITLAB_BRANCH_ACTION_ID);

  return createTemplateAction({
    id: GITLAB_BRANCH_ACTION_ID,
    description:
      "Makes sure a branch exists in a GitLab project, creating it from the project's default branch when it is missing. Run it before gitlab:repo:push, which otherwise commits 'create' actions for files that the new branch already has (after the branch of a merged merge request was deleted) and fails.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: gitlabRepoUrl,
        branch: z =>
          z
            .string()
            .describe(
              "The branch that must exist, e.g. kafka-connect/orders. Created from the project's default branch when missing.",
            ),
        token: gitlabToken,
      },
      output: {
        branch: z => z.string().describe('The branch, as given.'),
        created: z =>
          z
            .boolean()
            .describe(
              'true when this run created the branch (in a dry run: would create it), false when it existed.',
            ),
        defaultBranch: z =>
          z
            .string()
            .describe(
              "The project's default branch, which a missing branch is created from.",
            ),
      },
    },
    async handler(ctx) {
      const { repoUrl, branch } = ctx.input;
      const problem = branchNameProblem(branch);
      if (problem)
        throw refuse(`branch ${problem} (got ${JSON.stringify(branch)})`);
      const { project, projectPath, where, call, find } = gitlab.open(
        { repoUrl, token: ctx.input.token },
        { signal: ctx.signal, about: `branch ${branch}` },
      );

      // https://docs.gitlab.com/api/branches/#get-single-repository-branch ; a 404 is a
      // missing branch (or project: reading the project then says which).
      const readBranch = () =>
        find<BranchJson>({
          method: 'GET',
          path: `${projectPath}/repository/branches/${encodeURIComponent(
            branch,
          )}`,
          purpose: 'read the branch',
        });
      // https://docs.gitlab.com/api/projects/#get-a-single-project
      const readDefaultBranch = async (): Promise<string> => {
        const projectJson = await call<ProjectJson>({
          method: 'GET',
          path: projectPath,
          purpose: 'read the project',
        });
        if (!projectJson.default_branch) {
          throw refuse(
            `${where} has no default branch (is it empty?) to create branch ${branch} from: push a first commit to it`,
          );
        }
        return projectJson.default_branch;
      };

      if (ctx.isDryRun) {
        const exists = (await readBranch()) !== undefined;
        const defaultBranch = await readDefaultBranch();
        ctx.logger.info(
          exists
            ? `Dry run: branch ${branch} of ${where} exists`
            : `Dry run: would create branch ${branch} of ${where} from ${defaultBranch}`,
        );
        outputResult(ctx, branch, { created: !exists, defaultBranch });
        return;
      }

      // A stable key: a task resumed after this step gets the first run's answer back and
      // neither reads nor creates again.
      const result = await ctx.checkpoint<BranchResult>({
        key: `kafka-connect.gitlab.branch.ensure.${project}.${branch}`,
        fn: async () => {
          const exists = (await readBranch()) !== undefined;
          const defaultBranch = await readDefaultBranch();
          if (exists) return { created: false, defaultBranch };
          try {
            // https://docs.gitlab.com/api/branches/#create-repository-branch
            await call<BranchJson>({
              method: 'POST',
              path: `${projectPath}/repository/branches`,
              query: { branch, ref: defaultBranch },
              purpose: `create the branch from ${defaultBranch}`,
            });
          } catch (error) {
            // Created by someone else since it was read ("Branch already exists"): it exists.
            const refused = ['InputError', 'ConflictError'].includes(
              (error as Error).name,
            );
            if (refused && (await readBranch()) !== undefined)
              return { created: false, defaultBranch };
            throw error;
          }
          return { created: true, defaultBranch };
        },
      });

      ctx.logger.info(
        result.created
          ? `Created branch ${branch} of ${where} from ${result.defaultBranch}`
          : `Branch ${branch} of ${where} exists`,
      );
      outputResult(ctx, branch, result);
    },
  });
}

function outputResult(
  ctx: {
    output(
      name: 'branch' | 'created' | 'defaultBranch',
      value: string | boolean,
    ): void;
  },
  branch: string,
  result: BranchResult,
) {
  ctx.output('branch', branch);
  ctx.output('created', result.created);
  ctx.output('defaultBranch', result.defaultBranch);
}
