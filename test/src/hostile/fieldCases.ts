import {
  STRIMZI_RELEASES,
  validateValues,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { fullValues, Variant } from '../fixtures/fullValues';
import {
  fieldLabel,
  StringField,
  stringFields,
  withString,
} from './stringFields';

/**
 * What the hostile-string suite walks: the full values of every release and authentication
 * type, and every string field in them, map keys included, each once.
 */

export interface ValuesDocument {
  label: string;
  values: Record<string, unknown>;
}

/** Per release, one document per authentication type; builds (prebuilt too), logging and metrics rotate. */
export function valuesDocuments(): ValuesDocument[] {
  return STRIMZI_RELEASES.flatMap(release =>
    release.authenticationTypes.map((authentication, i) => {
      const variant: Variant = {
        authentication,
        metricsType: release.metricsTypes[i % release.metricsTypes.length],
        build: (['dockerfile', 'strimzi', 'prebuilt'] as const)[i % 3],
        logging: Math.floor(i / 2) % 2 === 0 ? 'inline' : 'external',
      };
      return {
        label: `${release.version} ${JSON.stringify(variant)}`,
        values: fullValues(release.version, variant),
      };
    }),
  );
}

/** A key that every map of the values accepts and no fixed object does. */
const PROBE_KEY = 'zz-probe-key';

export interface FieldCases {
  label: string;
  field: StringField;
  /** Indexes into the documents that hold this field. */
  documents: number[];
}

/** The string fields of all documents, once each; keys only where they are map keys. */
export function fieldCases(documents: readonly ValuesDocument[]): FieldCases[] {
  const byLabel = new Map<string, FieldCases>();
  const fixedKeys = new Set<string>();
  documents.forEach((doc, index) => {
    for (const field of stringFields(doc.values)) {
      const label = fieldLabel(field);
      if (fixedKeys.has(label)) continue;
      const known = byLabel.get(label);
      if (known) {
        known.documents.push(index);
        continue;
      }
      const isMapKey =
        field.kind === 'key' &&
        validateValues(withString(doc.values, field, PROBE_KEY)).length === 0;
      if (field.kind === 'key' && !isMapKey) {
        fixedKeys.add(label);
        continue;
      }
      byLabel.set(label, { label, field, documents: [index] });
    }
  });
  return [...byLabel.values()];
}
