// Helpers that write WebAssembly text for the CLI's kernels (verbose-runs-wasm, mls-runs-wasm): locals, loads, small
// arithmetic, labels, and the kernels' own cache of interface indexes.

export const L = (x: string) => `(local.get $${x})`;
export const S = (x: string, v: string) => `(local.set $${x} ${v})`;
export const B = (p: string) => `(i32.load8_u ${p})`;
export const I = (n: number) => `(i32.const ${n})`;
export const add = (a: string, b: string) => `(i32.add ${a} ${b})`;
export const inc = (x: string) => S(x, add(L(x), I(1)));
export const eq = (a: string, n: number) => `(i32.eq ${a} ${I(n)})`;
export const or = (...xs: string[]) => xs.reduce((a, b) => `(i32.or ${a} ${b})`);
export const and = (...xs: string[]) => xs.reduce((a, b) => `(i32.and ${a} ${b})`);

let labels = 0;
/** A label of its own (`name` and a number). */
export const label = (name: string) => `$${name}${++labels}`;
/** Number labels from 1 again (a module's text is then the same each time it is written). */
export const resetLabels = () => {
  labels = 0;
};

/** Slots of a kernel's own cache of interface indexes, and each slot's bytes (index, length, name up to NAME_BYTES). */
export const NAME_SLOTS = 256;
export const NAME_BYTES = 32;
export const NAME_SLOT = 8 + NAME_BYTES;

/**
 * Set $x to the value the caller's `call` gives bytes [$s, $p) (hash $h): from a cache at `cacheAt` (`slots` slots of
 * a value, a length and up to `maxBytes` bytes) when the slot holds these bytes, else by `call` (then kept there when
 * `keep` holds of $x). Uses $d, $n, $c and $f.
 */
export function cachedCall(o: { cacheAt: number; slots: number; maxBytes: number; call: string; keep: string }): string {
  const ce = label('cE');
  const cl = label('cL');
  return `
        ${S('d', `(i32.sub ${L('p')} ${L('s')})`)}
        ${S('n', add(I(o.cacheAt), `(i32.mul (i32.and ${L('h')} ${I(o.slots - 1)}) ${I(8 + o.maxBytes)})`))}
        ${S('f', I(0))}
        (if (i32.and (i32.le_u ${L('d')} ${I(o.maxBytes)}) (i32.eq (i32.load offset=4 ${L('n')}) ${L('d')}))
          (then
            ${S('c', I(0))}
            (block ${ce} (loop ${cl}
              (br_if ${ce} (i32.ge_u ${L('c')} ${L('d')}))
              (br_if ${ce} (i32.ne ${B(add(L('s'), L('c')))} (i32.load8_u offset=8 ${add(L('n'), L('c'))})))
              ${inc('c')} (br ${cl})))
            (if (i32.eq ${L('c')} ${L('d')}) (then ${S('x', '(i32.load (local.get $n))')} ${S('f', I(1))}))))
        (if (i32.eqz ${L('f')})
          (then
            ${S('x', o.call)}
            (if (i32.and ${o.keep} (i32.le_u ${L('d')} ${I(o.maxBytes)}))
              (then
                (i32.store ${L('n')} ${L('x')})
                (i32.store offset=4 ${L('n')} ${L('d')})
                (memory.copy ${add(L('n'), I(8))} ${L('s')} ${L('d')})))))`;
}

/**
 * Set $x to the index of the interface name [$s, $p) (hash $h) in the caller's columns: from the cache at `cacheAt`
 * when its slot holds these bytes, else by `$ifIndex` (then kept there unless 0). `stopOnNone`: an index 0 (none)
 * stops the record ($stop).
 */
export function cachedIfIndex(cacheAt: number, stopOnNone: boolean): string {
  return `${cachedCall({ cacheAt, slots: NAME_SLOTS, maxBytes: NAME_BYTES, call: `(call $ifIndex ${L('s')} ${L('p')} ${L('h')})`, keep: `(i32.ne ${L('x')} ${I(0)})` })}
        ${stopOnNone ? `(br_if $stop (i32.eqz ${L('x')}))` : ''}`;
}

/** Column `base`'s cell of record $r (`shift`: 2 for four-byte cells, 3 for eight). */
export const cell = (base: number, shift: number) => add(I(base), `(i32.shl ${L('r')} ${I(shift)})`);
export const store32 = (base: number, v: string) => `(i32.store ${cell(base, 2)} ${v})`;
export const storeF = (base: number, v: string) => `(f64.store ${cell(base, 3)} ${v})`;

/** Byte offsets of regions laid out one after another from `start` (each its size in bytes): each one's, and the end. */
export function layoutOf<K extends string>(start: number, regions: readonly (readonly [K, number])[]): Record<K, number> & { end: number } {
  let at = start;
  const out = {} as Record<K, number>;
  for (const [name, bytes] of regions) {
    out[name] = at;
    at += bytes;
  }
  return { ...out, end: at };
}

/**
 * A dotted quad from $p as dottedQuadAt (core/big-paste/dotted-quad.ts) reads one: four octets of 1 to 3 digits, no
 * leading zero, each at most 255; its value in $a, $p after it; else stop ($stop). What follows is the caller's to
 * check. Uses $s, $n and $c.
 */
export function dottedQuadText(): string {
  const octet = (o: number) => {
    const e = label('qE');
    const l = label('qL');
    return `
        ${o > 0 ? `(br_if $stop (i32.ne ${B(L('p'))} ${I(46)})) ${inc('p')}` : ''}
        ${S('s', L('p'))} ${S('n', I(0))}
        (block ${e} (loop ${l}
          ${S('c', `(i32.sub ${B(L('p'))} ${I(48)})`)}
          (br_if ${e} (i32.gt_u ${L('c')} ${I(9)}))
          ;; (A fourth digit: no octet, and no address.)
          (br_if $stop ${eq(`(i32.sub ${L('p')} ${L('s')})`, 3)})
          ${S('n', add(`(i32.mul ${L('n')} ${I(10)})`, L('c')))}
          ${inc('p')} (br ${l})))
        (br_if $stop ${or(`(i32.eq ${L('p')} ${L('s')})`, `(i32.gt_u ${L('n')} ${I(255)})`, and(`(i32.gt_u (i32.sub ${L('p')} ${L('s')}) ${I(1)})`, eq(B(L('s')), 48)))})
        ${S('a', add(`(i32.shl ${L('a')} ${I(8)})`, L('n')))}`;
  };
  return `${S('a', I(0))}${[0, 1, 2, 3].map(octet).join('')}`;
}

/**
 * A line after an erased pager mark: $p on to where the screen shows it (the caller's pagerLeadEnd, imported as $pager
 * and asked only of a line starting with a blank, `-` or `<`, as pagerTextStart asks), or stop (br $stop) where it
 * shows none: no row, entry or record of the runs starts with one of those. Uses the locals $p, $c and $end.
 */
export function pagerLead(): string {
  return `
        ${S('c', B(L('p')))}
        (if ${or(eq(L('c'), 32), eq(L('c'), 45), eq(L('c'), 60))}
          (then
            ${S('p', `(call $pager ${L('p')} ${L('end')})`)}
            (br_if $stop (i32.lt_s ${L('p')} ${I(0)}))))`;
}
