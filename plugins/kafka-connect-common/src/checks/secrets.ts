import { PathSegment, problem, Problem } from '../problems';
import { ParsedValues } from '../values/schema';

/**
 * The values are committed to a Git repository, so a setting whose name says it is a
 * credential must hold a reference (`${provider:...}`), never the credential itself.
 */
const SECRET_KEY =
  /(password|passwd|secret|token|credential|private[._-]?key|access[._-]?key|api[._-]?key)/i;
const REFERENCE = /^\$\{[A-Za-z][A-Za-z0-9_-]*:[^}]*\}$/;
// JAAS lines carry credentials as options: `password="..."`, `clientSecret="..."`.
const JAAS_LITERAL_SECRET =
  /(password|secret|token|credential)[A-Za-z]*\s*=\s*"?(?!\$\{)[^\s";]/i;

function holdsLiteralSecret(key: string, value: string): boolean {
  if (value === '' || REFERENCE.test(value)) return false;
  if (key.endsWith('jaas.config')) return JAAS_LITERAL_SECRET.test(value);
  return SECRET_KEY.test(key);
}

type Settings = Record<string, string | number | boolean>;

function literalSecrets(
  settings: Settings | undefined,
  at: readonly PathSegment[],
  fix: string,
): Problem[] {
  return Object.entries(settings ?? {})
    .filter(
      ([key, value]) =>
        typeof value === 'string' && holdsLiteralSecret(key, value),
    )
    .map(([key]) =>
      problem(
        [...at, key],
        `looks like a credential written in plain text; the values are committed to Git, so ${fix}`,
      ),
    );
}

const REFERENCE_FIX =
  'put it in a Secret (or AWS Secrets Manager) and write a config provider reference such as ${secrets:<namespace>/<secret>:<key>}';

export function checkSecrets(values: ParsedValues): Problem[] {
  const problems: Problem[] = [
    ...literalSecrets(
      values.connect.config,
      ['connect', 'config'],
      REFERENCE_FIX,
    ),
    ...values.connectors.flatMap((c, i) =>
      literalSecrets(c.config, ['connectors', i, 'config'], REFERENCE_FIX),
    ),
    ...values.configProviders.flatMap((p, i) =>
      literalSecrets(
        p.params,
        ['configProviders', i, 'params'],
        'give the workers an identity instead (serviceAccount.annotations, e.g. eks.amazonaws.com/role-arn for IRSA)',
      ),
    ),
  ];
  const auth = values.kafka.authentication;
  if (auth?.type === 'custom') {
    problems.push(
      ...literalSecrets(
        auth.config,
        ['kafka', 'authentication', 'config'],
        REFERENCE_FIX,
      ),
    );
  }
  values.env.forEach((variable, index) => {
    if (variable.value && SECRET_KEY.test(variable.name)) {
      problems.push(
        problem(
          ['env', index, 'value'],
          'looks like a credential written in plain text; the values are committed to Git, so use valueFrom.secretKeyRef with a Secret instead',
        ),
      );
    }
  });
  return problems;
}
