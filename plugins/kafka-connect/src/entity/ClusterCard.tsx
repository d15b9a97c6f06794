import { InfoCard, Link } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { PROVENANCE_ANNOTATIONS } from '@connect-skeleton/plugin-kafka-connect-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ElementType } from 'react';
import { useChangeClusterHref } from './changeClusterLink';

/** What the cluster's catalog entity says about how it was rendered, in words. */
const FACTS: [label: string, annotation: string][] = [
  ['Strimzi release', PROVENANCE_ANNOTATIONS.strimziVersion],
  ['Strimzi API', PROVENANCE_ANNOTATIONS.strimziApiVersion],
  ['Kafka version', 'kafka-connect/kafka-version'],
  ['Bootstrap servers', 'kafka-connect/bootstrap-servers'],
  ['Rendered by', PROVENANCE_ANNOTATIONS.generatorVersion],
];

/**
 * The Kafka Connect card of a cluster's entity page: the release it was rendered for, and the
 * way to change it, the "Change a Kafka Connect cluster" template with the cluster chosen.
 */
export function ClusterCard() {
  const { entity } = useEntity();
  const href = useChangeClusterHref(entity);
  const annotations = entity.metadata.annotations ?? {};
  const generator = annotations[PROVENANCE_ANNOTATIONS.generator];
  return (
    <InfoCard title="Kafka Connect cluster">
      <Box
        component="dl"
        display="grid"
        gridTemplateColumns="max-content auto"
        gridColumnGap={16}
        m={0}
      >
        {FACTS.filter(([, key]) => annotations[key]).map(([label, key]) => (
          <Box key={key} display="contents">
            <Typography component="dt" variant="body2" color="textSecondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" style={{ margin: 0 }}>
              {key === PROVENANCE_ANNOTATIONS.generatorVersion && generator
                ? `${generator} ${annotations[key]}`
                : annotations[key]}
            </Typography>
          </Box>
        ))}
      </Box>
      <Box mt={2}>
        <Typography variant="body2" paragraph>
          Change its values or move it to a newer Strimzi release: the change is
          proposed as a branch or pull request holding only what changes.
        </Typography>
        {href ? (
          <Button
            variant="outlined"
            color="primary"
            component={Link as ElementType}
            to={href}
          >
            Change this cluster
          </Button>
        ) : (
          <Typography variant="body2" color="textSecondary">
            The scaffolder is not installed in this portal, so the cluster
            cannot be changed here.
          </Typography>
        )}
      </Box>
    </InfoCard>
  );
}
