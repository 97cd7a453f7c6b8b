// The loop of a run of Flexible NetFlow records (core/big-paste/fnf-records.ts FnfRecords.runRecords) as WebAssembly
// text, for the CLI: the same checks in the same order, so that a record is taken here exactly when it is taken there,
// with the same values. Keys are compared eight bytes at a time. kernel.test.ts assembles this text, checks bytes.ts
// holds it (UPDATE_WASM=1 rewrites it) and checks the module against the JavaScript loop on generated caches.
import { ADDRESS, CAPITAL_M, COUNT, NAME, REFUSED, SLOT_COUNT } from '../../core/big-paste/fnf-records';
import { R } from '../../core/parsers/show-flow-monitor-cache/record-fields';

/** The input window's bytes (whole lines), and room past it for the eight-byte reads of the last key. */
export const IN_BYTES = (1 << 20) + (1 << 16);
/** Records a call hands over at most. */
export const RECORDS = 1 << 14;
/** Lines a template may have, and bytes its keys may take, for this module (longer ones stay with the loop). */
export const MAX_LINES = 64;
export const MAX_KEY_BYTES = 8192 - 16;

/** Byte offsets in the module's memory. */
export const LAYOUT = (() => {
  let at = IN_BYTES;
  const take = (bytes: number) => {
    const o = at;
    at += bytes;
    return o;
  };
  const keys = take(8192);
  const starts = take((MAX_LINES + 1) * 4);
  const slots = take(MAX_LINES * 4);
  const kinds = take(MAX_LINES * 4);
  const cls = take(256);
  at = Math.ceil(at / 8) * 8;
  const values = take(SLOT_COUNT * RECORDS * 8);
  const names = take(RECORDS * 16);
  const recordStarts = take(RECORDS * 4);
  return { keys, starts, slots, kinds, cls, values, names, recordStarts, end: at };
})();
export const PAGES = Math.ceil(LAYOUT.end / 65536);

const L = (x: string) => `(local.get $${x})`;
const S = (x: string, v: string) => `(local.set $${x} ${v})`;
const B = (p: string) => `(i32.load8_u ${p})`;
const I = (n: number) => `(i32.const ${n})`;
const add = (a: string, b: string) => `(i32.add ${a} ${b})`;
const inc = (x: string) => S(x, add(L(x), I(1)));
const skipBlanks = (lbl: string) => `(block $${lbl}E (loop $${lbl} (br_if $${lbl}E (i32.ne ${B(L('p'))} ${I(32)})) ${inc('p')} (br $${lbl})))`;
/** A pager mark ("More") at p, whose M has class CAPITAL_M: the three bytes after it. */
const moreHere = `(i32.and (i32.and (i32.eq ${B(add(L('p'), I(1)))} ${I(111)}) (i32.eq ${B(add(L('p'), I(2)))} ${I(114)})) (i32.eq ${B(add(L('p'), I(3)))} ${I(101)}))`;
/** The value's slot column at record r. */
const valueAt = `(i32.add ${I(LAYOUT.values)} (i32.shl (i32.add (i32.mul ${L('slot')} ${I(RECORDS)}) ${L('r')}) ${I(3)}))`;
/** Set $eol to the length of the line end at p (LF 1, CR LF 2), or stop. */
const lineEnd = `
        ${S('c', B(L('p')))}
        (if (i32.eq ${L('c')} ${I(10)})
          (then ${S('eol', I(1))})
          (else
            (br_if $stop (i32.or (i32.ne ${L('c')} ${I(13)}) (i32.ne ${B(add(L('p'), I(1)))} ${I(10)})))
            ${S('eol', I(2))}))`;

/**
 * run(p, end, cap, n): records of n lines from byte p on (end: the end of the window's whole lines), as runRecords'
 * loop takes them, at most cap. Returns where it stopped (the start of the record not taken, or after the last one);
 * `records` (a global) says how many it took, `cut` is 1 when it stopped because the window ended inside a record.
 */
