import { pluginStepsText, truststoreStepsText } from '../dockerfile';
import { problem, Problem } from '../problems';
import { needsCustomImage } from '../render/image';
import { ParsedValues } from '../values/schema';

/** How the connector image gets built decides which fields are needed or possible. */
export function checkImage(
  values: Pick<ParsedValues, 'image' | 'plugins' | 'truststore'>,
): Problem[] {
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
  if (image.build === 'dockerfile') problems.push(...checkRunStepSizes(values));
  return problems;
}

/**
 * Docker runs a shell-form RUN step as `/bin/sh -c <script>`, one process argument, and
 * Linux refuses a single argument longer than 128 KiB (E2BIG): the build would fail.
 * Each plugin and the truststore are one RUN step; measured with room to spare.
 */
export const MAX_RUN_STEP_BYTES = 120_000;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

function checkRunStepSizes(
  values: Pick<ParsedValues, 'plugins' | 'truststore'>,
): Problem[] {
  const tooLong = (bytes: number, fix: string) =>
    `makes a Dockerfile RUN step of about ${bytes} bytes, more than a shell command line can hold (${MAX_RUN_STEP_BYTES}); ${fix}`;
  const problems = values.plugins.flatMap((plugin, i) => {
    const bytes = utf8Bytes(pluginStepsText(plugin, i));
    return bytes > MAX_RUN_STEP_BYTES
      ? [
          problem(
            ['plugins', i, 'artifacts'],
            tooLong(
              bytes,
              'split the artifacts over more than one plugin, or shorten the URLs and coordinates',
            ),
          ),
        ]
      : [];
  });
  const certificates = values.truststore?.certificates ?? [];
  const bytes = utf8Bytes(truststoreStepsText(certificates));
  if (bytes > MAX_RUN_STEP_BYTES) {
    problems.push(
      problem(
        ['truststore', 'certificates'],
        tooLong(
          bytes,
          'put several certificates into one PEM bundle, or shorten the URLs',
        ),
      ),
    );
  }
  return problems;
}
