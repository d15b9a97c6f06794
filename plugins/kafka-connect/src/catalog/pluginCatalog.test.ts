import { validateValues } from '@connect-skeleton/plugin-kafka-connect-common';
import { PLUGIN_CATALOG } from './pluginCatalog';
import {
  Artifact,
  catalogOrigin,
  pluginFromCatalog,
  switchCatalogVersion,
  withArtifactType,
} from './artifacts';
import { REQUIRED_VALUES } from '../__testUtils__/requiredValues';

const BASE = {
  ...REQUIRED_VALUES,
  image: { name: 'registry.example.com/data/orders-connect' },
};

/** Stands in for the checksum a person computes; never shipped in the catalog. */
const SOME_SHA512 = 'ab'.repeat(64);

function withChecksums(artifacts: Artifact[]): Artifact[] {
  return artifacts.map(a =>
    a.type === 'maven' || a.sha512sum ? a : { ...a, sha512sum: SOME_SHA512 },
  );
}

describe('the plugin catalog', () => {
  it('has the Debezium MySQL, PostgreSQL, MongoDB and SQL Server connectors, transforms and the AWS Secrets Manager and Kubernetes config providers', () => {
    const ids = PLUGIN_CATALOG.map(e => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'debezium-mysql',
        'debezium-postgres',
        'debezium-mongodb',
        'debezium-sqlserver',
        'jcustenborder-config-provider-aws',
        'strimzi-kubernetes-config-providers',
      ]),
    );
    expect(PLUGIN_CATALOG.some(e => e.category === 'transform')).toBe(true);
  });

  it('ships no checksum it cannot cite: every archive asks for its SHA-512', () => {
    const archives = PLUGIN_CATALOG.flatMap(e => e.versions)
      .flatMap(v => v.artifacts)
      .filter(a => a.type !== 'maven');
    expect(archives.length).toBeGreaterThan(10);
    expect(archives.filter(a => 'sha512sum' in a)).toEqual([]);
  });

  it('points at Debezium plugin archives on Maven Central by their published names', () => {
    const mysql = PLUGIN_CATALOG.find(e => e.id === 'debezium-mysql')!;
    expect(mysql.versions[0].artifacts).toEqual([
      {
        type: 'tgz',
        url: 'https://repo1.maven.org/maven2/io/debezium/debezium-connector-mysql/3.2.0.Final/debezium-connector-mysql-3.2.0.Final-plugin.tar.gz',
      },
    ]);
  });

  it('gives values the renderer takes, once the checksums are filled in, for every entry and version', () => {
    for (const entry of PLUGIN_CATALOG.filter(e => !e.includedInStrimziImage)) {
      for (const version of entry.versions) {
        const plugin = pluginFromCatalog(entry, version);
        const values = {
          ...BASE,
          plugins: [{ ...plugin, artifacts: withChecksums(plugin.artifacts!) }],
        };
        expect([entry.id, version.version, validateValues(values)]).toEqual([
          entry.id,
          version.version,
          [],
        ]);
        // And with Strimzi's own build, whose CRD patterns are stricter.
        expect(
          validateValues({
            ...values,
            image: { ...BASE.image, build: 'strimzi' },
          }),
        ).toEqual([]);
      }
    }
  });

  it('without the checksum, the problem names the checksum field', () => {
    const entry = PLUGIN_CATALOG.find(e => e.id === 'debezium-postgres')!;
    expect(
      validateValues({
        ...BASE,
        plugins: [pluginFromCatalog(entry, entry.versions[0])],
      }),
    ).toEqual([
      { path: 'plugins[0].artifacts[0].sha512sum', message: 'is required' },
    ]);
  });

  it('recognises a catalog plugin and switches its version, keeping a checksum of an unchanged URL', () => {
    const entry = PLUGIN_CATALOG.find(e => e.id === 'debezium-scripting')!;
    const plugin = pluginFromCatalog(entry, entry.versions[0]);
    expect(catalogOrigin(plugin)?.version.version).toBe(
      entry.versions[0].version,
    );
    const older = switchCatalogVersion(plugin, entry.versions[1]);
    expect(catalogOrigin(older)?.version.version).toBe(
      entry.versions[1].version,
    );
    const aws = PLUGIN_CATALOG.find(
      e => e.id === 'jcustenborder-config-provider-aws',
    )!;
    const given = { ...pluginFromCatalog(aws, aws.versions[0]) };
    given.artifacts = withChecksums(given.artifacts!);
    expect(switchCatalogVersion(given, aws.versions[0])).toEqual(given);
  });
});

describe('switching an artifact kind', () => {
  it('leaves no key of the old kind', () => {
    const maven: Artifact = {
      type: 'maven',
      group: 'g',
      artifact: 'a',
      version: '1',
      repository: 'https://r',
    };
    expect(withArtifactType(maven, 'jar')).toEqual({ type: 'jar' });
    const other: Artifact = {
      type: 'other',
      url: 'https://x/y.so',
      sha512sum: SOME_SHA512,
      fileName: 'y.so',
    };
    expect(withArtifactType(other, 'zip')).toEqual({
      type: 'zip',
      url: 'https://x/y.so',
      sha512sum: SOME_SHA512,
    });
    expect(withArtifactType(other, 'maven')).toEqual({ type: 'maven' });
    expect(
      withArtifactType({ type: 'tgz', url: 'https://x/z.tgz' }, 'other'),
    ).toEqual({ type: 'other', url: 'https://x/z.tgz' });
  });
});
