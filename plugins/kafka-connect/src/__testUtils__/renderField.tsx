import { ComponentType, useState } from 'react';
import { render, RenderResult } from '@testing-library/react';
import { PathSegment } from '@connect-skeleton/plugin-kafka-connect-common';
import { FormState } from '../preview/formValues';

function setAt(form: FormState, path: readonly PathSegment[], value: unknown) {
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> = Array.isArray(form)
    ? ([...form] as unknown as Record<number, unknown>)
    : { ...form };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    const child = (copy[head] ?? {}) as FormState;
    copy[head] = setAt(child, rest, value);
  }
  return copy as FormState;
}

function getAt(form: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>(
    (v, key) =>
      v && typeof v === 'object'
        ? (v as Record<string | number, unknown>)[key]
        : undefined,
    form,
  );
}

/**
 * Renders a field extension as the scaffolder's stepper does: its value at `path` of the
 * whole form, the whole form in formContext.formData, every change written back into the
 * form (so the field re-renders with it). `latest()` is the form after the last change.
 */
export function renderField(
  Field: ComponentType<any>,
  options: {
    path: PathSegment[];
    form?: FormState;
    uiOptions?: Record<string, unknown>;
  },
): RenderResult & {
  latest: () => FormState;
  value: () => unknown;
  changes: unknown[];
} {
  let current: FormState = options.form ?? {};
  const changes: unknown[] = [];
  function Harness() {
    const [form, setForm] = useState<FormState>(current);
    current = form;
    return (
      <Field
        name={String(options.path[options.path.length - 1])}
        formData={getAt(form, options.path)}
        onChange={(value: unknown) => {
          changes.push(value);
          setForm(f => setAt(f, options.path, value));
        }}
        formContext={{ formData: form }}
        idSchema={{ $id: ['root', ...options.path].join('_') }}
        schema={{}}
        uiSchema={{ 'ui:options': options.uiOptions ?? {} }}
        rawErrors={[]}
        errorSchema={{}}
        required={false}
        disabled={false}
        readonly={false}
        onBlur={() => {}}
        onFocus={() => {}}
        registry={{}}
      />
    );
  }
  const rendered = render(<Harness />);
  return {
    ...rendered,
    latest: () => current,
    value: () => getAt(current, options.path),
    changes,
  };
}
