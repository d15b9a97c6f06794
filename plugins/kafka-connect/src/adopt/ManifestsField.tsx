import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import TextField from '@material-ui/core/TextField';

/**
 * The adopt template's text areas (the pasted KafkaConnect and KafkaConnectors; the checksum
 * lines): a text area in a fixed-width font, as a field (not a widget) so that the
 * scaffolder runs its validator (manifestsCheck.ts) on Next, and without the deprecated `rows`
 * prop that RJSF's textarea widget hands Material UI (a console error in a development
 * build). The form shows the description and the validator's lines below it.
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
      fullWidth
      margin="normal"
      // A plain text area of fixed height: Material UI's multiline one grows with the text,
      // and a long paste made the page's scroll bar come and go in a loop ("Too many
      // re-renders. The layout is unstable.").
      InputProps={{ inputComponent: 'textarea' }}
      inputProps={{
        rows,
        spellCheck: false,
        style: {
          height: 'auto',
          resize: 'vertical',
          fontFamily: 'monospace',
          fontSize: '0.85rem',
        },
      }}
    />
  );
}
