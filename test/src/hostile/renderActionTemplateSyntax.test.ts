import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { createKafkaConnectRenderAction } from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';
import { parse } from 'yaml';
import { fullValues } from '../fixtures/fullValues';

/**
 * The scaffolder runs kafka-connect:render inside a template whose own syntax is
 * `${{ ... }}` (Nunjucks), next to Helm's `{{ ... }}`. The action writes the renderer's
 * files as they are: template syntax in the values reaches the workspace as literal data,
 * and the Helm templates are the fixed ones.
 */

const BACKSTAGE = '${{ parameters.name }}';
const HELM = '{{ .Values.x }}';
const NUNJUCKS_BLOCK = '{% raw %}{{ secrets.token }}{% endraw %}';

describe('the render action and template syntax in the values', () => {
  let workspace: string;

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'template-engine-'));
  });

  afterEach(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('writes ${{ }}, {{ }} and {% %} into the workspace unchanged', async () => {
    const values = fullValues('1.2.0');
    // The action lets a signed-in user give the cluster only to themselves or their groups.
    values.owner = 'user:default/jane';
    values.description = BACKSTAGE;
    (values.connectors as { config: Record<string, unknown> }[])[1].config[
      'transforms.note'
    ] = HELM;
    (values.connect as { config: Record<string, unknown> }).config[
      'client.note'
    ] = NUNJUCKS_BLOCK;
    const action = createKafkaConnectRenderAction();
    const outputs: Record<string, unknown> = {};
    const ctx = {
      input: { values, layout: 'helm' },
      workspacePath: workspace,
      logger: mockServices.logger.mock(),
      isDryRun: false,
      user: { ref: 'user:default/jane' },
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
      checkpoint: async (opts: { fn: () => unknown }) => opts.fn(),
      createTemporaryDirectory: async () =>
        fs.mkdtempSync(path.join(workspace, 'tmp-')),
    } as unknown as Parameters<typeof action.handler>[0];
    await action.handler(ctx);

    const read = (file: string) =>
      fs.readFileSync(path.join(workspace, file), 'utf8');
    const written = parse(read('connect-cluster.yaml'));
    expect(written.description).toBe(BACKSTAGE);
    expect(written.connectors[1].config['transforms.note']).toBe(HELM);
    expect(written.connect.config['client.note']).toBe(NUNJUCKS_BLOCK);
    expect(parse(read('catalog-info.yaml')).metadata.description).toBe(
      BACKSTAGE,
    );
    const objects = parse(read('values.yaml')).objects;
    expect(
      objects['kafka-connector-orders-audit'].spec.config['transforms.note'],
    ).toBe(HELM);
    expect(objects['kafka-connect'].spec.config['client.note']).toBe(
      NUNJUCKS_BLOCK,
    );
    const templates = fs.readdirSync(path.join(workspace, 'templates'));
    expect(templates.length).toBeGreaterThan(0);
    for (const template of templates) {
      const text = read(`templates/${template}`);
      expect(text).not.toContain('.Values.x');
      expect(text).toMatch(
        /^\{\{- with index \.Values\.objects "[a-z0-9-]+" \}\}\n\{\{ toYaml \. \}\}\n\{\{- end \}\}\n$/,
      );
    }
    expect(outputs.files).toEqual(expect.arrayContaining(['values.yaml']));
  });
});
