import { resolve } from 'node:path';
import { REPO_ROOT } from '../paths';
import { stringify } from 'yaml';

/**
 * The demo portal's configuration (app-config.yaml) for a backend alone on `port`: embedded
 * SQLite, guest sign-in, the template and the example organisation in the catalog.
 */
export function backendConfig(port: number, gitopsRepository: string): string {
  return stringify({
    app: { baseUrl: 'http://localhost:3000' },
    backend: {
      baseUrl: `http://localhost:${port}`,
      listen: { port },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
    integrations: {
      github: [{ host: 'github.com' }],
      gitlab: [{ host: 'gitlab.com' }],
    },
    auth: {
      providers: {
        guest: {
          userEntityRef: 'user:default/guest',
          dangerouslyAllowOutsideDevelopment: true,
        },
      },
    },
    catalog: {
      rules: [{ allow: ['Group', 'User', 'Template', 'Location'] }],
      locations: [
        { type: 'file', target: resolve(REPO_ROOT, 'examples/org.yaml') },
        {
          type: 'file',
          target: resolve(
            REPO_ROOT,
            'templates/kafka-connect-cluster/template.yaml',
          ),
        },
      ],
    },
    kafkaConnect: {
      gitops: { repository: gitopsRepository, defaultBranch: 'main' },
    },
    permission: { enabled: true },
  });
}
