import { SUPPORTED_STRIMZI_VERSIONS } from '@internal/plugin-kafka-connect-common';
import { fullValues } from '../fixtures/fullValues';
import { runScripts } from '../dockerfile/runScripts';
import {
  requireShellcheck,
  shellcheck,
  syntaxErrors,
} from '../dockerfile/shellTools';
import { fileOf, skeletonOf } from './renderHelpers';

/** The Dockerfile of every full skeleton, as render writes it, passes shellcheck. */
describe.each(SUPPORTED_STRIMZI_VERSIONS)(
  'the rendered Dockerfile for Strimzi %s',
  version => {
    const values = fullValues(version);
    const dockerfile = fileOf(skeletonOf(values), 'Dockerfile');
    const instructions = (text: string) =>
      text.split('\n').filter(l => l && !l.startsWith('#'));

    it('starts from the chosen base image and ends as user 1001', () => {
      const lines = instructions(dockerfile);
      const { base } = values.image as { base: string };
      expect(lines[0]).toBe(`FROM ${base}`);
      expect(lines[lines.length - 1]).toBe('USER 1001');
    });

    it('starts from the Strimzi image of the release without image.base', () => {
      const { base: _chosen, ...image } = values.image as Record<
        string,
        unknown
      >;
      const lines = instructions(
        fileOf(skeletonOf({ ...values, image }), 'Dockerfile'),
      );
      expect(lines[0]).toMatch(
        new RegExp(
          `^FROM quay\\.io/strimzi/kafka:${version.replace(
            /\./g,
            '\\.',
          )}-kafka-`,
        ),
      );
      expect(lines[lines.length - 1]).toBe('USER 1001');
    });

    it('has RUN steps that pass shellcheck and sh -n', () => {
      requireShellcheck();
      const scripts = runScripts(dockerfile);
      expect(scripts.length).toBeGreaterThanOrEqual(3);
      for (const script of scripts) {
        expect({
          script,
          findings: shellcheck(script),
          sh: syntaxErrors('sh', script),
        }).toEqual({
          script,
          findings: '',
          sh: '',
        });
      }
    });
  },
);
