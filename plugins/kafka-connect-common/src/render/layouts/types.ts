import { RenderedFile } from '../../skeleton';
import { NormalisedValues } from '../../values/normalise';
import { NamedObject } from '../manifests';

/** A layout places the cluster's Kubernetes objects into files. */
export type LayoutRenderer = (
  values: NormalisedValues,
  objects: readonly NamedObject[],
) => RenderedFile[];
