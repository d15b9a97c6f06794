import {
  RELEASE_FACTS,
  ReleaseFacts,
} from '@connect-skeleton/plugin-kafka-connect-common';
import {
  compareSemver,
  describeWithStrimzi,
  strimziDir,
  strimziReleases,
} from '../strimzi/strimziDir';
import { readFolderFacts } from './folderFacts';
import { releaseFactsDiff } from './releaseFactsDiff';

/**
 * The release-facts check over the real Strimzi reference data: every release folder
 * against RELEASE_FACTS. Adding a release is a folder, this test's list of what to
 * write, and one facts entry.
 */
describeWithStrimzi(
  'the release facts against every Strimzi release folder',
  () => {
    const folders = strimziReleases().map(version =>
      readFolderFacts(strimziDir(), version),
    );

    it('reads the ten releases from 0.45.0 to 1.2.0', () => {
      expect(folders.map(f => f.version)).toEqual([
        '0.45.0',
        '0.46.0',
        '0.47.0',
        '0.48.0',
        '0.49.0',
        '0.50.0',
        '0.51.0',
        '1.0.0',
        '1.1.0',
        '1.2.0',
      ]);
    });

    it('finds no difference between the code and the folders', () => {
      expect(releaseFactsDiff(RELEASE_FACTS, folders, compareSemver)).toEqual(
        [],
      );
    });

    it('reads what the code could get wrong: both APIs on 0.49.0 to 0.51.0, a CEL-refused metrics type on 0.47.0', () => {
      const served = Object.fromEntries(
        folders.map(f => [f.version, Object.keys(f.apis)]),
      );
      expect(served['0.48.0']).toEqual(['v1beta2']);
      expect(served['0.50.0']).toEqual(['v1beta2', 'v1']);
      expect(served['1.1.0']).toEqual(['v1']);
      const v047 = folders.find(f => f.version === '0.47.0')!;
      expect(v047.apis.v1beta2.metricsTypes).toEqual(['jmxPrometheusExporter']);
      const v050 = folders.find(f => f.version === '0.50.0')!;
      expect(v050.apis.v1beta2.authenticationTypes).toContain('oauth');
      expect(v050.apis.v1.authenticationTypes).not.toContain('oauth');
    });

    it('fails with a clear list when facts are changed, dropped or a release is missing', () => {
      const code = JSON.parse(JSON.stringify(RELEASE_FACTS)) as ReleaseFacts[];
      const v110 = code.find(f => f.version === '1.1.0')!;
      v110.defaultKafkaVersion = '4.3.1';
      (v110.apis.v1!.authenticationTypes as string[]).push('oauth');
      const v050 = code.find(f => f.version === '0.50.0')!;
      delete (v050.apis as Record<string, unknown>).v1;
      const withoutNewest = code.filter(f => f.version !== '1.2.0');
      expect(releaseFactsDiff(withoutNewest, folders, compareSemver)).toEqual([
        '0.50.0: served API versions (KafkaConnect CRD): in the folder, not in the code: v1',
        '0.50.0: served API versions (KafkaConnector CRD): in the folder, not in the code: v1',
        '1.1.0 v1: authentication types (spec.authentication.type): in the code, not in the folder: oauth',
        '1.1.0: default Kafka version is 4.3.1 in the code, 4.3.0 in kafka-versions.yaml (default: true)',
        expect.stringMatching(
          /^1\.2\.0: a release folder with no facts entry; add to RELEASE_FACTS: \{"version":"1\.2\.0","apis":\{"v1":/,
        ),
      ]);
    });
  },
);
