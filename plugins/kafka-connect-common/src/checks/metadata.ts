import { PathSegment, problem, Problem } from '../problems';
import { prometheusAnnotations } from '../render/podTemplate';
import { POD_SECURITY_CONTEXT_SINCE } from '../values/securityContext';
import { ParsedValues } from '../values/schema';
import { isAtLeast } from './versions';

/** The fields these rules read. */
type MetadataFields = Pick<
  ParsedValues,
  'annotations' | 'labels' | 'metrics' | 'pod' | 'podSet' | 'strimzi'
>;

/** Label keys the renderer or Strimzi sets on the KafkaConnect and its pods. */
const RENDERER_LABELS = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'backstage.io/kubernetes-id',
];

function labelKeyProblems(
  labels: Record<string, string> | undefined,
  at: readonly PathSegment[],
): Problem[] {
  return Object.keys(labels ?? {}).flatMap(key => {
    if (key.startsWith('strimzi.io/')) {
      return [
        problem(
          [...at, key],
          'Strimzi refuses labels starting with strimzi.io/ (it sets them itself); choose another key',
        ),
      ];
    }
    if (RENDERER_LABELS.includes(key)) {
      return [
        problem(
          [...at, key],
          `is set by the renderer (${RENDERER_LABELS.join(
            ', ',
          )}: kubectl, Backstage and GitOps tools find the cluster by them); choose another key`,
        ),
      ];
    }
    return [];
  });
}

/** The prometheus.io annotations of metrics.podAnnotations and pod.annotations merge. */
function podAnnotationClashes(values: MetadataFields): Problem[] {
  const given = values.pod?.annotations ?? {};
  const metrics = {
    ...values.metrics,
    podAnnotations: values.metrics.podAnnotations ?? values.metrics.enabled,
  };
  const rendered = prometheusAnnotations({ metrics }) ?? {};
  return Object.entries(rendered)
    .filter(([key, value]) => given[key] !== undefined && given[key] !== value)
    .map(([key, value]) =>
      problem(
        ['pod', 'annotations', key],
        `metrics.podAnnotations sets it to "${value}"; remove it here, or set metrics.podAnnotations to false to write your own prometheus.io annotations`,
      ),
    );
}

function securityContextSince(values: MetadataFields): Problem[] {
  const version = values.strimzi.version;
  const context = values.pod?.securityContext ?? {};
  return Object.entries(POD_SECURITY_CONTEXT_SINCE)
    .filter(
      ([field, { since }]) => field in context && !isAtLeast(version, since),
    )
    .map(([field, { since }]) =>
      problem(
        ['pod', 'securityContext', field],
        `needs Strimzi ${since} or newer (the CRD of ${version} has no such field); remove it or choose a newer release`,
      ),
    );
}

/** Resource and pod metadata: keys Strimzi or the renderer own, and merged annotations. */
export function checkMetadata(values: MetadataFields): Problem[] {
  const problems = [
    ...labelKeyProblems(values.labels, ['labels']),
    ...labelKeyProblems(values.pod?.labels, ['pod', 'labels']),
    ...labelKeyProblems(values.podSet?.labels, ['podSet', 'labels']),
    ...podAnnotationClashes(values),
    ...securityContextSince(values),
  ];
  if (
    values.annotations?.['strimzi.io/use-connector-resources'] !== undefined
  ) {
    problems.push(
      problem(
        ['annotations', 'strimzi.io/use-connector-resources'],
        'is rendered from connect.useConnectorResources; set that instead',
      ),
    );
  }
  return problems;
}
