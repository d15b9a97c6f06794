import { checkCatalogName } from '../checks/catalog';
import { checkClassCheckFields } from '../checks/classCheck';
import { checkProviderPlugins } from '../checks/providerPlugins';
import { checkConnectors } from '../checks/connectors';
import { checkEnv } from '../checks/env';
import { checkImage } from '../checks/image';
import { checkLogging } from '../checks/logging';
import { checkMetadata } from '../checks/metadata';
import { checkProviderReferences } from '../checks/providerReferences';
import { checkSecrets } from '../checks/secrets';
import { checkUniqueNames } from '../checks/uniqueness';
import { checkVolumes } from '../checks/volumes';
import { Problem } from '../problems';
import { ParsedValues } from './schema';

/**
 * A rule that spans fields, and the top-level fields it cannot do without. It runs when
 * those parsed, even if others did not, so its problems come out with the shape problems.
 * The type makes a check declare what it reads: it only sees `Pick<ParsedValues, reads>`
 * (a check that copes with missing fields takes a Partial and reads nothing for sure).
 */
export interface CrossFieldRule {
  reads: readonly (keyof ParsedValues)[];
  check: (values: Partial<ParsedValues>) => Problem[];
}

function rule<K extends keyof ParsedValues>(
  reads: readonly K[],
  check: (values: Pick<ParsedValues, K>) => Problem[],
): CrossFieldRule {
  // parseValues calls check only once every field of reads has parsed.
  return {
    reads,
    check: check as (values: Partial<ParsedValues>) => Problem[],
  };
}

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [
  rule(['image', 'plugins', 'truststore', 'strimzi'], checkImage),
  rule(
    [
      'image',
      'plugins',
      'truststore',
      'configProviders',
      'connectors',
      'connect',
    ],
    checkClassCheckFields,
  ),
  rule(
    ['configProviders', 'plugins', 'image', 'truststore'],
    checkProviderPlugins,
  ),
  rule(['name', 'environment'], checkCatalogName),
  rule(['volumes'], checkVolumes),
  rule([], checkUniqueNames),
  rule([], checkSecrets),
  rule(['connectors'], checkConnectors),
  rule(['configProviders'], checkProviderReferences),
  rule(
    [
      'env',
      'jvmOptions',
      'logging',
      'rack',
      'resources',
      'strimzi',
      'tracing',
      'image',
      'truststore',
    ],
    checkEnv,
  ),
  rule(
    ['annotations', 'labels', 'metrics', 'pod', 'podSet', 'strimzi'],
    checkMetadata,
  ),
  rule(['kafka', 'logging', 'strimzi'], checkLogging),
];
