/** True for a JSON object: an object that is neither null nor an array (the shape of a request or response body). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
