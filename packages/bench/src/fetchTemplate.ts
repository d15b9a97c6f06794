import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { createKafkaConnectRenderAction } from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actionContext } from './actionContext';
import { NUNJUCKS_DIR } from './paths';
import { median } from './stats';
import { sampleAsync } from './timing';
import { benchValues } from './values';

/**
 * The same skeleton made twice through the scaffolder's action interface: by our
 * kafka-connect:render (checks + typed render + write) and by Backstage's own fetch:template
 * on a Nunjucks skeleton that writes the same files from the same values (nunjucks/skeleton).
 * Each run gets a fresh workspace; removing it is not timed.
 */

/** fetch:template resolves `./skeleton` against the folder of this (never read) file. */
const TEMPLATE_URL = `file://${join(NUNJUCKS_DIR, 'template.yaml')}`;

/** The skeleton is local (file: URL), so nothing may be fetched over a reader. */
const noReader: UrlReaderService = {
  readUrl: () => Promise.reject(new Error('the bench reads no URL')),
  readTree: () => Promise.reject(new Error('the bench reads no URL')),
  search: () => Promise.reject(new Error('the bench reads no URL')),
};

export interface ActionFigures {
  renderActionMedianMs: number;
  fetchTemplateMedianMs: number;
}

type Action = ReturnType<typeof createKafkaConnectRenderAction>;

export async function compareWithFetchTemplate(
  runs: number,
  warmup: number,
): Promise<ActionFigures> {
  const root = await mkdtemp(join(tmpdir(), 'kafka-connect-bench-'));
  try {
    const values = benchValues();
    const fetchTemplate = createFetchTemplateAction({
      reader: noReader,
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    }) as unknown as Action;
    const render = createKafkaConnectRenderAction();

    const context = (input: object, workspacePath: string) =>
      actionContext({
        input: input as never,
        workspacePath,
        tempRoot: root,
        templateUrl: TEMPLATE_URL,
      }) as never;
    const runOnce = async (action: Action, input: object) => {
      const workspacePath = await mkdtemp(join(root, 'workspace-'));
      await action.handler(context(input, workspacePath));
      return workspacePath;
    };
    const timed = async (action: Action, input: object) => {
      // Workspaces are made before and removed after: only the action is timed.
      const workspaces = await Promise.all(
        Array.from({ length: runs + warmup }, () =>
          mkdtemp(join(root, 'workspace-')),
        ),
      );
      const durations = await sampleAsync(runs, warmup, i =>
        action.handler(context(input, workspaces[i < 0 ? runs - 1 - i : i])),
      );
      await Promise.all(workspaces.map(w => rm(w, { recursive: true })));
      return durations;
    };

    // Only *.njk files are templates (suffix dropped): the repository's formatter skips them.
    const fetchInput = {
      url: './skeleton',
      values,
      templateFileExtension: true,
    };
    await checkEquivalent(
      await runOnce(fetchTemplate, fetchInput),
      await runOnce(render, { values }),
    );
    // Alternate the two so that a change of machine load hits both alike.
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let round = 0; round < 4; round++) {
      ours.push(...(await timed(render, { values })));
      theirs.push(...(await timed(fetchTemplate, fetchInput)));
    }
    return {
      renderActionMedianMs: median(ours),
      fetchTemplateMedianMs: median(theirs),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * Stops the bench if the Nunjucks skeleton stopped making what the renderer makes: the
 * same Kubernetes objects (by key and kind) in values.yaml, and the same top-level files.
 */
async function checkEquivalent(nunjucks: string, ours: string) {
  const objects = async (dir: string) => {
    const parsed = parse(await readFile(join(dir, 'values.yaml'), 'utf8'));
    return Object.entries(parsed.objects as Record<string, { kind: string }>)
      .map(([key, object]) => `${key}:${object.kind}`)
      .sort()
      .join(', ');
  };
  const [theirs, mine] = await Promise.all([objects(nunjucks), objects(ours)]);
  if (theirs !== mine) {
    throw new Error(
      `the Nunjucks skeleton renders other objects than kafka-connect:render:\n  nunjucks: ${theirs}\n  render:   ${mine}`,
    );
  }
  for (const file of [
    'Chart.yaml',
    'catalog-info.yaml',
    'connect-cluster.yaml',
  ]) {
    parse(await readFile(join(nunjucks, file), 'utf8'));
  }
}
