export interface Config {
  /** Settings of the Kafka Connect scaffolder actions and the module's backend plugin. */
  kafkaConnect?: {
    /**
     * The GitOps repository that `kafka-connect:git:push-branch` pushes branches to, that
     * `kafka-connect:check-ownership` reads for the `local` destination, and that
     * `gitopsUrlReaderServiceFactory` reads `file://` locations from.
     */
    gitops?: {
      /**
       * The repository: a path to a bare repository on the backend's machine (a relative
       * path is resolved against the backend's working directory), or a URL the backend's
       * `git` can push to (`https://…`, `ssh://…`, `git@host:org/repo.git`). Templates cannot
       * choose it. Keep credentials out of the file: use `${ENV_VAR}` substitution.
       * @visibility backend
       */
      repository?: string;
      /**
       * The branch that new branches start from, that the guard reads, and that branches are
       * merged into. Defaults to `main`.
       * @visibility backend
       */
      defaultBranch?: string;
      /**
       * When true, an EMPTY repository (no branch at all) gets a first commit on the default
       * branch (a README and a .gitignore) from the first push. A repository with other
       * branches is never touched this way. Defaults to false: an empty repository fails the
       * push step with a message saying so.
       * @visibility backend
       */
      initializeEmptyRepository?: boolean;
    };
    /** Who may create clusters for which owner. */
    ownership?: {
      /**
       * Users and groups (entity refs, e.g. `group:default/platform`) whose direct members
       * may create, change and move clusters for any owner. Everyone else may only name
       * themselves or one of their own catalog groups as the owner, and change only clusters
       * such an owner owns.
       * @visibility backend
       */
      anyOwnerFor?: string[];
    };
    /** Who may run the Kafka Connect templates (docs/permissions-and-audit.md). */
    permissions?: {
      /**
       * Groups (or users), as entity refs such as `group:default/data-platform`, whose
       * direct members may see and run the Kafka Connect templates (`spec.type:
       * kafka-connect-cluster`) and execute this module's actions. Read by
       * `readTemplateGroups` for a permission policy that calls
       * `kafkaConnectPermissionDecision`; absent: no restriction.
       * @visibility backend
       */
      templateGroups?: string[];
    };
    /**
     * The platform's policy that `kafka-connect:render` checks the values against, after their
     * own checks and before anything is written (docs/policy.md). Give one of the two.
     */
    policy?: {
      /**
       * The policy document itself (`apiVersion: connect-skeleton/policy/v1`,
       * `kind: KafkaConnectPolicy`, ...), checked when the backend starts.
       * @visibility backend
       */
      inline?: { [key: string]: unknown };
      /**
       * The path of the policy file in the GitOps repository (`kafkaConnect.gitops.repository`),
       * read from its default branch at every render, e.g. `policy/kafka-connect-policy.yaml`.
       * A missing or broken file fails the render.
       * @visibility backend
       */
      gitopsPath?: string;
    };
  };
}
