import { SUPPORTED_STRIMZI_VERSIONS } from '@connect-skeleton/plugin-kafka-connect-common';
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
    // The last stage is the image; a Maven builder stage may come first.
    const lastFrom = (lines: string[]) =>
      lines.filter(l => l.startsWith('FROM ')).at(-1);
    const lastUser = (lines: string[]) =>
      lines.filter(l => l.startsWith('USER ')).at(-1);

    it('starts from the chosen base image and ends as user 1001', () => {
      const lines = instructions(dockerfile);
      const { base } = values.image as { base: string };
      expect(lastFrom(lines)).toBe(`FROM ${base}`);
      expect(lastUser(lines)).toBe('USER 1001');
      // After it only the class check, which runs as 1001 too.
      const after = lines.slice(lines.indexOf('USER 1001') + 1);
      expect(after[0]).toBe('RUN cd /tmp \\');
      expect(after.filter(l => /^[A-Z]+ /.test(l))).toHaveLength(1);
    });

    it('starts with the Maven builder stage of the chosen builder image', () => {
      const { mavenBuilder } = values.image as { mavenBuilder: string };
      expect(instructions(dockerfile)[0]).toBe(
        `FROM ${mavenBuilder} AS maven-artifacts`,
      );
    });

    it('starts from the Strimzi image of the release without image.base', () => {
      const {
        base: _chosen,
        mavenBuilder: _builder,
        ...image
      } = values.image as Record<string, unknown>;
      const lines = instructions(
        fileOf(skeletonOf({ ...values, image }), 'Dockerfile'),
      );
      expect(lines[0]).toBe(
        `FROM quay.io/strimzi/maven-builder:${version} AS maven-artifacts`,
      );
      expect(lastFrom(lines)).toMatch(
        new RegExp(
          `^FROM quay\\.io/strimzi/kafka:${version.replace(
            /\./g,
            '\\.',
          )}-kafka-`,
        ),
      );
      expect(lastUser(lines)).toBe('USER 1001');
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
