import {
  checkRelease,
  releaseDependentFields,
  releaseOf,
} from '../checks/release';
import { Problem } from '../problems';
import { findRelease, StrimziRelease } from '../strimzi/releases';
import { CROSS_FIELD_RULES } from './crossFieldRules';
import { issuesToProblems } from './issues';
import { normalise, NormalisedValues } from './normalise';
import { parsedFields, ParsedFields } from './parsedFields';
import { pruneEmpty } from './prune';
import { valuesShape } from './schema';

export interface ValidValues {
  values: NormalisedValues;
  release: StrimziRelease;
}

export type ParseResult =
  | { ok: true; value: ValidValues }
  | { ok: false; problems: Problem[] };

const ALL_FIELDS: ReadonlySet<string> = new Set(Object.keys(valuesShape.shape));

/** The rules that read the fields that parsed; all of them when everything parsed. */
function crossFieldProblems(fields: ParsedFields): Problem[] {
  return CROSS_FIELD_RULES.filter(rule =>
    rule.reads.every(field => fields.parsed.has(field)),
  ).flatMap(rule => rule.check(fields.values));
}

/** Each problem once, in the order first reported. */
function unique(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter(p => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Shape first (zod fills the plain defaults), then the rules that span fields or releases.
 * Every problem comes out in one run: when the shape fails, the cross-field rules still
 * run on the fields that did parse, so a literal password is reported next to a bad sha512sum.
 */
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
    const issues = shaped.error.issues;
    return {
      ok: false,
      problems: unique([
        ...issuesToProblems(issues),
        ...releaseProblems,
        ...crossFieldProblems(parsedFields(pruned, issues)),
      ]),
    };
  }
  const problems = [
    ...releaseProblems,
    ...crossFieldProblems({ values: shaped.data, parsed: ALL_FIELDS }),
  ];
  if (problems.length > 0) return { ok: false, problems: unique(problems) };
  // The schema's enums guarantee a known release; checkRelease, an API version it serves.
  const { version, apiVersion } = shaped.data.strimzi;
  const release = findRelease(version, apiVersion)!;
  return {
    ok: true,
    value: { values: normalise(shaped.data, release), release },
  };
}