export function fnfRunsWat(): string {
  const classAt = (c: string) => B(add(I(LAYOUT.cls), c));
  const checkByte = `
              ${S('cls', classAt(L('c')))}
              (br_if $stop (i32.eq ${L('cls')} ${I(REFUSED)}))
              (if (i32.eq ${L('cls')} ${I(CAPITAL_M)}) (then (br_if $stop ${moreHere})))`;
  return `(module
  (memory (export "memory") ${PAGES})
  (global $records (export "records") (mut i32) (i32.const 0))
  (global $cut (export "cut") (mut i32) (i32.const 0))
  (func (export "run") (param $p i32) (param $end i32) (param $cap i32) (param $n i32) (result i32)
    (local $r i32) (local $rs i32) (local $j i32) (local $ls i32) (local $ks i32) (local $kl i32) (local $q i32)
    (local $c i32) (local $cls i32) (local $kind i32) (local $slot i32) (local $vs i32) (local $eol i32)
    (local $v i64) (local $octet i32) (local $dots i32) (local $d i32)
    (global.set $cut ${I(0)})
    (block $done (loop $rec
      (br_if $done (i32.ge_u ${L('r')} ${L('cap')}))
      ${S('rs', L('p'))}
      (block $stop
        ${S('j', I(0))}
        (block $linesE (loop $line
          (br_if $linesE (i32.ge_u ${L('j')} ${L('n')}))
          ${S('ls', L('p'))}
          ${S('ks', `(i32.load ${add(I(LAYOUT.starts), `(i32.shl ${L('j')} ${I(2)})`)})`)}
          ${S('kl', `(i32.sub (i32.load ${add(I(LAYOUT.starts + 4), `(i32.shl ${L('j')} ${I(2)})`)}) ${L('ks')})`)}
          ;; The window ends before this line's key and colon could: cut.
          (if (i32.ge_u ${add(L('p'), L('kl'))} ${L('end')}) (then (global.set $cut ${I(1)}) (br $stop)))
          ;; The key, eight bytes at a time, then byte by byte, then its colon.
          ${S('q', I(0))}
          (block $k8E (loop $k8
            (br_if $k8E (i32.gt_u ${add(L('q'), I(8))} ${L('kl')}))
            (br_if $stop (i64.ne (i64.load align=1 ${add(L('p'), L('q'))}) (i64.load align=1 ${add(I(LAYOUT.keys), add(L('ks'), L('q')))})))
            ${S('q', add(L('q'), I(8)))} (br $k8)))
          (block $k1E (loop $k1
            (br_if $k1E (i32.ge_u ${L('q')} ${L('kl')}))
            (br_if $stop (i32.ne ${B(add(L('p'), L('q')))} ${B(add(I(LAYOUT.keys), add(L('ks'), L('q'))))}))
            ${inc('q')} (br $k1)))
          ${S('p', add(L('p'), L('kl')))}
          (br_if $stop (i32.ne ${B(L('p'))} ${I(58)}))
          ${inc('p')}
          ${S('kind', `(i32.load ${add(I(LAYOUT.kinds), `(i32.shl ${L('j')} ${I(2)})`)})`)}
          (if (i32.eqz ${L('kind')})
            (then
              ;; A value not used: plain characters to the line end.
              (block $uE (loop $u
                ${S('c', B(L('p')))}
                (br_if $uE (i32.or (i32.eq ${L('c')} ${I(10)}) (i32.eq ${L('c')} ${I(13)})))
                ${checkByte}
                ${inc('p')} (br $u))))
            (else
              ${skipBlanks('b1')}
              ${S('vs', L('p'))}
              ${S('slot', `(i32.load ${add(I(LAYOUT.slots), `(i32.shl ${L('j')} ${I(2)})`)})`)}
              (if (i32.eq ${L('kind')} ${I(COUNT)})
                (then
                  ;; 1 to 15 digits.
                  ${S('v', '(i64.const 0)')}
                  (block $cE (loop $cL
                    ${S('d', `(i32.sub ${B(L('p'))} ${I(48)})`)}
                    (br_if $cE (i32.gt_u ${L('d')} ${I(9)}))
                    ${S('v', `(i64.add (i64.mul ${L('v')} (i64.const 10)) (i64.extend_i32_u ${L('d')}))`)}
                    ${inc('p')} (br $cL)))
                  (br_if $stop (i32.or (i32.eq ${L('p')} ${L('vs')}) (i32.gt_u (i32.sub ${L('p')} ${L('vs')}) ${I(15)})))
                  (f64.store ${valueAt} (f64.convert_i64_u ${L('v')})))
                (else (if (i32.eq ${L('kind')} ${I(ADDRESS)})
                  (then
                    ;; A dotted quad: octets of digits up to 255, three dots.
                    ${S('v', '(i64.const 0)')} ${S('octet', I(-1))} ${S('dots', I(0))}
                    (block $aE (loop $aL
                      ${S('c', B(L('p')))}
                      (if (i32.le_u (i32.sub ${L('c')} ${I(48)}) ${I(9)})
                        (then
                          ${S('octet', `(select (i32.sub ${L('c')} ${I(48)}) (i32.add (i32.mul ${L('octet')} ${I(10)}) (i32.sub ${L('c')} ${I(48)})) (i32.lt_s ${L('octet')} ${I(0)}))`)}
                          (br_if $stop (i32.gt_s ${L('octet')} ${I(255)})))
                        (else
                          (br_if $aE (i32.eqz (i32.and (i32.eq ${L('c')} ${I(46)}) (i32.and (i32.ge_s ${L('octet')} ${I(0)}) (i32.lt_s ${L('dots')} ${I(3)})))))
                          ${S('v', `(i64.add (i64.mul ${L('v')} (i64.const 256)) (i64.extend_i32_u ${L('octet')}))`)}
                          ${S('octet', I(-1))} ${inc('dots')}))
                      ${inc('p')} (br $aL)))
                    (br_if $stop (i32.or (i32.ne ${L('dots')} ${I(3)}) (i32.lt_s ${L('octet')} ${I(0)})))
                    (f64.store ${valueAt} (f64.convert_i64_u (i64.add (i64.mul ${L('v')} (i64.const 256)) (i64.extend_i32_u ${L('octet')})))))
                  (else
                    (br_if $stop (i32.ne ${L('kind')} ${I(NAME)}))
                    ;; A name: plain characters up to a blank or the line end, at least one.
                    (block $nE (loop $nL
                      ${S('c', B(L('p')))}
                      (br_if $nE (i32.or (i32.eq ${L('c')} ${I(32)}) (i32.or (i32.eq ${L('c')} ${I(10)}) (i32.eq ${L('c')} ${I(13)}))))
                      ${checkByte}
                      ${inc('p')} (br $nL)))
                    (br_if $stop (i32.eq ${L('p')} ${L('vs')}))
                    ${S('q', `(i32.add ${I(LAYOUT.names)} (i32.add (i32.shl ${L('r')} ${I(4)}) (select ${I(0)} ${I(8)} (i32.eq ${L('slot')} ${I(R.srcIf)}))))`)}
                    (i32.store ${L('q')} ${L('vs')})
                    (i32.store offset=4 ${L('q')} ${L('p')})))))
              ;; Then blanks only, to the line end.
              ${skipBlanks('b2')}))
          ${lineEnd}
          ;; A line the parser reads as a field: at most 300 characters.
          (br_if $stop (i32.gt_u (i32.sub ${L('p')} ${L('ls')}) ${I(300)}))
          ${S('p', add(L('p'), L('eol')))}
          ${inc('j')} (br $line)))
        ;; The empty line after the record (the window ending first: cut).
        (if (i32.ge_u ${L('p')} ${L('end')}) (then (global.set $cut ${I(1)}) (br $stop)))
        ${lineEnd}
        ${S('p', add(L('p'), L('eol')))}
        (i32.store ${add(I(LAYOUT.recordStarts), `(i32.shl ${L('r')} ${I(2)})`)} ${L('rs')})
        ${inc('r')}
        (br $rec))
      (global.set $records ${L('r')})
      (return ${L('rs')})))
    (global.set $records ${L('r')})
    ${L('p')}))`;
}
