import { problem, Problem } from '../problems';
import { ParsedValues } from '../values/schema';

/**
 * What the KafkaConnect CRD takes in `spec.build.plugins` (the same in every supported
 * release) and the values' own shapes let through: the API server would refuse the
 * resource, so the values are refused first.
 */

/** Plugin names: at least two characters, no "." (the values allow both for Dockerfile builds). */
const STRIMZI_PLUGIN_NAME = /^[a-z0-9][-_a-z0-9]*[a-z0-9]$/;
/** Strimzi's URL pattern ends in one of these; the values' URLs may also end in . : , ? */
const STRIMZI_URL_END = /[-a-zA-Z0-9+&@#/%=~_|]$/;

export function checkStrimziBuild(values: ParsedValues): Problem[] {
  return values.plugins.flatMap((plugin, p) => {
    const problems: Problem[] = [];
    if (!STRIMZI_PLUGIN_NAME.test(plugin.name)) {
      problems.push(
        problem(
          ['plugins', p, 'name'],
          'Strimzi\'s build (image.build: strimzi) takes plugin names of at least two lower-case letters, digits, "-" and "_" (no "."); rename the plugin',
        ),
      );
    }
    plugin.artifacts.forEach((artifact, a) => {
      if (artifact.type !== 'maven' && !STRIMZI_URL_END.test(artifact.url)) {
        problems.push(
          problem(
            ['plugins', p, 'artifacts', a, 'url'],
            'Strimzi\'s build (image.build: strimzi) refuses a URL ending in ".", ":", "," or "?"; drop or percent-encode the last character',
          ),
        );
      }
    });
    return problems;
  });
}
