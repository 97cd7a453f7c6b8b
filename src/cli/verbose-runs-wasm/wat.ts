// The loop of a run of verbose cache records (core/big-paste/verbose-records.ts runVerbose: readFirstLine and
// readSecondLine, record after record) as WebAssembly text, for the CLI: the same checks in the same order, so that a
// record is taken here exactly when it is taken there, with the same values, and interface names are looked up (the
// caller's ifIndex) at the same points; where a line goes on after an erased pager mark is the caller's too
// (pagerLeadEnd). kernel.test.ts assembles this text, checks bytes.ts holds it (UPDATE_WASM=1 rewrites it) and checks
// the module against the JavaScript loop on generated caches.

import { add, and, B, cachedIfIndex, eq, I, inc, L, label, NAME_SLOT, NAME_SLOTS, dottedQuadText, layoutOf, or, pagerLead, resetLabels, S, store32, storeF } from '../wat-text';

export { NAME_SLOT, NAME_SLOTS };

/** The input window's bytes (whole lines), and room past it. */
export const IN_BYTES = (1 << 20) + (1 << 16);
/** Records a call hands over at most. */
export const RECORDS = 1 << 14;

/** Byte offsets in the module's memory: the window, then a column a value for RECORDS records. */
export const LAYOUT = layoutOf(IN_BYTES, [
  ['packets', RECORDS * 8],
  ['bpp', RECORDS * 8],
  ['active', RECORDS * 8],
  ['src', RECORDS * 4],
  ['dst', RECORDS * 4],
  ['nextHop', RECORDS * 4],
  ['proto', RECORDS * 4],
  ['tos', RECORDS * 4],
  ['flags', RECORDS * 4],
  ['srcPort', RECORDS * 4],
  ['dstPort', RECORDS * 4],
  ['srcIf', RECORDS * 4],
  ['dstIf', RECORDS * 4],
  ['starts', RECORDS * 4],
  // 10 ** k, k = 0..15, for the seconds active.
  ['pow10', 16 * 8],
  // Interface names met, by their hash's low byte: the index, the name's length (0: none), its bytes.
  ['names', NAME_SLOTS * NAME_SLOT],
] as const);
export const PAGES = Math.ceil(LAYOUT.end / 65536);

/** Is the byte at $p a blank or the line's end (LF, or CR LF)? */
const blankOrEnd = `(i32.or ${or(eq(B(L('p')), 32), eq(B(L('p')), 10))} ${and(eq(B(L('p')), 13), eq(B(add(L('p'), I(1))), 10))})`;

/** One blank or more (blanks): else stop. */
function blanks(): string {
  const l = label('bl');
  return `
        (br_if $stop (i32.ne ${B(L('p'))} ${I(32)}))
        (loop ${l} ${inc('p')} (br_if ${l} ${eq(B(L('p')), 32)}))`;
}

/** Hex digits (hex): 1 to `max`, then a blank or the line's end; the value in $n. */
function hex(max: number): string {
  const e = label('hE');
  const l = label('hL');
  return `
        ${S('n', I(0))} ${S('d', I(0))}
        (block ${e} (loop ${l}
          (br_if ${e} (i32.ge_u ${L('d')} ${I(max)}))
          ${S('c', B(L('p')))}
          (if (i32.le_u (i32.sub ${L('c')} ${I(48)}) ${I(9)})
            (then ${S('x', `(i32.sub ${L('c')} ${I(48)})`)})
            (else (if (i32.le_u (i32.sub ${L('c')} ${I(65)}) ${I(5)})
              (then ${S('x', `(i32.sub ${L('c')} ${I(55)})`)})
              (else
                (br_if ${e} (i32.gt_u (i32.sub ${L('c')} ${I(97)}) ${I(5)}))
                ${S('x', `(i32.sub ${L('c')} ${I(87)})`)}))))
          ${S('n', add(`(i32.shl ${L('n')} ${I(4)})`, L('x')))}
          ${inc('d')} ${inc('p')} (br ${l})))
        (br_if $stop (i32.eqz ${L('d')}))
        (br_if $stop (i32.eqz ${blankOrEnd}))`;
}

