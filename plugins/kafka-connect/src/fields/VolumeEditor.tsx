import { useState } from 'react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { VolumeType } from '@connect-skeleton/plugin-kafka-connect-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { RemoveButton } from '../components/RowButtons';
import { FieldFrame, ProblemLines } from '../components/FieldFrame';
import { InputRow } from '../components/InputRow';
import { ListRow, ListRows } from '../components/ListRows';
import { problemProps } from '../components/problemProps';
import { LocatedProblem, messagesAt } from '../preview/problemPaths';
import { chosenRelease, wholeForm } from './fieldContext';
import { listField } from './listField';

type Source = Record<string, unknown>;
export type Volume = {
  name?: string;
  mountPath?: string;
  readOnly?: boolean;
  subPath?: string;
} & Record<string, unknown>;

const MOUNT_KEYS = ['name', 'mountPath', 'readOnly', 'subPath'];

/** Every volume source the values know, in the order the editor offers them. */
export const ALL_SOURCES: readonly VolumeType[] = [
  'secret',
  'configMap',
  'emptyDir',
  'persistentVolumeClaim',
  'csi',
  'image',
];

const SOURCE_LABELS: Record<VolumeType, string> = {
  secret: 'Secret',
  configMap: 'ConfigMap',
  emptyDir: 'Empty directory',
  persistentVolumeClaim: 'Persistent volume claim',
  csi: 'CSI driver',
  image: 'Image (OCI artifact)',
};

interface SourceInput {
  key: string;
  label: string;
  kind?: 'text' | 'flag' | 'choice' | 'pairs' | 'items';
  choices?: [string, string][];
}

/** A Secret and a ConfigMap mount their keys alike: the ones listed or all, and may be missing. */
const KEYS_AS_FILES: SourceInput[] = [
  {
    key: 'items',
    label: 'Only these keys, one a line as key or key=file (empty: every key)',
    kind: 'items',
  },
  { key: 'optional', label: 'May be missing', kind: 'flag' },
];

/** The inputs of each source; fields the editor does not show (defaultMode, an item's mode) are kept as given. */
const SOURCE_INPUTS: Record<VolumeType, SourceInput[]> = {
  secret: [{ key: 'secretName', label: 'Secret name' }, ...KEYS_AS_FILES],
  configMap: [{ key: 'name', label: 'ConfigMap name' }, ...KEYS_AS_FILES],
  emptyDir: [
    {
      key: 'medium',
      label: 'Medium',
      kind: 'choice',
      choices: [
        ['', "The node's disk"],
        ['Memory', 'Memory (tmpfs)'],
      ],
    },
    { key: 'sizeLimit', label: 'Size limit (e.g. 256Mi)' },
  ],
  persistentVolumeClaim: [
    { key: 'claimName', label: 'Claim name' },
    { key: 'readOnly', label: 'Read-only claim', kind: 'flag' },
  ],
  csi: [
    { key: 'driver', label: 'Driver (e.g. secrets-store.csi.k8s.io)' },
    {
      key: 'volumeAttributes',
      label: 'Attributes, one key=value a line',
      kind: 'pairs',
    },
    { key: 'readOnly', label: 'Read-only', kind: 'flag' },
  ],
  image: [
    { key: 'reference', label: 'Image reference' },
    {
      key: 'pullPolicy',
      label: 'Pull policy',
      kind: 'choice',
      choices: [
        ['', 'Kubernetes default'],
        ['IfNotPresent', 'IfNotPresent'],
        ['Always', 'Always'],
        ['Never', 'Never'],
      ],
    },
  ],
};

/** The source keys of a volume: exactly one when it is right. */
export function sourcesOf(volume: Volume): string[] {
  return Object.keys(volume).filter(k => !MOUNT_KEYS.includes(k));
}

/** The volume with another source: its mount kept, no key of the old source left. */
export function withSourceType(volume: Volume, type: VolumeType): Volume {
  const next: Volume = {};
  for (const key of MOUNT_KEYS)
    if (volume[key] !== undefined) next[key] = volume[key];
  next[type] = {};
  return next;
}

/** The object with the key set; an empty value (nothing, "", false) leaves the key out. */
function withField<T extends Source>(
  object: T,
  key: string,
  value: unknown,
): T {
  const next: Source = { ...object };
  if (value === undefined || value === '' || value === false) delete next[key];
  else next[key] = value;
  return next as T;
}

