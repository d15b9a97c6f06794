/**
 * Reads the GitOps repository at one branch, wherever the repository lives (a Git remote,
 * GitHub, GitLab): one file, for the ownership check before anything is pushed, and the files
 * of a folder, to know what a change still pending on its branch holds.
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
  /**
   * The files below `folder` at `branch`, each as its path relative to the folder and its Git
   * blob id (which says whether two files hold the same bytes); undefined when the branch is
   * missing or holds nothing below the folder.
   */
  listFolder(
    branch: string,
    folder: string,
  ): Promise<Map<string, string> | undefined>;
}
