import { useState } from 'react';
import { parse, stringify } from 'yaml';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { AddButton, RemoveButton } from '../components/RowButtons';
import { FieldFrame, ProblemLines } from '../components/FieldFrame';
import { LocatedProblem, messagesAt } from '../preview/problemPaths';
import { fieldPath, fieldProblems, wholeForm } from './fieldContext';
import {
  NODE_GROUP_LABELS,
  Scheduling,
  Toleration,
  findZoneSpread,
  tidy,
  toleration,
  withZoneSpread,
  zoneSpread,
} from './schedulingWords';

const OTHER_LABEL = '';

function NodeGroups(props: {
  id: string;
  scheduling: Scheduling | undefined;
  problems: LocatedProblem[];
  onChange: (s: Scheduling | undefined) => void;
}) {
  const entries = Object.entries(props.scheduling?.nodeSelector ?? {});
  // Rows switched to "another node label" keep their key until it is typed over.
  const [custom, setCustom] = useState<ReadonlySet<number>>(new Set());
  const setEntries = (next: [string, string][]) =>
    props.onChange(
      tidy({ ...props.scheduling, nodeSelector: Object.fromEntries(next) }),
    );
  return (
    <Box mt={1}>
      <Typography variant="subtitle2">Run only on a node group</Typography>
      {entries.map(([key, value], i) => {
        const preset =
          !custom.has(i) && NODE_GROUP_LABELS.some(l => l.key === key);
        const messages = messagesAt(props.problems, ['nodeSelector', key]);
        return (
          <Box key={i} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
            <TextField
              select
              id={`${props.id}_nodeGroup_${i}_kind`}
              label="Node group of"
              value={preset ? key : OTHER_LABEL}
              onChange={e => {
                const chosen = e.target.value;
                const others = new Set(custom);
                if (chosen === OTHER_LABEL) {
                  setCustom(others.add(i));
                  return;
                }
                others.delete(i);
                setCustom(others);
                setEntries(
                  entries.map((entry, j) =>
                    j === i ? [chosen, entry[1]] : entry,
                  ),
                );
              }}
              style={{ minWidth: 200 }}
            >
              {NODE_GROUP_LABELS.map(l => (
                <MenuItem key={l.key} value={l.key}>
                  {l.label}
                </MenuItem>
              ))}
              <MenuItem value={OTHER_LABEL}>Another node label</MenuItem>
            </TextField>
            {!preset && (
              <TextField
                id={`${props.id}_nodeGroup_${i}_key`}
                label="Node label"
                value={key}
                onChange={e =>
                  setEntries(
                    entries.map((entry, j) =>
                      j === i ? [e.target.value, entry[1]] : entry,
                    ),
                  )
                }
              />
            )}
            <TextField
              id={`${props.id}_nodeGroup_${i}_value`}
              label="Name"
              value={value}
              onChange={e =>
                setEntries(
                  entries.map((entry, j) =>
                    j === i ? [entry[0], e.target.value] : entry,
                  ),
                )
              }
              error={messages.length > 0}
              helperText={messages.join(' ')}
            />
            <RemoveButton
              label={`Remove node group ${value || i + 1}`}
              onClick={() => {
                setCustom(new Set());
                setEntries(entries.filter((_, j) => j !== i));
              }}
            />
          </Box>
        );
      })}
      <AddButton
        label="Add a node group"
        onClick={() => setEntries([...entries, [NODE_GROUP_LABELS[0].key, '']])}
      />
    </Box>
  );
}

function ZoneSpread(props: {
  id: string;
  name: string;
  scheduling: Scheduling | undefined;
  onChange: (s: Scheduling | undefined) => void;
}) {
  const spread = findZoneSpread(props.scheduling);
  const strict = spread?.whenUnsatisfiable === 'DoNotSchedule';
  const selected = spread?.labelSelector?.matchLabels?.['strimzi.io/cluster'];
  const set = (on: boolean, isStrict: boolean) =>
    props.onChange(
      withZoneSpread(
        props.scheduling,
        on ? { ...spread, ...zoneSpread(props.name, isStrict) } : undefined,
      ),
    );
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">Spread across zones</Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 8 }}
      >
        <FormControlLabel
          control={
            <Checkbox
              id={`${props.id}_zoneSpread`}
              checked={spread !== undefined}
              onChange={e => set(e.target.checked, strict)}
            />
          }
          label="Put the workers in different zones"
        />
        {spread && (
          <TextField
            select
            id={`${props.id}_zoneSpread_strict`}
            label="When a zone is full"
            value={strict ? 'strict' : 'prefer'}
            onChange={e => set(true, e.target.value === 'strict')}
            style={{ minWidth: 260 }}
          >
            <MenuItem value="prefer">
              Start the pod in another zone anyway
            </MenuItem>
            <MenuItem value="strict">Leave the pod pending</MenuItem>
          </TextField>
        )}
      </Box>
      {spread && selected !== undefined && selected !== props.name && (
        <FormHelperText error>
          The spread counts the pods of cluster "{selected}", but this cluster
          is named "{props.name}".{' '}
          <Button size="small" onClick={() => set(true, strict)}>
            Count this cluster's pods
          </Button>
        </FormHelperText>
      )}
    </Box>
  );
}

const EFFECTS: [string, string][] = [
  ['', 'Any effect'],
  ['NoSchedule', 'NoSchedule'],
  ['PreferNoSchedule', 'PreferNoSchedule'],
  ['NoExecute', 'NoExecute'],
];

