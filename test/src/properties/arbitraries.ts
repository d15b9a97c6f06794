import fc from 'fast-check';
import {
  LAYOUTS,
  STRIMZI_RELEASES,
  StrimziRelease,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { fullValues, Variant } from '../fixtures/fullValues';

/**
 * fast-check arbitraries over the values contract, built on the "every field" values of
 * each release: sections dropped or kept, lists cut short, every choice a release allows
 * (authentication, metrics, build, logging, Kafka version, layout), and, for wrong
 * values, random JSON put anywhere: at the top, in place of a section, or at any leaf.
 */

type Values = Record<string, unknown>;

/** Top-level fields that may be left out (name, namespace, owner and kafka are required). */
const OPTIONAL_FIELDS = [
  'system',
  'description',
  'environment',
  'strimzi',
  'replicas',
  'resources',
  'jvmOptions',
  'logging',
  'rack',
  'connect',
  'image',
  'plugins',
  'truststore',
  'configProviders',
  'serviceAccount',
  'scheduling',
  'labels',
  'annotations',
  'pod',
  'container',
  'podSet',
  'tracing',
  'metrics',
  'env',
  'volumes',
  'apiAccess',
  'connectors',
];

const LISTS = [
  'plugins',
  'configProviders',
  'env',
  'volumes',
  'apiAccess',
  'connectors',
];

const variant = (release: StrimziRelease): fc.Arbitrary<Variant> =>
  fc.record({
    authentication: fc.constantFrom(...release.authenticationTypes),
    metricsType: fc.constantFrom(...release.metricsTypes),
    build: fc.constantFrom(
      'dockerfile' as const,
      'strimzi' as const,
      'prebuilt' as const,
    ),
    logging: fc.constantFrom('inline' as const, 'external' as const),
  });

function isObject(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Values shaped like the contract, mostly valid: what a form or a person would send. */
export const validishValues: fc.Arbitrary<Values> = fc
  .constantFrom(...STRIMZI_RELEASES)
  .chain(release =>
    fc.record({
      version: fc.constant(release.version),
      variant: variant(release),
      kafkaVersion: fc.option(fc.constantFrom(...release.kafkaVersions), {
        nil: undefined,
      }),
      dropped: fc.subarray(OPTIONAL_FIELDS, { maxLength: 8 }),
      lengths: fc.array(fc.nat({ max: 7 }), {
        minLength: LISTS.length,
        maxLength: LISTS.length,
      }),
      withoutAuthentication: fc.boolean(),
      withoutTls: fc.boolean(),
      replicas: fc.integer({ min: 0, max: 6 }),
      metricsEnabled: fc.boolean(),
    }),
  )
  .map(choice => {
    const values = fullValues(choice.version, choice.variant);
    const kafka = values.kafka as Values;
    kafka.version = choice.kafkaVersion;
    if (choice.withoutAuthentication) delete kafka.authentication;
    if (choice.withoutTls) delete kafka.tls;
    values.replicas = choice.replicas;
    (values.metrics as Values).enabled = choice.metricsEnabled;
    LISTS.forEach((key, i) => {
      values[key] = (values[key] as unknown[]).slice(0, choice.lengths[i]);
    });
    for (const key of choice.dropped) delete values[key];
    return values;
  });

/** Every leaf and section path of a value, for putting something else there. */
function paths(
  value: unknown,
  at: (string | number)[] = [],
): (string | number)[][] {
  const here = at.length > 0 ? [at] : [];
  if (Array.isArray(value)) {
    return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  }
  if (isObject(value)) {
    return [
      ...here,
      ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k])),
    ];
  }
  return here;
}

function setAt(
  values: Values,
  path: (string | number)[],
  item: unknown,
): Values {
  const copy = structuredClone(values);
  let node: unknown = copy;
  for (const segment of path.slice(0, -1)) {
    node = (node as Record<string | number, unknown>)[segment];
  }
  (node as Record<string | number, unknown>)[path[path.length - 1]] = item;
  return copy;
}

/** Values with one to three places (leaves or whole sections) replaced by random JSON. */
export const wrongValues: fc.Arbitrary<Values> = fc
  .tuple(
    validishValues,
    fc.array(fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })), {
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([values, changes]) =>
    changes.reduce((v, [pick, item]) => {
      const all = paths(v);
      return all.length === 0 ? v : setAt(v, all[pick % all.length], item);
    }, values),
  );

/** Anything at all where the values belong, including random mappings of known fields. */
export const randomInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.dictionary(
    fc.constantFrom(
      ...OPTIONAL_FIELDS,
      'name',
      'namespace',
      'owner',
      'kafka',
      'password',
      '__proto__',
    ),
    fc.jsonValue({ maxDepth: 3 }),
  ),
);

export const layout = fc.constantFrom(...LAYOUTS);
