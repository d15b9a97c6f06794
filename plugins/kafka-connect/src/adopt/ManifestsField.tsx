import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';

/**
 * The adopt template's text areas (the pasted KafkaConnect and KafkaConnectors; the checksum
 * lines): the text area of `ui:widget: textarea` in a fixed-width font, as a field (not a
 * widget) so that the scaffolder runs its validator (manifestsCheck.ts) on Next, and without
 * the deprecated `rows` prop that RJSF's widget hands Material UI (a console error in a
 * development build). The form shows the description and the validator's lines below it.
 */
export function ManifestsField(
  props: FieldExtensionComponentProps<string | undefined, { rows?: number }>,
) {
  const {
    formData,
    onChange,
    schema,
    idSchema,
    uiSchema,
    required,
    rawErrors,
  } = props;
  const rows = Number(uiSchema?.['ui:options']?.rows ?? 3);
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title}
      required={required}
      error={(rawErrors?.length ?? 0) > 0}
      value={formData ?? ''}
      onChange={event => onChange(event.target.value || undefined)}
      multiline
      minRows={rows}
      fullWidth
      margin="normal"
      inputProps={{
        spellCheck: false,
        style: { fontFamily: 'monospace', fontSize: '0.85rem' },
      }}
    />
  );
}
