/**
 * "Did you mean ...?" for unknown properties. A name is close to a known one when it is at most one
 * edit away (insert, delete, substitute or swap two neighbours), ignoring case, so `clientID`,
 * `clinetId` and `expiryTim` are caught. The same function words the pre-send message and the
 * editor's quick fix, so both name the same property.
 */

/** Regex source (without flags) that matches every string within one edit of `name`. */
function oneEditPattern(name: string): string {
  const alternatives = new Set<string>();
  for (let i = 0; i < name.length; i++) {
    alternatives.add(`${name.slice(0, i)}.?${name.slice(i + 1)}`); // delete or substitute
    if (i + 1 < name.length) {
      alternatives.add(`${name.slice(0, i)}${name[i + 1]}${name[i]}${name.slice(i + 2)}`); // swap
    }
  }
  for (let i = 0; i <= name.length; i++) {
    alternatives.add(`${name.slice(0, i)}.${name.slice(i)}`); // insert
  }
  return `^(?:${[...alternatives].join('|')})$`;
}

export function nearestKnownProperty(unknown: string, known: readonly string[]): string | undefined {
  const lower = unknown.toLowerCase();
  const sameButCase = known.find((k) => k.toLowerCase() === lower);
  if (sameButCase) return sameButCase;
  return known.find((k) => new RegExp(oneEditPattern(k), 'i').test(unknown));
}
