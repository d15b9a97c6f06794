import { useRef, useState } from 'react';
import { RenderedFile } from '@internal/plugin-kafka-connect-common';
import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormState } from '../preview/formValues';
import { previewOf } from '../preview/computePreview';
import { fieldId, fieldInWords } from '../preview/plainWords';

/** The files a developer looks at first; the others follow in path order. */
const FIRST = [
  'Dockerfile',
  'kafka-connect.yaml',
  'values.yaml',
  'api-access-networkpolicy.yaml',
  'kustomization.yaml',
  'catalog-info.yaml',
];

export function orderFiles(files: readonly RenderedFile[]): RenderedFile[] {
  const rank = (f: RenderedFile) => {
    const i = FIRST.indexOf(f.path);
    return i === -1 ? FIRST.length : i;
  };
  return [...files].sort((a, b) => rank(a) - rank(b));
}

function focusField(id: string) {
  const element = document.getElementById(id);
  if (!element) return false;
  element.scrollIntoView?.({ block: 'center' });
  element.focus();
  return true;
}

/**
 * The files the render step will write for the form as it is now, with every problem the
 * common checks find, in plain words. It runs the render step's own renderer in the browser.
 */
export function PreviewPanel(props: { form: FormState; title?: string }) {
  const preview = previewOf(props.form);
  // While a problem stops the render, the last files rendered stay, marked as such.
  const last = useRef<RenderedFile[] | undefined>(undefined);
  if (preview.files) last.current = preview.files;
  const files = orderFiles(preview.files ?? last.current ?? []);
  const stale = !preview.files;
  const [selected, setSelected] = useState<string | undefined>();
  const current = files.find(f => f.path === selected) ?? files[0];
  const placeholders = new Set(preview.placeholders);
  const toFill = preview.problems.filter(
    p =>
      placeholders.has(p.path) ||
      (p.path === 'kafka' && placeholders.has('kafka.bootstrapServers')),
  );
  const problems = preview.problems.filter(p => !toFill.includes(p));

  return (
    <InfoCard title={props.title ?? 'Preview'} noPadding={false}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }} mb={1}>
        {problems.length === 0 ? (
          <Chip
            size="small"
            color="primary"
            label={toFill.length ? 'no problem so far' : 'ready to create'}
          />
        ) : (
          <Chip
            size="small"
            color="secondary"
            label={`${problems.length} problem${
              problems.length === 1 ? '' : 's'
            }`}
          />
        )}
        {toFill.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            Still to fill in:{' '}
            {toFill
              .map(p => fieldInWords(p.segments, props.form).toLowerCase())
              .join(', ')}{' '}
            (shown as stand-ins below).
          </Typography>
        )}
      </Box>
      {problems.length > 0 && (
        <Box component="ul" pl={2} mt={0} aria-label="Problems">
          {problems.map(p => (
            <li key={`${p.path}\u0000${p.message}`}>
              <Typography variant="body2">
                <Link
                  component="button"
                  variant="body2"
                  onClick={() => focusField(fieldId(p.segments))}
                >
                  {fieldInWords(p.segments, props.form)}
                </Link>
                : {p.message}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      {stale && files.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          The files below are from before the first problem: fix it to see them
          change.
        </Typography>
      )}
      {files.length > 0 && current && (
        <>
          <TextField
            select
            id="kafka-connect-preview-file"
            label={`File (${files.length})`}
            value={current.path}
            onChange={e => setSelected(e.target.value)}
            fullWidth
            margin="dense"
          >
            {files.map(f => (
              <MenuItem key={f.path} value={f.path}>
                {f.path}
              </MenuItem>
            ))}
          </TextField>
          <Box
            component="pre"
            aria-label={`Contents of ${current.path}`}
            style={{
              maxHeight: '60vh',
              overflow: 'auto',
              fontSize: 12,
              opacity: stale ? 0.6 : 1,
              margin: 0,
            }}
          >
            {current.content}
          </Box>
        </>
      )}
    </InfoCard>
  );
}
