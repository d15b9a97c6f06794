import fs from 'node:fs';
import path from 'node:path';
import { renderSkeleton } from '@connect-skeleton/plugin-kafka-connect-common';
import { makeArtifacts } from '@connect-skeleton/integration-tests/src/imagebuild/artifacts';
import { serveArtifacts } from '@connect-skeleton/integration-tests/src/imagebuild/artifactServer';
import {
  buildImage,
  removeImage,
  requireImageTools,
} from '@connect-skeleton/integration-tests/src/imagebuild/buildah';
import {
  KAFKA_VERSION,
  seedShapedValues,
  STRIMZI_VERSION,
} from '@connect-skeleton/integration-tests/src/imagebuild/seedShape';
import {
  ensureStandIns,
  removeStrayContainers,
  tmpRoot,
} from '@connect-skeleton/integration-tests/src/imagebuild/standIns';

const TAG = 'localhost/imagebuild-bench/seed:latest';

/**
 * The wall time of `buildah bud` of the seed-shaped cluster's rendered Dockerfile, as the
 * image build test builds it: artifacts on 127.0.0.1, the stand-in base and Maven builder
 * images already made (made first, unmeasured, when they are not cached yet).
 */
export async function seedImageBuild(): Promise<{ imageBuildSeedS: number }> {
  await requireImageTools();
  await removeStrayContainers();
  const work = tmpRoot();
  try {
    const artifacts = await makeArtifacts(work);
    const server = await serveArtifacts(artifacts.root);
    try {
      await ensureStandIns(STRIMZI_VERSION, KAFKA_VERSION, artifacts.jars);
      const rendered = renderSkeleton(seedShapedValues(server.url, artifacts));
      if (!rendered.ok) {
        throw new Error(
          `the seed-shaped values are refused: ${JSON.stringify(
            rendered.problems,
          )}`,
        );
      }
      const dockerfile = rendered.value.find(
        f => f.path === 'Dockerfile',
      )!.content;
      const context = path.join(work, 'context');
      fs.mkdirSync(context);
      const built = await buildImage(dockerfile, TAG, context);
      if (built.status !== 0) {
        throw new Error(
          `the seed-shaped image does not build:\n${built.stderr.slice(-4000)}`,
        );
      }
      return { imageBuildSeedS: built.seconds };
    } finally {
      await server.close();
      await removeImage(TAG);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
