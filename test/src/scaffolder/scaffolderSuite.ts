import { BackendFeature } from '@backstage/backend-plugin-api';
import { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { BareRepo } from './bareRepo';
import { CatalogEntity } from './fakeCatalog';
import { ScaffolderBackend, startScaffolderBackend } from './testBackend';

export interface ScaffolderSuiteOptions {
  /** The GitOps repository's first commit (path → content); default: a README. */
  seed?: Record<string, string>;
  /** The catalog's users; default: the backend's default user. */
  users?: CatalogEntity[];
  /** Fake forge handlers; when given, msw intercepts the backend's outgoing HTTP calls. */
  handlers?: HttpHandler[];
  /** More app config, e.g. `kafkaConnect.ownership`. */
  config?: Record<string, unknown>;
  /** More backend features (the day-2 tests add the GitOps repository's URL reader). */
  features?: BackendFeature[];
  /** More templates the catalog serves (template.yaml paths). */
  templatePaths?: string[];
  /** More catalog entities; a function gets the repository's path (for location URLs). */
  entities?: (repository: string) => CatalogEntity[];
}

export interface ScaffolderSuite {
  readonly repo: BareRepo;
  readonly scaffolder: ScaffolderBackend;
  /** Requests to a host other than localhost that no handler answered (`METHOD url`). */
  readonly unhandled: string[];
}

/**
 * Registers the `beforeAll`/`afterAll` hooks of a describe block that runs templates: a fresh
 * bare GitOps repository, the scaffolder backend on it and, with `handlers`, an msw server.
 * The repository and backend exist only once `beforeAll` has run, so the suite hands them out
 * through getters: read `suite.scaffolder` inside a test, not at describe time.
 */
export function useScaffolderSuite(
  options: ScaffolderSuiteOptions = {},
): ScaffolderSuite {
  const server = options.handlers && setupServer(...options.handlers);
  const unhandled: string[] = [];
  let repo: BareRepo | undefined;
  let scaffolder: ScaffolderBackend | undefined;

  beforeAll(async () => {
    server?.listen({
      // The backend's own HTTP calls (to the catalog) go through; anything else is recorded.
      onUnhandledRequest: request => {
        if (new URL(request.url).hostname !== 'localhost')
          unhandled.push(`${request.method} ${request.url}`);
      },
    });
    repo = BareRepo.create(options.seed);
    scaffolder = await startScaffolderBackend({
      repository: repo.path,
      users: options.users,
      config: options.config,
      features: options.features,
      templatePaths: options.templatePaths,
      entities: options.entities?.(repo.path),
    });
  });

  afterAll(async () => {
    await scaffolder?.stop();
    server?.close();
    repo?.remove();
  });

  return {
    get repo() {
      if (!repo)
        throw new Error(
          'no GitOps repository: beforeAll has not run, or failed',
        );
      return repo;
    },
    get scaffolder() {
      if (!scaffolder)
        throw new Error(
          'no scaffolder backend: beforeAll has not run, or failed',
        );
      return scaffolder;
    },
    get unhandled() {
      return unhandled;
    },
  };
}
