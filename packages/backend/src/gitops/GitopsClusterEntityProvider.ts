/*
 * The demo's stand-in for GitHub/GitLab discovery: clusters merged into the GitOps
 * repository's default branch appear in the catalog, and clusters removed from it
 * disappear, because every refresh replaces the provider's entities as a whole.
 */
import {
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { clusterFilesToEntities } from './clusterEntities';
import { readClusterCatalogFiles } from './readClusterCatalogFiles';

export interface GitopsClusterEntityProviderOptions {
  /** Absolute path of the bare repository. */
  repository: string;
  /** The branch whose content counts as merged. */
  branch: string;
  logger: LoggerService;
  /** Runs the refresh periodically; left out in tests, which call refresh() directly. */
  taskRunner?: SchedulerServiceTaskRunner;
}

export class GitopsClusterEntityProvider implements EntityProvider {
  private readonly options: GitopsClusterEntityProviderOptions;
  private connection?: EntityProviderConnection;
  // The commit last applied: an unchanged branch needs no new mutation.
  private appliedCommit?: string | null;
  // The last failure reported, so a lasting problem is logged once and not every run.
  private reportedError?: string;

  constructor(options: GitopsClusterEntityProviderOptions) {
    this.options = options;
  }

  getProviderName(): string {
    return 'kafka-connect-gitops-clusters';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.options.taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async () => {
        try {
          await this.refresh();
          this.reportedError = undefined;
        } catch (error) {
          // The previous entities stay in place; the next run tries again.
          const message = `Could not read clusters from ${this.options.repository}: ${error}`;
          if (message !== this.reportedError) {
            this.options.logger.warn(message);
            this.reportedError = message;
          }
        }
      },
    });
  }

  /** Reads the branch and applies its clusters as a full mutation. */
  async refresh(): Promise<void> {
    if (!this.connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const { repository, branch, logger } = this.options;
    const snapshot = await readClusterCatalogFiles(repository, branch);
    const commit = snapshot.commit ?? null;
    if (commit === this.appliedCommit) {
      return;
    }

    const entities = clusterFilesToEntities(snapshot.files, repository, logger);
    await this.connection.applyMutation({ type: 'full', entities });
    this.appliedCommit = commit;
    const at = snapshot.commit ? ` at ${snapshot.commit.slice(0, 12)}` : '';
    logger.info(
      `Applied ${entities.length} entities from ${snapshot.files.length} catalog files on ${branch}${at}`,
    );
  }
}
