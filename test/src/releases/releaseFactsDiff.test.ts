import {
  RELEASE_FACTS,
  ReleaseFacts,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { compareSemver } from '../strimzi/strimziDir';
import { FolderFacts, releaseFactsDiff } from './releaseFactsDiff';

/** The release-facts check on its own: made-up folders, so each difference is known. */

/** The folder a facts entry describes, as folderFacts.ts would read it. */
function folderOf(facts: ReleaseFacts): FolderFacts {
  const apis = Object.entries(facts.apis).map(([api, apiFacts]) => [
    api,
    {
      authenticationTypes: [...apiFacts!.authenticationTypes],
      volumeTypes: [...facts.volumeTypes],
      metricsTypes: [...facts.metricsTypes],
      buildOptionsFields: [facts.buildOptions.field],
      sizeLimitAsObject: facts.sizeLimitAsObject,
    },
  ]);
  return {
    version: facts.version,
    apis: Object.fromEntries(apis),
    connectorApis: apis.map(([api]) => api as string),
    kafkaVersions: [...facts.kafkaVersions],
    defaultKafkaVersions: [facts.defaultKafkaVersion],
  };
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

const diff = (code: readonly ReleaseFacts[], folders: FolderFacts[]) =>
  releaseFactsDiff(code, folders, compareSemver);

const byVersion = (facts: ReleaseFacts[], version: string) =>
  facts.find(f => f.version === version)!;

describe('releaseFactsDiff', () => {
  const folders = RELEASE_FACTS.map(folderOf);

  it('finds nothing when the folders say what the facts say', () => {
    expect(diff(RELEASE_FACTS, folders)).toEqual([]);
  });

  it('names each changed fact: Kafka versions, default, authentication, volume, metrics, build options, size limit', () => {
    const code = copy(RELEASE_FACTS) as ReleaseFacts[];
    Object.assign(byVersion(code, '1.1.0'), {
      defaultKafkaVersion: '4.3.1',
      kafkaVersions: ['4.2.0', '4.2.1', '4.3.0', '4.3.1'],
    });
    const v050 = byVersion(code, '0.50.0') as any;
    v050.apis.v1beta2.authenticationTypes = ['tls', 'oauth', 'custom'];
    v050.buildOptions = {
      ...v050.buildOptions,
      field: 'additionalKanikoOptions',
    };
    Object.assign(byVersion(code, '0.46.0'), {
      volumeTypes: ['secret', 'configMap', 'emptyDir', 'image'],
      metricsTypes: ['jmxPrometheusExporter', 'strimziMetricsReporter'],
      sizeLimitAsObject: false,
    });
    expect(diff(code, folders)).toEqual([
      '0.46.0: volume types (spec.template.pod.volumes): in the folder, not in the code: persistentVolumeClaim, csi; in the code, not in the folder: image',
      '0.46.0: metrics types (spec.metricsConfig.type, less what a CEL rule refuses): in the code, not in the folder: strimziMetricsReporter',
      "0.46.0: sizeLimitAsObject is false in the code, but the CRD's emptyDir.sizeLimit is an object",
      '0.50.0 v1beta2: authentication types (spec.authentication.type): in the folder, not in the code: scram-sha-256, scram-sha-512, plain',
      '0.50.0 v1beta2: buildOptions.field additionalKanikoOptions is not in spec.build.output, which has additionalBuildOptions',
      '0.50.0 v1: buildOptions.field additionalKanikoOptions is not in spec.build.output, which has additionalBuildOptions',
      '1.1.0: Kafka versions (kafka-versions.yaml, supported: true): in the code, not in the folder: 4.3.1',
      '1.1.0: default Kafka version is 4.3.1 in the code, 4.3.0 in kafka-versions.yaml (default: true)',
    ]);
  });

  it('names a change of the served API versions, in either CRD, and a default API the entry does not serve', () => {
    const code = copy(RELEASE_FACTS) as ReleaseFacts[];
    const v048 = byVersion(code, '0.48.0') as any;
    v048.defaultApi = 'v1';
    const changed = copy(folders);
    const f048 = changed.find(f => f.version === '0.48.0')!;
    f048.apis.v1 = f048.apis.v1beta2;
    const f051 = changed.find(f => f.version === '0.51.0')!;
    f051.connectorApis = ['v1'];
    expect(diff(code, changed)).toEqual([
      '0.48.0: served API versions (KafkaConnect CRD): in the folder, not in the code: v1',
      '0.48.0: defaultApi v1 is not among the API versions of its own entry (v1beta2)',
      '0.51.0: served API versions (KafkaConnector CRD): in the code, not in the folder: v1beta2',
    ]);
  });

  it('labels a fact with the API version when the two APIs of a release disagree on it', () => {
    const changed = copy(folders);
    changed.find(f => f.version === '0.49.0')!.apis.v1.volumeTypes.pop();
    expect(diff(RELEASE_FACTS, changed)).toEqual([
      '0.49.0 v1: volume types (spec.template.pod.volumes): in the code, not in the folder: image',
    ]);
  });

  it('lists the entry to write for a new release folder, and names an entry with no folder', () => {
    const next: FolderFacts = {
      ...copy(folders[folders.length - 1]),
      version: '1.3.0',
      kafkaVersions: ['4.3.0', '4.3.1', '4.4.0'],
      defaultKafkaVersions: ['4.4.0'],
    };
    const withNext = [...folders.filter(f => f.version !== '0.45.0'), next];
    const differences = diff(RELEASE_FACTS, withNext);
    expect(differences).toEqual([
      expect.stringMatching(
        /^1\.3\.0: a release folder with no facts entry; add to RELEASE_FACTS: \{"version":"1\.3\.0","apis":\{"v1":\{"authenticationTypes":\["tls","scram-sha-256","scram-sha-512","plain","custom"\]\}\},"defaultApi":"v1","kafkaVersions":\["4\.3\.0","4\.3\.1","4\.4\.0"\],"defaultKafkaVersion":"4\.4\.0",/,
      ),
      '0.45.0: a facts entry with no release folder (no CRDs judge it)',
    ]);
    const entry = JSON.parse(differences[0].replace(/^[^{]*/, ''));
    // What the suggestion says is exactly what the check then accepts.
    expect(diff([...RELEASE_FACTS, entry], [...folders, next])).toEqual([]);
  });

  it('suggests v1beta2 as the default API of a release that serves both', () => {
    const both = { ...copy(byVersion([...RELEASE_FACTS], '0.50.0')) };
    const folder = { ...folderOf(both), version: '0.52.0' };
    const [line] = diff(RELEASE_FACTS, [...folders, folder]);
    const entry = JSON.parse(line.replace(/^[^{]*/, ''));
    expect(entry.defaultApi).toBe('v1beta2');
    expect(Object.keys(entry.apis).sort()).toEqual(['v1', 'v1beta2']);
    expect(entry.buildOptions).toEqual({ field: 'additionalBuildOptions' });
  });

  it('wants the facts oldest first, each release once', () => {
    const code = [...RELEASE_FACTS];
    [code[5], code[6]] = [code[6], code[5]];
    expect(diff(code, folders)).toEqual([
      'the facts must be oldest first, each release once: 0.50.0 follows 0.51.0',
    ]);
  });
});
