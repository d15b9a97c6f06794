import { ComponentType } from 'react';
import { FormState } from '../preview/formValues';
import { renderField } from './renderField';
import { REQUIRED_VALUES } from './requiredValues';

/**
 * A field editing the top-level setting `name` of a form whose required values are filled
 * in, so that the common checks speak only of what the test gives in `values`.
 */
export function renderClusterField(
  Field: ComponentType<any>,
  name: string,
  values: FormState = {},
): ReturnType<typeof renderField> {
  return renderField(Field, {
    path: [name],
    form: { ...REQUIRED_VALUES, ...values },
  });
}
