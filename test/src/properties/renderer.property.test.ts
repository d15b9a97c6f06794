import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  Layout,
  renderCluster,
  validateValues,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { requireShellcheck } from '../dockerfile/shellTools';
import { judgeRunSteps, runStepFailures } from '../hostile/dockerfileChecks';
import { loadCrdValidator } from '../strimzi/crdValidator';
import { describeWithStrimzi } from '../strimzi/strimziDir';
import {
  layout,
  randomInput,
  validishValues,
  wrongValues,
} from './arbitraries';
import { fileFailures, problemFailures } from './outcome';

/**
 * Properties of the renderer for values drawn from the contract, valid or not: it never
 * throws; it either refuses with problems that name fields, or renders files that are
 * clean YAML data, render again byte for byte from connect-cluster.yaml, and whose
 * Dockerfile RUN steps pass shellcheck. fast-check prints the seed of any failure
 * (rerun with `seed` and `path` in the options to replay it).
 */

const isMapping = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

interface Tally {
  rendered: number;
  refused: number;
}

/** Everything wrong with one input's outcome; collects the Dockerfiles for later. */
function judge(
  input: unknown,
  chosenLayout: Layout,
  tally: Tally,
  dockerfiles: Set<string>,
): string[] {
  let rendered: ReturnType<typeof renderCluster>;
  let problems: ReturnType<typeof validateValues>;
  try {
    rendered = renderCluster(input, { layout: chosenLayout });
    problems = validateValues(input);
  } catch (error) {
    return [`threw: ${String(error)}`];
  }
  if (!rendered.ok) {
    tally.refused++;
    return [
      ...problemFailures(rendered.problems, isMapping(input)),
      ...(problems.length === 0
        ? ['validateValues accepts what renderCluster refuses']
        : []),
    ];
  }
  tally.rendered++;
  const dockerfile = rendered.value.files.find(f => f.path === 'Dockerfile');
  if (dockerfile) dockerfiles.add(dockerfile.content);
  return [
    ...(problems.length > 0
      ? ['validateValues refuses what renderCluster renders']
      : []),
    ...fileFailures(rendered.value, chosenLayout),
  ];
}

describe('the renderer, for values drawn from the schema', () => {
  const dockerfiles = new Set<string>();
  const schemaTally: Tally = { rendered: 0, refused: 0 };
  const randomTally: Tally = { rendered: 0, refused: 0 };

  it('refuses with field-named problems or renders clean, re-renderable files', () => {
    fc.assert(
      fc.property(
        fc.oneof(validishValues, wrongValues),
        layout,
        (values, chosenLayout) => {
          expect(judge(values, chosenLayout, schemaTally, dockerfiles)).toEqual(
            [],
          );
        },
      ),
      { numRuns: 300 },
    );
    // Both outcomes were exercised, so neither branch passed vacuously.
    expect(schemaTally.rendered).toBeGreaterThan(10);
    expect(schemaTally.refused).toBeGreaterThan(10);
  });

  it('never throws on random JSON, at the top or inside sections', () => {
    fc.assert(
      fc.property(randomInput, layout, (input, chosenLayout) => {
        expect(judge(input, chosenLayout, randomTally, dockerfiles)).toEqual(
          [],
        );
      }),
      { numRuns: 1000 },
    );
    expect(randomTally.refused).toBeGreaterThan(0);
  });

  it('rendered Dockerfiles whose RUN steps pass shellcheck, sh -n and a dry run', () => {
    requireShellcheck();
    expect(dockerfiles.size).toBeGreaterThan(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'properties-'));
    try {
      const verdicts = judgeRunSteps(dockerfiles, path.join(dir, 'pwned'));
      expect(
        [...dockerfiles].flatMap(d => runStepFailures(d, verdicts)),
      ).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithStrimzi(
  'rendered Strimzi objects, for values drawn from the schema',
  () => {
    it('are valid against the real CRDs of their release', () => {
      let judged = 0;
      fc.assert(
        fc.property(validishValues, values => {
          const rendered = renderCluster(values);
          if (!rendered.ok) return;
          const validator = loadCrdValidator(rendered.value.release.version);
          const strimzi = rendered.value.objects.filter(o =>
            String(o.apiVersion).startsWith('kafka.strimzi.io/'),
          );
          expect(strimzi.length).toBeGreaterThan(0);
          judged++;
          for (const object of strimzi) {
            const meta = object.metadata as { name: string };
            expect({
              object: `${object.kind}/${meta.name}`,
              errors: validator.validate(object),
            }).toEqual({ object: `${object.kind}/${meta.name}`, errors: [] });
          }
        }),
        { numRuns: 200 },
      );
      expect(judged).toBeGreaterThan(10);
    });
  },
);
