/** Drops keys whose value is undefined, so optional fields simply do not appear. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== undefined),
  ) as T;
}

/** `undefined` for an empty list or mapping, so empty sections are left out. */
export function nonEmpty<T extends object>(
  value: T | undefined,
): T | undefined {
  if (value === undefined) return undefined;
  return Object.keys(value).length > 0 ? value : undefined;
}