/** Decimal digits (digits): 1 to 15; the value in $v (i64). */
function digits(): string {
  const e = label('dE');
  const l = label('dL');
  return `
        ${S('v', '(i64.const 0)')} ${S('s', L('p'))}
        (block ${e} (loop ${l}
          ${S('c', `(i32.sub ${B(L('p'))} ${I(48)})`)}
          (br_if ${e} (i32.gt_u ${L('c')} ${I(9)}))
          ${S('v', `(i64.add (i64.mul ${L('v')} (i64.const 10)) (i64.extend_i32_u ${L('c')}))`)}
          ${inc('p')} (br ${l})))
        (br_if $stop (i32.or (i32.eq ${L('p')} ${L('s')}) (i32.gt_u (i32.sub ${L('p')} ${L('s')}) ${I(15)})))`;
}

/**
 * An interface name (ifName): a letter, then letters, digits and `-./:_`, then a blank; no `More` in it. Its index by
 * the caller's ifIndex (0: none, and the record is not taken) into column `base`.
 */
function ifName(base: number): string {
  const e = label('nE');
  const l = label('nL');
  const me = label('mE');
  const ml = label('mL');
  return `
        ${S('s', L('p'))} ${S('h', I(0))}
        (br_if $stop (i32.gt_u (i32.sub (i32.or ${B(L('p'))} ${I(32)}) ${I(97)}) ${I(25)}))
        (block ${e} (loop ${l}
          ${S('c', B(L('p')))}
          (br_if ${e} (i32.eqz ${or(`(i32.le_u (i32.sub (i32.or ${L('c')} ${I(32)}) ${I(97)}) ${I(25)})`, `(i32.le_u (i32.sub ${L('c')} ${I(45)}) ${I(13)})`, eq(L('c'), 95))}))
          ${S('h', add(`(i32.mul ${L('h')} ${I(31)})`, L('c')))}
          ${inc('p')} (br ${l})))
        (br_if $stop (i32.ne ${B(L('p'))} ${I(32)}))
        ;; A name with "More" in it could be a pager mark's remains to the text path: leave it there.
        ${S('x', L('s'))}
        (block ${me} (loop ${ml}
          (br_if ${me} (i32.ge_u (i32.add ${L('x')} ${I(3)}) ${L('p')}))
          (br_if $stop ${and(eq(B(L('x')), 77), eq(B(add(L('x'), I(1))), 111), eq(B(add(L('x'), I(2))), 114), eq(B(add(L('x'), I(3))), 101))})
          ${inc('x')} (br ${ml})))
        ;; Its index: from the module's cache when the slot holds these bytes, else the caller's (then kept there).
        ${cachedIfIndex(LAYOUT.names, true)}
        ${store32(base, L('x'))}`;
}

/** Only blanks left, then the line's end (ends): $p after it; else stop. */
const lineEnd = `
        (block $bE (loop $bL (br_if $bE (i32.ne ${B(L('p'))} ${I(32)})) ${inc('p')} (br $bL)))
        (if ${eq(B(L('p')), 10)}
          (then ${inc('p')})
          (else
            (br_if $stop (i32.or (i32.ne ${B(L('p'))} ${I(13)}) (i32.ne ${B(add(L('p'), I(1)))} ${I(10)})))
            ${S('p', add(L('p'), I(2)))}))`;

/**
 * run(p, end, cap): records from byte p on (end: the end of the window's whole lines), as runVerbose's loop takes them,
 * at most cap. Returns where it stopped (the start of the record not taken, or after the last one); `records` (a
 * global) says how many it took, `cut` is 1 when it stopped because the window ended before a record's second line.
 */
