// One linear pass over a link's inflated JSON that counts what the schema would walk, before anything parses it.
//
// Why: the schema walk costs per value, not per byte. 4.5 MB of `{},` is 1.5 million empty host objects; parsed
// and walked on the page it froze the tab for 40 s. Counting brackets and commas is a plain character scan (no
// regex, no allocation per value), so a hostile link is refused in milliseconds and valid ones pay almost nothing.

export interface ShapeLimits {
  /** Deepest nesting of objects and arrays. A report is 6 levels deep; JSON.parse recursion dies past ~10,000. */
  maxDepth: number;
  /** Most elements in any one array (the schema's largest maxLength). */
  maxArray: number;
  /** Most objects and arrays in the whole document: what bounds the schema's walk. */
  maxContainers: number;
}

export const SHAPE_LIMITS: ShapeLimits = { maxDepth: 16, maxArray: 2_000, maxContainers: 40_000 };

/**
 * A plain-words reason when the JSON text holds more than the limits allow, else null. It reads structure only:
 * broken JSON passes here and is refused by JSON.parse afterwards.
 */
export function shapeProblem(json: string, limits: ShapeLimits = SHAPE_LIMITS): string | null {
  // counts[d]: elements so far in the array open at depth d (-1 for an object); seen[d]: a value started there.
  const counts: number[] = [];
  const seen: boolean[] = [];
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (c === 0x7b || c === 0x5b) {
      // { or [
      if (depth > 0) seen[depth] = true;
      if (++containers > limits.maxContainers) return `more than ${limits.maxContainers.toLocaleString('en')} objects and lists`;
      if (++depth > limits.maxDepth) return `nested more than ${limits.maxDepth} levels deep`;
      counts[depth] = c === 0x5b ? 0 : -1;
      seen[depth] = false;
      continue;
    }
    if (c === 0x7d || c === 0x5d) {
      // } or ]: close the container; a last element counts when a value was seen after the last comma
      if (depth > 0 && counts[depth]! >= 0 && seen[depth] && ++counts[depth]! > limits.maxArray) return tooLong(limits);
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (c === 0x2c) {
      // , ends one element
      if (depth > 0 && counts[depth]! >= 0 && ++counts[depth]! > limits.maxArray) return tooLong(limits);
      if (depth > 0) seen[depth] = false;
      continue;
    }
    if (depth > 0) seen[depth] = true;
    if (c === 0x22) inString = true;
  }
  return null;
}

const tooLong = (limits: ShapeLimits) => `a list of more than ${limits.maxArray.toLocaleString('en')} items`;
