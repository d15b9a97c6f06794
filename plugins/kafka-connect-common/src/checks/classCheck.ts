import { problem, Problem } from '../problems';
import { needsCustomImage } from '../render/image';
import { namedClasses, providerClass } from '../render/namedClasses';
import { ParsedValues } from '../values/schema';
import { missingProviderPlugin } from './providerPlugins';

type ClassCheckFields = Pick<
  ParsedValues,
  | 'image'
  | 'plugins'
  | 'truststore'
  | 'configProviders'
  | 'connectors'
  | 'connect'
>;

/**
 * image.mavenBuilder and image.skipClassCheck act on the Dockerfile build: given where
 * they change nothing, they are problems (nothing given is dropped silently).
 */
export function checkClassCheckFields(values: ClassCheckFields): Problem[] {
  const { image } = values;
  const dockerfile = image.build === 'dockerfile' && needsCustomImage(values);
  const problems: Problem[] = [];
  const maven = values.plugins.some(p =>
    p.artifacts.some(a => a.type === 'maven'),
  );
  if (image.mavenBuilder && !(dockerfile && maven)) {
    problems.push(
      problem(
        ['image', 'mavenBuilder'],
        image.build === 'strimzi'
          ? "has no effect with image.build: strimzi: Strimzi's build uses its operator's Maven builder (STRIMZI_DEFAULT_MAVEN_IMAGE); remove it, or use image.build: dockerfile"
          : 'has no effect: no plugin has a maven artifact, so the Dockerfile has no Maven builder stage; remove it',
      ),
    );
  }
  const named = new Map(namedClasses(values).map(c => [c.name, c.fields]));
  // Without the Dockerfile's check an entry still silences the config provider rule.
  const silencesProviderRule = new Set(
    values.configProviders
      .filter(p => missingProviderPlugin(p.type, values))
      .map(providerClass),
  );
  (image.skipClassCheck ?? []).forEach((cls, i) => {
    const at = ['image', 'skipClassCheck', i];
    if (image.skipClassCheck!.indexOf(cls) < i) {
      problems.push(problem(at, `${cls} is listed twice; remove one`));
    } else if (!named.has(cls)) {
      problems.push(
        problem(
          at,
          `${cls} is named nowhere in the configuration (config providers, connectors[].class, converters, transforms, predicates), so there is nothing to skip; remove it, or fix the class name`,
        ),
      );
    } else if (!dockerfile && !silencesProviderRule.has(cls)) {
      problems.push(
        problem(
          at,
          'has no effect: only the Dockerfile build (image.build: dockerfile, with plugins or certificates) checks the classes in the image; remove it',
        ),
      );
    }
  });
  return problems;
}