function Tolerations(props: {
  id: string;
  scheduling: Scheduling | undefined;
  problems: LocatedProblem[];
  onChange: (s: Scheduling | undefined) => void;
}) {
  const list = props.scheduling?.tolerations ?? [];
  const set = (next: Toleration[]) =>
    props.onChange(tidy({ ...props.scheduling, tolerations: next }));
  const edit = (i: number, key: string, value: string, effect: string) =>
    set(list.map((t, j) => (j === i ? toleration(key, value, effect, t) : t)));
  return (
    <Box mt={2}>
      <Typography variant="subtitle2">Tolerate a taint</Typography>
      {list.map((t, i) => (
        <Box key={i} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
          <TextField
            id={`${props.id}_taint_${i}_key`}
            label="Taint key"
            value={t.key ?? ''}
            onChange={e =>
              edit(i, e.target.value, t.value ?? '', t.effect ?? '')
            }
          />
          <TextField
            id={`${props.id}_taint_${i}_value`}
            label="Value (empty: any)"
            value={t.value ?? ''}
            onChange={e => edit(i, t.key ?? '', e.target.value, t.effect ?? '')}
          />
          <TextField
            select
            id={`${props.id}_taint_${i}_effect`}
            label="Effect"
            value={t.effect ?? ''}
            onChange={e => edit(i, t.key ?? '', t.value ?? '', e.target.value)}
            style={{ minWidth: 180 }}
          >
            {EFFECTS.map(([v, label]) => (
              <MenuItem key={v} value={v}>
                {label}
              </MenuItem>
            ))}
          </TextField>
          <RemoveButton
            label={`Remove taint ${t.key || i + 1}`}
            onClick={() => set(list.filter((_, j) => j !== i))}
          />
          <Box width="100%">
            <ProblemLines
              messages={props.problems
                .filter(
                  p => p.segments[0] === 'tolerations' && p.segments[1] === i,
                )
                .map(p => p.message)}
            />
          </Box>
        </Box>
      ))}
      <AddButton
        label="Tolerate a taint"
        onClick={() => set([...list, { operator: 'Exists' }])}
      />
    </Box>
  );
}

/** The whole `scheduling` section as Kubernetes YAML, for what the words do not say. */
function FullShapes(props: {
  id: string;
  scheduling: Scheduling | undefined;
  onChange: (s: Scheduling | undefined) => void;
}) {
  const [text, setText] = useState(() =>
    props.scheduling ? stringify(props.scheduling) : '',
  );
  const [error, setError] = useState<string | undefined>();
  return (
    <TextField
      id={`${props.id}_yaml`}
      label="scheduling (Kubernetes YAML: nodeSelector, affinity, tolerations, topologySpreadConstraints)"
      multiline
      fullWidth
      minRows={8}
      value={text}
      inputProps={{ style: { fontFamily: 'monospace' } }}
      onChange={e => {
        setText(e.target.value);
        try {
          const parsed = e.target.value.trim()
            ? parse(e.target.value)
            : undefined;
          if (
            parsed !== undefined &&
            (typeof parsed !== 'object' ||
              parsed === null ||
              Array.isArray(parsed))
          ) {
            setError(
              'must be a mapping of nodeSelector, affinity, tolerations and topologySpreadConstraints',
            );
            return;
          }
          setError(undefined);
          props.onChange(parsed ? (parsed as Scheduling) : undefined);
        } catch (e2) {
          setError(`not YAML yet: ${(e2 as Error).message.split('\n')[0]}`);
        }
      }}
      error={error !== undefined}
      helperText={error}
    />
  );
}

/**
 * `scheduling`: where the Connect pods run, in words (a node group, spread across zones,
 * tolerate a taint), with the full Kubernetes shapes one click away.
 */
export function SchedulingEditor(
  props: FieldExtensionComponentProps<Scheduling | undefined>,
) {
  const { formData, onChange, idSchema } = props;
  const [full, setFull] = useState(false);
  const form = wholeForm(props);
  const name =
    typeof form.name === 'string' && form.name ? form.name : 'cluster-name';
  const path = fieldPath(props, ['scheduling']);
  const problems = fieldProblems(props, path);
  const id = idSchema?.$id ?? 'root_scheduling';
  const unspoken = [
    formData?.affinity && 'affinity',
    (formData?.topologySpreadConstraints ?? []).some(
      c => c.topologyKey !== findZoneSpread(formData)?.topologyKey,
    ) && 'other spread rules',
  ].filter(Boolean);
  return (
    <FieldFrame
      title="Where the workers run"
      description="In words, or as the Kubernetes shapes they stand for."
      problems={[
        ...messagesAt(problems, []),
        // What the words do not show is named with the shapes view, where it is.
        ...(full
          ? []
          : problems
              .filter(p =>
                ['affinity', 'topologySpreadConstraints'].includes(
                  String(p.segments[0]),
                ),
              )
              .map(p => `${p.path}: ${p.message}`)),
      ]}
    >
      <Button
        size="small"
        variant="outlined"
        onClick={() => setFull(!full)}
        aria-pressed={full}
      >
        {full ? 'Back to words' : 'Show the Kubernetes shapes'}
      </Button>
      {full ? (
        <Box mt={1}>
          <FullShapes id={id} scheduling={formData} onChange={onChange} />
          <ProblemLines
            messages={problems.map(p => `${p.path}: ${p.message}`)}
          />
        </Box>
      ) : (
        <>
          <NodeGroups
            id={id}
            scheduling={formData}
            problems={problems}
            onChange={onChange}
          />
          <ZoneSpread
            id={id}
            name={name}
            scheduling={formData}
            onChange={onChange}
          />
          <Tolerations
            id={id}
            scheduling={formData}
            problems={problems}
            onChange={onChange}
          />
          {unspoken.length > 0 && (
            <Typography variant="body2" color="textSecondary">
              Also set, shown with the Kubernetes shapes: {unspoken.join(', ')}.
            </Typography>
          )}
        </>
      )}
    </FieldFrame>
  );
}
