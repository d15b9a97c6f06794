/** Policy patterns: `*` stands for any run of characters, everything else for itself. */
export function globMatches(pattern: string, text: string): boolean {
  if (!pattern.includes('*')) return pattern === text;
  const source = pattern
    .split('*')
    .map(part => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(text);
}

/** `group:default/orders`, however the values wrote it (`orders`, `group:orders`), in lower case. */
export function fullEntityRef(ref: string): string {
  const match = /^(?:([^:/]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref.trim());
  if (!match) return ref.toLocaleLowerCase('en-US');
  const [, kind = 'group', namespace = 'default', name] = match;
  return `${kind}:${namespace}/${name}`.toLocaleLowerCase('en-US');
}
