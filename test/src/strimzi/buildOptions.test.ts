import {
  findRelease,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@connect-skeleton/plugin-kafka-connect-common';
import path from 'node:path';
import { describeWithStrimzi, strimziDir, strimziReleases } from './strimziDir';
import { readYamlDocuments } from './yamlDocuments';

/**
 * The per-release facts of Strimzi's build options (plugins/kafka-connect-common/src/
 * strimzi/buildOptions.ts) against each release's KafkaConnect CRD: the field the
 * renderer writes exists in the API version it writes, and the option names it admits
 * are exactly the ones the field's description lists (the operator's allow list).
 */

type Node = { properties?: Record<string, Node>; description?: string };

function outputSchema(version: string, apiVersion: string): Node {
  const [crd] = readYamlDocuments(
    path.join(strimziDir(), version, 'crds', '041-Crd-kafkaconnect.yaml'),
  ) as any[];
  const served = crd.spec.versions.find(
    (v: any) => `${crd.spec.group}/${v.name}` === apiVersion,
  );
  return served.schema.openAPIV3Schema.properties.spec.properties.build
    .properties.output;
}

/** "Allowed ... options: --a, --b." or "Allowed options are: --a, --b." → the names. */
function listed(description: string, label: RegExp): string[] {
  const match = new RegExp(
    `${label.source}[^:]*: (--[^.]*(?:\\.[^ ][^.]*)*)\\.`,
  ).exec(description);
  return match ? match[1].split(/\s*,\s*/) : [];
}

describeWithStrimzi("Strimzi's build options per release", () => {
  const releases = strimziReleases().filter(r =>
    SUPPORTED_STRIMZI_VERSIONS.includes(r),
  );

  it.each(releases)('Strimzi %s', version => {
    const release = findRelease(version)!;
    const { field, kaniko, buildah } = release.buildOptions;
    const output = outputSchema(version, release.apiVersion);
    const description = output.properties?.[field]?.description ?? '';
    expect({ field, exists: description !== '' }).toEqual({
      field,
      exists: true,
    });
    // The Kaniko-only field lists one set; the newer one a set per builder.
    const kanikoOnly = field === 'additionalKanikoOptions';
    expect({
      kaniko: listed(
        description,
        kanikoOnly ? /Allowed options are/ : /Allowed Kaniko options/,
      ),
      buildah: kanikoOnly
        ? []
        : listed(description, /Allowed Buildah `build` options/),
    }).toEqual({ kaniko, buildah });
  });
});
