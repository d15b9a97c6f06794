import fs from 'node:fs';
import path from 'node:path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { objectMetaErrors } from './objectMeta';
import { CrdSchemaNode, createCrdAjv, toStrictSchema } from './strictSchema';
import { strimziDir } from './strimziDir';
import { readYamlDocuments } from './yamlDocuments';

export interface CrdValidator {
  /** Error strings "<JSON path>: <problem>"; empty when the API server would accept obj. */
  validate(obj: unknown): string[];
  /** API versions (e.g. ["v1", "v1beta2"]) the release serves for a kind. */
  servedVersions(kind: string): string[];
}

interface CrdVersion {
  name: string;
  served: boolean;
  schema: { openAPIV3Schema: CrdSchemaNode };
}

interface Crd {
  kind: 'CustomResourceDefinition';
  spec: { group: string; names: { kind: string }; versions: CrdVersion[] };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isCrd = (doc: unknown): doc is Crd =>
  isRecord(doc) && doc.kind === 'CustomResourceDefinition';

function readCrds(release: string): Map<string, Crd> {
  const dir = path.join(strimziDir(), release, 'crds');
  const byKind = new Map<string, Crd>();
  for (const file of fs.readdirSync(dir).filter(f => /\.ya?ml$/.test(f))) {
    for (const doc of readYamlDocuments(path.join(dir, file)).filter(isCrd)) {
      byKind.set(doc.spec.names.kind, doc);
    }
  }
  return byKind;
}

function formatError(e: ErrorObject): string {
  const at = e.instancePath;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at}/${e.params.additionalProperty}: unknown field`;
    case 'required':
      return `${at}/${e.params.missingProperty}: required field missing`;
    case 'enum':
      return `${at}: ${e.message}: ${(e.params.allowedValues as unknown[]).join(
        ', ',
      )}`;
    default:
      return `${at || '/'}: ${e.message}`;
  }
}

class ReleaseValidator implements CrdValidator {
  private readonly ajv: Ajv = createCrdAjv();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly release: string,
    private readonly crds: Map<string, Crd>,
  ) {}

  servedVersions(kind: string): string[] {
    const crd = this.crds.get(kind);
    return crd ? crd.spec.versions.filter(v => v.served).map(v => v.name) : [];
  }

  validate(obj: unknown): string[] {
    if (!isRecord(obj)) return ['/: must be object'];
    const { kind, apiVersion } = obj;
    const crd = typeof kind === 'string' ? this.crds.get(kind) : undefined;
    if (!crd) {
      const known = [...this.crds.keys()].join(', ');
      return [
        `/kind: ${JSON.stringify(kind)} has no CRD in Strimzi ${
          this.release
        } (known: ${known})`,
      ];
    }
    const { group } = crd.spec;
    const [objGroup, version] = String(apiVersion).split('/');
    const served = this.servedVersions(crd.spec.names.kind);
    if (objGroup !== group || !version || !served.includes(version)) {
      return [
        `/apiVersion: ${JSON.stringify(
          apiVersion,
        )} is not served by the ${kind} CRD of Strimzi ${this.release} ` +
          `(served: ${served.map(v => `${group}/${v}`).join(', ')})`,
      ];
    }
    const check = this.compile(crd, version);
    check(obj);
    const schemaErrors = (check.errors ?? []).map(formatError);
    // Deduplicated: oneOf/anyOf branches can repeat the same complaint.
    return [...new Set([...objectMetaErrors(obj.metadata), ...schemaErrors])];
  }

  private compile(crd: Crd, version: string): ValidateFunction {
    const key = `${crd.spec.names.kind}/${version}`;
    let fn = this.compiled.get(key);
    if (!fn) {
      const crdVersion = crd.spec.versions.find(v => v.name === version)!;
      const schema = toStrictSchema(crdVersion.schema.openAPIV3Schema);
      // The API server validates ObjectMeta itself (objectMeta.ts), not via the CRD.
      schema.properties = {
        ...(schema.properties as object),
        metadata: { type: 'object' },
      };
      fn = this.ajv.compile(schema);
      this.compiled.set(key, fn);
    }
    return fn;
  }
}

const cache = new Map<string, CrdValidator>();

/** Validator for objects of the CRDs in <strimziDir()>/<release>/crds, cached per release. */
export function loadCrdValidator(release: string): CrdValidator {
  // Keyed by folder too: tests may point STRIMZI_DIR elsewhere.
  const key = path.join(strimziDir(), release);
  let validator = cache.get(key);
  if (!validator) {
    validator = new ReleaseValidator(release, readCrds(release));
    cache.set(key, validator);
  }
  return validator;
}
