import { pluginRunSteps, truststoreStepsText } from '../dockerfile';
import { problem, Problem } from '../problems';
import {
  dockerfilePlugin,
  imageReference,
  needsCustomImage,
} from '../render/image';
import { findRelease, StrimziRelease } from '../strimzi/releases';
import { buildOptionProblem, checkStrimziBuild } from './strimziBuild';
import { otherArtifactFileName } from '../values/plugins';
import { ParsedValues } from '../values/schema';

/**
 * How the connector image gets built decides which image fields are needed, which take
 * effect, and which would have none (a problem: nothing given is dropped silently).
 * The table of every combination is in docs/values.md, section "The image".
 */
/** The fields the image rules read. */
type ImageFields = Pick<
  ParsedValues,
  'image' | 'plugins' | 'truststore' | 'strimzi'
>;

export function checkImage(values: ImageFields): Problem[] {
  // The schema's enum guarantees a known release.
  const release = findRelease(values.strimzi.version)!;
  const problems = needsCustomImage(values)
    ? checkBuild(values, release)
    : checkPrebuilt(values);
  const fileNames = checkOtherArtifacts(values);
  problems.push(...checkPullSecrets(values), ...fileNames);
  // Measuring the RUN steps needs every file name settled.
  const dockerfile = values.image.build === 'dockerfile';
  if (dockerfile && needsCustomImage(values) && fileNames.length === 0) {
    problems.push(...checkRunStepSizes(values));
  }
  return problems;
}

/** Nothing to build: image.name (with its tag or digest) is the image the pods run. */
function checkPrebuilt(values: ImageFields): Problem[] {
  const { image } = values;
  const problems: Problem[] = [];
  if (image.name && !image.tag && !image.digest) {
    problems.push(
      problem(
        ['image', 'tag'],
        "required with image.name when there are no plugins or certificates: image.name is then the team's own finished image the pods run; give its tag (or image.digest), or remove image.name to run Strimzi's own image",
      ),
    );
  }
  for (const field of ['tag', 'digest'] as const) {
    if (image[field] && !image.name) {
      problems.push(
        problem(
          ['image', field],
          'needs image.name, the repository of the image it belongs to (for example registry.example.com/team/kafka-connect); give it, or remove this',
        ),
      );
    }
  }
  const nothingBuilt =
    'has no effect: there are no plugins or certificates, so nothing is built';
  if (image.base) {
    problems.push(
      problem(
        ['image', 'base'],
        `${nothingBuilt} on a base image; remove it, or to run a finished image give image.name with image.tag or image.digest`,
      ),
    );
  }
  if (image.pushSecret) {
    problems.push(
      problem(['image', 'pushSecret'], `${nothingBuilt} or pushed; remove it`),
    );
  }
  if (image.buildOptions) {
    problems.push(
      problem(['image', 'buildOptions'], `${nothingBuilt}; remove them`),
    );
  }
  return problems;
}

