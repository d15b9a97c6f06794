import { loadTemplate, templatePath } from './templateFile';

/**
 * The task page lists every step of a template by its name, the skipped ones too (a GitHub
 * task shows the GitLab steps as skipped): two steps of one name read as one step done twice.
 */
describe.each([
  'kafka-connect-cluster',
  'kafka-connect-change',
  'kafka-connect-adopt',
])('the steps of %s', name => {
  const steps = loadTemplate(templatePath(name)).spec.steps;

  it('each have a name', () => {
    expect(steps.filter(step => !step.name).map(step => step.id)).toEqual([]);
  });

  it('have names that tell them apart', () => {
    const ids = new Map<string, string[]>();
    for (const step of steps)
      ids.set(step.name!, [...(ids.get(step.name!) ?? []), step.id]);
    const shared = [...ids].filter(([, withName]) => withName.length > 1);
    expect(Object.fromEntries(shared)).toEqual({});
  });
});
