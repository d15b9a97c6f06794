export interface Config {
  /** Settings of the Kafka Connect scaffolder actions. */
  kafkaConnect?: {
    /** The GitOps repository that `kafka-connect:git:push-branch` pushes branches to. */
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
    };
    /** Who may create clusters for which owner. */
    ownership?: {
      /**
       * Users and groups (entity refs, e.g. `group:default/platform`) whose direct members
       * may create clusters for any owner. Everyone else may only name themselves or one of
       * their own groups as the owner.
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
  };
}
