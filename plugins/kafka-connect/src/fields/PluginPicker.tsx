import { useState } from 'react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ListSubheader from '@material-ui/core/ListSubheader';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { RemoveButton } from '../components/RowButtons';
import { FieldFrame, ProblemLines } from '../components/FieldFrame';
import { InputRow } from '../components/InputRow';
import { ListRow, ListRows } from '../components/ListRows';
import { problemProps } from '../components/problemProps';
import {
  LocatedProblem,
  messagesAt,
  problemsUnder,
} from '../preview/problemPaths';
import { listField } from './listField';
import {
  CatalogCategory,
  PLUGIN_CATALOG,
  checksumCommand,
  findCatalogEntry,
} from '../catalog/pluginCatalog';
import {
  ARTIFACT_TYPES,
  Artifact,
  ArtifactType,
  Plugin,
  catalogOrigin,
  pluginFromCatalog,
  switchCatalogVersion,
  withArtifactField,
  withArtifactType,
} from '../catalog/artifacts';

const TYPE_LABELS: Record<ArtifactType, string> = {
  maven: 'Maven artifact (one jar)',
  jar: 'JAR file by URL',
  tgz: 'TGZ archive by URL',
  zip: 'ZIP archive by URL',
  other: 'Other file by URL (stored as it is)',
};

const CATEGORY_TITLES: Record<CatalogCategory, string> = {
  connector: 'Connectors',
  transform: 'Transforms (SMTs)',
  'config-provider': 'Config providers',
};

const INPUTS: Record<ArtifactType, [string, string][]> = {
  maven: [
    ['group', 'Group id'],
    ['artifact', 'Artifact id'],
    ['version', 'Version'],
    ['repository', 'Repository (empty: Maven Central)'],
  ],
  jar: [
    ['url', 'URL'],
    ['sha512sum', 'SHA-512 checksum'],
  ],
  tgz: [
    ['url', 'URL'],
    ['sha512sum', 'SHA-512 checksum'],
  ],
  zip: [
    ['url', 'URL'],
    ['sha512sum', 'SHA-512 checksum'],
  ],
  other: [
    ['url', 'URL'],
    ['sha512sum', 'SHA-512 checksum'],
    ['fileName', "File name (empty: the URL's last segment)"],
  ],
};

function ArtifactRow(props: {
  id: string;
  artifact: Artifact;
  problems: LocatedProblem[];
  onChange: (a: Artifact) => void;
  onRemove?: () => void;
}) {
  const { id, artifact, problems, onChange } = props;
  const values = artifact as Record<string, string | undefined>;
  return (
    <InputRow mb={1}>
      <TextField
        select
        id={`${id}_type`}
        label="Kind"
        value={artifact.type}
        onChange={e =>
          onChange(withArtifactType(artifact, e.target.value as ArtifactType))
        }
        style={{ minWidth: 220 }}
      >
        {ARTIFACT_TYPES.map(t => (
          <MenuItem key={t} value={t}>
            {TYPE_LABELS[t]}
          </MenuItem>
        ))}
      </TextField>
      {INPUTS[artifact.type].map(([key, label]) => {
        const messages = messagesAt(problems, [key]);
        const checksumHint =
          key === 'sha512sum' &&
          artifact.type !== 'maven' &&
          artifact.url &&
          !artifact.sha512sum
            ? `Required: the 128 hex digits of the file's SHA-512. Compute it where the URL is reachable: ${checksumCommand(
                artifact.url,
              )}`
            : undefined;
        return (
          <TextField
            key={key}
            id={`${id}_${key}`}
            label={label}
            value={values[key] ?? ''}
            onChange={e =>
              onChange(withArtifactField(artifact, key, e.target.value))
            }
            error={messages.length > 0}
            helperText={[...messages, checksumHint].filter(Boolean).join(' ')}
            style={{
              flexGrow: key === 'url' || key === 'sha512sum' ? 1 : 0,
              minWidth: 160,
            }}
          />
        );
      })}
      {props.onRemove && (
        <RemoveButton label="Remove artifact" onClick={props.onRemove} />
      )}
      <Box width="100%">
        <ProblemLines messages={messagesAt(problems, [])} />
      </Box>
    </InputRow>
  );
}

