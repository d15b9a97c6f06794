import { checkCatalogName } from '../checks/catalog';
import { checkConnectors } from '../checks/connectors';
import { checkImage } from '../checks/image';
import { checkProviderReferences } from '../checks/providerReferences';
import { checkRelease } from '../checks/release';
import { checkSecrets } from '../checks/secrets';
import { checkUniqueNames } from '../checks/uniqueness';
import { checkVolumes } from '../checks/volumes';
import { Problem } from '../problems';
import { findRelease, StrimziRelease } from '../strimzi/releases';
import { issuesToProblems } from './issues';
import { normalise, NormalisedValues } from './normalise';
import { pruneEmpty } from './prune';
import { valuesShape } from './schema';

export interface ValidValues {
  values: NormalisedValues;
  release: StrimziRelease;
}

export type ParseResult =
  | { ok: true; value: ValidValues }
  | { ok: false; problems: Problem[] };

const CHECKS = [
  checkImage,
  checkCatalogName,
  checkVolumes,
  checkUniqueNames,
  checkSecrets,
  checkConnectors,
  checkProviderReferences,
];

/** Shape first (zod fills the plain defaults), then the rules that span fields or releases. */
export function parseValues(input: unknown): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      problems: [{ path: '', message: 'the values must be a YAML mapping of fields (see docs/values.md)' }],
    };
  }
  const shaped = valuesShape.safeParse(pruneEmpty(input as Record<string, unknown>), {
    reportInput: true,
  });
  if (!shaped.success) {
    return { ok: false, problems: issuesToProblems(shaped.error.issues) };
  }
  // The enum in the schema guarantees a known release.
  const release = findRelease(shaped.data.strimzi.version)!;
  const problems = [
    ...checkRelease(shaped.data, release),
    ...CHECKS.flatMap(check => check(shaped.data)),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { values: normalise(shaped.data, release), release } };
}
