import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { AddButton, RemoveButton } from '../components/RowButtons';
import { FieldFrame, ProblemLines } from '../components/FieldFrame';
import { LocatedProblem, messagesAt } from '../preview/problemPaths';
import { fieldPath, fieldProblems } from './fieldContext';

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

function EnvRow(props: {
  id: string;
  index: number;
  variable: EnvVar;
  problems: LocatedProblem[];
  onChange: (variable: EnvVar) => void;
  onRemove: () => void;
}) {
  const { id, variable, problems, onChange } = props;
  const source = sourceOf(variable);
  const at = (...path: (string | number)[]) => messagesAt(problems, path);
  const ref = refOf(variable);
  const refPath = ['valueFrom', source];
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-start"
      style={{ gap: 8 }}
      mb={1}
    >
      <TextField
        id={`${id}_name`}
        label="Name"
        value={variable.name ?? ''}
        onChange={e =>
          onChange({ ...variable, name: e.target.value || undefined })
        }
        error={at('name').length > 0}
        helperText={at('name').join(' ')}
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
          error={at('value').length > 0}
          helperText={at('value').join(' ')}
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
            error={at(...refPath, 'name').length > 0}
            helperText={at(...refPath, 'name').join(' ')}
          />
          <TextField
            id={`${id}_refKey`}
            label="Key"
            value={ref.key ?? ''}
            onChange={e =>
              onChange(withRef(variable, { ...ref, key: e.target.value }))
            }
            error={at(...refPath, 'key').length > 0}
            helperText={at(...refPath, 'key').join(' ')}
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
        label={`Remove ${variable.name || `variable ${props.index + 1}`}`}
        onClick={props.onRemove}
      />
      <Box width="100%">
        <ProblemLines
          messages={[...at(), ...at('valueFrom'), ...at(...refPath)]}
        />
      </Box>
    </Box>
  );
}

/**
 * `env`: the Connect container's environment variables, each a plain value or a reference
 * to a key of a Secret or ConfigMap. Switching between the two leaves no key of the other.
 */
export function EnvEditor(
  props: FieldExtensionComponentProps<EnvVar[] | undefined>,
) {
  const { formData, onChange, idSchema } = props;
  const path = fieldPath(props, ['env']);
  const problems = fieldProblems(props, path);
  const variables = formData ?? [];
  const id = idSchema?.$id ?? 'root_env';
  const set = (next: EnvVar[]) => onChange(next.length > 0 ? next : undefined);
  return (
    <FieldFrame
      title="Environment variables"
      description="A plain value, or the key of a Secret or ConfigMap. Credentials (passwords, tokens, keys) must come from a Secret."
      problems={messagesAt(problems, [])}
    >
      {variables.map((variable, i) => (
        <EnvRow
          key={i}
          id={`${id}_${i}`}
          index={i}
          variable={variable}
          problems={problems
            .filter(p => p.segments[0] === i)
            .map(p => ({ ...p, segments: p.segments.slice(1) }))}
          onChange={v => set(variables.map((old, j) => (j === i ? v : old)))}
          onRemove={() => set(variables.filter((_, j) => j !== i))}
        />
      ))}
      <AddButton
        label="Add a variable"
        onClick={() => set([...variables, { name: undefined, value: '' }])}
      />
    </FieldFrame>
  );
}
