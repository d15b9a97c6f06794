import { checkCatalogName } from '../checks/catalog';
import { checkConnectors } from '../checks/connectors';
import { checkEnv } from '../checks/env';
import { checkImage } from '../checks/image';
import { checkLogging } from '../checks/logging';
import { checkMetadata } from '../checks/metadata';
import { checkProviderReferences } from '../checks/providerReferences';
import {
  checkRelease,
  releaseDependentFields,
  releaseOf,
} from '../checks/release';
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
  checkEnv,
  checkMetadata,
  checkLogging,
];

/** Shape first (zod fills the plain defaults), then the rules that span fields or releases. */
export function parseValues(input: unknown): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message:
            'the values must be a YAML mapping of fields (see docs/values.md)',
        },
      ],
    };
  }
  const pruned = pruneEmpty(input as Record<string, unknown>);
  const shaped = valuesShape.safeParse(pruned, { reportInput: true });
  // Release rules read the few fields they need defensively, so they join the shape's list.
  const namedRelease = releaseOf(pruned);
  const releaseProblems = namedRelease
    ? checkRelease(releaseDependentFields(pruned), namedRelease)
    : [];
  if (!shaped.success) {
    return {
      ok: false,
      problems: [...issuesToProblems(shaped.error.issues), ...releaseProblems],
    };
  }
  const problems = [
    ...releaseProblems,
    ...CHECKS.flatMap(check => check(shaped.data)),
  ];
  if (problems.length > 0) return { ok: false, problems };
  // The schema's enums guarantee a known release; checkRelease, an API version it serves.
  const { version, apiVersion } = shaped.data.strimzi;
  const release = findRelease(version, apiVersion)!;
  return {
    ok: true,
    value: { values: normalise(shaped.data, release), release },
  };
}
