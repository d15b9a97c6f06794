import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { messagesAt } from '../preview/problemPaths';
import {
  chosenRelease,
  fieldPath,
  fieldProblems,
  wholeForm,
} from './fieldContext';

/**
 * `kafka.version`: one of the Kafka versions of the Strimzi release chosen on the form, or
 * none for the release's default. A version the release lacks stays as given and is named as
 * a problem (switching the release never changes this field behind the developer's back).
 */
export function KafkaVersionPicker(
  props: FieldExtensionComponentProps<string | undefined>,
) {
  const { formData, onChange, idSchema } = props;
  const release = chosenRelease(wholeForm(props));
  const problems = fieldProblems(props, fieldPath(props, ['kafka', 'version']));
  const messages = messagesAt(problems, []);
  const known =
    formData === undefined || release.kafkaVersions.includes(formData);
  return (
    <TextField
      select
      fullWidth
      margin="normal"
      id={idSchema?.$id ?? 'root_kafka_version'}
      label="Kafka version"
      value={formData ?? ''}
      onChange={e => onChange(e.target.value || undefined)}
      error={messages.length > 0}
      helperText={
        messages.join(' ') ||
        `The Kafka versions of Strimzi ${release.version}; the default is ${release.defaultKafkaVersion}.`
      }
    >
      <MenuItem value="">
        The release's default ({release.defaultKafkaVersion})
      </MenuItem>
      {[...release.kafkaVersions].reverse().map(v => (
        <MenuItem key={v} value={v}>
          {v}
        </MenuItem>
      ))}
      {!known && (
        <MenuItem value={formData}>
          {formData} (not a Kafka version of Strimzi {release.version})
        </MenuItem>
      )}
    </TextField>
  );
}
