import {
  Problem,
  RenderedFile,
  renderCluster,
} from '@connect-skeleton/plugin-kafka-connect-common';
import {
  FormState,
  layoutFromForm,
  valueAt,
  valuesFromForm,
} from './formValues';
import { LocatedProblem, locate } from './problemPaths';

/** What the preview shows for one state of the form. */
export interface Preview {
  /** The rendered files, or undefined when a problem stops the render. */
  files?: RenderedFile[];
  /** Every problem the render step would report for these values, each once. */
  problems: LocatedProblem[];
  /** Required fields not filled in yet, rendered with a visible stand-in (by path). */
  placeholders: string[];
}

/**
 * Stand-ins for the required fields a developer fills in last, so the files show from the
 * first keystroke. They are named in the preview, and the problems still list the fields.
 */
const PLACEHOLDERS: readonly { path: string[]; value: string }[] = [
  { path: ['name'], value: 'cluster-name' },
  { path: ['namespace'], value: 'namespace' },
  { path: ['owner'], value: 'group:default/owner' },
  { path: ['kafka', 'bootstrapServers'], value: 'bootstrap-servers:9092' },
];

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function withPlaceholders(
  values: Record<string, unknown>,
  missing: readonly { path: string[]; value: string }[],
): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...values };
  for (const { path, value } of missing) {
    let target = filled;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      target[key] =
        typeof next === 'object' && next !== null && !Array.isArray(next)
          ? { ...(next as Record<string, unknown>) }
          : {};
      target = target[key] as Record<string, unknown>;
    }
    target[path[path.length - 1]] = value;
  }
  return filled;
}

/**
 * The same renderer as the render step (renderCluster of the common package), on the values
 * the template would pass it. When only required fields are missing, the files are rendered
 * once more with stand-ins for them; any other problem stops the files, as it stops the step.
 */
export function computePreview(form: FormState): Preview {
  const values = valuesFromForm(form);
  const layout = layoutFromForm(form);
  const rendered = renderCluster(values, { layout });
  if (rendered.ok) {
    return { files: rendered.value.files, problems: [], placeholders: [] };
  }
  const problems = locate(rendered.problems);
  const missing = PLACEHOLDERS.filter(p => isMissing(valueAt(values, p.path)));
  if (missing.length === 0) return { problems, placeholders: [] };
  const missingPaths = new Set(missing.map(p => p.path.join('.')));
  // Problems of the missing fields themselves (or of the whole kafka section) do not stop the stand-in render.
  const others = problems.filter(
    p =>
      !missingPaths.has(p.path) &&
      !(p.path === 'kafka' && missingPaths.has('kafka.bootstrapServers')),
  );
  if (others.length > 0) return { problems, placeholders: [] };
  const standIn = renderCluster(withPlaceholders(values, missing), { layout });
  return standIn.ok
    ? {
        files: standIn.value.files,
        problems,
        placeholders: missing.map(p => p.path.join('.')),
      }
    : { problems, placeholders: [] };
}

/**
 * Whether a problem at `path` only says that a required field is not filled in yet (the
 * preview shows a stand-in for it): named as still to fill in, not as a problem.
 */
export function isStillToFill(preview: Preview, path: string): boolean {
  return (
    preview.placeholders.includes(path) ||
    (path === 'kafka' &&
      preview.placeholders.includes('kafka.bootstrapServers'))
  );
}

const cache = new WeakMap<object, Preview>();

/**
 * One computation per state of the form: the scaffolder hands every field the same state
 * object (formContext.formData) in one render, so the preview and each field's problems share it.
 */
export function previewOf(form: FormState): Preview {
  let preview = cache.get(form);
  if (!preview) {
    preview = computePreview(form);
    cache.set(form, preview);
  }
  return preview;
}

/** The problems alone, as a field shows them. */
export function problemsOf(form: FormState): Problem[] {
  return previewOf(form).problems;
}
