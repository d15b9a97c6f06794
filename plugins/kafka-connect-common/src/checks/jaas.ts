import { holdsSecret } from './secretNames';
import { isReferenceOrPath } from './secretValues';

/**
 * A JAAS line: `LoginModule flag name="value" name=value ...;`. Its options are judged
 * like settings: `password="..."`, `clientSecret="..."`, `oauth.client.secret="..."` or
 * `oauth.refresh.token="..."` must hold a reference; `username`, `keyTab` (a path) and
 * `oauth.token.endpoint.uri` may be written out.
 */
const OPTION = /([A-Za-z0-9_.$-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s";]*)/g;

/** The name of the first option that holds a secret in plain text, or undefined. */
export function literalSecretOption(jaas: string): string | undefined {
  for (const [, name, raw] of jaas.matchAll(OPTION)) {
    const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    if (holdsSecret(name) && !isReferenceOrPath(value)) return name;
  }
  return undefined;
}
