import {
  formatProblem,
  ImportInputs,
  importCluster,
  parseChecksums,
  parseManifests,
} from '@connect-skeleton/plugin-kafka-connect-common';

/**
 * The adopt template's check of the pasted KafkaConnect, run in the browser on Next: the
 * import step's own importer, so that what the task would refuse is named next to the field,
 * one line per field of the original, while the user can still change the paste.
 */

/** The fields of the adopt template's first page that the import reads. */
export interface AdoptForm {
  manifests?: unknown;
  namespace?: unknown;
  strimzi?: unknown;
  checksums?: unknown;
}

/** The import's words for its inputs, as this form names them (the CLI's are flags). */
export const FORM_INPUTS: ImportInputs = {
  namespace: 'Kubernetes namespace',
  giveNamespace: 'by filling in the field "Kubernetes namespace" below',
  checksums: 'the field "Checksums"',
  addChecksum: 'the field "Checksums" below',
};

// The owner is its own field (required, and the render step checks the membership): any
// well-formed group keeps the import's check on the pasted manifests.
const ANY_OWNER = 'group:default/owner-checked-by-its-own-field';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What the import step would refuse in the pasted manifests, one line each; none when it takes them. */
export function manifestsProblems(form: AdoptForm): string[] {
  const manifests = text(form.manifests);
  // Nothing pasted yet: the field's `required` says so.
  if (manifests.trim() === '') return [];
  const parsed = parseManifests(manifests);
  if (parsed.problems.length > 0) {
    return parsed.problems.map(p => p.message);
  }
  // A malformed checksum line is for the checksums field; the well-formed ones count here.
  const checksums = text(form.checksums).trim()
    ? parseChecksums(text(form.checksums), 'Checksums').checksums
    : undefined;
  const result = importCluster(parsed.documents, {
    owner: ANY_OWNER,
    namespace: text(form.namespace).trim() || undefined,
    strimzi: text(form.strimzi).trim() || undefined,
    checksums,
    inputs: FORM_INPUTS,
  });
  return result.ok
    ? []
    : result.problems.map(p =>
        // The importer's "(file)" is the whole text here.
        p.path === '(file)' ? `The pasted text ${p.message}` : formatProblem(p),
      );
}

/** The field's validator (the scaffolder's CustomFieldValidator): Next stays while a line is there. */
export function validateManifests(
  _value: unknown,
  validation: { addError(message: string): void },
  context: { formData?: AdoptForm },
): void {
  for (const problem of manifestsProblems(context.formData ?? {})) {
    validation.addError(problem);
  }
}

/** The checksums field's validator: a line that is not `sha512sum` output is named, Next stays. */
export function validateChecksums(
  value: unknown,
  validation: { addError(message: string): void },
): void {
  if (!text(value).trim()) return;
  for (const problem of parseChecksums(text(value), 'line').problems) {
    // parseChecksums names "FILE:N"; here the file is the field.
    validation.addError(
      `${problem.path.replace(/^line:/, 'Line ')}: ${problem.message}`,
    );
  }
}
