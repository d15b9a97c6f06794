export interface Config {
  /** The demo backend's own settings, beside those of the scaffolder module. */
  kafkaConnect?: {
    gitops?: {
      /**
       * How often, in seconds, the demo catalog reads `clusters/**\/catalog-info.yaml` on the
       * GitOps repository's default branch (only when `kafkaConnect.gitops.repository` is a
       * bare repository on this machine). Defaults to 5.
       * @visibility backend
       */
      catalogRefreshSeconds?: number;
    };
  };
}
