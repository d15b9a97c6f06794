import { StrimziRelease } from '../strimzi/releases';
import { nonEmpty, compact } from '../util/compact';
import { Affinity, NodeSelectorTerm } from '../values/scheduling';
import { NormalisedValues } from '../values/normalise';
import { VOLUME_SOURCE_NAMES } from '../values/volumes';
import { imagePullSecrets } from './imagePullSecrets';

/** The Prometheus port of Strimzi's metrics endpoint (JMX exporter and metrics reporter alike). */
export const METRICS_PORT = 9404;

/**
 * A nodeSelector becomes required node affinity: Strimzi's pod template has no
 * nodeSelector field. Its terms are ANDed into every term the user gave (terms are ORed).
 */
export function podAffinity(values: NormalisedValues): Affinity | undefined {
  const affinity = values.scheduling?.affinity;
  const selector = Object.entries(values.scheduling?.nodeSelector ?? {});
  if (selector.length === 0) return affinity;
  const expressions = selector.map(([key, value]) => ({
    key,
    operator: 'In' as const,
    values: [value],
  }));
  const given: NodeSelectorTerm[] = affinity?.nodeAffinity
    ?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [{}];
  const nodeSelectorTerms = given.map(term =>
    compact({
      matchExpressions: [...(term.matchExpressions ?? []), ...expressions],
      matchFields: term.matchFields,
    }),
  );
  return {
    ...affinity,
    nodeAffinity: {
      ...affinity?.nodeAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms },
    },
  };
}

/** The prometheus.io annotations metrics.podAnnotations asks for (checks/metadata.ts reads them too). */
export function prometheusAnnotations(
  values: Pick<NormalisedValues, 'metrics'>,
): Record<string, string> | undefined {
  if (!values.metrics.enabled || !values.metrics.podAnnotations)
    return undefined;
  return {
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': String(METRICS_PORT),
    'prometheus.io/path': '/metrics',
  };
}

const QUANTITY_PARTS = /^([0-9.]+)(.*)$/;

/** fabric8's Quantity object, as the older CRDs want it: "256Mi" → {amount: "256", format: "Mi"}. */
function quantityObject(quantity: string | number) {
  const [, amount, format] = QUANTITY_PARTS.exec(String(quantity))!;
  return compact({ amount, format: format || undefined });
}

function emptyDir(
  source: NonNullable<NormalisedValues['volumes'][number]['emptyDir']>,
  release: StrimziRelease,
) {
  const { sizeLimit } = source;
  let limit;
  if (sizeLimit !== undefined) {
    limit = release.sizeLimitAsObject
      ? quantityObject(sizeLimit)
      : String(sizeLimit);
  }
  return compact({
    // "" means the node's default medium; newer CRDs accept only "Memory", so leave it out.
    medium: source.medium || undefined,
    sizeLimit: limit,
  });
}

function podVolumes(values: NormalisedValues, release: StrimziRelease) {
  return values.volumes.map(volume => {
    const source = VOLUME_SOURCE_NAMES.find(s => volume[s] !== undefined)!;
    const content =
      source === 'emptyDir'
        ? emptyDir(volume.emptyDir!, release)
        : volume[source];
    return { name: volume.name, [source]: content };
  });
}

function volumeMounts(values: NormalisedValues) {
  return values.volumes.map(volume =>
    compact({
      name: volume.name,
      mountPath: volume.mountPath,
      readOnly: volume.readOnly,
      subPath: volume.subPath,
    }),
  );
}

/** A template's `metadata`, or undefined when it would be empty. */
function templateMetadata(
  labels: Record<string, string> | undefined,
  annotations: Record<string, string> | undefined,
) {
  return nonEmpty(
    compact({ labels: nonEmpty(labels), annotations: nonEmpty(annotations) }),
  );
}

/** `spec.template`: everything Strimzi lets us set on the pods it creates. */
export function connectTemplate(
  values: NormalisedValues,
  release: StrimziRelease,
) {
  const scheduling = values.scheduling;
  const pod = compact({
    // The prometheus.io annotations join the given ones (checks/metadata.ts refuses a clash).
    metadata: templateMetadata(values.pod?.labels, {
      ...values.pod?.annotations,
      ...prometheusAnnotations(values),
    }),
    affinity: nonEmpty(podAffinity(values)),
    tolerations: nonEmpty(scheduling?.tolerations),
    topologySpreadConstraints: nonEmpty(scheduling?.topologySpreadConstraints),
    volumes: nonEmpty(podVolumes(values, release)),
    securityContext: nonEmpty(values.pod?.securityContext),
    priorityClassName: values.pod?.priorityClassName,
    terminationGracePeriodSeconds: values.pod?.terminationGracePeriodSeconds,
    imagePullSecrets: imagePullSecrets(values),
  });
  const connectContainer = compact({
    env: nonEmpty(values.env),
    volumeMounts: nonEmpty(volumeMounts(values)),
    securityContext: nonEmpty(values.container?.securityContext),
  });
  const annotations = values.serviceAccount?.annotations;
  return compact({
    podSet: nonEmpty(
      compact({
        metadata: templateMetadata(
          values.podSet?.labels,
          values.podSet?.annotations,
        ),
      }),
    ),
    pod: nonEmpty(pod),
    connectContainer: nonEmpty(connectContainer),
    serviceAccount: nonEmpty(annotations)
      ? { metadata: { annotations } }
      : undefined,
  });
}
