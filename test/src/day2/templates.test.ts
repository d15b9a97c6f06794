import { SUPPORTED_STRIMZI_VERSIONS } from '@connect-skeleton/plugin-kafka-connect-common';
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
});
