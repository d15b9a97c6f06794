import { LAYOUTS } from '@connect-skeleton/plugin-kafka-connect-common';
import { parse } from 'yaml';
import { fullValues } from '../fixtures/fullValues';
import { fileOf, skeletonOf } from './renderHelpers';

const LAYOUT_FILES = {
  helm: ['Chart.yaml', 'values.yaml', 'templates/kafka-connect.yaml'],
  kustomize: ['kustomization.yaml', 'kafka-connect.yaml'],
};

/** The same values give byte-identical files, and connect-cluster.yaml renders them again. */
describe.each(LAYOUTS)('the %s layout', layout => {
  const values = fullValues('1.2.0');

  it('renders byte-identical files from the same values', () => {
    const first = skeletonOf(values, layout);
    const second = skeletonOf(structuredClone(values), layout);
    expect(second).toEqual(first);
    for (const file of first) {
      expect(file.content).not.toMatch(/\r/);
      expect(file.content.endsWith('\n')).toBe(true);
    }
  });

  it('renders the same files again from the written connect-cluster.yaml', () => {
    const first = skeletonOf(values, layout);
    const written = parse(fileOf(first, 'connect-cluster.yaml'));
    expect(skeletonOf(written, layout)).toEqual(first);
  });

  it('fills every default into connect-cluster.yaml', () => {
    const files = skeletonOf(
      {
        name: 'tiny',
        namespace: 'kafka',
        owner: 'user:jane',
        kafka: { bootstrapServers: 'k:9092' },
      },
      layout,
    );
    const written = parse(fileOf(files, 'connect-cluster.yaml'));
    expect(written).toMatchObject({
      strimzi: { version: '1.2.0' },
      kafka: { version: '4.3.1' },
      replicas: 1,
      connect: {
        groupId: 'kafka.tiny',
        offsetStorageTopic: 'kafka.tiny.offsets',
        configStorageTopic: 'kafka.tiny.configs',
        statusStorageTopic: 'kafka.tiny.status',
        replicationFactor: -1,
        useConnectorResources: true,
      },
      image: { build: 'dockerfile' },
      metrics: {
        enabled: true,
        type: 'jmxPrometheusExporter',
        podAnnotations: true,
      },
    });
  });

  it('lists the files of the contract', () => {
    const paths = skeletonOf(values, layout).map(f => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'connect-cluster.yaml',
        'Dockerfile',
        'catalog-info.yaml',
        'README.md',
      ]),
    );
    expect(paths).toEqual([...paths].sort());
    expect(paths).toEqual(expect.arrayContaining(LAYOUT_FILES[layout]));
  });
});