/** Plugins or certificates: the image is built, by CI from the Dockerfile or by Strimzi. */
function checkBuild(values: ImageFields, release: StrimziRelease): Problem[] {
  const { image } = values;
  const problems: Problem[] = [];
  const dockerfile = image.build === 'dockerfile';
  if (dockerfile && !image.name) {
    problems.push(
      problem(
        ['image', 'name'],
        'required when image.build is dockerfile and there are plugins or certificates: the repository CI pushes the built image to, e.g. registry.example.com/team/kafka-connect',
      ),
    );
  }
  if (image.digest) {
    problems.push(
      problem(
        ['image', 'digest'],
        'cannot name an image that is still to be built (there are plugins or certificates): remove it, the tag identifies the build; a digest pins a finished image only',
      ),
    );
  }
  if (image.base && image.name && image.tag) {
    const output = imageReference(image.name, image.tag);
    if (image.base === output) {
      problems.push(
        problem(
          ['image', 'base'],
          `is the image this build makes (${output}): a build cannot start from its own result, and Strimzi refuses spec.image equal to the build output; give the image to build on`,
        ),
      );
    }
  }
  const certificates = values.truststore?.certificates ?? [];
  if (!dockerfile && certificates.length > 0) {
    problems.push(
      problem(
        ['truststore', 'certificates'],
        "Strimzi's own build (image.build: strimzi) can only add plugins, not a custom truststore; use image.build: dockerfile, or remove the certificates",
      ),
    );
  }
  if (dockerfile) {
    if (image.pushSecret) {
      problems.push(
        problem(
          ['image', 'pushSecret'],
          "has no effect with image.build: dockerfile: CI builds and pushes the image, so give CI the registry credentials and remove this, or use image.build: strimzi to have Strimzi's build push with this Secret",
        ),
      );
    }
    if (image.buildOptions) {
      problems.push(
        problem(
          ['image', 'buildOptions'],
          "has no effect with image.build: dockerfile: these are options for Strimzi's image builder; remove them, or use image.build: strimzi",
        ),
      );
    }
    return problems;
  }
  problems.push(...checkStrimziBuild(values));
  if (!image.name) {
    // Strimzi's build then goes to an OpenShift ImageStream.
    if (image.pushSecret) {
      problems.push(
        problem(
          ['image', 'pushSecret'],
          'has no effect without image.name: the build goes to an OpenShift ImageStream, which needs no push Secret; set image.name to push to a registry, or remove this',
        ),
      );
    }
    if (image.buildOptions) {
      problems.push(
        problem(
          ['image', 'buildOptions'],
          'has no effect without image.name: the build goes to an OpenShift ImageStream, and OpenShift builds ignore builder options; set image.name to push to a registry, or remove them',
        ),
      );
    }
    return problems;
  }
  image.buildOptions?.forEach((option, i) => {
    const message = buildOptionProblem(option, release);
    if (message) problems.push(problem(['image', 'buildOptions', i], message));
  });
  return problems;
}

function checkPullSecrets(values: ImageFields): Problem[] {
  const secrets = values.image.pullSecrets ?? [];
  return secrets.flatMap((name, i) =>
    secrets.indexOf(name) < i
      ? [
          problem(
            ['image', 'pullSecrets', i],
            `${name} is listed twice; remove one`,
          ),
        ]
      : [],
  );
}

/** An `other` artifact must end up with a file name: given, or the URL's last segment. */
function checkOtherArtifacts(values: ImageFields): Problem[] {
  return values.plugins.flatMap((plugin, p) =>
    plugin.artifacts.flatMap((artifact, a) =>
      artifact.type === 'other' && !otherArtifactFileName(artifact)
        ? [
            problem(
              ['plugins', p, 'artifacts', a, 'fileName'],
              'required here: the URL\'s last path segment is no usable file name (letters, digits, ".", "_" and "-"); give one, for example libnative.so',
            ),
          ]
        : [],
    ),
  );
}

/**
 * Docker runs a shell-form RUN step as `/bin/sh -c <script>`, one process argument, and
 * Linux refuses a single argument longer than 128 KiB (E2BIG): the build would fail.
 * Each plugin's downloads, each Maven artifact and the truststore are one RUN step;
 * measured with room to spare.
 */
export const MAX_RUN_STEP_BYTES = 120_000;

// Steps are mostly printable ASCII, a byte a character: such text need not be encoded.
const utf8Bytes = (text: string) =>
  /^[\t\n -~]*$/.test(text)
    ? text.length
    : new TextEncoder().encode(text).length;

function checkRunStepSizes(
  values: Pick<ParsedValues, 'plugins' | 'truststore'>,
): Problem[] {
  const tooLong = (bytes: number, fix: string) =>
    `makes a Dockerfile RUN step of about ${bytes} bytes, more than a shell command line can hold (${MAX_RUN_STEP_BYTES}); ${fix}`;
  const problems = values.plugins.flatMap((plugin, i) => {
    const bytes = Math.max(
      0,
      ...pluginRunSteps(dockerfilePlugin(plugin), i).map(utf8Bytes),
    );
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