function PluginCard(props: {
  id: string;
  plugin: Plugin;
  row: ListRow<Plugin>;
}) {
  const { id, plugin } = props;
  const { problems, onChange } = props.row;
  const artifacts = plugin.artifacts ?? [];
  const origin = catalogOrigin(plugin);
  return (
    <Paper variant="outlined" style={{ padding: 12, marginBottom: 8 }}>
      <Box display="flex" alignItems="flex-start" style={{ gap: 8 }}>
        <TextField
          id={`${id}_name`}
          label="Plugin folder name"
          value={plugin.name ?? ''}
          onChange={e =>
            onChange({ ...plugin, name: e.target.value || undefined })
          }
          {...problemProps(messagesAt(problems, ['name']))}
        />
        {origin && origin.entry.versions.length > 1 && (
          <TextField
            select
            id={`${id}_catalogVersion`}
            label={`${origin.entry.title} version`}
            value={origin.version.version}
            onChange={e => {
              const version = origin.entry.versions.find(
                v => v.version === e.target.value,
              );
              if (version) onChange(switchCatalogVersion(plugin, version));
            }}
            style={{ minWidth: 220 }}
          >
            {origin.entry.versions.map(v => (
              <MenuItem key={v.version} value={v.version}>
                {v.version}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Box flexGrow={1} />
        <RemoveButton
          label={`Remove plugin ${plugin.name || props.row.index + 1}`}
          onClick={props.row.onRemove}
        />
      </Box>
      {origin && (
        <Typography variant="body2" color="textSecondary">
          {origin.entry.title} {origin.version.version}, from the catalog.{' '}
          {origin.entry.providerClass &&
            `Declare it under config providers with the class ${origin.entry.providerClass}. `}
          {origin.entry.note}
        </Typography>
      )}
      <ListRows
        items={artifacts}
        problems={problemsUnder(problems, ['artifacts'])}
        onChange={next => onChange({ ...plugin, artifacts: next })}
        renderRow={(artifact, row) => (
          <ArtifactRow
            id={`${id}_artifacts_${row.index}`}
            artifact={artifact}
            problems={row.problems}
            onChange={row.onChange}
            // A plugin is at least one artifact: the last one stays.
            onRemove={artifacts.length > 1 ? row.onRemove : undefined}
          />
        )}
        addLabel="Add an artifact"
        newItem={(): Artifact => ({ type: 'maven' })}
      />
      <ProblemLines
        messages={[
          ...messagesAt(problems, []),
          ...messagesAt(problems, ['artifacts']),
        ]}
      />
    </Paper>
  );
}

function CatalogAdder(props: { id: string; onAdd: (p: Plugin) => void }) {
  const [entryId, setEntryId] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const entry = findCatalogEntry(entryId);
  const [version, setVersion] = useState('');
  const chosenVersion =
    entry?.versions.find(v => v.version === version) ?? entry?.versions[0];
  const categories = Object.keys(CATEGORY_TITLES) as CatalogCategory[];
  return (
    <InputRow mb={2}>
      <TextField
        select
        id={`${props.id}_catalog`}
        label="Add from the catalog"
        value={entryId}
        onChange={e => {
          setEntryId(e.target.value);
          setVersion('');
          setNotice(undefined);
        }}
        style={{ minWidth: 320 }}
      >
        {categories.flatMap(category => [
          <ListSubheader key={category}>
            {CATEGORY_TITLES[category]}
          </ListSubheader>,
          ...PLUGIN_CATALOG.filter(e => e.category === category).map(e => (
            <MenuItem key={e.id} value={e.id}>
              {e.title}
            </MenuItem>
          )),
        ])}
      </TextField>
      {entry && !entry.includedInStrimziImage && (
        <TextField
          select
          id={`${props.id}_catalogVersion`}
          label="Version"
          value={chosenVersion?.version ?? ''}
          onChange={e => setVersion(e.target.value)}
          style={{ minWidth: 160 }}
        >
          {entry.versions.map(v => (
            <MenuItem key={v.version} value={v.version}>
              {v.version}
            </MenuItem>
          ))}
        </TextField>
      )}
      {entry && (
        <Button
          variant="outlined"
          color="primary"
          onClick={() => {
            if (entry.includedInStrimziImage || !chosenVersion) {
              setNotice(entry.description);
              return;
            }
            props.onAdd(pluginFromCatalog(entry, chosenVersion));
            setEntryId('');
            setNotice(undefined);
          }}
        >
          Add
        </Button>
      )}
      {entry && (
        <Typography
          variant="body2"
          color="textSecondary"
          style={{ width: '100%' }}
        >
          {notice ?? entry.description}
        </Typography>
      )}
    </InputRow>
  );
}

/**
 * `plugins`: connector plugins from the curated catalog (versions on offer, checksums asked
 * for where the catalog cannot vouch for one) or given freely as a Maven artifact or a
 * jar/tgz/zip/other URL with its SHA-512. Switching an artifact's kind leaves no key of the old one.
 */
export function PluginPicker(
  props: FieldExtensionComponentProps<Plugin[] | undefined>,
) {
  const { id, items, problems, set } = listField(props, 'plugins');
  return (
    <FieldFrame
      title="Connector plugins"
      description="Each plugin is a folder of /opt/kafka/plugins in the image. Maven artifacts are checked against the .sha1 their repository publishes; files by URL need their SHA-512."
      problems={messagesAt(problems, [])}
    >
      <CatalogAdder id={id} onAdd={p => set([...items, p])} />
      <ListRows
        items={items}
        problems={problems}
        onChange={set}
        renderRow={(plugin, row) => (
          <PluginCard id={`${id}_${row.index}`} plugin={plugin} row={row} />
        )}
        addLabel="Add your own plugin"
        newItem={(): Plugin => ({
          name: undefined,
          artifacts: [{ type: 'maven' }],
        })}
      />
    </FieldFrame>
  );
}
