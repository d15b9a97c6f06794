import {
  CHANGE_BRANCH_PREFIX,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';
import { loadTemplate, REPO_ROOT } from '../scaffolder/templateFile';
import { ADOPT_TEMPLATE, CHANGE_TEMPLATE } from './clusterFolder';

/** The day-2 templates' release lists follow the common package, and the demo serves them. */
describe('the day-2 templates', () => {
  it.each([
    [CHANGE_TEMPLATE, 'upgradeTo'],
    [ADOPT_TEMPLATE, 'strimzi'],
  ])(
    '%s offers every supported release (%s), and none other',
    (path, field) => {
      const template = loadTemplate(path);
      const property = template.spec.parameters
        .map(page => (page.properties as Record<string, any>)?.[field])
        .find(Boolean);
      expect(property.enum).toEqual(['', ...SUPPORTED_STRIMZI_VERSIONS]);
      expect(property['ui:enumNames'].slice(1)).toEqual(
        SUPPORTED_STRIMZI_VERSIONS,
      );
    },
  );

  it('are in the demo catalog', () => {
    const config = parse(
      readFileSync(resolve(REPO_ROOT, 'app-config.yaml'), 'utf8'),
    );
    const targets = config.catalog.locations.map(
      (l: { target: string }) => l.target,
    );
    expect(targets).toEqual(
      expect.arrayContaining([
        '../../templates/kafka-connect-change/template.yaml',
        '../../templates/kafka-connect-adopt/template.yaml',
      ]),
    );
  });

  it("send the change to the one branch the change form reads: the common package's prefix and the cluster's folder", () => {
    const template = loadTemplate(CHANGE_TEMPLATE);
    // Every step input naming a branch names this one.
    const branchInputs = template.spec.steps.flatMap(step =>
      Object.entries(step.input ?? {})
        .filter(([key]) =>
          ['branch', 'branchName', 'sourceBranch'].includes(key),
        )
        .map(([key, value]) => [`${step.id}.${key}`, value]),
    );
    expect(branchInputs.length).toBeGreaterThanOrEqual(8);
    for (const [, value] of branchInputs)
      expect(value).toBe(
        `${CHANGE_BRANCH_PREFIX}\${{ steps.read.output.repositoryPath }}`,
      );
  });
});
