import type { ScaffolderTask } from '@backstage/plugin-scaffolder-common';
import { decideStep } from './stepCondition';

/**
 * The task without the steps its parameters rule out, so that the task page shows only the
 * steps of the path taken (a template's steps for other destinations, say). A step whose
 * condition cannot be decided from the parameters stays, and shows as skipped if it is.
 */
export function withTakenStepsOnly(task: ScaffolderTask): ScaffolderTask {
  const parameters = task.spec.parameters;
  // No parameters to decide on (not a v1beta3 task): every step stays.
  if (typeof parameters !== 'object' || parameters === null) return task;
  const steps = task.spec.steps.filter(
    step => decideStep(step, parameters) !== false,
  );
  return steps.length === task.spec.steps.length
    ? task
    : { ...task, spec: { ...task.spec, steps } };
}
