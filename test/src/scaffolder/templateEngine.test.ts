import { parse } from 'yaml';
import { clusterValues, ORDERS_BRANCH, ORDERS_FOLDER } from './clusterValues';
import { useScaffolderSuite } from './scaffolderSuite';

/**
 * What a user types is data to the scaffolder's template engine: the template passes each
 * value with `${{ parameters.x }}` once, and nothing renders the result again. If it did, a
 * value holding `${{ secrets.accessToken }}` would copy the task's secret into the repository,
 * and `{{ ... }}` would be evaluated. The real backend runs the real template here, with a
 * secret in the task, and the values come back out of the repository as typed.
 */

const SECRET = 'ghp_secretThatMustStayInTheTask000000000';
const TYPED = {
  description:
    'Orders ${{ secrets.accessToken }} {{ 7 * 7 }} ${{ parameters.name }} $(id) `id` # not a comment --- \'"',
  env: '{{ .Values.x }} ${{ secrets.accessToken }} {% raw %}',
  connector: '${{ steps.render.output.summary }}',
};

jest.setTimeout(60_000);

describe('values and the template engine', () => {
  const suite = useScaffolderSuite();

  it('carries template expressions typed into the form into the files literally', async () => {
    const base = clusterValues();
    const [connector] = base.connectors as Record<string, any>[];
    const result = await suite.scaffolder.run(
      clusterValues({
        description: TYPED.description,
        env: [{ name: 'GREETING', value: TYPED.env }],
        connectors: [
          {
            ...connector,
            config: { ...connector.config, 'message.prefix': TYPED.connector },
          },
        ],
      }),
      { secrets: { accessToken: SECRET } },
    );
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });

    const files = new Map(
      [...suite.repo.contents(ORDERS_BRANCH)].filter(([path]) =>
        path.startsWith(`${ORDERS_FOLDER}/`),
      ),
    );
    const values = parse(files.get(`${ORDERS_FOLDER}/connect-cluster.yaml`)!);
    expect(values.description).toBe(TYPED.description);
    expect(values.env).toEqual([{ name: 'GREETING', value: TYPED.env }]);
    expect(values.connectors[0].config['message.prefix']).toBe(TYPED.connector);

    const catalogInfo = parse(files.get(`${ORDERS_FOLDER}/catalog-info.yaml`)!);
    expect(catalogInfo.metadata.description).toBe(TYPED.description);

    // Helm renders only the chart's fixed templates: the typed text is in values.yaml, as data.
    const chartValues = files.get(`${ORDERS_FOLDER}/values.yaml`)!;
    expect(JSON.stringify(parse(chartValues))).toContain(
      JSON.stringify(TYPED.env),
    );
    const findings = [...files].flatMap(([path, content]) => [
      ...(path.includes('/templates/') && content.includes('${{')
        ? [`${path}: typed text in a chart template`]
        : []),
      ...(content.includes(SECRET) ? [`${path}: the task's secret`] : []),
    ]);
    expect(findings).toEqual([]);
    expect(JSON.stringify(result.events)).not.toContain(SECRET);
  });
});
