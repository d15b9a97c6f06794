import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { run } from './commands';
import { editYaml } from './freshApp';

/**
 * The install steps of the packages' READMEs, done to a fresh app exactly as a platform
 * engineer follows them: each command and each line to add is written here as the README
 * writes it, and the test checks that the README still says it (README_SAYS).
 */

export const SCOPE = '@connect-skeleton';
export const BACKEND_MODULE = `${SCOPE}/plugin-scaffolder-backend-module-kafka-connect`;
export const FRONTEND_PLUGIN = `${SCOPE}/plugin-kafka-connect`;

export const BACKEND_MODULE_README = join(
  REPO_ROOT,
  'plugins/scaffolder-backend-module-kafka-connect/README.md',
);

/** The commands, in the order the README gives them, run in the app's root folder. */
export const ADD_COMMANDS: string[][] = [
  ['yarn', '--cwd', 'packages/backend', 'add', BACKEND_MODULE],
  ['yarn', '--cwd', 'packages/app', 'add', FRONTEND_PLUGIN],
];

/** The line the README adds to packages/backend/src/index.ts, after the scaffolder's. */
export const BACKEND_LINE = `backend.add(import('${BACKEND_MODULE}'));`;
const SCAFFOLDER_LINE = `backend.add(import('@backstage/plugin-scaffolder-backend'));`;

/** What the README must say for the test to be following it (checked by the test). */
export const README_SAYS = [
  `yarn --cwd packages/backend add ${BACKEND_MODULE}`,
  BACKEND_LINE,
  'anyOwnerFor',
];

/** `yarn add` of the packages: the figure `npm run bench` reports as the install time. */
export async function addPackages(appDir: string, logFile: string) {
  for (const [command, ...args] of ADD_COMMANDS) {
    await run(command, args, {
      cwd: appDir,
      logFile,
      // Yarn 4.13's `add` crashes in its HTTP retry path on this machine ("The `onCancel`
      // handler was attached after the promise settled"), for any package, ours or not;
      // without retries it goes through. Not a step of the README: a fact of this machine.
      env: { YARN_HTTP_RETRY: '0' },
    });
  }
}

/** Registers the module in the backend, as the README's one line does. */
export function registerBackendModule(appDir: string) {
  const file = join(appDir, 'packages/backend/src/index.ts');
  const source = readFileSync(file, 'utf8');
  if (!source.includes(SCAFFOLDER_LINE)) {
    throw new Error(
      `${file} has no "${SCAFFOLDER_LINE}" to add the module after`,
    );
  }
  writeFileSync(
    file,
    source.replace(SCAFFOLDER_LINE, `${SCAFFOLDER_LINE}\n${BACKEND_LINE}`),
  );
}

/**
 * The template's catalog location, relative to the backend's folder as Backstage resolves
 * `file` targets: inside the installed module when the package ships the template, else the
 * repository's own copy (the templates are not in a package yet).
 */
export function templateTarget(appDir: string): string {
  const shipped = join(
    appDir,
    'node_modules',
    BACKEND_MODULE,
    'templates/kafka-connect-cluster/template.yaml',
  );
  const target = existsSync(shipped)
    ? shipped
    : join(REPO_ROOT, 'templates/kafka-connect-cluster/template.yaml');
  return relative(join(appDir, 'packages/backend'), target);
}

/**
 * The README's configuration, in the app's app-config.yaml: the GitOps repository, who may
 * create clusters for any owner (a fresh app's guest, `user:development/guest`, is in no
 * group), and the template's location.
 */
export function configureApp(
  appDir: string,
  settings: { gitopsRepository: string; anyOwnerFor: string[] },
) {
  editYaml(join(appDir, 'app-config.yaml'), doc => {
    doc.setIn(
      ['kafkaConnect'],
      doc.createNode({
        gitops: { repository: settings.gitopsRepository },
        ownership: { anyOwnerFor: settings.anyOwnerFor },
      }),
    );
    doc.addIn(
      ['catalog', 'locations'],
      doc.createNode({
        type: 'file',
        target: templateTarget(appDir),
        rules: [{ allow: ['Template'] }],
      }),
    );
  });
}
