import fc from 'fast-check';
import {
  formatProblem,
  importCluster,
  parseValues,
  renderCluster,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { validishValues } from '../properties/arbitraries';

/**
 * Render, then import what was rendered: the same values come back. Only what the objects
 * carry can come back, so the values are first limited to that: the catalog's own fields
 * (system, description) and apiAccess (a NetworkPolicy, not read by import) are left out;
 * a Dockerfile build becomes Strimzi's build (plugins and truststore live in the
 * Dockerfile, not in the objects); a nodeSelector is left out (the renderer folds it
 * into node affinity, which imports as affinity); with metrics off, the metrics type and
 * podAnnotations are compared as absent.
 */
type Values = Record<string, any>;

function representable(values: Values): Values {
  const copy = structuredClone(values);
  delete copy.system;
  delete copy.description;
  delete copy.apiAccess;
  delete copy.truststore;
  if (copy.scheduling) delete copy.scheduling.nodeSelector;
  if (copy.image)
    copy.image = { ...copy.image, build: 'strimzi', tag: undefined };
  if (!copy.plugins?.length) delete copy.image;
  return copy;
}

function normalised(values: unknown) {
  const parsed = parseValues(values);
  if (!parsed.ok) {
    throw new Error(parsed.problems.map(formatProblem).join('\n'));
  }
  const { system, description, apiAccess, ...rest } = parsed.value.values;
  // With metrics off, the type and the pod annotations leave no trace in the objects.
  return rest.metrics.enabled ? rest : { ...rest, metrics: { enabled: false } };
}

const RENDERED_KINDS = ['KafkaConnect', 'KafkaConnector', 'ConfigMap'];

describe('render, then import', () => {
  it('gives back the same values', () => {
    let checked = 0;
    fc.assert(
      fc.property(validishValues, generated => {
        const values = representable(generated);
        const rendered = renderCluster(values);
        fc.pre(rendered.ok);
        if (!rendered.ok) return;
        const objects = rendered.value.objects.filter(o =>
          RENDERED_KINDS.includes(String(o.kind)),
        );
        const imported = importCluster(objects, {
          owner: String(values.owner),
          strimzi: rendered.value.release.version,
          checksums: {},
        });
        if (!imported.ok) {
          throw new Error(
            `import refused:\n${imported.problems
              .map(formatProblem)
              .join('\n')}`,
          );
        }
        expect(normalised(imported.values)).toEqual(normalised(values));
        checked++;
      }),
      { numRuns: 60 },
    );
    // fc.pre may skip refused values; most must be checked for the property to mean much.
    expect(checked).toBeGreaterThan(30);
  });
});
