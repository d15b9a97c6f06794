import { useEffect, useRef, useState } from 'react';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { AddButton, RemoveButton } from '../components/RowButtons';
import { FieldFrame } from '../components/FieldFrame';
import { messagesAt } from '../preview/problemPaths';
import { fieldPath, fieldProblems } from './fieldContext';

type Scalar = string | number | boolean;
type Mapping = Record<string, Scalar>;

interface Row {
  key: string;
  value: string;
  /** The value as given when it is no string (a setting `false`), kept until edited. */
  original?: Scalar;
}

function rowsOf(mapping: Mapping | undefined): Row[] {
  return Object.entries(mapping ?? {}).map(([key, value]) =>
    typeof value === 'string'
      ? { key, value }
      : { key, value: String(value), original: value },
  );
}

/** The mapping of the rows that have a key; undefined when none has (the field stays out of the values). */
export function mappingOf(rows: readonly Row[]): Mapping | undefined {
  const mapping: Mapping = {};
  for (const row of rows) {
    if (!row.key || row.key in mapping) continue;
    mapping[row.key] = row.original ?? row.value;
  }
  return Object.keys(mapping).length > 0 ? mapping : undefined;
}

function sameMapping(a: Mapping | undefined, b: Mapping | undefined) {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/**
 * A map of strings (labels, annotations, settings) as rows of key and value. It starts
 * empty, with no made-up pair to delete first; a row without a key is not written, and a key
 * given twice is named beside the second row and left out until renamed.
 */
export function KeyValueEditor(
  props: FieldExtensionComponentProps<
    Mapping | undefined,
    { keyLabel?: string; valueLabel?: string }
  >,
) {
  const { formData, onChange, schema, idSchema, uiSchema } = props;
  const options = (uiSchema?.['ui:options'] ?? {}) as {
    keyLabel?: string;
    valueLabel?: string;
  };
  const path = fieldPath(props, []);
  const problems = fieldProblems(props, path);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(formData));
  const written = useRef<Mapping | undefined>(formData);

  // A change from elsewhere (another field, a full-shape edit) replaces the rows.
  useEffect(() => {
    if (!sameMapping(formData, written.current)) {
      written.current = formData;
      setRows(rowsOf(formData));
    }
  }, [formData]);

  const update = (next: Row[]) => {
    setRows(next);
    const mapping = mappingOf(next);
    written.current = mapping;
    onChange(mapping);
  };
  const id = idSchema?.$id ?? 'root';
  const seen = new Set<string>();

  return (
    <FieldFrame
      title={schema?.title ?? String(path[path.length - 1] ?? 'Entries')}
      description={schema?.description}
      problems={messagesAt(problems, [])}
    >
      {rows.map((row, i) => {
        const duplicate = row.key !== '' && seen.has(row.key);
        seen.add(row.key);
        const keyProblems = messagesAt(problems, [row.key]);
        return (
          <Box
            key={i}
            display="flex"
            alignItems="flex-start"
            style={{ gap: 8 }}
          >
            <TextField
              id={`${id}_${i}_key`}
              label={options.keyLabel ?? 'Key'}
              value={row.key}
              onChange={e =>
                update(
                  rows.map((r, j) =>
                    j === i ? { ...r, key: e.target.value } : r,
                  ),
                )
              }
              error={duplicate}
              helperText={
                duplicate
                  ? `"${row.key}" is given above already: this row is left out until you rename it`
                  : undefined
              }
            />
            <TextField
              id={`${id}_${i}_value`}
              label={options.valueLabel ?? 'Value'}
              value={row.value}
              style={{ flexGrow: 1 }}
              onChange={e =>
                update(
                  rows.map((r, j) =>
                    j === i ? { key: r.key, value: e.target.value } : r,
                  ),
                )
              }
              error={keyProblems.length > 0}
              helperText={keyProblems.join(' ')}
            />
            <RemoveButton
              label={`Remove ${row.key || `row ${i + 1}`}`}
              onClick={() => update(rows.filter((_, j) => j !== i))}
            />
          </Box>
        );
      })}
      <AddButton
        label="Add"
        onClick={() => setRows([...rows, { key: '', value: '' }])}
      />
    </FieldFrame>
  );
}
