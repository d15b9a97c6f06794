import { derivedName } from '../names';
import { otherArtifactFileName } from '../values/plugins';
import { ImportContext, inputsOf } from './context';
import { isRecord, Path } from './original';

/** `repo[:tag][@digest]`; a colon before the last `/` is a registry port, not a tag. */
export function splitImageReference(reference: string): {
  name: string;
  tag?: string;
  digest?: string;
} {
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, tag, digest };
}

/** Strimzi's own Kafka image of a release: the target release's own image replaces it. */
const STRIMZI_IMAGE = /^quay\.io\/strimzi\/kafka:[0-9.]+-kafka-[0-9.]+$/;
/** A tag this tool derives (`<strimzi>-kafka-<kafka>-<hash>`): left out, so it keeps following the content. */
const DERIVED_TAG =
  /^[0-9]+\.[0-9]+\.[0-9]+-kafka-[0-9]+\.[0-9]+\.[0-9]+-[0-9a-f]{8}$/;

const BUILD = ['spec', 'build'];
const URL_TYPES = ['jar', 'tgz', 'zip', 'other'];

/** One Strimzi build artifact → a values artifact; the checksum from --checksums if it has none. */
function artifact(ctx: ImportContext, at: Path, index: [number, number]) {
  const { connect } = ctx;
  const given = connect.peek(at) as Record<string, unknown>;
  const valuesAt = ['plugins', index[0], 'artifacts', index[1]];
  ctx.trace(valuesAt, connect, at);
  const type = connect.take([...at, 'type']);
  const take = (field: string) => connect.take([...at, field]);
  if (type === 'maven') {
    return Object.fromEntries(
      Object.entries({
        type,
        group: take('group'),
        artifact: take('artifact'),
        version: take('version'),
        repository: take('repository'),
      }).filter(([, v]) => v !== undefined),
    );
  }
  if (typeof type !== 'string' || !URL_TYPES.includes(type)) {
    // An artifact type the values do not have: carried as is, for the validation to name.
    connect.mark(at);
    return { ...given };
  }
  const url = take('url');
  const own = take('sha512sum');
  const listed =
    typeof url === 'string' ? ctx.options.checksums?.[url] : undefined;
  if (
    typeof own === 'string' &&
    listed !== undefined &&
    own.toLowerCase() !== listed
  ) {
    ctx.problems.push(
      connect.problem(
        [...at, 'sha512sum'],
        `differs from the checksum ${
          inputsOf(ctx.options).checksums
        } gives for ${String(url)}; check which one is right`,
      ),
    );
  }
  const sha512sum = own ?? listed;
  if (sha512sum === undefined) {
    ctx.problems.push(
      connect.problem(
        [...at, 'sha512sum'],
        `missing: Strimzi downloads ${String(
          url,
        )} unchecked, the values need its SHA-512; add the line \`<sha512>  ${String(
          url,
        )}\` (sha512sum output) to ${inputsOf(ctx.options).addChecksum}`,
      ),
    );
  }
  const givenName = type === 'other' ? take('fileName') : undefined;
  // The renderer writes the file name out even where it is the URL's own: keep it only
  // where it differs, as a person would write the values.
  const fileName =
    typeof url === 'string' &&
    givenName === otherArtifactFileName({ type: 'other', url, sha512sum: '' })
      ? undefined
      : givenName;
  return Object.fromEntries(
    Object.entries({ type, url, sha512sum, fileName }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

function plugins(ctx: ImportContext) {
  const { connect } = ctx;
  const given = connect.peek([...BUILD, 'plugins']);
  if (!Array.isArray(given)) return [];
  return given.map((plugin, i) => {
    const at = [...BUILD, 'plugins', i];
    ctx.trace(['plugins', i], connect, at);
    if (!isRecord(plugin)) {
      connect.mark(at);
      return plugin;
    }
    const artifacts = Array.isArray(plugin.artifacts)
      ? plugin.artifacts.map((a, j) =>
          isRecord(a)
            ? artifact(ctx, [...at, 'artifacts', j], [i, j])
            : connect.take([...at, 'artifacts', j]),
        )
      : connect.take([...at, 'artifacts']);
    return { name: connect.take([...at, 'name']), artifacts };
  });
}

function tagOf(
  ctx: ImportContext,
  tag: string | undefined,
  where: Path,
): string | undefined {
  if (tag === undefined) {
    ctx.notes.push(
      `${ctx.connect.where(
        where,
      )}: no tag; the skeleton derives one from the plugins (a change of plugins is a new tag)`,
    );
    return undefined;
  }
  if (DERIVED_TAG.test(tag)) {
    ctx.notes.push(
      `${ctx.connect.where(
        where,
      )}: tag ${tag} is one this tool derived; left out so that it keeps following the plugins`,
    );
    return undefined;
  }
  return tag;
}

/** `spec.build.output` → image name, tag, push secret and build options. */
function buildOutput(ctx: ImportContext) {
  const { connect } = ctx;
  const out = [...BUILD, 'output'];
  const type = connect.take([...out, 'type']);
  const reference = connect.take([...out, 'image']);
  const image: Record<string, unknown> = { build: 'strimzi' };
  if (typeof reference !== 'string') {
    ctx.problems.push(
      connect.problem([...out, 'image'], 'missing: the image the build pushes'),
    );
    return image;
  }
  const split = splitImageReference(reference);
  if (type === 'imagestream') {
    const expected = derivedName(ctx.name, 'connect');
    if (split.name !== expected) {
      ctx.problems.push(
        connect.problem(
          [...out, 'image'],
          `the values push an ImageStream build to ${expected}; rename the ImageStream, or push to a registry (type: docker)`,
        ),
      );
    }
  } else if (type === 'docker') {
    image.name = split.name;
    ctx.trace(['image', 'name'], connect, [...out, 'image']);
  } else {
    ctx.problems.push(
      connect.problem([...out, 'type'], 'must be docker or imagestream'),
    );
  }
  image.tag = tagOf(ctx, split.tag, [...out, 'image']);
  ctx.trace(['image', 'tag'], connect, [...out, 'image']);
  if (split.digest !== undefined) {
    ctx.problems.push(
      connect.problem(
        [...out, 'image'],
        'a build pushes a new image: its output cannot name a digest; remove it',
      ),
    );
  }
  const pushSecret = connect.take([...out, 'pushSecret']);
  if (pushSecret !== undefined) {
    image.pushSecret = pushSecret;
    ctx.trace(['image', 'pushSecret'], connect, [...out, 'pushSecret']);
  }
  for (const field of ['additionalKanikoOptions', 'additionalBuildOptions']) {
    const options = connect.take([...out, field]);
    if (options === undefined) continue;
    if (image.buildOptions !== undefined) {
      ctx.problems.push(
        connect.problem(
          [...out, field],
          'given next to the other build options field; keep one',
        ),
      );
      continue;
    }
    image.buildOptions = options;
    ctx.trace(['image', 'buildOptions'], connect, [...out, field]);
  }
  return image;
}

/** `spec.image` and `spec.build` → the values' image and plugins. */
export function importImage(ctx: ImportContext) {
  const { connect } = ctx;
  const build = connect.peek(BUILD);
  const reference = connect.peek(['spec', 'image']);
  let image: Record<string, unknown> | undefined;
  if (isRecord(build)) {
    image = buildOutput(ctx);
    if (typeof reference === 'string') {
      // Strimzi builds on spec.image when both are given.
      image.base = connect.take(['spec', 'image']);
      ctx.trace(['image', 'base'], connect, ['spec', 'image']);
    }
  } else if (typeof reference === 'string') {
    connect.mark(['spec', 'image']);
    if (STRIMZI_IMAGE.test(reference)) {
      ctx.notes.push(
        `${connect.where([
          'spec',
          'image',
        ])}: Strimzi's own Kafka image; the target release's own image serves`,
      );
    } else {
      const split = splitImageReference(reference);
      image = { name: split.name, tag: split.tag, digest: split.digest };
      if (split.tag === undefined && split.digest === undefined) {
        image.tag = 'latest';
        ctx.notes.push(
          `${connect.where([
            'spec',
            'image',
          ])}: no tag or digest; "latest" written out as image.tag (pin a tag or digest)`,
        );
      }
      for (const field of ['image', 'name', 'tag', 'digest']) {
        ctx.trace(field === 'image' ? ['image'] : ['image', field], connect, [
          'spec',
          'image',
        ]);
      }
    }
  }
  return {
    image:
      image &&
      Object.fromEntries(
        Object.entries(image).filter(([, v]) => v !== undefined),
      ),
    plugins: isRecord(build) ? plugins(ctx) : [],
  };
}
