import { memo, useRef, useState } from 'react';
import { RenderedFile } from '@connect-skeleton/plugin-kafka-connect-common';
import { InfoCard } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormState } from '../preview/formValues';
import { isStillToFill, previewOf } from '../preview/computePreview';
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
  if (!element) return;
  element.scrollIntoView?.({ block: 'center' });
  element.focus();
}

const row = { display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 };

/*
 * The parts below are memoised on plain values (texts, counts), so a keystroke re-renders
 * only what it changed: typically the file shown, not the problem list or the file menu.
 */

const Status = memo(function MemoStatus(props: {
  problems: number;
  toFill: string;
}) {
  let label = 'ready to create';
  if (props.problems > 0) {
    label = `${props.problems} problem${props.problems === 1 ? '' : 's'}`;
  } else if (props.toFill) {
    label = 'no problem so far';
  }
  return (
    <div style={row}>
      <Chip
        size="small"
        color={props.problems > 0 ? 'secondary' : 'primary'}
        label={label}
      />
      {props.toFill && (
        <Typography variant="body2" color="textSecondary">
          Still to fill in: {props.toFill} (shown as stand-ins below).
        </Typography>
      )}
    </div>
  );
});

/** One line per problem: the field in words (a link to it), then what to do. */
const ProblemList = memo(function MemoProblemList(props: {
  /** `id \u0000 field in words \u0000 message` per problem, joined by \u0001: a plain value to memoise on. */
  lines: string;
}) {
  if (!props.lines) return null;
  return (
    <ul aria-label="Problems" style={{ paddingLeft: 16, marginTop: 0 }}>
      {props.lines.split('\u0001').map(line => {
        const [id, field, message] = line.split('\u0000');
        return (
          <li key={line}>
            <Typography variant="body2">
              <Link
                component="button"
                variant="body2"
                onClick={() => focusField(id)}
              >
                {field}
              </Link>
              : {message}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
});

const FileMenu = memo(function MemoFileMenu(props: {
  /** The paths, joined by a newline. */
  paths: string;
  current: string;
  onChange: (path: string) => void;
}) {
  const paths = props.paths.split('\n');
  return (
    <TextField
      select
      id="kafka-connect-preview-file"
      label={`File (${paths.length})`}
      value={props.current}
      onChange={e => props.onChange(e.target.value)}
      fullWidth
      margin="dense"
    >
      {paths.map(path => (
        <MenuItem key={path} value={path}>
          {path}
        </MenuItem>
      ))}
    </TextField>
  );
});

const FileView = memo(function MemoFileView(props: {
  path: string;
  content: string;
  stale: boolean;
}) {
  return (
    <pre
      aria-label={`Contents of ${props.path}`}
      style={{
        maxHeight: '60vh',
        overflow: 'auto',
        fontSize: 12,
        opacity: props.stale ? 0.6 : 1,
        margin: 0,
      }}
    >
      {props.content}
    </pre>
  );
});

/**
 * The files the render step will write for the form as it is now, with every problem the
 * common checks find, in plain words. It runs the render step's own renderer in the browser.
 */
export function PreviewPanel(props: {
  form: FormState;
  title?: string;
  /** The file shown first (a path such as catalog-info.yaml); default the Dockerfile, or the first there is. */
  initialFile?: string;
}) {
  const preview = previewOf(props.form);
  // While a problem stops the render, the last files rendered stay, marked as such.
  const last = useRef<RenderedFile[] | undefined>(undefined);
  if (preview.files) last.current = preview.files;
  const files = orderFiles(preview.files ?? last.current ?? []);
  const stale = !preview.files;
  const [selected, setSelected] = useState(props.initialFile);
  const current = files.find(f => f.path === selected) ?? files[0];
  const toFill = preview.problems.filter(p => isStillToFill(preview, p.path));
  const problems = preview.problems.filter(
    p => !isStillToFill(preview, p.path),
  );

  return (
    <InfoCard title={props.title ?? 'Preview'}>
      <Status
        problems={problems.length}
        toFill={toFill
          .map(p => fieldInWords(p.segments, props.form).toLowerCase())
          .join(', ')}
      />
      <ProblemList
        lines={problems
          .map(p =>
            [
              fieldId(p.segments),
              fieldInWords(p.segments, props.form),
              p.message,
            ].join('\u0000'),
          )
          .join('\u0001')}
      />
      {stale && files.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          The files below are from before the first problem: fix it to see them
          change.
        </Typography>
      )}
      {current && (
        <>
          <FileMenu
            paths={files.map(f => f.path).join('\n')}
            current={current.path}
            onChange={setSelected}
          />
          <FileView
            path={current.path}
            content={current.content}
            stale={stale}
          />
        </>
      )}
    </InfoCard>
  );
}
