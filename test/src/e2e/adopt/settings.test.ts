import { leafPaths, settingDifferences } from './settings';

describe('settingDifferences', () => {
  it('names a dropped, a changed and an added setting by its path; nothing for equal objects', () => {
    const pasted = {
      spec: {
        config: { 'group.id': 'g', 'key.converter': 'json' },
        template: { pod: { tolerations: [{ key: 'a' }] } },
      },
    };
    expect(settingDifferences(pasted, structuredClone(pasted))).toEqual([]);
    expect(
      settingDifferences(pasted, {
        spec: {
          config: { 'group.id': 'h', extra: 1 },
          template: { pod: { tolerations: [{ key: 'a' }] } },
        },
      }),
    ).toEqual([
      'changed spec.config["group.id"]: "g" → "h"',
      'dropped spec.config["key.converter"] (was "json")',
      'added spec.config.extra: 1',
    ]);
    expect(
      settingDifferences(pasted, {
        spec: { config: pasted.spec.config, template: { pod: {} } },
      }),
    ).toEqual(['dropped spec.template.pod.tolerations (was [{"key":"a"}])']);
    expect(leafPaths(pasted)).toEqual([
      'spec.config["group.id"]',
      'spec.config["key.converter"]',
      'spec.template.pod.tolerations[0].key',
    ]);
  });
});
