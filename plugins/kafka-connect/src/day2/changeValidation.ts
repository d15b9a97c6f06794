import {
  ApiHolder,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { changeOptions, checkChange } from './changeCheck';
import { patchCluster } from './changePatch';
import { clusterValues } from './clusterValuesClient';
import { ClusterChangeOptions, clusterRefOf } from './ClusterChangeField';

/** What the scaffolder hands a field's validator (CustomFieldValidator). */
interface ValidationContext {
  apiHolder: Pick<ApiHolder, 'get'>;
  formData: Record<string, unknown>;
  uiSchema?: { 'ui:options'?: ClusterChangeOptions };
}

/**
 * Stops Next where the task would stop: the cluster cannot be read for this user (not theirs
 * to change, no cluster), the change was made for another cluster, or the change action would
 * refuse the change (an identity change not meant, values the checks reject).
 */
export async function validateClusterChange(
  value: unknown,
  validation: { addError(message: string): void },
  context: ValidationContext,
): Promise<void> {
  const form = context.formData ?? {};
  const entityRef = clusterRefOf(form, context.uiSchema?.['ui:options']);
  const discoveryApi = context.apiHolder.get(discoveryApiRef);
  const fetchApi = context.apiHolder.get(fetchApiRef);
  if (!entityRef || !discoveryApi || !fetchApi) return;
  const madeFor = patchCluster(value);
  if (madeFor && madeFor !== entityRef) {
    validation.addError(
      `The change was made for ${madeFor}, not ${entityRef}: make it again for this cluster`,
    );
    return;
  }
  let current;
  try {
    current = await clusterValues({ discoveryApi, fetchApi }, entityRef);
  } catch (error) {
    validation.addError((error as Error).message);
    return;
  }
  const check = checkChange(current.values, value, changeOptions(form));
  if (!check.ok)
    for (const problem of check.problems) validation.addError(problem);
}
