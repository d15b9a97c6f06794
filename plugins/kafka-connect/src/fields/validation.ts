import { PathSegment } from '@connect-skeleton/plugin-kafka-connect-common';
import { computePreview } from '../preview/computePreview';
import { FormState } from '../preview/formValues';
import { isAtOrBelow } from '../preview/problemPaths';
import { fieldInWords } from '../preview/plainWords';

/** What the scaffolder hands a field's validator (CustomFieldValidator). */
interface FieldValidationLike {
  addError(message: string): void;
}

/**
 * A validator that stops Next while the common checks find a problem at or below `path`:
 * the render step would refuse the same values, so the developer hears it on this page.
 */
export function problemsValidator(path: readonly PathSegment[]) {
  return (
    _value: unknown,
    validation: FieldValidationLike,
    context: { formData?: FormState },
  ) => {
    const form = context.formData ?? {};
    for (const problem of computePreview(form).problems) {
      if (isAtOrBelow(problem.segments, path)) {
        validation.addError(
          `${fieldInWords(problem.segments, form)}: ${problem.message}`,
        );
      }
    }
  };
}