function pairsText(value: unknown): string {
  return Object.entries((value ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

function pairsOf(text: string): Record<string, string> | undefined {
  const pairs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) pairs[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return Object.keys(pairs).length > 0 ? pairs : undefined;
}

/** A Secret or ConfigMap key mounted as a file (`items[]` of the source). */
export interface KeyToPath {
  key: string;
  path: string;
  mode?: number;
}

/** `key`, or `key=path` when the file is named otherwise, one item a line. */
export function itemsText(value: unknown): string {
  return ((value ?? []) as KeyToPath[])
    .map(item =>
      item.path === item.key ? item.key : `${item.key}=${item.path}`,
    )
    .join('\n');
}

/**
 * The items of the lines: a line without "=" mounts the key as a file of its own name. An
 * item's mode, which the lines do not show, stays with the item of the same key.
 */
export function itemsOf(
  text: string,
  before: unknown,
): KeyToPath[] | undefined {
  const modes = new Map(
    ((before ?? []) as KeyToPath[]).map(item => [item.key, item.mode]),
  );
  const items: KeyToPath[] = [];
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    const key = (at === -1 ? line : line.slice(0, at)).trim();
    if (!key) continue;
    const path = at === -1 ? key : line.slice(at + 1).trim();
    const mode = modes.get(key);
    items.push(mode === undefined ? { key, path } : { key, path, mode });
  }
  return items.length > 0 ? items : undefined;
}

/** Lines of text edited as a value (pairs, items), kept as typed while a line is unfinished. */
function LinesInput(props: {
  id: string;
  label: string;
  value: unknown;
  messages: string[];
  format: (value: unknown) => string;
  parse: (text: string) => unknown;
  onChange: (value: unknown) => void;
}) {
  const [text, setText] = useState(() => props.format(props.value));
  return (
    <TextField
      id={props.id}
      multiline
      label={props.label}
      value={text}
      onChange={e => {
        setText(e.target.value);
        props.onChange(props.parse(e.target.value));
      }}
      {...problemProps(props.messages)}
      style={{ minWidth: 220, flexGrow: 1 }}
    />
  );
}

function SourceInputs(props: {
  id: string;
  type: string;
  source: Source;
  problems: LocatedProblem[];
  onChange: (source: Source) => void;
}) {
  const inputs = SOURCE_INPUTS[props.type as VolumeType] ?? [];
  return (
    <>
      {inputs.map(input => {
        const id = `${props.id}_${input.key}`;
        const messages = messagesAt(props.problems, [props.type, input.key]);
        const value = props.source[input.key];
        const set = (v: unknown) =>
          props.onChange(withField(props.source, input.key, v));
        if (input.kind === 'flag') {
          return (
            <FormControlLabel
              key={input.key}
              control={
                <Checkbox
                  id={id}
                  checked={value === true}
                  onChange={e => set(e.target.checked)}
                />
              }
              label={input.label}
            />
          );
        }
        if (input.kind === 'pairs') {
          return (
            <LinesInput
              key={input.key}
              id={id}
              label={input.label}
              value={value}
              messages={messages}
              format={pairsText}
              parse={pairsOf}
              onChange={set}
            />
          );
        }
        if (input.kind === 'items') {
          // Problems of one item (items.0.path) are named beside the lines too.
          const itemMessages = props.problems
            .filter(
              p =>
                p.segments[0] === props.type &&
                p.segments[1] === input.key &&
                p.segments.length > 2,
            )
            .map(p => `line ${Number(p.segments[2]) + 1}: ${p.message}`);
          return (
            <LinesInput
              key={input.key}
              id={id}
              label={input.label}
              value={value}
              messages={[...messages, ...itemMessages]}
              format={itemsText}
              parse={text => itemsOf(text, value)}
              onChange={set}
            />
          );
        }
        return (
          <TextField
            key={input.key}
            id={id}
            select={input.kind === 'choice'}
            label={input.label}
            value={(value as string) ?? ''}
            onChange={e => set(e.target.value)}
            {...problemProps(messages)}
            style={{ minWidth: 220 }}
          >
            {input.choices?.map(([v, label]) => (
              <MenuItem key={v} value={v}>
                {label}
              </MenuItem>
            ))}
          </TextField>
        );
      })}
    </>
  );
}

function VolumeRow(props: {
  id: string;
  volume: Volume;
  offered: readonly VolumeType[];
  releaseVersion: string;
  row: ListRow<Volume>;
}) {
  const { id, volume, offered } = props;
  const { problems, onChange } = props.row;
  const sources = sourcesOf(volume);
  const type = sources[0] ?? '';
  const at = (...path: (string | number)[]) => messagesAt(problems, path);
  const setMount = (key: string, value: unknown) =>
    onChange(withField(volume, key, value));
  return (
    <Paper variant="outlined" style={{ padding: 12, marginBottom: 8 }}>
      <InputRow>
        <TextField
          id={`${id}_name`}
          label="Volume name"
          value={volume.name ?? ''}
          onChange={e => setMount('name', e.target.value)}
          {...problemProps(at('name'))}
        />
        <TextField
          id={`${id}_mountPath`}
          label="Mount path (below /mnt/)"
          value={volume.mountPath ?? ''}
          onChange={e => setMount('mountPath', e.target.value)}
          {...problemProps(at('mountPath'))}
          style={{ flexGrow: 1 }}
        />
        <FormControlLabel
          control={
            <Checkbox
              id={`${id}_readOnly`}
              checked={volume.readOnly === true}
              onChange={e => setMount('readOnly', e.target.checked)}
            />
          }
          label="Read-only mount"
        />
        <RemoveButton
          label={`Remove ${volume.name || `volume ${props.row.index + 1}`}`}
          onClick={props.row.onRemove}
        />
      </InputRow>
      <InputRow>
        <TextField
          select
          id={`${id}_type`}
          label="Source"
          value={type}
          onChange={e =>
            onChange(withSourceType(volume, e.target.value as VolumeType))
          }
          style={{ minWidth: 220 }}
        >
          {offered.map(t => (
            <MenuItem key={t} value={t}>
              {SOURCE_LABELS[t]}
            </MenuItem>
          ))}
          {type && !offered.includes(type as VolumeType) && (
            <MenuItem value={type}>
              {type} (not accepted by Strimzi {props.releaseVersion})
            </MenuItem>
          )}
        </TextField>
        {type && (
          <SourceInputs
            id={`${id}_${type}`}
            type={type}
            source={(volume[type] ?? {}) as Source}
            problems={problems}
            onChange={source => onChange({ ...volume, [type]: source })}
          />
        )}
      </InputRow>
      <ProblemLines messages={[...at(), ...sources.flatMap(s => at(s))]} />
    </Paper>
  );
}

/**
 * `volumes`: extra pod volumes, each with exactly one source, offering only the sources the
 * chosen Strimzi release accepts in its pod template. Switching a volume's source drops the
 * old source's keys; the mount (name, path, read-only) stays.
 */
export function VolumeEditor(
  props: FieldExtensionComponentProps<Volume[] | undefined>,
) {
  const release = chosenRelease(wholeForm(props));
  const { id, items, problems, set } = listField(props, 'volumes');
  const offered = ALL_SOURCES.filter(t => release.volumeTypes.includes(t));
  const missing = ALL_SOURCES.filter(t => !release.volumeTypes.includes(t));
  return (
    <FieldFrame
      title="Volumes"
      description={`Mounted in the Connect container below /mnt/. Strimzi ${
        release.version
      } accepts: ${offered.map(t => SOURCE_LABELS[t]).join(', ')}.`}
      problems={messagesAt(problems, [])}
    >
      <ListRows
        items={items}
        problems={problems}
        onChange={set}
        renderRow={(volume, row) => (
          <VolumeRow
            id={`${id}_${row.index}`}
            volume={volume}
            offered={offered}
            releaseVersion={release.version}
            row={row}
          />
        )}
        addLabel="Add a volume"
        newItem={() =>
          ({ name: undefined, mountPath: '/mnt/', secret: {} } as Volume)
        }
      />
      <Typography variant="body2" color="textSecondary" component="div">
        <strong>Why is there no projected volume?</strong> No Strimzi release up
        to 1.2.0 accepts projected volumes (nor hostPath, downwardAPI and the
        other sources) in its pod template. For GCP Workload Identity
        Federation, put the credential configuration file in a Secret and mount
        it with a Secret volume, or use GKE Workload Identity through the
        service account annotation iam.gke.io/gcp-service-account.
        {missing.includes('image') &&
          ` Image volumes need Strimzi 0.47.0 or newer (this cluster runs ${release.version}).`}
      </Typography>
    </FieldFrame>
  );
}
