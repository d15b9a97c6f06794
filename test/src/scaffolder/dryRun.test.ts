import { parse } from 'yaml';
import { clusterValues } from './clusterValues';
import { useScaffolderSuite } from './scaffolderSuite';

/** POST /v2/dry-run, as the portal's template editor calls it, with the real template.yaml. */

jest.setTimeout(60_000);

describe('a dry run of the template', () => {
  const suite = useScaffolderSuite();

  it('returns the rendered skeleton as the workspace contents, and pushes nothing', async () => {
    const snapshot = suite.repo.snapshot();
    const { status, body } = await suite.scaffolder.dryRun(clusterValues());

    expect({ status, error: body.error, errors: body.errors }).toEqual({
      status: 200,
      error: undefined,
      errors: undefined,
    });
    const files = new Map(
      (body.directoryContents ?? []).map(f => [
        f.path,
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ]),
    );
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'skeleton/connect-cluster.yaml',
        'skeleton/catalog-info.yaml',
        'skeleton/README.md',
        'skeleton/Dockerfile',
        'skeleton/Chart.yaml',
        'skeleton/values.yaml',
      ]),
    );
    expect([...files.keys()].every(path => path.startsWith('skeleton/'))).toBe(
      true,
    );
    expect(parse(files.get('skeleton/connect-cluster.yaml')!)).toMatchObject({
      name: 'orders-cdc',
      namespace: 'streaming',
    });

    expect(suite.repo.snapshot()).toEqual(snapshot);
    const text = Object.fromEntries(
      (body.output?.text ?? []).map(t => [t.title, t.content]),
    );
    expect(text['How to get it deployed']).toMatch(
      /^Dry run: .*Nothing was pushed/,
    );
  });

  it('honours the layout parameter: kustomize instead of a Helm chart', async () => {
    const { status, body } = await suite.scaffolder.dryRun({
      ...clusterValues(),
      layout: 'kustomize',
    });
    expect(status).toBe(200);
    const paths = (body.directoryContents ?? []).map(f => f.path);
    expect(paths).toContain('skeleton/kustomization.yaml');
    expect(paths).not.toContain('skeleton/Chart.yaml');
  });

  it('reports bad values field by field, as a real run does', async () => {
    const { status, body } = await suite.scaffolder.dryRun(
      clusterValues({
        volumes: [{ name: 'data', mountPath: '/data', emptyDir: {} }],
      }),
    );
    // The step's InputError becomes the response: 400 with the problem lines.
    expect(status).toBe(400);
    expect(body.error?.message.split('\n')).toEqual([
      'The Kafka Connect values have 1 problem:',
      expect.stringMatching(/^volumes\[0\]\.mountPath: must be below \/mnt\//),
    ]);
    expect(body.directoryContents).toBeUndefined();
  });
});
