/**
 * Checks the API server applies to `metadata` of every custom resource. A CRD's
 * schema says only `metadata: {type: object}`, so these cannot come from the CRD.
 */

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = new RegExp(
  `^${DNS1123_LABEL}(\\.${DNS1123_LABEL})*$`,
);
const DNS1123_LABEL_ONLY = new RegExp(`^${DNS1123_LABEL}$`);

// ObjectMeta fields (k8s.io/apimachinery meta/v1); anything else is an unknown field.
const OBJECT_META_FIELDS = new Set([
  'name',
  'generateName',
  'namespace',
  'labels',
  'annotations',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
  'finalizers',
  'managedFields',
  'selfLink',
]);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `name` is not a DNS-1123 subdomain, or undefined when it is one. */
export function dns1123SubdomainProblem(name: string): string | undefined {
  if (name.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return `${JSON.stringify(
      name,
    )} is not a DNS-1123 subdomain (lowercase a-z, 0-9, '-' and '.', starting and ending alphanumeric)`;
  }
  return undefined;
}

function stringMapErrors(value: unknown, at: string): string[] {
  if (!isRecord(value)) return [`${at}: must be object`];
  return Object.entries(value)
    .filter(([, v]) => typeof v !== 'string')
    .map(([k]) => `${at}/${k}: must be string`);
}

/** Error strings ("/metadata/...: problem") for an object's metadata. */
export function objectMetaErrors(meta: unknown): string[] {
  if (!isRecord(meta)) return ['/metadata: must be object'];
  const errors = Object.keys(meta)
    .filter(k => !OBJECT_META_FIELDS.has(k))
    .map(k => `/metadata/${k}: unknown field`);

  const { name, namespace, labels, annotations } = meta;
  if (name === undefined) {
    // kubectl apply needs a name; generateName works only with create.
    errors.push('/metadata/name: required field missing');
  } else if (typeof name !== 'string') {
    errors.push('/metadata/name: must be string');
  } else {
    const problem = dns1123SubdomainProblem(name);
    if (problem) errors.push(`/metadata/name: ${problem}`);
  }
  if (
    namespace !== undefined &&
    (typeof namespace !== 'string' ||
      namespace.length > 63 ||
      !DNS1123_LABEL_ONLY.test(namespace))
  ) {
    errors.push('/metadata/namespace: must be a DNS-1123 label');
  }
  if (labels !== undefined) {
    errors.push(...stringMapErrors(labels, '/metadata/labels'));
  }
  if (annotations !== undefined) {
    errors.push(...stringMapErrors(annotations, '/metadata/annotations'));
  }
  return errors;
}
