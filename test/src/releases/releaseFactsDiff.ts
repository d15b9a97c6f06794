import type { ReleaseFacts } from '@connect-skeleton/plugin-kafka-connect-common';

/**
 * The release-facts check: the facts the code holds about each Strimzi release against
 * the facts read from that release's folder (folderFacts.ts), one line per difference.
 * Pure, so that a test can change a fact and see the line that names it.
 */

/** What one served API version of a release's KafkaConnect CRD allows. */
export interface FolderApiFacts {
  authenticationTypes: string[];
  volumeTypes: string[];
  /** The metricsConfig.type enum, less the types a CEL rule refuses outright. */
  metricsTypes: string[];
  /** Which of the build option fields spec.build.output has. */
  buildOptionsFields: string[];
  sizeLimitAsObject: boolean;
}

/** One release folder, as far as the facts go. */
export interface FolderFacts {
  version: string;
  /** The API versions the KafkaConnect CRD serves, with what each allows. */
  apis: Record<string, FolderApiFacts>;
  /** The API versions the KafkaConnector CRD serves. */
  connectorApis: string[];
  /** kafka-versions.yaml: the entries with `supported: true`, and those with `default: true`. */
  kafkaVersions: string[];
  defaultKafkaVersions: string[];
}

const list = (items: readonly unknown[]) =>
  items.length === 0 ? 'none' : items.join(', ');

/** "<label>: in the folder, not in the code: a; in the code, not in the folder: b". */
function setDifference(
  label: string,
  code: readonly string[],
  folder: readonly string[],
): string[] {
  const onlyFolder = folder.filter(item => !code.includes(item));
  const onlyCode = code.filter(item => !folder.includes(item));
  if (onlyFolder.length === 0 && onlyCode.length === 0) return [];
  const parts: string[] = [];
  if (onlyFolder.length > 0) {
    parts.push(`in the folder, not in the code: ${list(onlyFolder)}`);
  }
  if (onlyCode.length > 0) {
    parts.push(`in the code, not in the folder: ${list(onlyCode)}`);
  }
  return [`${label}: ${parts.join('; ')}`];
}

/**
 * A release-level fact against every served API of the folder: one comparison when the
 * APIs agree (labelled with the release), one per API when they do not.
 */
function perApi<T>(
  folder: FolderFacts,
  read: (api: FolderApiFacts) => T,
  compare: (label: string, value: T) => string[],
): string[] {
  const apis = Object.keys(folder.apis);
  const values = apis.map(api => read(folder.apis[api]));
  const agree = values.every(
    v => JSON.stringify(v) === JSON.stringify(values[0]),
  );
  if (apis.length === 0) return [];
  if (agree) return compare(folder.version, values[0]);
  return apis.flatMap((api, i) =>
    compare(`${folder.version} ${api}`, values[i]),
  );
}

function commonBuildOptionsField(folder: FolderFacts): string | undefined {
  const fields = Object.values(folder.apis).map(a => a.buildOptionsFields);
  const everywhere = (field: string) => fields.every(f => f.includes(field));
  return ['additionalBuildOptions', 'additionalKanikoOptions'].find(everywhere);
}

/** The facts entry the folder implies, written out for a release the code lacks. */
export function suggestedEntry(folder: FolderFacts): string {
  const apis = Object.keys(folder.apis);
  const first = folder.apis[apis[0]];
  const entry = {
    version: folder.version,
    apis: Object.fromEntries(
      apis.map(api => [
        api,
        { authenticationTypes: folder.apis[api].authenticationTypes },
      ]),
    ),
    // The oldest API served, as on 0.49.0 to 0.51.0: a release never forces the move.
    defaultApi: apis.includes('v1beta2') ? 'v1beta2' : apis[0],
    kafkaVersions: folder.kafkaVersions,
    defaultKafkaVersion: folder.defaultKafkaVersions[0],
    volumeTypes: first?.volumeTypes,
    metricsTypes: first?.metricsTypes,
    sizeLimitAsObject: first?.sizeLimitAsObject,
    // The field every API serves (the builder-neutral one where both do); the option
    // lists of strimzi/buildOptions.ts are held against the CRDs by buildOptions.test.ts.
    buildOptions: { field: commonBuildOptionsField(folder) },
  };
  return JSON.stringify(entry);
}

