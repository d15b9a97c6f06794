import { problem, Problem } from '../problems';
import { buildOptionName } from '../strimzi/buildOptions';
import { StrimziRelease } from '../strimzi/releases';
import { ParsedValues } from '../values/schema';

/**
 * What Strimzi's build refuses and the values' own shapes let through: plugin names and
 * URLs the KafkaConnect CRD's patterns refuse (the same in every supported release), and
 * builder options the release's operator refuses. The values are refused first.
 */

/** Plugin names: at least two characters, no "." (the values allow both for Dockerfile builds). */
const STRIMZI_PLUGIN_NAME = /^[a-z0-9][-_a-z0-9]*[a-z0-9]$/;
/** Strimzi's URL pattern ends in one of these; the values' URLs may also end in . : , ? */
const STRIMZI_URL_END = /[-a-zA-Z0-9+&@#/%=~_|]$/;

export function checkStrimziBuild(
  values: Pick<ParsedValues, 'plugins'>,
): Problem[] {
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

/** What the operator of the release would refuse, and what the values never hold. */
export function buildOptionProblem(
  option: string,
  release: StrimziRelease,
): string | undefined {
  const name = buildOptionName(option);
  const { kaniko, buildah } = release.buildOptions;
  if (name === '--creds') {
    return 'would put registry credentials in plain text, and the values never hold credentials: put them in the Secret named by image.pushSecret';
  }
  if (name === '--decryption-key' && option.includes(':')) {
    return 'would put the key passphrase in plain text, and the values never hold credentials: use a key without a passphrase, or leave the option out';
  }
  if (kaniko.includes(name) || buildah.includes(name)) return undefined;
  const lists = [`Kaniko: ${kaniko.join(', ')}`];
  if (buildah.length > 0) lists.push(`Buildah: ${buildah.join(', ')}`);
  return `${name} is an option Strimzi ${
    release.version
  }'s build refuses; it allows (${lists.join(
    '; ',
  )}), each as --name or --name=value`;
}
