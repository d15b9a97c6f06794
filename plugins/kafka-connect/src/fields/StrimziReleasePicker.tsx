import {
  RELEASE_FACTS,
  StrimziApi,
  findRelease,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { FieldFrame } from '../components/FieldFrame';
import { fieldPath, fieldProblems } from './fieldContext';
import { messagesAt } from '../preview/problemPaths';

/** The `strimzi` section of the values: `{version, apiVersion?}`. */
export interface StrimziValue {
  version?: string;
  apiVersion?: StrimziApi;
}

/** Newest first: the release most clusters should pick is on top. */
const RELEASES = [...RELEASE_FACTS].reverse();
const NEWEST = RELEASES[0].version;

/**
 * The Strimzi release, and the API version among those the release serves. The Kafka
 * version picker reads the release from the form, so its choices follow this one.
 */
export function StrimziReleasePicker(
  props: FieldExtensionComponentProps<StrimziValue>,
) {
  const { formData, onChange, idSchema } = props;
  const path = fieldPath(props, ['strimzi']);
  const problems = fieldProblems(props, path);
  const version = formData?.version ?? NEWEST;
  const facts = RELEASE_FACTS.find(r => r.version === version);
  const served = facts ? (Object.keys(facts.apis) as StrimziApi[]) : [];
  const release = findRelease(version);

  const set = (next: StrimziValue) => {
    // Only the keys that hold a choice: apiVersion undefined means "the release's default".
    const value: StrimziValue = { version: next.version };
    if (next.apiVersion) value.apiVersion = next.apiVersion;
    onChange(value);
  };

  return (
    <FieldFrame
      title="Strimzi"
      description="The operator release that runs the cluster. It decides the Kafka versions, volume types and API versions on offer."
      problems={messagesAt(problems, [])}
    >
      <Box display="flex" style={{ gap: 16 }} flexWrap="wrap">
        <TextField
          select
          id={`${idSchema?.$id ?? 'root_strimzi'}_version`}
          label="Strimzi release"
          value={version}
          onChange={e =>
            set({ version: e.target.value, apiVersion: formData?.apiVersion })
          }
          error={messagesAt(problems, ['version']).length > 0}
          helperText={messagesAt(problems, ['version']).join(' ')}
          style={{ minWidth: 200 }}
        >
          {RELEASES.map(r => (
            <MenuItem key={r.version} value={r.version}>
              {r.version}
              {r.version === NEWEST ? ' (newest)' : ''}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          id={`${idSchema?.$id ?? 'root_strimzi'}_apiVersion`}
          label="API version"
          value={formData?.apiVersion ?? ''}
          onChange={e =>
            set({
              version,
              apiVersion: (e.target.value || undefined) as
                | StrimziApi
                | undefined,
            })
          }
          error={messagesAt(problems, ['apiVersion']).length > 0}
          helperText={
            messagesAt(problems, ['apiVersion']).join(' ') ||
            (served.length > 1
              ? 'Choose v1 to move the cluster to the API Strimzi 1.0.0 and newer require.'
              : `Strimzi ${version} serves ${served.join(', ')} only.`)
          }
          style={{ minWidth: 240 }}
        >
          <MenuItem value="">
            The release's default ({release?.defaultApi ?? facts?.defaultApi})
          </MenuItem>
          {served.map(api => (
            <MenuItem key={api} value={api}>
              {api}
            </MenuItem>
          ))}
          {formData?.apiVersion && !served.includes(formData.apiVersion) && (
            <MenuItem value={formData.apiVersion}>
              {formData.apiVersion} (not served by {version})
            </MenuItem>
          )}
        </TextField>
      </Box>
    </FieldFrame>
  );
}
