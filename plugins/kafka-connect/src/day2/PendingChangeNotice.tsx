import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { CurrentCluster } from './clusterValuesClient';

/** What the change becomes on each destination: the branch, or the request made from it. */
const REQUEST: Record<CurrentCluster['destination'], string | undefined> = {
  local: undefined,
  github: 'pull request',
  gitlab: 'merge request',
};

function filesInWords(count: number): string {
  return count === 1 ? '1 file' : `${count} files`;
}

/**
 * Says, before Create, that a change of the cluster is still pending on its change branch (not
 * merged) and that this change replaces it there, made from the default branch; and what to do
 * to keep it. Information, not a refusal: replacing is allowed. With no pending change nothing
 * is shown; when the backend could not read the branch, a line says so.
 */
export function PendingChangeNotice(props: {
  cluster: Pick<
    CurrentCluster,
    'pending' | 'pendingNotChecked' | 'destination' | 'repositoryPath'
  >;
}) {
  const { pending, pendingNotChecked, destination, repositoryPath } =
    props.cluster;
  if (!pending) {
    if (!pendingNotChecked) return null;
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        data-testid="pending-change-not-checked"
      >
        {pendingNotChecked}
      </Typography>
    );
  }
  const request = REQUEST[destination];
  const pendingThing = request ? `its ${request}, from branch` : 'on branch';
  return (
    <Box my={2} data-testid="pending-change-notice">
      <WarningPanel
        severity="warning"
        title="A change of this cluster is not merged yet"
        defaultExpanded
      >
        <Typography variant="body2" component="div">
          <p style={{ marginTop: 0 }}>
            An earlier change of the cluster is pending ({pendingThing}{' '}
            <code>{pending.branch}</code>, {filesInWords(pending.files.length)}{' '}
            in <code>{repositoryPath}</code>). This change <b>replaces</b> it:
            it is made from the default branch, and the branch
            {request ? ` and its ${request}` : ''} will then hold this change
            only. What the earlier change did is dropped.
          </p>
          <p style={{ marginBottom: 0 }}>
            To keep it, merge it first and start this change again, or make its
            changes here too.
          </p>
        </Typography>
      </WarningPanel>
    </Box>
  );
}
