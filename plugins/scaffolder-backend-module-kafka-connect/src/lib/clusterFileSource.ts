/**
 * Reads one file of the GitOps repository at one branch, wherever the repository lives (a
 * Git remote, GitHub, GitLab), for the ownership check before anything is pushed.
 */
export interface ClusterFileSource {
  /** The repository as messages name it: `github.com/acme/gitops`, a path, a masked URL. */
  repository: string;
  /** The branch changes are merged into; undefined when the repository has none (empty). */
  defaultBranch(): Promise<string | undefined>;
  /**
   * The text of `path` at `branch`; undefined when the branch or the file is missing. A path
   * that is there but is no file, or an answer that cannot be read, fails: the caller must not
   * take it for a new cluster.
   */
  readFile(branch: string, path: string): Promise<string | undefined>;
}
