import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { runFromRegistry } from './commands';
import { editYaml } from './freshApp';

/**
 * The install steps of the module's README ("Install it into your Backstage"), done to a
 * fresh app as a platform engineer follows them: each command, line and setting is written
 * here as the README writes it, and the test checks that the README still says it
 * (README_SAYS). Step 4 (the app's features in App.tsx) is applied as written and judged by
 * the app's own type check and package discovery (appFrontend.ts): the test starts no frontend.
 */

export const SCOPE = '@connect-skeleton';
export const BACKEND_MODULE = `${SCOPE}/plugin-scaffolder-backend-module-kafka-connect`;
export const FRONTEND_PLUGIN = `${SCOPE}/plugin-kafka-connect`;

export const BACKEND_MODULE_README = join(
  REPO_ROOT,
  'plugins/scaffolder-backend-module-kafka-connect/README.md',
);
export const FRONTEND_PLUGIN_README = join(
  REPO_ROOT,
  'plugins/kafka-connect/README.md',
);

/** Step 1: the scope is let past create-app's age gate (`npmMinimalAgeGate: 3d`). */
export const PREAPPROVED = `${SCOPE}/*`;

/** Step 2, run at the app's root. */
export const ADD_COMMANDS: string[][] = [
  ['yarn', '--cwd', 'packages/backend', 'add', BACKEND_MODULE],
  ['yarn', '--cwd', 'packages/app', 'add', FRONTEND_PLUGIN],
];

/** Step 3: packages/backend/src/index.ts, an import at the top and two lines after the scaffolder. */
const CREATE_BACKEND_IMPORT = `import { createBackend } from '@backstage/backend-defaults';`;
export const BACKEND_IMPORT = `import { kafkaConnectClusterValuesPlugin } from '${BACKEND_MODULE}';`;
const SCAFFOLDER_LINE = `backend.add(import('@backstage/plugin-scaffolder-backend'));`;
export const BACKEND_LINES = [
  `backend.add(import('${BACKEND_MODULE}'));`,
  'backend.add(kafkaConnectClusterValuesPlugin);',
];

/**
 * Step 4: packages/app/src/App.tsx, the README's import after create-app's imports and its
 * `createApp` call in place of create-app's (create-app's features and the two modules).
 */
const CREATE_APP_LAST_IMPORT = `import { homeModule } from './modules/home';`;
const CREATE_APP_CALL = [
  'export default createApp({',
  '  features: [catalogPlugin, navModule, homeModule],',
  '});',
].join('\n');
export const APP_IMPORT = [
  'import {',
  "  kafkaConnectChangeFormModule, // the change template's KafkaConnectClusterChange field",
  '  kafkaConnectEntityPageModule, // the cluster\'s card and "Change this cluster" on its entity page',
  `} from '${FRONTEND_PLUGIN}';`,
].join('\n');
export const APP_CALL = [
  'export default createApp({',
  '  features: [',
  '    catalogPlugin,',
  '    navModule,',
  '    homeModule,',
  '    kafkaConnectChangeFormModule,',
  '    kafkaConnectEntityPageModule,',
  '  ],',
  '});',
].join('\n');

/**
 * The frontend README's optional step, applied too: the opt-in wizard module (no banner of
 * schema messages over a refused page), its import and its line in the features.
 */
export const OPT_IN_IMPORT = `import { kafkaConnectScaffolderFormModule } from '${FRONTEND_PLUGIN}';`;
const OPT_IN_FEATURE = '    kafkaConnectScaffolderFormModule,';
/** The README's createApp call with the optional module in its features: what App.tsx holds. */
export const APP_CALL_WITH_OPT_IN = APP_CALL.replace(
  '\n  ],',
  `\n${OPT_IN_FEATURE}\n  ],`,
);

/** Step 5: the templates' catalog locations, relative to packages/backend (`yarn start`). */
export const TEMPLATES = [
  'kafka-connect-cluster',
  'kafka-connect-change',
  'kafka-connect-adopt',
];
export const templateTarget = (template: string) =>
  `../../node_modules/${BACKEND_MODULE}/templates/${template}/template.yaml`;

/**
 * Step 7: create-app's guest signs in as a user of create-app's own examples/org.yaml, a
 * member of group:default/guests, so that the form's owner picker offers that group.
 */
export const GUEST_USER = 'user:default/guest';
export const GUEST_SIGN_IN = `userEntityRef: ${GUEST_USER}`;

