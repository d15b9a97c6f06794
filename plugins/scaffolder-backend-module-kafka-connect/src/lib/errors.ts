import { InputError } from '@backstage/errors';

/**
 * The scaffolder writes a failed step's `error.stack` into the task log. For errors whose
 * message already says everything the user needs, the stack is noise (and looks like a crash),
 * so it is replaced by the name and message alone.
 */
export function userFacing<E extends Error>(error: E): E {
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/** Hides the password or token of URLs like `https://user:token@host/repo.git`. */
export function redactCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}

/** A refused input: an InputError the user reads as it is, without a stack. */
export function refuseInput(message: string): InputError {
  return userFacing(new InputError(message));
}