function compareRelease(code: ReleaseFacts, folder: FolderFacts): string[] {
  const { version } = code;
  const codeApis = Object.keys(code.apis);
  const folderApis = Object.keys(folder.apis);
  const differences = [
    ...setDifference(
      `${version}: served API versions (KafkaConnect CRD)`,
      codeApis,
      folderApis,
    ),
    ...setDifference(
      `${version}: served API versions (KafkaConnector CRD)`,
      codeApis,
      folder.connectorApis,
    ),
  ];
  if (!codeApis.includes(code.defaultApi)) {
    differences.push(
      `${version}: defaultApi ${
        code.defaultApi
      } is not among the API versions of its own entry (${list(codeApis)})`,
    );
  }
  for (const api of codeApis.filter(a => folderApis.includes(a))) {
    const codeApi = code.apis[api as keyof ReleaseFacts['apis']]!;
    const folderApi = folder.apis[api];
    differences.push(
      ...setDifference(
        `${version} ${api}: authentication types (spec.authentication.type)`,
        codeApi.authenticationTypes,
        folderApi.authenticationTypes,
      ),
    );
    if (!folderApi.buildOptionsFields.includes(code.buildOptions?.field)) {
      differences.push(
        `${version} ${api}: buildOptions.field ${
          code.buildOptions?.field
        } is not in spec.build.output, which has ${list(
          folderApi.buildOptionsFields,
        )}`,
      );
    }
  }
  differences.push(
    ...setDifference(
      `${version}: Kafka versions (kafka-versions.yaml, supported: true)`,
      code.kafkaVersions,
      folder.kafkaVersions,
    ),
  );
  if (
    folder.defaultKafkaVersions.length !== 1 ||
    folder.defaultKafkaVersions[0] !== code.defaultKafkaVersion
  ) {
    differences.push(
      `${version}: default Kafka version is ${
        code.defaultKafkaVersion
      } in the code, ${list(
        folder.defaultKafkaVersions,
      )} in kafka-versions.yaml (default: true)`,
    );
  }
  differences.push(
    ...perApi(
      folder,
      api => api.volumeTypes,
      (label, types) =>
        setDifference(
          `${label}: volume types (spec.template.pod.volumes)`,
          code.volumeTypes,
          types,
        ),
    ),
    ...perApi(
      folder,
      api => api.metricsTypes,
      (label, types) =>
        setDifference(
          `${label}: metrics types (spec.metricsConfig.type, less what a CEL rule refuses)`,
          code.metricsTypes,
          types,
        ),
    ),
    ...perApi(
      folder,
      api => api.sizeLimitAsObject,
      (label, asObject) =>
        asObject === code.sizeLimitAsObject
          ? []
          : [
              `${label}: sizeLimitAsObject is ${
                code.sizeLimitAsObject
              } in the code, but the CRD's emptyDir.sizeLimit is ${
                asObject ? 'an object' : 'a string'
              }`,
            ],
    ),
  );
  return differences;
}

/**
 * Every difference between the facts in the code and the release folders: a folder the
 * code lacks (with the entry to write), an entry with no folder, and each fact that differs.
 */
export function releaseFactsDiff(
  code: readonly ReleaseFacts[],
  folders: readonly FolderFacts[],
  compareVersions: (a: string, b: string) => number,
): string[] {
  const differences: string[] = [];
  for (let i = 1; i < code.length; i++) {
    if (compareVersions(code[i - 1].version, code[i].version) >= 0) {
      differences.push(
        `the facts must be oldest first, each release once: ${
          code[i].version
        } follows ${code[i - 1].version}`,
      );
    }
  }
  for (const folder of folders) {
    const facts = code.find(c => c.version === folder.version);
    if (!facts) {
      differences.push(
        `${
          folder.version
        }: a release folder with no facts entry; add to RELEASE_FACTS: ${suggestedEntry(
          folder,
        )}`,
      );
    } else {
      differences.push(...compareRelease(facts, folder));
    }
  }
  for (const facts of code) {
    if (!folders.some(f => f.version === facts.version)) {
      differences.push(
        `${facts.version}: a facts entry with no release folder (no CRDs judge it)`,
      );
    }
  }
  return differences;
}