export function verboseRunsWat(): string {
  resetLabels();
  const count = `(f64.convert_i64_u ${L('v')})`;
  return `(module
  (import "verbose" "ifIndex" (func $ifIndex (param i32 i32 i32) (result i32)))
  (import "verbose" "pager" (func $pager (param i32 i32) (result i32)))
  (memory (export "memory") ${PAGES})
  (global $records (export "records") (mut i32) (i32.const 0))
  (global $cut (export "cut") (mut i32) (i32.const 0))
  (func (export "run") (param $p i32) (param $end i32) (param $cap i32) (result i32)
    (local $r i32) (local $rs i32) (local $c i32) (local $x i32) (local $n i32) (local $d i32) (local $s i32)
    (local $h i32) (local $a i32) (local $f i32) (local $v i64) (local $count f64) (local $int f64) (local $scale f64)
    (global.set $cut ${I(0)})
    (block $done (loop $rec
      (br_if $done (i32.ge_u ${L('r')} ${L('cap')}))
      (if (i32.ge_u ${L('p')} ${L('end')}) (then (global.set $cut ${I(1)}) (br $done)))
      ${S('rs', L('p'))}
      (block $stop
        ;; The first line: SrcIf SrcIPaddress DstIf DstIPaddress Pr TOS Flgs Pkts (readFirstLine).
        ${pagerLead()}
        ${ifName(LAYOUT.srcIf)}
        ${blanks()} ${dottedQuadText()} ${store32(LAYOUT.src, L('a'))}
        ${blanks()} ${ifName(LAYOUT.dstIf)}
        ${blanks()} ${dottedQuadText()} ${store32(LAYOUT.dst, L('a'))}
        ${blanks()} ${hex(2)} ${store32(LAYOUT.proto, L('n'))}
        ${blanks()} ${hex(4)} ${store32(LAYOUT.tos, L('n'))}
        ${blanks()} ${hex(4)} ${store32(LAYOUT.flags, L('n'))}
        ${blanks()} ${digits()}
        ${S('count', count)}
        ${S('c', B(L('p')))}
        (if ${eq(L('c'), 75)} (then ${S('count', `(f64.mul ${L('count')} (f64.const 1e3))`)} ${inc('p')})
          (else (if ${eq(L('c'), 77)} (then ${S('count', `(f64.mul ${L('count')} (f64.const 1e6))`)} ${inc('p')})
            (else (if ${eq(L('c'), 71)} (then ${S('count', `(f64.mul ${L('count')} (f64.const 1e9))`)} ${inc('p')}))))))
        ${storeF(LAYOUT.packets, L('count'))}
        ${lineEnd}
        ;; The window ends before the second line: cut.
        (if (i32.ge_u ${L('p')} ${L('end')}) (then (global.set $cut ${I(1)}) (br $stop)))
        ;; The second line: SrcP Msk AS DstP Msk AS NextHop B/Pk Active (readSecondLine).
        ${pagerLead()}
        ${hex(4)} ${store32(LAYOUT.srcPort, L('n'))}
        ${blanks()} (br_if $stop (i32.ne ${B(L('p'))} ${I(47)})) ${inc('p')} ${digits()}
        (br_if $stop (i32.gt_u (i32.sub ${L('p')} ${L('s')}) ${I(3)}))
        ${blanks()} ${digits()}
        ${blanks()} ${hex(4)} ${store32(LAYOUT.dstPort, L('n'))}
        ${blanks()} (br_if $stop (i32.ne ${B(L('p'))} ${I(47)})) ${inc('p')} ${digits()}
        (br_if $stop (i32.gt_u (i32.sub ${L('p')} ${L('s')}) ${I(3)}))
        ${blanks()} ${digits()}
        ${blanks()} ${dottedQuadText()} ${store32(LAYOUT.nextHop, L('a'))}
        ${blanks()} ${digits()} ${storeF(LAYOUT.bpp, count)}
        ${blanks()}
        ;; Seconds active: digits, or digits, a point and digits (15 digits at most in all).
        ${S('x', L('p'))}
        ${digits()}
        ${S('int', count)}
        (if ${eq(B(L('p')), 46)}
          (then
            ${inc('p')}
            ${digits()}
            (br_if $stop (i32.gt_u (i32.sub (i32.sub ${L('p')} ${L('x')}) ${I(1)}) ${I(15)}))
            ${S('scale', `(f64.load ${add(I(LAYOUT.pow10), `(i32.shl (i32.sub ${L('p')} ${L('s')}) ${I(3)})`)})`)}
            ${S('int', `(f64.div (f64.add (f64.mul ${L('int')} ${L('scale')}) ${count}) ${L('scale')})`)}))
        ${storeF(LAYOUT.active, L('int'))}
        ${lineEnd}
        ${store32(LAYOUT.starts, L('rs'))}
        ${inc('r')}
        (br $rec))
      (global.set $records ${L('r')})
      (return ${L('rs')})))
    (global.set $records ${L('r')})
    ${L('p')}))`;
}
