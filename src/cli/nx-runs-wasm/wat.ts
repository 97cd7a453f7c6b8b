// The loop of a run of NX-OS `show flow cache` IPv4 rows (core/big-paste/nx-rows.ts runNx: readNxRow, row after row)
// as WebAssembly text, for the CLI: the same checks in the same order, so that a row is taken here exactly when it is
// taken there, with the same values (where a line goes on after an erased pager mark: the caller's pagerLeadEnd).
// kernel.test.ts assembles this text, checks bytes.ts holds it (UPDATE_WASM=1 rewrites it) and checks the module
// against the JavaScript loop on generated caches.
import { ROLES } from '../../core/parsers/show-flow-cache/parser';
import { add, and, B, eq, I, inc, L, layoutOf, or, pagerLead, resetLabels, S, store32, storeF } from '../wat-text';

/** The input window's bytes (whole lines), and room past it. */
export const IN_BYTES = (1 << 20) + (1 << 16);
/** Rows a call hands over at most. */
export const RECORDS = 1 << 14;
/** Columns a header may have for this module (more: the loop reads). */
export const MAX_COLUMNS = 63;

/** Byte offsets in the module's memory: the window, then a column a value for RECORDS rows, then tables. */
export const LAYOUT = layoutOf(IN_BYTES, [
  ['packets', RECORDS * 8],
  ['bytes', RECORDS * 8],
  ['src', RECORDS * 4],
  ['dst', RECORDS * 4],
  ['proto', RECORDS * 4],
  ['srcPort', RECORDS * 4],
  ['dstPort', RECORDS * 4],
  ['starts', RECORDS * 4],
  // Each byte's class for the field loop (nx-rows.ts NX_CLASS), the row's fields' spans, the layout's roles.
  ['cls', 256],
  ['fieldStarts', (MAX_COLUMNS + 1) * 4],
  ['fieldEnds', (MAX_COLUMNS + 1) * 4],
  ['roles', 16 * 4],
] as const);
export const PAGES = Math.ceil(LAYOUT.end / 65536);

/** The column of value `name` (LAYOUT.roles: a layout's roles, in the parser's ROLES order). */
const role = (name: (typeof ROLES)[number]) => `(i32.load ${I(LAYOUT.roles + 4 * ROLES.indexOf(name))})`;
/** Field k's span. */
const fieldStart = (k: string) => `(i32.load ${add(I(LAYOUT.fieldStarts), `(i32.shl ${k} ${I(2)})`)})`;
const fieldEnd = (k: string) => `(i32.load ${add(I(LAYOUT.fieldEnds), `(i32.shl ${k} ${I(2)})`)})`;
/** Is the byte at x a line end here (LF, or CR before LF)? */
const lineEndAt = (x: string) => or(eq(B(x), 10), and(eq(B(x), 13), eq(B(add(x, I(1))), 10)));

/** The classes (nx-rows.ts): part of a field, a blank, one that stops a field. */
const IN_FIELD = 0;
const STOP = 2;

/**
 * run(p, end, cap, columns): rows from byte p on (end: the end of the window's whole lines) of a header of `columns`
 * columns (the roles in LAYOUT.roles), as runNx's loop takes them, at most cap. Returns where it stopped (the start
 * of the line not taken, or after the last one); `records` (a global) says how many it took, `cut` is 1 when it
 * stopped at the window's end.
 */
