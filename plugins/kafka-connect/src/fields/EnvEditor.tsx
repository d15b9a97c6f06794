import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { RemoveButton } from '../components/RowButtons';
import { FieldFrame, ProblemLines } from '../components/FieldFrame';
import { InputRow } from '../components/InputRow';
import { ListRow, ListRows } from '../components/ListRows';
import { problemProps } from '../components/problemProps';
import { messagesAt } from '../preview/problemPaths';
import { listField } from './listField';

interface KeyRef {
  name?: string;
  key?: string;
  optional?: boolean;
}

/** One `env[]` entry of the values: a plain value, or a reference to a Secret or ConfigMap key. */
export type EnvVar =
  | { name?: string; value?: string }
  | { name?: string; valueFrom: { secretKeyRef: KeyRef } }
  | { name?: string; valueFrom: { configMapKeyRef: KeyRef } };

type Source = 'value' | 'secretKeyRef' | 'configMapKeyRef';

export function sourceOf(variable: EnvVar): Source {
  if ('valueFrom' in variable && variable.valueFrom) {
    return 'configMapKeyRef' in variable.valueFrom
      ? 'configMapKeyRef'
      : 'secretKeyRef';
  }
  return 'value';
}

function refOf(variable: EnvVar): KeyRef {
  if (!('valueFrom' in variable) || !variable.valueFrom) return {};
  return 'secretKeyRef' in variable.valueFrom
    ? variable.valueFrom.secretKeyRef
    : variable.valueFrom.configMapKeyRef;
}

/** The variable as the other source: its name kept, nothing of the old source left. */
export function withSource(variable: EnvVar, source: Source): EnvVar {
  const name = variable.name;
  if (source === 'value') return { name, value: '' };
  // A Secret and a ConfigMap reference have the same shape: the reference carries over.
  const ref = refOf(variable);
  return source === 'secretKeyRef'
    ? { name, valueFrom: { secretKeyRef: ref } }
    : { name, valueFrom: { configMapKeyRef: ref } };
}

function withRef(variable: EnvVar, ref: KeyRef): EnvVar {
  const clean: KeyRef = {};
  if (ref.name) clean.name = ref.name;
  if (ref.key) clean.key = ref.key;
  if (ref.optional) clean.optional = true;
  return sourceOf(variable) === 'secretKeyRef'
    ? { name: variable.name, valueFrom: { secretKeyRef: clean } }
    : { name: variable.name, valueFrom: { configMapKeyRef: clean } };
}

const SOURCE_LABELS: Record<Source, string> = {
  value: 'Plain value',
  secretKeyRef: 'Key of a Secret',
  configMapKeyRef: 'Key of a ConfigMap',
};

function EnvRow(props: { id: string; variable: EnvVar; row: ListRow<EnvVar> }) {
  const { id, variable } = props;
  const { problems, onChange } = props.row;
  const source = sourceOf(variable);
  const at = (...path: (string | number)[]) => messagesAt(problems, path);
  const ref = refOf(variable);
  const refPath = ['valueFrom', source];
  return (
    <InputRow mb={1}>
      <TextField
        id={`${id}_name`}
        label="Name"
        value={variable.name ?? ''}
        onChange={e =>
          onChange({ ...variable, name: e.target.value || undefined })
        }
        {...problemProps(at('name'))}
      />
      <TextField
        select
        id={`${id}_source`}
        label="From"
        value={source}
        onChange={e => onChange(withSource(variable, e.target.value as Source))}
        style={{ minWidth: 180 }}
      >
        {(Object.keys(SOURCE_LABELS) as Source[]).map(s => (
          <MenuItem key={s} value={s}>
            {SOURCE_LABELS[s]}
          </MenuItem>
        ))}
      </TextField>
      {source === 'value' ? (
        <TextField
          id={`${id}_value`}
          label="Value"
          style={{ flexGrow: 1 }}
          value={'value' in variable ? variable.value ?? '' : ''}
          onChange={e =>
            onChange({ name: variable.name, value: e.target.value })
          }
          {...problemProps(at('value'))}
        />
      ) : (
        <>
          <TextField
            id={`${id}_refName`}
            label={source === 'secretKeyRef' ? 'Secret' : 'ConfigMap'}
            value={ref.name ?? ''}
            onChange={e =>
              onChange(withRef(variable, { ...ref, name: e.target.value }))
            }
            {...problemProps(at(...refPath, 'name'))}
          />
          <TextField
            id={`${id}_refKey`}
            label="Key"
            value={ref.key ?? ''}
            onChange={e =>
              onChange(withRef(variable, { ...ref, key: e.target.value }))
            }
            {...problemProps(at(...refPath, 'key'))}
          />
          <FormControlLabel
            control={
              <Checkbox
                id={`${id}_optional`}
                checked={ref.optional === true}
                onChange={e =>
                  onChange(
                    withRef(variable, { ...ref, optional: e.target.checked }),
                  )
                }
              />
            }
            label="May be missing"
          />
        </>
      )}
      <RemoveButton
        label={`Remove ${variable.name || `variable ${props.row.index + 1}`}`}
        onClick={props.row.onRemove}
      />
      <Box width="100%">
        <ProblemLines
          messages={[...at(), ...at('valueFrom'), ...at(...refPath)]}
        />
      </Box>
    </InputRow>
  );
}

/**
 * `env`: the Connect container's environment variables, each a plain value or a reference
 * to a key of a Secret or ConfigMap. Switching between the two leaves no key of the other.
 */
export function EnvEditor(
  props: FieldExtensionComponentProps<EnvVar[] | undefined>,
) {
  const { id, items, problems, set } = listField(props, 'env');
  return (
    <FieldFrame
      title="Environment variables"
      description="A plain value, or the key of a Secret or ConfigMap. Credentials (passwords, tokens, keys) must come from a Secret."
      problems={messagesAt(problems, [])}
    >
      <ListRows
        items={items}
        problems={problems}
        onChange={set}
        renderRow={(variable, row) => (
          <EnvRow id={`${id}_${row.index}`} variable={variable} row={row} />
        )}
        addLabel="Add a variable"
        newItem={() => ({ name: undefined, value: '' })}
      />
    </FieldFrame>
  );
}