/** What the README must say for the test to be following it (checked by the test). */
export const README_SAYS = [
  `- '${PREAPPROVED}'`,
  ...ADD_COMMANDS.map(command => command.join(' ')),
  BACKEND_IMPORT,
  // The README's formatter wraps the module's line; its parts are these.
  `'${BACKEND_MODULE}'`,
  BACKEND_LINES[1],
  // Code blocks inside a list item are indented: the test compares lines without it.
  APP_IMPORT,
  APP_CALL,
  ...TEMPLATES.map(template => `target: ${templateTarget(template)}`),
  'initializeEmptyRepository: true',
  'anyOwnerFor',
  GUEST_SIGN_IN,
  // The two fixes the test applies to every fresh app (freshApp.applyMachineFixes).
  '"@backstage/backend-defaults": "^0.19.0"',
  '"better-sqlite3": "^13.0.0"',
];

/** What the frontend plugin's README must say of its optional wizard module. */
export const FRONTEND_README_SAYS = [OPT_IN_IMPORT, OPT_IN_FEATURE];

/** Step 1. */
export function preapproveScope(appDir: string) {
  editYaml(join(appDir, '.yarnrc.yml'), doc => {
    doc.addIn(['npmPreapprovedPackages'], PREAPPROVED);
  });
}

/** Step 2: the figure `npm run bench` reports as the packages' install time. */
export async function addPackages(appDir: string, logFile: string) {
  for (const [command, ...args] of ADD_COMMANDS) {
    await runFromRegistry(command, args, {
      cwd: appDir,
      logFile,
      // Yarn 4.13's `add` crashes in its HTTP retry path on this machine ("The `onCancel`
      // handler was attached after the promise settled"), for any package, ours or not;
      // without retries it goes through. Not a step of the README: a fact of this machine.
      env: { YARN_HTTP_RETRY: '0' },
    });
  }
}

/** Step 3. */
export function registerBackendModule(appDir: string) {
  const file = join(appDir, 'packages/backend/src/index.ts');
  const source = readFileSync(file, 'utf8');
  for (const anchor of [CREATE_BACKEND_IMPORT, SCAFFOLDER_LINE]) {
    if (!source.includes(anchor)) {
      throw new Error(
        `${file} has no "${anchor}" to add the module's lines at`,
      );
    }
  }
  writeFileSync(
    file,
    source
      .replace(
        CREATE_BACKEND_IMPORT,
        `${CREATE_BACKEND_IMPORT}\n${BACKEND_IMPORT}`,
      )
      .replace(SCAFFOLDER_LINE, [SCAFFOLDER_LINE, ...BACKEND_LINES].join('\n')),
  );
}

/** Step 4, and the frontend README's optional wizard module. */
export function addAppFeatures(appDir: string) {
  const file = join(appDir, 'packages/app/src/App.tsx');
  const source = readFileSync(file, 'utf8');
  for (const anchor of [CREATE_APP_LAST_IMPORT, CREATE_APP_CALL]) {
    if (!source.includes(anchor)) {
      throw new Error(`${file} has no "${anchor}" to add the modules at`);
    }
  }
  writeFileSync(
    file,
    source
      .replace(
        CREATE_APP_LAST_IMPORT,
        `${CREATE_APP_LAST_IMPORT}\n${APP_IMPORT}\n${OPT_IN_IMPORT}`,
      )
      .replace(CREATE_APP_CALL, APP_CALL_WITH_OPT_IN),
  );
}

/**
 * Steps 5 to 8 in the app's app-config.yaml: the templates' locations, the GitOps repository
 * (an empty one is given its first commit by the module), the guest signed in as create-app's
 * catalog user (step 7), and who may create clusters for any owner (the seed's owner is a
 * group a fresh app does not have).
 */
export function configureApp(
  appDir: string,
  settings: { gitopsRepository: string; anyOwnerFor: string[] },
) {
  editYaml(join(appDir, 'app-config.yaml'), doc => {
    for (const template of TEMPLATES) {
      doc.addIn(
        ['catalog', 'locations'],
        doc.createNode({
          type: 'file',
          target: templateTarget(template),
          rules: [{ allow: ['Template'] }],
        }),
      );
    }
    doc.setIn(['auth', 'providers', 'guest', 'userEntityRef'], GUEST_USER);
    doc.setIn(
      ['kafkaConnect'],
      doc.createNode({
        gitops: {
          repository: settings.gitopsRepository,
          defaultBranch: 'main',
          initializeEmptyRepository: true,
        },
        ownership: { anyOwnerFor: settings.anyOwnerFor },
      }),
    );
  });
}
