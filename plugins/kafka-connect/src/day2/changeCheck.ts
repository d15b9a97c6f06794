import {
  changeCluster,
  formatProblem,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { readPatch } from './changePatch';

/** What the change form's other parameters say, as the change template passes them on. */
export interface ChangeOptions {
  upgradeTo?: string;
  allowIdentityChange?: boolean;
}

/**
 * What the change action will make of the form: the changes in words (with what an upgrade
 * changed besides, what the operator needs first, and the release after it), or its problems.
 */
export type ChangeCheck =
  | {
      ok: true;
      changes: string[];
      notes: string[];
      operatorSteps: string[];
      release: string;
    }
  | { ok: false; problems: string[] };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The form's own parameters, read from the whole form state. */
export function changeOptions(form: Record<string, unknown>): ChangeOptions {
  return {
    upgradeTo: text(form.upgradeTo),
    allowIdentityChange: form.allowIdentityChange === true,
  };
}

/**
 * Runs `changeCluster`, the function kafka-connect:change-values runs, on the values read and
 * the patch: the form says what the task will change, and refuses what it would refuse (an
 * identity change not meant, values the checks reject) before Create.
 */
export function checkChange(
  current: Record<string, unknown>,
  changes: unknown,
  options: ChangeOptions,
): ChangeCheck {
  const result = changeCluster(current, {
    changes: readPatch(changes) ?? {},
    upgradeTo: options.upgradeTo,
    allowIdentityChange: options.allowIdentityChange ?? false,
  });
  return result.ok
    ? {
        ok: true,
        changes: result.value.changes,
        notes: result.value.notes,
        operatorSteps: result.value.operatorSteps,
        release: result.value.release.version,
      }
    : { ok: false, problems: result.problems.map(formatProblem) };
}
