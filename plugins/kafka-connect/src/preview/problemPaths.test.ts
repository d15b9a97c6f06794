import { formatPath } from '@connect-skeleton/plugin-kafka-connect-common';
import { parsePath } from './problemPaths';
import { fieldInWords } from './plainWords';
import { computePreview } from './computePreview';

describe('problem paths', () => {
  it.each([
    [['volumes', 0, 'mountPath']],
    [['connect', 'config', 'ssl.protocol']],
    [['labels', 'strimzi.io/cluster']],
    [['plugins', 1, 'artifacts', 12, 'sha512sum']],
    [['connectors', 0, 'config', 'a "quoted" [key]']],
  ])('reads back what formatPath wrote: %j', segments => {
    expect(parsePath(formatPath(segments))).toEqual(segments);
  });

  it('puts a path in words, with list entries by position and name', () => {
    expect(
      fieldInWords(['volumes', 1, 'mountPath'], {
        volumes: [{ name: 'a' }, { name: 'data' }],
      }),
    ).toBe('Volume 2 ("data") › mount path');
    expect(fieldInWords(['image', 'pushSecret'], {})).toBe(
      'Image › push secret',
    );
  });
});

describe('computePreview', () => {
  it('renders with stand-ins while only the required fields are missing', () => {
    const preview = computePreview({ replicas: 2 });
    expect(preview.placeholders).toEqual([
      'name',
      'namespace',
      'owner',
      'kafka.bootstrapServers',
    ]);
    expect(preview.files?.map(f => f.path)).toContain('catalog-info.yaml');
    expect(preview.problems.map(p => p.path)).toEqual([
      'name',
      'namespace',
      'owner',
      'kafka',
    ]);
  });

  it('renders no files while another problem is left, as the render step refuses', () => {
    const preview = computePreview({ replicas: -1 });
    expect(preview.files).toBeUndefined();
    expect(preview.problems.map(p => p.path)).toContain('replicas');
  });

  it('leaves out what the template does not pass to the render step', () => {
    const preview = computePreview({
      name: 'orders',
      namespace: 'data',
      owner: 'group:default/data',
      kafka: { bootstrapServers: 'kafka:9092' },
      layout: 'kustomize',
      destination: { type: 'local' },
    });
    expect(preview.problems).toEqual([]);
    expect(preview.files?.map(f => f.path)).toContain('kustomization.yaml');
  });
});
