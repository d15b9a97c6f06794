import fc from 'fast-check';
import {
  LAYOUTS,
  layoutOf,
  parseValues,
  renderSkeleton,
  renderValid,
  STRIMZI_RELEASES,
  upgradeValues,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { fullValues } from '../fixtures/fullValues';
import { layout, validishValues } from './arbitraries';

/** Release numbers compared part by part (1.10.0 after 1.9.0). */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/**
 * `renderValid` skips the second check of values that `parseValues` or `upgradeValues` has
 * just checked (the fleet upgrade's saving). It gives the files `renderSkeleton` gives for
 * the same values because normalised values check and normalise to themselves.
 */
const RUNS = 150;
const versions = [...new Set(STRIMZI_RELEASES.map(r => r.version))];

describe('renderValid', () => {
  it('normalised values parse to themselves', () => {
    fc.assert(
      fc.property(validishValues, values => {
        const parsed = parseValues(values);
        if (!parsed.ok) return;
        const again = parseValues(parsed.value.values);
        expect(again).toEqual(parsed);
      }),
      { numRuns: RUNS },
    );
  });

  it("renders an upgrade's values as renderSkeleton renders them", () => {
    let upgraded = 0;
    fc.assert(
      fc.property(
        validishValues,
        fc.constantFrom(...versions),
        layout,
        (values, to, chosen) => {
          const upgrade = upgradeValues(values, to);
          if (!upgrade.ok) return;
          const { values: next, to: release } = upgrade.value;
          const files = renderValid({ values: next, release }, chosen).files;
          const skeleton = renderSkeleton(next, { layout: chosen });
          expect(skeleton).toEqual({ ok: true, value: files });
          expect(layoutOf(files.map(f => f.path))).toBe(chosen);
          upgraded += 1;
        },
      ),
      { numRuns: RUNS },
    );
    expect(upgraded).toBeGreaterThan(RUNS / 20);
  });

  // The widest cluster of every release, to every release from it on, in both layouts.
  const journeys = STRIMZI_RELEASES.flatMap(from =>
    versions
      .filter(to => compareVersions(to, from.version) >= 0)
      .flatMap(to =>
        LAYOUTS.map(chosen => [from.version, from.api, to, chosen] as const),
      ),
  );

  it.each(journeys)(
    'renders the widest %s (%s) cluster upgraded to %s (%s) as renderSkeleton does',
    (version, api, to, chosen) => {
      const values = {
        ...fullValues(version),
        strimzi: { version, apiVersion: api },
      };
      const upgrade = upgradeValues(values, to);
      if (!upgrade.ok) throw new Error(JSON.stringify(upgrade.problems));
      const { values: next, to: release } = upgrade.value;
      const files = renderValid({ values: next, release }, chosen).files;
      expect(renderSkeleton(next, { layout: chosen })).toEqual({
        ok: true,
        value: files,
      });
    },
  );
});