export function nxRunsWat(): string {
  resetLabels();
  return `(module
  (import "nx" "pager" (func $pager (param i32 i32) (result i32)))
  (memory (export "memory") ${PAGES})
  (global $records (export "records") (mut i32) (i32.const 0))
  (global $cut (export "cut") (mut i32) (i32.const 0))
  ;; countOf: field k all digits (1 to 15: the field's length is at most 15), its value; -1 otherwise, or for no field.
  (func $count (param $k i32) (result i64)
    (local $p i32) (local $e i32) (local $d i32) (local $v i64)
    (if (i32.lt_s ${L('k')} ${I(0)}) (then (return (i64.const -1))))
    ${S('p', fieldStart(L('k')))} ${S('e', fieldEnd(L('k')))}
    (block $E (loop $L
      (br_if $E (i32.ge_u ${L('p')} ${L('e')}))
      ${S('d', `(i32.sub ${B(L('p'))} ${I(48)})`)}
      (if (i32.gt_u ${L('d')} ${I(9)}) (then (return (i64.const -1))))
      ${S('v', `(i64.add (i64.mul ${L('v')} (i64.const 10)) (i64.extend_i32_u ${L('d')}))`)}
      ${inc('p')} (br $L)))
    ${L('v')})
  ;; addressOf: field k a dotted quad as dottedQuadAt reads one, the whole field; -1 otherwise, or for no field.
  (func $quad (param $k i32) (result i64)
    (local $p i32) (local $e i32) (local $s i32) (local $n i32) (local $c i32) (local $o i32) (local $a i32)
    (if (i32.lt_s ${L('k')} ${I(0)}) (then (return (i64.const -1))))
    ${S('p', fieldStart(L('k')))} ${S('e', fieldEnd(L('k')))}
    (block $fail
      (loop $octet
        (if (i32.gt_u ${L('o')} ${I(0)})
          (then
            (br_if $fail (i32.or (i32.ge_u ${L('p')} ${L('e')}) (i32.ne ${B(L('p'))} ${I(46)})))
            ${inc('p')}))
        ${S('s', L('p'))} ${S('n', I(0))}
        (block $dE (loop $dL
          (br_if $dE (i32.ge_u ${L('p')} ${L('e')}))
          ${S('c', `(i32.sub ${B(L('p'))} ${I(48)})`)}
          (br_if $dE (i32.gt_u ${L('c')} ${I(9)}))
          (br_if $fail ${eq(`(i32.sub ${L('p')} ${L('s')})`, 3)})
          ${S('n', add(`(i32.mul ${L('n')} ${I(10)})`, L('c')))}
          ${inc('p')} (br $dL)))
        (br_if $fail ${or(`(i32.eq ${L('p')} ${L('s')})`, `(i32.gt_u ${L('n')} ${I(255)})`, and(`(i32.gt_u (i32.sub ${L('p')} ${L('s')}) ${I(1)})`, eq(B(L('s')), 48)))})
        ${S('a', add(`(i32.shl ${L('a')} ${I(8)})`, L('n')))}
        ${inc('o')}
        (br_if $octet (i32.lt_u ${L('o')} ${I(4)})))
      (br_if $fail (i32.ne ${L('p')} ${L('e')}))
      (return (i64.extend_i32_u ${L('a')})))
    (i64.const -1))
  (func (export "run") (param $p i32) (param $end i32) (param $cap i32) (param $want i32) (result i32)
    (local $r i32) (local $rs i32) (local $c i32) (local $k i32) (local $n i32) (local $f i32)
    (local $src i64) (local $dst i64) (local $packets i64) (local $bytes i64)
    (global.set $cut ${I(0)})
    (block $done (loop $rec
      (br_if $done (i32.ge_u ${L('r')} ${L('cap')}))
      (if (i32.ge_u ${L('p')} ${L('end')}) (then (global.set $cut ${I(1)}) (br $done)))
      ${S('rs', L('p'))}
      (block $stop
        ;; A row starts with its source address's first digit (after an erased pager mark, where the screen shows it).
        ${pagerLead()}
        (br_if $stop (i32.gt_u (i32.sub ${B(L('p'))} ${I(48)}) ${I(9)}))
        ${S('n', I(0))}
        (loop $field
          ;; A field from p: to the next blank or stop; an M that starts no pager mark is part of it.
          ${S('f', L('p'))}
          (block $fE (loop $fL
            ${S('c', B(L('p')))}
            ${S('k', B(add(I(LAYOUT.cls), L('c'))))}
            (if ${eq(L('k'), IN_FIELD)} (then ${inc('p')} (br $fL)))
            (if (i32.and ${eq(L('k'), STOP)} ${eq(L('c'), 77)})
              (then
                (if (i32.eqz ${and(eq(B(add(L('p'), I(1))), 111), eq(B(add(L('p'), I(2))), 114), eq(B(add(L('p'), I(3))), 101))})
                  (then ${inc('p')} (br $fL)))))))
          ;; A byte that stops the field other than the line's end: the text path's.
          (br_if $stop (i32.and ${eq(L('k'), STOP)} (i32.eqz ${lineEndAt(L('p'))})))
          (br_if $stop (i32.or (i32.gt_u (i32.sub ${L('p')} ${L('f')}) ${I(15)}) (i32.eq ${L('n')} ${L('want')})))
          (i32.store ${add(I(LAYOUT.fieldStarts), `(i32.shl ${L('n')} ${I(2)})`)} ${L('f')})
          (i32.store ${add(I(LAYOUT.fieldEnds), `(i32.shl ${L('n')} ${I(2)})`)} ${L('p')})
          ${inc('n')}
          (block $bE (loop $bL (br_if $bE (i32.ne ${B(L('p'))} ${I(32)})) ${inc('p')} (br $bL)))
          (br_if $field (i32.eqz ${lineEndAt(L('p'))})))
        (br_if $stop (i32.ne ${L('n')} ${L('want')}))
        ${S('packets', `(call $count ${role('packets')})`)}
        ${S('src', `(call $quad ${role('src')})`)}
        ${S('dst', `(call $quad ${role('dst')})`)}
        (br_if $stop (i32.or (i64.lt_s ${L('packets')} (i64.const 0)) (i32.or (i64.lt_s ${L('src')} (i64.const 0)) (i64.lt_s ${L('dst')} (i64.const 0)))))
        ${S('bytes', `(call $count ${role('bytes')})`)}
        ${storeF(LAYOUT.packets, `(f64.convert_i64_s ${L('packets')})`)}
        ${storeF(LAYOUT.bytes, `(select (f64.const nan) (f64.convert_i64_s ${L('bytes')}) (i64.lt_s ${L('bytes')} (i64.const 0)))`)}
        ${store32(LAYOUT.src, `(i32.wrap_i64 ${L('src')})`)}
        ${store32(LAYOUT.dst, `(i32.wrap_i64 ${L('dst')})`)}
        ;; (-1 for a column the header lacks or a value not all digits; a larger count wraps as a store in the columns does.)
        ${store32(LAYOUT.proto, `(i32.wrap_i64 (call $count ${role('proto')}))`)}
        ${store32(LAYOUT.srcPort, `(i32.wrap_i64 (call $count ${role('srcPort')}))`)}
        ${store32(LAYOUT.dstPort, `(i32.wrap_i64 (call $count ${role('dstPort')}))`)}
        ${store32(LAYOUT.starts, L('rs'))}
        ;; On past the line's end.
        ${S('p', `(i32.add ${L('p')} (select ${I(2)} ${I(1)} ${eq(B(L('p')), 13)}))`)}
        ${inc('r')}
        (br $rec))
      (global.set $records ${L('r')})
      (return ${L('rs')})))
    (global.set $records ${L('r')})
    ${L('p')}))`;
}
