/**
 * The environment of a Backstage process a test starts: the caller's, minus what would change
 * that process. Jest sets NODE_ENV=test (the guest sign-in then refuses to work: it is for
 * development only); the caller's own APP_CONFIG_* would reconfigure it, and `extraPrefixes`
 * drops more (a fresh app must not see this repository's YARN_* settings).
 */
export function childEnv(
  overrides: Record<string, string> = {},
  extraPrefixes: string[] = [],
): NodeJS.ProcessEnv {
  const dropped = ['JEST_', 'APP_CONFIG_', ...extraPrefixes];
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === 'NODE_ENV' || dropped.some(p => key.startsWith(p))) continue;
    env[key] = value;
  }
  return { ...env, ...overrides };
}
