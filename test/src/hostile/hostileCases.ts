import { isDeepStrictEqual } from 'node:util';
import {
  Layout,
  LAYOUTS,
  Problem,
  RenderResult,
  RenderedFile,
  renderSkeleton,
  validateValues,
} from '@connect-skeleton/plugin-kafka-connect-common';
import {
  dockerfileKeywords,
  isYamlFile,
  parseYamlFile,
  replaceDeep,
  valueFoundBack,
  withoutHashes,
} from './evidence';
import { FieldCases, ValuesDocument } from './fieldCases';
import { HostileString } from './hostileStrings';
import {
  acceptedProblemPaths,
  conflict,
  StringField,
  withString,
  withStrings,
} from './stringFields';

/**
 * The cases of the hostile-string suite: each string field of fieldCases.ts with every
 * hostile string. A (field, string) pair
 * is checked once, in one of the documents that hold the field, chosen in turn so that
 * every release and both layouts take part. Each pair is validated on its own; the pairs
 * that are accepted are rendered together, many fields at once, and one by one only when
 * such a render is refused or finds something, so that each failure names its field.
 */

/** Benign text for the comparison: valid wherever free text is. */
export const PLACEHOLDER = 'zzplaceholderzz';

interface Rendered {
  result: RenderResult<RenderedFile[]>;
  /** Parsed YAML files by path, filled on demand. */
  yaml: Map<string, ReturnType<typeof parseYamlFile>>;
}

function render(values: unknown, layout: Layout): Rendered {
  return { result: renderSkeleton(values, { layout }), yaml: new Map() };
}

function parsedFile(rendered: Rendered, file: RenderedFile) {
  let parsed = rendered.yaml.get(file.path);
  if (!parsed) {
    parsed = parseYamlFile(file);
    rendered.yaml.set(file.path, parsed);
  }
  return parsed;
}

function refusalFailures(
  problems: readonly Problem[],
  field: StringField,
  text: string,
  benignProblems: () => readonly Problem[],
): string[] {
  const failures = problems
    .filter(p => /\n\s+at\s/.test(p.message) || !p.message.trim())
    .map(p => `problem ${p.path} has no plain message: ${p.message}`);
  const named = acceptedProblemPaths(field, text);
  if (problems.some(p => named.includes(p.path))) return failures;
  // Renaming a provider or a connector breaks what refers to it, whatever the new name:
  // such problems come with the placeholder too, and are not about the hostile text.
  const alsoBenign = new Set(benignProblems().map(p => p.path));
  if (!problems.every(p => alsoBenign.has(p.path))) {
    failures.push(
      `refused, but no problem names the field: ${problems
        .map(p => p.path)
        .join(', ')}`,
    );
  }
  return failures;
}

/** Files that differ from the placeholder's render by more than the text itself. */
function comparisonFailures(
  hostile: Rendered,
  benign: Rendered,
  text: string,
): string[] {
  if (!hostile.result.ok || !benign.result.ok) return [];
  const files = hostile.result.value;
  const expected = new Map(
    benign.result.value.map(f => [f.path.split(PLACEHOLDER).join(text), f]),
  );
  const paths = (list: Iterable<string>) => [...list].join(', ');
  if (paths(files.map(f => f.path)) !== paths(expected.keys())) {
    return [`file list differs: ${paths(files.map(f => f.path))}`];
  }
  return files.flatMap(file => {
    const base = expected.get(file.path)!;
    if (file.path.startsWith('templates/')) {
      // The template text is fixed per object: only its file name may carry a name.
      const fixed =
        file.content === base.content.split(PLACEHOLDER).join(text) &&
        !file.content.includes('{{ .Values.x }}');
      return fixed
        ? []
        : [`${file.path}: the template changed with the values`];
    }
    if (file.path === 'Dockerfile') {
      // Quoting changes the text; the RUN steps are judged by shellcheck and a dry run.
      return isDeepStrictEqual(
        dockerfileKeywords(file.content),
        dockerfileKeywords(base.content),
      )
        ? []
        : ['Dockerfile: the instructions changed'];
    }
    if (isYamlFile(file.path)) {
      if (file.content === base.content) return [];
      const got = parsedFile(hostile, file);
      const want = parsedFile(benign, base);
      if (!got.ok || !want.ok) return [];
      return isDeepStrictEqual(
        withoutHashes(got.data),
        withoutHashes(replaceDeep(want.data, PLACEHOLDER, text)),
      )
        ? []
        : [
            `${file.path}: the data differs from the placeholder's beyond the text`,
          ];
    }
    return withoutHashes(file.content) ===
      withoutHashes(base.content.split(PLACEHOLDER).join(text))
      ? []
      : [
          `${file.path}: the text differs from the placeholder's beyond the text`,
        ];
  });
}

interface RenderCheck {
  refused: boolean;
  failures: string[];
  dockerfile?: string;
  /** The text reached the Dockerfile (it differs from the placeholder's). */
  dockerfileChanged?: boolean;
}

