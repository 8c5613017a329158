/**
 * Defence in depth for "history never holds the API key or secret": callers pass the credentials
 * they used, and any string (or object key) containing one of them blocks the write. A secret can
 * get in by accident, e.g. when a key is pasted into clientId and the server echoes it back.
 */
export function findSecretPaths(value: unknown, forbidden: readonly string[]): string[] {
  // Blank entries would match every string; unset credentials arrive as "" from settings.
  const secrets = forbidden.filter((s) => s.trim() !== '');
  if (secrets.length === 0) return [];
  const shortest = Math.min(...secrets.map((s) => s.length));
  const contains = (s: string) => {
    // Most values (dates, statuses, short ids) are shorter than any secret: no search needed.
    if (s.length < shortest) return false;
    for (const secret of secrets) if (s.includes(secret)) return true;
    return false;
  };
  // Nearly always nothing is found: check without building a path for every value first.
  if (!containsAny(value, contains)) return [];
  const found: string[] = [];
  // Iterative so a deeply nested response cannot overflow the stack.
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    if (typeof item.value === 'string') {
      if (contains(item.value)) found.push(item.path || '(value)');
    } else if (Array.isArray(item.value)) {
      item.value.forEach((v, i) => {
        stack.push({ value: v, path: `${item.path}[${i}]` });
      });
    } else if (item.value !== null && typeof item.value === 'object') {
      for (const [key, v] of Object.entries(item.value)) {
        // The path goes into an error message, so a key that holds a secret must not be printed.
        const secretKey = contains(key);
        const segment = secretKey ? '<key containing a secret>' : key;
        const path = item.path ? `${item.path}.${segment}` : segment;
        if (secretKey) found.push(path);
        stack.push({ value: v, path });
      }
    }
  }
  return found.sort();
}

/** True when a string or object key anywhere in `value` satisfies `contains`. Iterative, like the walk above. */
function containsAny(value: unknown, contains: (s: string) => boolean): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (contains(item)) return true;
    } else if (Array.isArray(item)) {
      for (const v of item) stack.push(v);
    } else if (item !== null && typeof item === 'object') {
      for (const key of Object.keys(item)) {
        if (contains(key)) return true;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
  }
  return false;
}
