import type { TaskStep } from '@backstage/plugin-scaffolder-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { decideStep, rootNames } from './stepCondition';
import { withTakenStepsOnly } from './tasksWithTakenSteps';

const TEMPLATE = join(
  __dirname,
  '../../../../../templates/kafka-connect-cluster/template.yaml',
);

describe('rootNames', () => {
  it.each([
    ["parameters.destination.type == 'github'", ['parameters']],
    ['not parameters.a or parameters.b', ['parameters']],
    ["steps['pull-request'].output.remoteUrl", ['steps']],
    ['parameters.name | lower', ['parameters']],
    ["user.entity.metadata.name == 'guest'", ['user']],
    ["parameters.x == 'steps.y or secrets'", ['parameters']],
    ['parameters.list | length > 1e3', ['parameters']],
    ['true and none', []],
  ])('%s reads %j', (expression, names) => {
    expect(rootNames(expression)).toEqual(names);
  });
});

describe('decideStep', () => {
  const github = { destination: { type: 'github' } };

  it.each<[string, Pick<TaskStep, 'if' | 'each'>, object, boolean | undefined]>(
    [
      ['no condition', {}, {}, true],
      ['false', { if: false }, {}, false],
      ['true', { if: true }, {}, true],
      ['an empty string', { if: '' }, {}, false],
      [
        'a parameter comparison, met',
        { if: "${{ parameters.destination.type == 'github' }}" },
        github,
        true,
      ],
      [
        'a parameter comparison, not met',
        { if: "${{ parameters.destination.type == 'gitlab' }}" },
        github,
        false,
      ],
      [
        'a missing parameter read through a missing object',
        { if: "${{ parameters.destination.type == 'gitlab' }}" },
        {},
        false,
      ],
      [
        'not of a missing parameter',
        { if: '${{ not parameters.destination.type }}' },
        {},
        true,
      ],
      [
        'an empty list (falsy to the scaffolder)',
        { if: '${{ parameters.items }}' },
        { items: [] },
        false,
      ],
      [
        'a step output',
        { if: '${{ steps.render.output.changed }}' },
        {},
        undefined,
      ],
      [
        'the user',
        { if: "${{ user.ref == 'user:default/guest' }}" },
        {},
        undefined,
      ],
      [
        'a filter only the backend has',
        { if: '${{ parameters.repoUrl | parseRepoUrl }}' },
        { repoUrl: 'github.com?owner=a&repo=b' },
        undefined,
      ],
      [
        'a step run once per item',
        { if: '${{ parameters.a }}', each: '${{ parameters.list }}' },
        { a: false, list: [1] },
        undefined,
      ],
    ],
  )('%s', (_, step, parameters, expected) => {
    expect(decideStep(step, parameters as never)).toBe(expected);
  });
});

describe("the Kafka Connect template's steps", () => {
  const template = parse(readFileSync(TEMPLATE, 'utf8'));
  const steps: TaskStep[] = template.spec.steps;

  const shown = (parameters: object) =>
    withTakenStepsOnly({
      id: 'task',
      status: 'completed',
      createdAt: '2020-01-01T00:00:00Z',
      spec: {
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        parameters: parameters as never,
        steps,
        output: {},
        templateInfo: { entityRef: 'template:default/kafka-connect-cluster' },
      },
    }).spec.steps.map(s => s.id);

  const common = ['render', 'check-ownership'];

  it.each([
    ['no destination chosen', {}, [...common, 'push']],
    ['the local destination', { type: 'local' }, [...common, 'push']],
    [
      'GitHub',
      { type: 'github', repoUrl: 'github.com?owner=o&repo=r' },
      [
        ...common,
        'audit-github-initiated',
        'pull-request',
        'audit-github',
        'register-github',
      ],
    ],
    [
      'GitLab',
      { type: 'gitlab', repoUrl: 'gitlab.com?owner=o&repo=r' },
      [
        ...common,
        'audit-gitlab-initiated',
        'ensure-gitlab-branch',
        'push-gitlab',
        'merge-request',
        'audit-gitlab',
        'register-gitlab',
      ],
    ],
  ])('with %s, the task shows only its own steps', (_, destination, ids) => {
    expect(shown({ name: 'orders', destination })).toEqual(ids);
  });

  it('every step of the template is decided from the parameters', () => {
    for (const step of steps) {
      expect([step.id, decideStep(step, {})]).not.toEqual([step.id, undefined]);
    }
  });
});
