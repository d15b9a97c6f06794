/**
 * Fields people bring from their KafkaConnect resources that have no effect on any supported
 * release, with what to do instead. The schema refuses them as unknown; this says why.
 * A Map, so a key such as `__proto__` finds nothing.
 */
export const UNKNOWN_FIELD_HINTS: ReadonlyMap<string, string> = new Map([
  [
    // Strimzi marks template.deployment deprecated and ignored in v1beta2 (Connect runs on
    // StrimziPodSets since 0.39); the v1 API dropped the field.
    'deployment',
    'Strimzi ignores template.deployment: Kafka Connect pods belong to a StrimziPodSet, not a Deployment, in every supported release (and the kafka.strimzi.io/v1 API has no such field); use podSet.labels and podSet.annotations for the pod set, pod.labels and pod.annotations for the pods, and drop the deployment strategy (Strimzi rolls the pods itself)',
  ],
]);
