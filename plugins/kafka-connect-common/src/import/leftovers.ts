import { formatPath, Problem } from '../problems';
import { Original } from './original';

/** Fields people do set that the values have no place for, with the fix that applies. */
const HINTS: Array<[RegExp, string]> = [
  [
    /^spec\.template\.(initContainers|sidecars?|containers)\b|^spec\.template\.pod\.(initContainers|containers|sidecars?)\b/,
    'Strimzi runs no extra containers in the Connect pods (its pod template has no init containers or sidecars; the CRD drops them): put that work in the image, or in a Deployment of its own',
  ],
  [
    /^spec\.template\.initContainer\b/,
    "the values have no field for the template of Strimzi's rack init container; remove it from the original if the defaults will do",
  ],
  [
    /^spec\.(livenessProbe|readinessProbe)\b/,
    "the values have no field for probes, so Strimzi's defaults would apply; remove it from the original if they will do",
  ],
  [
    /^spec\.jmxOptions\b/,
    'the values have no field for remote JMX; use metrics (Prometheus) instead, or keep managing this cluster by hand',
  ],
  [
    /^spec\.config\["config\.providers\./,
    'a setting of a config provider that config.providers does not list: Kafka ignores it; remove it, or list the provider',
  ],
  [
    /^spec\.plugins\b/,
    'the values have no field for image-volume plugins (spec.plugins) yet; use build plugins (spec.build) or a prebuilt image',
  ],
  [
    /^metadata\.(labels|annotations)\b/,
    'the values have no field for the labels and annotations of a KafkaConnector; remove it from the original',
  ],
];

const GENERIC =
  'cannot be carried over: the values have no field for it (docs/values.md); remove it from the original if the cluster can do without it, or keep managing this cluster by hand';

/** Every field of `original` that the import did not carry over, as a problem naming it. */
export function leftoverProblems(original: Original): Problem[] {
  return original.leftovers().map(path => {
    const field = formatPath(path);
    const hint = HINTS.find(([pattern]) => pattern.test(field));
    return original.problem(path, hint ? hint[1] : GENERIC);
  });
}