/** Renders the text in all the fields at once (they were accepted one by one) and checks the files. */
function renderCheck(
  doc: ValuesDocument,
  fields: readonly StringField[],
  text: string,
  layout: Layout,
): RenderCheck {
  let hostile: Rendered;
  try {
    hostile = render(withStrings(doc.values, fields, text), layout);
  } catch (error) {
    return {
      refused: false,
      failures: [`threw ${String(error).split('\n')[0]}`],
    };
  }
  if (!hostile.result.ok) {
    return {
      refused: true,
      failures: [
        `accepted alone, refused with others: ${hostile.result.problems
          .map(p => p.path)
          .join(', ')}`,
      ],
    };
  }
  const files = hostile.result.value;
  const benign = render(withStrings(doc.values, fields, PLACEHOLDER), layout);
  const unchanged = new Set(
    benign.result.ok
      ? benign.result.value.map(f => `${f.path}\0${f.content}`)
      : [],
  );
  const failures: string[] = [];
  for (const file of files.filter(f => isYamlFile(f.path))) {
    // A file the text left byte-identical to the placeholder's holds nothing of it.
    if (unchanged.has(`${file.path}\0${file.content}`)) continue;
    const parsed = parsedFile(hostile, file);
    if (!parsed.ok) failures.push(...parsed.failures);
  }
  const connectCluster = hostile.yaml.get('connect-cluster.yaml');
  if (connectCluster?.ok) {
    for (const field of fields) {
      failures.push(...valueFoundBack(connectCluster.data, field, text));
    }
  }
  failures.push(...comparisonFailures(hostile, benign, text));
  const dockerfile = files.find(f => f.path === 'Dockerfile')?.content;
  const benignDockerfile = benign.result.ok
    ? benign.result.value.find(f => f.path === 'Dockerfile')?.content
    : undefined;
  return {
    refused: false,
    failures,
    dockerfile,
    dockerfileChanged: dockerfile !== benignDockerfile,
  };
}

function validate(values: unknown): Problem[] | string {
  try {
    return validateValues(values);
  } catch (error) {
    return `threw ${String(error).split('\n')[0]}`;
  }
}

/** Splits fields into groups that can take the text together. */
function compatibleGroups(fields: readonly FieldCases[]): FieldCases[][] {
  const groups: FieldCases[][] = [];
  for (const f of fields) {
    const group = groups.find(g => !g.some(o => conflict(o.field, f.field)));
    if (group) group.push(f);
    else groups.push([f]);
  }
  return groups;
}

export interface FieldOutcome {
  accepted: number;
  refused: number;
  /** Each says which string, then what is wrong (and in which file). */
  failures: string[];
  dockerfiles: Set<string>;
}

function preview(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length > 40 ? `${shown.slice(0, 37)}..."` : shown;
}

/**
 * Runs every hostile string against every field: string j goes into the j-th document
 * (in turn) of the documents that hold the field, in the helm layout for even j and the
 * kustomize layout for odd j.
 */
export function runHostileCases(
  documents: readonly ValuesDocument[],
  fields: readonly FieldCases[],
  strings: readonly HostileString[],
): Map<string, FieldOutcome> {
  const outcomes = new Map<string, FieldOutcome>(
    fields.map(f => [
      f.label,
      { accepted: 0, refused: 0, failures: [], dockerfiles: new Set() },
    ]),
  );
  strings.forEach((string, j) => {
    const text = string.value;
    const layout = LAYOUTS[j % 2];
    const tag = `${string.family} ${preview(text)}`;
    const byDocument = new Map<number, FieldCases[]>();
    for (const f of fields) {
      const doc = f.documents[(j * 7) % f.documents.length];
      byDocument.set(doc, [...(byDocument.get(doc) ?? []), f]);
    }
    for (const [docIndex, docFields] of byDocument) {
      const doc = documents[docIndex];
      const accepted: FieldCases[] = [];
      for (const f of docFields) {
        const outcome = outcomes.get(f.label)!;
        const problems = validate(withString(doc.values, f.field, text));
        if (typeof problems === 'string') {
          outcome.failures.push(`${tag}: ${problems}`);
        } else if (problems.length > 0) {
          outcome.refused++;
          const benign = () => {
            const p = validate(withString(doc.values, f.field, PLACEHOLDER));
            return typeof p === 'string' ? [] : p;
          };
          outcome.failures.push(
            ...refusalFailures(problems, f.field, text, benign).map(
              failure => `${tag}: ${failure}`,
            ),
          );
        } else {
          accepted.push(f);
        }
      }
      for (const group of compatibleGroups(accepted)) {
        const together = renderCheck(
          doc,
          group.map(f => f.field),
          text,
          layout,
        );
        // RUN steps are judged later, in one batch: a Dockerfile the text reached must
        // belong to one field, so such a group is rendered field by field too.
        const clean =
          !together.refused &&
          together.failures.length === 0 &&
          !together.dockerfileChanged;
        for (const f of group) {
          const outcome = outcomes.get(f.label)!;
          // Alone again, so that a failure names the field that causes it.
          const result =
            clean || group.length === 1
              ? together
              : renderCheck(doc, [f.field], text, layout);
          outcome.accepted++;
          outcome.failures.push(
            ...result.failures.map(
              failure => `${tag} in ${doc.label} (${layout}): ${failure}`,
            ),
          );
          if (result.dockerfile) outcome.dockerfiles.add(result.dockerfile);
        }
      }
    }
  });
  return outcomes;
}
