import { PathSegment, problem, Problem } from '../problems';
import { ParsedValues } from '../values/schema';
import { literalSecretOption } from './jaas';
import { holdsSecret, isJaasConfig } from './secretNames';
import { isReferenceOrPath, secretInValue } from './secretValues';

/**
 * The values are committed to a Git repository, so they never hold a credential. A
 * setting that holds a secret (secretNames.ts) must hold a reference (`${provider:...}`)
 * or a file path; a value that is a credential (secretValues.ts) is refused wherever it is.
 */

type Place = 'setting' | 'providerParam' | 'env' | 'other';

const FIX: Record<Place, string> = {
  setting:
    'put it in a Secret (or AWS Secrets Manager) and write a config provider reference such as ${secrets:<namespace>/<secret>:<key>}',
  providerParam:
    'give the workers an identity instead (serviceAccount.annotations, e.g. eks.amazonaws.com/role-arn for IRSA)',
  env: 'use valueFrom.secretKeyRef with a Secret instead',
  other:
    'remove it and keep the credential in a Secret: settings read it through a config provider reference such as ${secrets:<namespace>/<secret>:<key>}, env variables through valueFrom.secretKeyRef',
};

const inGit = (fix: string) => `the values are committed to Git, so ${fix}`;

/** Where a string sits decides which rules apply and what the fix is. */
function placeOf(at: readonly PathSegment[]): Place {
  const [field, second, third] = at;
  if (at.length === 3 && field === 'connect' && second === 'config') {
    return 'setting';
  }
  if (at.length === 4 && field === 'connectors' && third === 'config') {
    return 'setting';
  }
  if (
    at.length === 4 &&
    field === 'kafka' &&
    second === 'authentication' &&
    third === 'config'
  ) {
    return 'setting';
  }
  if (at.length === 4 && field === 'configProviders' && third === 'params') {
    return 'providerParam';
  }
  if (at.length === 3 && field === 'env' && third === 'value') return 'env';
  return 'other';
}

/** `$(NAME)`: Kubernetes fills in another variable of the container. */
const ENV_EXPANSION = /^\$\([A-Za-z_][A-Za-z0-9_.-]*\)$/;

function settingMessage(key: string, value: string, fix: string) {
  if (holdsSecret(key) && !isReferenceOrPath(value)) {
    return `looks like a credential written in plain text; ${inGit(fix)}`;
  }
  if (isJaasConfig(key)) {
    const option = literalSecretOption(value);
    if (option) {
      return `carries the JAAS option ${option} in plain text; ${inGit(
        `${fix} (${option}="\${secrets:...}")`,
      )}`;
    }
  }
  return valueMessage(value, fix);
}

function valueMessage(value: string, fix: string) {
  const what = secretInValue(value);
  return what && `holds ${what} written in plain text; ${inGit(fix)}`;
}

function messageFor(
  at: readonly PathSegment[],
  value: string,
  envName: (index: number) => string | undefined,
): string | undefined {
  const place = placeOf(at);
  const key = String(at[at.length - 1]);
  switch (place) {
    case 'setting':
    case 'providerParam':
      return settingMessage(key, value, FIX[place]);
    case 'env': {
      const name = envName(Number(at[1])) ?? '';
      if (
        holdsSecret(name) &&
        !isReferenceOrPath(value) &&
        !ENV_EXPANSION.test(value.trim())
      ) {
        return `looks like a credential written in plain text; ${inGit(
          FIX.env,
        )}`;
      }
      return valueMessage(value, FIX.env);
    }
    default:
      return valueMessage(value, FIX.other);
  }
}

/**
 * Strings and numbers (a password of digits is read as a number) with their paths. The
 * path is one array, pushed and popped: visit copies it only for a problem.
 */
function visitScalars(
  value: unknown,
  at: PathSegment[],
  visit: (at: readonly PathSegment[], text: string) => void,
): void {
  if (typeof value === 'string') visit(at, value);
  else if (typeof value === 'number') visit(at, String(value));
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      visitScalars(value[i], at, visit);
      at.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      at.push(key);
      visitScalars(item, at, visit);
      at.pop();
    }
  }
}

/** Reads only the fields that parsed: with a shape problem elsewhere it still runs. */
export function checkSecrets(values: Partial<ParsedValues>): Problem[] {
  const problems: Problem[] = [];
  const envName = (index: number) => values.env?.[index]?.name;
  visitScalars(values, [], (at, text) => {
    const message = messageFor(at, text, envName);
    if (message) problems.push(problem(at, message));
  });
  return problems;
}
