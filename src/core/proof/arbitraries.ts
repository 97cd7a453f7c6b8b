// Test helper: fast-check generators for hostile pastes: router-like token soup and mutated real captures.
import fc from 'fast-check';

/** Words and separators seen in real captures, so random lines reach deep into the parsers' row paths. */
export function vocabularyOf(texts: readonly string[], max = 4000): string[] {
  const words = new Set<string>();
  for (const t of texts) {
    for (const w of t.split(/[\s\u00a0]+/)) {
      if (w !== '' && w.length <= 40) words.add(w);
      if (words.size >= max) break;
    }
  }
  return [...words].sort();
}

const SEPARATORS = [' ', '  ', '   ', '      ', '\t', '\u00a0', ' | ', ': ', ', '];
const ODD_BITS = ['#', '>', '(config)#', '--More--', ' --More-- \b\b\b\b\b\b\b\b\b\b', '\r', '\x1b[K', '\u200b', '%', '*', '-', '0', ''];

/** One line made of real tokens, odd separators and terminal junk. */
export function routerishLine(vocab: readonly string[]): fc.Arbitrary<string> {
  const token = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...vocab) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_BITS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
  return fc
    .tuple(fc.constantFrom('', ' ', '  ', 'Router#', 'R1#show ', 'show '), fc.array(fc.tuple(token, fc.constantFrom(...SEPARATORS)), { maxLength: 14 }))
    .map(([lead, parts]) => lead + parts.map(([t, s]) => t + s).join(''));
}

export function routerishText(vocab: readonly string[]): fc.Arbitrary<string> {
  return fc.array(routerishLine(vocab), { maxLength: 40 }).map((ls) => ls.join('\n'));
}

/** Damage done to a capture's bytes, as people and terminals do it. */
export type Mutation =
  | { op: 'drop-line'; at: number }
  | { op: 'dup-line'; at: number; times: number }
  | { op: 'swap-lines'; at: number; with: number }
  | { op: 'flip-byte'; at: number; bit: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert-bytes'; at: number; bytes: number[] };

const pos = fc.nat({ max: 1 << 20 });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('drop-line' as const), at: pos }),
  fc.record({ op: fc.constant('dup-line' as const), at: pos, times: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('swap-lines' as const), at: pos, with: pos }),
  fc.record({ op: fc.constant('flip-byte' as const), at: pos, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: pos }),
  fc.record({ op: fc.constant('insert-bytes' as const), at: pos, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }) }),
);

function splitLines(b: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 10) {
      out.push(b.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < b.length) out.push(b.subarray(start));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Apply mutations in order; positions wrap around the current size so every one lands somewhere. */
export function mutate(bytes: Uint8Array, muts: readonly Mutation[]): Uint8Array {
  let b = bytes;
  for (const m of muts) {
    if (b.length === 0) break;
    if (m.op === 'flip-byte') {
      b = b.slice();
      const at = m.at % b.length;
      b[at] = b[at]! ^ (1 << m.bit);
    } else if (m.op === 'truncate') {
      b = b.subarray(0, m.at % b.length);
    } else if (m.op === 'insert-bytes') {
      const at = m.at % b.length;
      b = concat([b.subarray(0, at), Uint8Array.from(m.bytes), b.subarray(at)]);
    } else {
      const lines = splitLines(b);
      const i = m.at % lines.length;
      if (m.op === 'drop-line') lines.splice(i, 1);
      else if (m.op === 'dup-line') lines.splice(i, 0, ...Array<Uint8Array>(m.times).fill(lines[i]!));
      else {
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      b = concat(lines);
    }
  }
  return b;
}
