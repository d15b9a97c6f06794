import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readYamlDocuments } from '../strimzi/yamlDocuments';
import type { FolderApiFacts, FolderFacts } from './releaseFactsDiff';

/**
 * Reads, from one Strimzi release folder (<version>/crds/*.yaml and kafka-versions.yaml),
 * the facts that RELEASE_FACTS holds about that release.
 */

type Node = {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Node>;
  items?: Node;
  'x-kubernetes-validations'?: { rule: string }[];
};

interface CrdVersion {
  name: string;
  served: boolean;
  schema: { openAPIV3Schema: Node };
}

interface Crd {
  kind: 'CustomResourceDefinition';
  spec: { names: { kind: string }; versions: CrdVersion[] };
}

const BUILD_OPTIONS_FIELDS = [
  'additionalKanikoOptions',
  'additionalBuildOptions',
];

function crdOf(dir: string, kind: string): Crd {
  const crdDir = path.join(dir, 'crds');
  for (const file of fs.readdirSync(crdDir).filter(f => /\.ya?ml$/.test(f))) {
    for (const doc of readYamlDocuments(path.join(crdDir, file))) {
      const crd = doc as Crd;
      if (
        crd?.kind === 'CustomResourceDefinition' &&
        crd.spec?.names?.kind === kind
      ) {
        return crd;
      }
    }
  }
  throw new Error(`${crdDir}: no CustomResourceDefinition for ${kind}`);
}

const STAGE_RANK: Record<string, number> = { alpha: 0, beta: 1, ga: 2 };

/** Kubernetes' order of API versions, oldest first: v1alpha1 < v1beta2 < v1 < v2. */
function apiOrder(a: string, b: string): number {
  const key = (v: string) => {
    const [, major, stage, minor] =
      /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v) ?? [];
    const rank = STAGE_RANK[stage] ?? STAGE_RANK.ga;
    return [Number(major), rank, Number(minor ?? 0)];
  };
  const [ka, kb] = [key(a), key(b)];
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
}

function servedVersions(crd: Crd): CrdVersion[] {
  return crd.spec.versions
    .filter(v => v.served)
    .sort((a, b) => apiOrder(a.name, b.name));
}

const strings = (values: unknown[] | undefined) =>
  (values ?? []).map(v => String(v));

/** The types a CEL rule of the form `self.type != 'X'` refuses whatever else is given. */
function refusedByCel(node: Node | undefined): string[] {
  return (node?.['x-kubernetes-validations'] ?? []).flatMap(({ rule }) => {
    const refused = /^\s*self\.type\s*!=\s*['"]([^'"]+)['"]\s*$/.exec(rule);
    return refused ? [refused[1]] : [];
  });
}

function apiFacts(schema: Node): FolderApiFacts {
  const spec = schema.properties?.spec?.properties ?? {};
  const volume = spec.template?.properties?.pod?.properties?.volumes?.items;
  const metricsConfig = spec.metricsConfig;
  const refused = refusedByCel(metricsConfig);
  const output = spec.build?.properties?.output?.properties ?? {};
  return {
    authenticationTypes: strings(spec.authentication?.properties?.type?.enum),
    volumeTypes: Object.keys(volume?.properties ?? {}).filter(
      key => key !== 'name',
    ),
    metricsTypes: strings(metricsConfig?.properties?.type?.enum).filter(
      type => !refused.includes(type),
    ),
    buildOptionsFields: BUILD_OPTIONS_FIELDS.filter(field => field in output),
    sizeLimitAsObject:
      volume?.properties?.emptyDir?.properties?.sizeLimit?.type === 'object',
  };
}

interface KafkaVersionEntry {
  version: unknown;
  supported?: boolean;
  default?: boolean;
}

export function readFolderFacts(
  strimziDir: string,
  version: string,
): FolderFacts {
  const dir = path.join(strimziDir, version);
  const connect = crdOf(dir, 'KafkaConnect');
  const connector = crdOf(dir, 'KafkaConnector');
  const kafka = parse(
    fs.readFileSync(path.join(dir, 'kafka-versions.yaml'), 'utf8'),
  ) as KafkaVersionEntry[];
  return {
    version,
    apis: Object.fromEntries(
      servedVersions(connect).map(v => [
        v.name,
        apiFacts(v.schema.openAPIV3Schema),
      ]),
    ),
    connectorApis: servedVersions(connector).map(v => v.name),
    kafkaVersions: kafka.filter(e => e.supported).map(e => String(e.version)),
    defaultKafkaVersions: kafka
      .filter(e => e.default)
      .map(e => String(e.version)),
  };
}
