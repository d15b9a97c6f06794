import { useEffect, useMemo, useState } from 'react';
import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  clusterValues,
  CurrentCluster,
  lastRead,
} from '../day2/clusterValuesClient';
import { PendingChangeNotice } from '../day2/PendingChangeNotice';
import {
  changeFieldOf,
  defaultsInEffect,
  isClusterForm,
  rowsInEffect,
} from './inEffect';
import { ReviewPage, reviewSections, ReviewValue } from './reviewRows';

type Json = Record<string, unknown>;

const cell = { verticalAlign: 'top', borderBottom: 0 } as const;
const labelCell = { ...cell, fontWeight: 700, width: '40%' } as const;

function Value(props: { value: ReviewValue }) {
  const { value } = props;
  if (value.kind === 'lines')
    return (
      <>
        {value.lines.map((line, index) => (
          <Typography key={index} variant="body2" component="div">
            {line}
          </Typography>
        ))}
      </>
    );
  if (value.kind === 'block')
    return (
      <Typography
        variant="body2"
        component="pre"
        style={{
          margin: 0,
          fontFamily: 'monospace',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          maxHeight: '24em',
          overflow: 'auto',
        }}
      >
        {value.text}
      </Typography>
    );
  return (
    <Typography variant="body2" component="span">
      {value.text}
    </Typography>
  );
}

/** The cluster the change form is about, as read from the GitOps repository (once read). */
function useChangedCluster(
  entityRef: string | undefined,
): CurrentCluster | undefined {
  const discoveryApi = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [cluster, setCluster] = useState<CurrentCluster | undefined>(
    entityRef ? lastRead(entityRef) : undefined,
  );
  useEffect(() => {
    if (!entityRef) return undefined;
    let live = true;
    // The change field read it already: this is that read, not another request.
    clusterValues({ discoveryApi, fetchApi }, entityRef).then(
      read => live && setCluster(read),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [entityRef, discoveryApi, fetchApi]);
  return cluster;
}

/**
 * The Review step's table: every page's answers as they will be in effect, under the page's
 * title (reviewRows.ts says how a row is made); for the change template, the change in words,
 * under the notice that it replaces a change of the cluster still pending on its branch.
 */
export function ReviewTable(props: {
  steps: readonly ReviewPage[];
  formData: Json;
}) {
  const { steps, formData } = props;
  const change = changeFieldOf(steps);
  const entityRef = change ? formData[change.clusterField] : undefined;
  const cluster = useChangedCluster(
    typeof entityRef === 'string' && entityRef !== '' ? entityRef : undefined,
  );
  const current = cluster?.values;
  const sections = useMemo(
    () =>
      reviewSections(steps, formData, {
        inEffect: rowsInEffect(steps, formData, current),
        defaults: isClusterForm(steps) ? defaultsInEffect(formData) : undefined,
      }),
    [steps, formData, current],
  );
  return (
    <>
      {cluster && <PendingChangeNotice cluster={cluster} />}
      <Table size="small" data-testid="review-table">
        <TableBody>
          {sections.flatMap(section => [
            <TableRow key={`section ${section.title}`}>
              <TableCell colSpan={2} style={{ ...cell, paddingTop: 16 }}>
                <Typography variant="subtitle1" component="h3">
                  {section.title}
                </Typography>
              </TableCell>
            </TableRow>,
            ...section.rows.map(row => (
              <TableRow
                key={`${section.title} ${row.label}`}
                data-testid="review-row"
              >
                <TableCell component="th" scope="row" style={labelCell}>
                  {row.label}
                </TableCell>
                <TableCell style={cell}>
                  <Value value={row.value} />
                </TableCell>
              </TableRow>
            )),
          ])}
        </TableBody>
      </Table>
    </>
  );
}
