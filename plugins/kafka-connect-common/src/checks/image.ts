import { problem, Problem } from '../problems';
import { needsCustomImage } from '../render/image';
import { ParsedValues } from '../values/schema';

/** How the connector image gets built decides which fields are needed or possible. */
export function checkImage(values: ParsedValues): Problem[] {
  const problems: Problem[] = [];
  const { image } = values;
  if (image.build === 'dockerfile' && !image.name && needsCustomImage(values)) {
    problems.push(
      problem(
        ['image', 'name'],
        'required when image.build is dockerfile and there are plugins or certificates: the repository CI pushes the built image to, e.g. registry.example.com/team/kafka-connect',
      ),
    );
  }
  const certificates = values.truststore?.certificates ?? [];
  if (image.build === 'strimzi' && certificates.length > 0) {
    problems.push(
      problem(
        ['truststore', 'certificates'],
        "Strimzi's own build (image.build: strimzi) can only add plugins, not a custom truststore; use image.build: dockerfile, or remove the certificates",
      ),
    );
  }
  return problems;
}
