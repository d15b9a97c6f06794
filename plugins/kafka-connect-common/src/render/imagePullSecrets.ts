import { NormalisedValues } from '../values/normalise';

/** `spec.template.pod.imagePullSecrets`: the Secrets the pods pull their image with. */
export function imagePullSecrets(values: NormalisedValues) {
  const names = values.image.pullSecrets ?? [];
  return names.length > 0 ? names.map(name => ({ name })) : undefined;
}
