// Apply a string transform to every string inside a JSON-like value (a diagnosis, chart series), keeping its shape.

export function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((x) => mapStrings(x, f)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(value)) out[k] = mapStrings(x, f);
    return out as T;
  }
  return value;
}
