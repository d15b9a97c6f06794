import {
  findRelease,
  NEWEST_STRIMZI_VERSION,
  PathSegment,
  StrimziRelease,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { FormState } from '../preview/formValues';
import { previewOf } from '../preview/computePreview';
import { LocatedProblem, problemsUnder } from '../preview/problemPaths';

/** What the field extensions read of RJSF's field props (FieldExtensionComponentProps). */
export interface FieldPropsLike {
  formContext?: { formData?: FormState };
  idSchema?: { $id?: string };
  uiSchema?: { 'ui:options'?: Record<string, unknown> };
}

/**
 * The whole form, every page: the scaffolder's stepper puts its state into
 * formContext.formData and re-renders the fields with it on each change.
 */
export function wholeForm(props: FieldPropsLike): FormState {
  return props.formContext?.formData ?? {};
}

/**
 * The values path of a field: `ui:options.valuesPath` when given (`kafka.version`), else its
 * RJSF id (`root_kafka_version`). Values field names hold no "_", so the id splits cleanly.
 */
export function fieldPath(
  props: FieldPropsLike,
  fallback: readonly PathSegment[],
): PathSegment[] {
  const given = props.uiSchema?.['ui:options']?.valuesPath;
  if (typeof given === 'string' && given) {
    return given.split('.').map(s => (/^\d+$/.test(s) ? Number(s) : s));
  }
  const id = props.idSchema?.$id;
  if (id && id.startsWith('root_')) {
    return id
      .slice('root_'.length)
      .split('_')
      .map(s => (/^\d+$/.test(s) ? Number(s) : s));
  }
  return [...fallback];
}

/** The common checks' problems at or below this field, relative to it. */
export function fieldProblems(
  props: FieldPropsLike,
  path: readonly PathSegment[],
): LocatedProblem[] {
  return problemsUnder(previewOf(wholeForm(props)).problems, path);
}

/** The Strimzi release the form has chosen (the newest when none is). */
export function chosenRelease(form: FormState): StrimziRelease {
  const strimzi = form.strimzi as { version?: unknown } | undefined;
  const version =
    typeof strimzi?.version === 'string' ? strimzi.version : undefined;
  return (
    (version && findRelease(version)) || findRelease(NEWEST_STRIMZI_VERSION)!
  );
}
