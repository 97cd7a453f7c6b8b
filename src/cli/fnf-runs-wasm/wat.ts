// The loop of a run of Flexible NetFlow records (core/big-paste/fnf-records.ts FnfRecords.runRecords) as WebAssembly
// text, for the CLI: the same checks in the same order, so that a record is taken here exactly when it is taken there,
// with the same values. Keys are compared eight bytes at a time. kernel.test.ts assembles this text, checks bytes.ts
// holds it (UPDATE_WASM=1 rewrites it) and checks the module against the JavaScript loop on generated caches.
import { ADDRESS, BLANK, CAPITAL_M, COMMA, COUNT, NAME, OTHER_STARTS_TEXT, REFUSED, SLOT_COUNT } from '../../core/big-paste/fnf-bytes';
import { R } from '../../core/parsers/show-flow-monitor-cache/record-fields';

/** The input window's bytes (whole lines), and room past it for the eight-byte reads of the last key. */
export const IN_BYTES = (1 << 20) + (1 << 16);
/** Records a call hands over at most. */
export const RECORDS = 1 << 14;
/** Lines a template may have, and bytes its keys may take, for this module (longer ones stay with the loop). */
export const MAX_LINES = 64;
/** Columns a table's layout may have for this module. */
export const MAX_COLUMNS = 64;
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
  // A table's layout: each column's start, end and slot; each slot's kind.
  const colStarts = take(MAX_COLUMNS * 4);
  const colEnds = take(MAX_COLUMNS * 4);
  const colSlots = take(MAX_COLUMNS * 4);
  const slotKinds = take(16 * 4);
  at = Math.ceil(at / 8) * 8;
  const values = take(SLOT_COUNT * RECORDS * 8);
  const names = take(RECORDS * 16);
  const recordStarts = take(RECORDS * 4);
  const rowEnds = take(RECORDS * 4);
  return { keys, starts, slots, kinds, cls, colStarts, colEnds, colSlots, slotKinds, values, names, recordStarts, rowEnds, end: at };
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

/** Where a value is read: the position local, the bytes' local, the label to fail to, its store; `to`: read to it. */
interface ValueCode {
  at: string;
  ch: string;
  fail: string;
  store: (value: string) => string;
  to?: string;
}

/**
 * A count as the parser reads one: 1 to 15 digits from $at (on from $from), to the first byte that is no digit, which
 * must be $to when given. Fails otherwise.
 */
function digits({ at, from, ch, fail, store, to }: ValueCode & { from: string }): string {
  return `
                  ${S('v', '(i64.const 0)')}
                  (block $cE (loop $cL
                    ${to ? `(br_if $cE (i32.ge_u ${L(at)} ${L(to)}))` : ''}
                    ${S(ch, `(i32.sub ${B(L(at))} ${I(48)})`)}
                    (br_if $cE (i32.gt_u ${L(ch)} ${I(9)}))
                    ${S('v', `(i64.add (i64.mul ${L('v')} (i64.const 10)) (i64.extend_i32_u ${L(ch)}))`)}
                    ${inc(at)} (br $cL)))
                  (br_if ${fail} (i32.or (i32.eq ${L(at)} ${L(from)}) (i32.gt_u (i32.sub ${L(at)} ${L(from)}) ${I(15)})))
                  ${to ? `(br_if ${fail} (i32.ne ${L(at)} ${L(to)}))` : ''}
                  ${store(`(f64.convert_i64_u ${L('v')})`)}`;
}

/**
 * A dotted quad as the parser reads one from $at: octets of digits up to 255, three dots, to the first byte that is
 * neither (which must be $to when given). Fails otherwise.
 */
function dottedQuad({ at, ch, fail, store, to }: ValueCode): string {
  return `
                    ${S('v', '(i64.const 0)')} ${S('octet', I(-1))} ${S('dots', I(0))}
                    (block $aE (loop $aL
                      ${to ? `(br_if $aE (i32.ge_u ${L(at)} ${L(to)}))` : ''}
                      ${S(ch, B(L(at)))}
                      (if (i32.le_u (i32.sub ${L(ch)} ${I(48)}) ${I(9)})
                        (then
                          ${S('octet', `(select (i32.sub ${L(ch)} ${I(48)}) (i32.add (i32.mul ${L('octet')} ${I(10)}) (i32.sub ${L(ch)} ${I(48)})) (i32.lt_s ${L('octet')} ${I(0)}))`)}
                          (br_if ${fail} (i32.gt_s ${L('octet')} ${I(255)})))
                        (else
                          (br_if $aE (i32.eqz (i32.and (i32.eq ${L(ch)} ${I(46)}) (i32.and (i32.ge_s ${L('octet')} ${I(0)}) (i32.lt_s ${L('dots')} ${I(3)})))))
                          ${S('v', `(i64.add (i64.mul ${L('v')} (i64.const 256)) (i64.extend_i32_u ${L('octet')}))`)}
                          ${S('octet', I(-1))} ${inc('dots')}))
                      ${inc(at)} (br $aL)))
                    (br_if ${fail} (i32.or (i32.ne ${L('dots')} ${I(3)}) (i32.lt_s ${L('octet')} ${I(0)})))
                    ${to ? `(br_if ${fail} (i32.ne ${L(at)} ${L(to)}))` : ''}
                    ${store(`(f64.convert_i64_u (i64.add (i64.mul ${L('v')} (i64.const 256)) (i64.extend_i32_u ${L('octet')})))`)}`;
}

/**
 * run(p, end, cap, n): records of n lines from byte p on (end: the end of the window's whole lines), as runRecords'
 * loop takes them, at most cap. Returns where it stopped (the start of the record not taken, or after the last one);
 * `records` (a global) says how many it took, `cut` is 1 when it stopped because the window ended inside a record,
 * `atBlank` 1 when the last record taken ended at a line of blanks or a blank line's pager mark (the return: its start).
 */
export function fnfRunsWat(): string {
  const classAt = (c: string) => B(add(I(LAYOUT.cls), c));
  const checkByte = `
              ${S('cls', classAt(L('c')))}
              (br_if $stop (i32.eq ${L('cls')} ${I(REFUSED)}))
              (if (i32.eq ${L('cls')} ${I(CAPITAL_M)}) (then (br_if $stop ${moreHere})))`;
  return `(module
  (import "fnf" "pager" (func $pager (param i32 i32) (result i32)))
  (import "fnf" "blank" (func $blank (param i32 i32) (result i32)))
  (memory (export "memory") ${PAGES})
  (global $records (export "records") (mut i32) (i32.const 0))
  (global $cut (export "cut") (mut i32) (i32.const 0))
  (global $callerKept (export "callerKept") (mut i32) (i32.const 0))
  (global $waiting (export "waiting") (mut i32) (i32.const 0))
  (global $atBlank (export "atBlank") (mut i32) (i32.const 0))
  ${rowsFunc(false)}
  ${rowsFunc(true)}
  (func (export "run") (param $p i32) (param $end i32) (param $cap i32) (param $n i32) (result i32)
    (local $r i32) (local $rs i32) (local $j i32) (local $ls i32) (local $ks i32) (local $kl i32) (local $q i32)
    (local $c i32) (local $cls i32) (local $kind i32) (local $slot i32) (local $vs i32) (local $eol i32)
    (local $v i64) (local $octet i32) (local $dots i32) (local $d i32)
    (global.set $cut ${I(0)})
    (global.set $atBlank ${I(0)})
    (block $done (loop $rec
      (br_if $done (i32.ge_u ${L('r')} ${L('cap')}))
      ${S('rs', L('p'))}
      (block $stop
        ${S('j', I(0))}
        (block $linesE (loop $line
          (br_if $linesE (i32.ge_u ${L('j')} ${L('n')}))
          ;; A line after an erased pager mark: on from where the screen shows it (the caller's pagerLeadEnd), or stop.
          (if (i32.lt_u ${L('p')} ${L('end')})
            (then
              ${S('c', B(L('p')))}
              (if (i32.or (i32.eq ${L('c')} ${I(32)}) (i32.or (i32.eq ${L('c')} ${I(45)}) (i32.eq ${L('c')} ${I(60)})))
                (then
                  ${S('p', `(call $pager ${L('p')} ${L('end')})`)}
                  (br_if $stop (i32.lt_s ${L('p')} ${I(0)}))))))
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
                (then ${digits({ at: 'p', from: 'vs', ch: 'd', fail: '$stop', store: (v) => `(f64.store ${valueAt} ${v})` })})
                (else (if (i32.eq ${L('kind')} ${I(ADDRESS)})
                  (then ${dottedQuad({ at: 'p', ch: 'c', fail: '$stop', store: (v) => `(f64.store ${valueAt} ${v})` })})
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
        ;; A line of blanks or a pager mark erased before a blank line (the caller's blankLineAt) ends it too: the
        ;; record is taken, and the run stops before that line ($atBlank 1).
        ${S('c', B(L('p')))}
        (if (i32.or (i32.eq ${L('c')} ${I(32)}) (i32.or (i32.eq ${L('c')} ${I(45)}) (i32.eq ${L('c')} ${I(60)})))
          (then
            (br_if $stop (i32.eqz (call $blank ${L('p')} ${L('end')})))
            (i32.store ${add(I(LAYOUT.recordStarts), `(i32.shl ${L('r')} ${I(2)})`)} ${L('rs')})
            ${inc('r')}
            (global.set $records ${L('r')})
            (global.set $atBlank ${I(1)})
            (return ${L('p')})))
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

const W = (x: string) => `(i32.load ${x})`;
const at4 = (base: number, i: string) => add(I(base), `(i32.shl ${i} ${I(2)})`);
/** Column (slot-major) slot of row w. */
const cell = (slot: string) => `(i32.add ${I(LAYOUT.values)} (i32.shl (i32.add (i32.mul ${slot} ${I(RECORDS)}) ${L('w')}) ${I(3)}))`;

/** Fail ($fail) when word [$from, $to) starts a line of another kind (fnf-records.ts otherLineStart). */
function otherLineStart(from: string, to: string): string {
  const words = OTHER_STARTS_TEXT.map((w) => {
    const bytes = [...w].map((ch, i) => `(i32.eq (i32.or ${B(add(L(from), I(i)))} ${I(32)}) ${I(ch.charCodeAt(0))})`);
    const all = bytes.reduce((a, b) => `(i32.and ${a} ${b})`);
    return `(if (i32.ge_u (i32.sub ${L(to)} ${L(from)}) ${I(w.length)}) (then (br_if $fail ${all})))`;
  });
  return `
          ${S('ch', B(L(from)))}
          (br_if $fail (i32.eq ${L('ch')} ${I(45)}))
          ${S('ch', `(i32.or ${L('ch')} ${I(32)})`)}
          (if (i32.le_u (i32.sub ${L('ch')} ${I(97)}) ${I(25)})
            (then ${words.join('\n            ')}))`;
}

const nameAt = `(i32.add ${I(LAYOUT.names)} (i32.shl ${L('w')} ${I(4)}))`;

/**
 * The value of cell [$vs, $ve) (no blank at either end) in $slot, as the parser reads it (fnf-records.ts value): a
 * count of 1 to 15 digits, a dotted quad, or a name without blanks, stored for row w; anything else fails ($fail).
 */
function cellValue(): string {
  return `
              ${S('kind', W(at4(LAYOUT.slotKinds, L('slot'))))}
              (if (i32.eq ${L('kind')} ${I(COUNT)})
                (then
                  ${S('q', L('vs'))}
                  ${digits({ at: 'q', from: 'vs', to: 've', ch: 'd', fail: '$fail', store: (v) => `(f64.store ${cell(L('slot'))} ${v})` })})
                (else (if (i32.eq ${L('kind')} ${I(ADDRESS)})
                  (then
                    ${S('q', L('vs'))}
                    ${dottedQuad({ at: 'q', to: 've', ch: 'ch', fail: '$fail', store: (v) => `(f64.store ${cell(L('slot'))} ${v})` })})
                  (else
                    (br_if $fail (i32.ne ${L('kind')} ${I(NAME)}))
                    ;; (No blank inside: a name with more after it is the text path's.)
                    ${S('q', L('vs'))}
                    (block $nbE (loop $nbL
                      (br_if $nbE (i32.ge_u ${L('q')} ${L('ve')}))
                      (br_if $fail (i32.eq ${B(L('q'))} ${I(32)}))
                      ${inc('q')} (br $nbL)))
                    ${S('q', `(i32.add ${nameAt} (select ${I(0)} ${I(8)} (i32.eq ${L('slot')} ${I(R.srcIf)})))`)}
                    (i32.store ${L('q')} ${L('vs')})
                    (i32.store offset=4 ${L('q')} ${L('ve')})))))
              ${S('has', `(i32.or ${L('has')} (i32.shl ${I(1)} ${L('slot')}))`)}`;
}

const checkM = `(br_if $fail (i32.and (i32.and (i32.eq ${B(add(L('p'), I(1)))} ${I(111)}) (i32.eq ${B(add(L('p'), I(2)))} ${I(114)})) (i32.eq ${B(add(L('p'), I(3)))} ${I(101)})))`;

/** A table row's words (tableRow): ends at $parsed with ok, e and next set, or fails ($fail) with p inside the line. */
function tableBody(): string {
  return `
          ${S('c', I(0))} ${S('drift', I(0))} ${S('first', I(1))} ${S('used', '(i64.const 0)')}
          (loop $scan
            ;; Blanks, eight at a time: the first byte that is none is the lowest nonzero byte of the word XOR blanks.
            (block $sp8E (loop $sp8
              ${S('z', '(i64.xor (i64.load align=1 (local.get $p)) (i64.const 0x2020202020202020))')}
              (if (i64.eqz (local.get $z)) (then ${S('p', add(L('p'), I(8)))} (br $sp8)))
              ${S('p', add(L('p'), '(i32.wrap_i64 (i64.shr_u (i64.ctz (local.get $z)) (i64.const 3)))'))}))
            ${S('ch', B(L('p')))}
            ;; The line's end (LF, or CR LF).
            (if (i32.eq ${L('ch')} ${I(10)}) (then ${S('e', L('p'))} ${S('next', add(L('p'), I(1)))} ${S('ok', I(1))} (br $parsed)))
            (if (i32.and (i32.eq ${L('ch')} ${I(13)}) (i32.eq ${B(add(L('p'), I(1)))} ${I(10)}))
              (then ${S('e', L('p'))} ${S('next', add(L('p'), I(2)))} ${S('ok', I(1))} (br $parsed)))
            ;; A word: plain characters (noting '='), to a blank or the line's end.
            ${S('ws', L('p'))}
            (block $wE (loop $wL
              ${S('ch', B(L('p')))}
              ${S('cls', B(add(I(LAYOUT.cls), L('ch'))))}
              (if (i32.lt_u ${L('cls')} ${I(BLANK)}) (then
                (if (i32.eq ${L('ch')} ${I(61)}) (then ${S('eq', I(1))}))
                ${inc('p')} (br $wL)))
              (if (i32.eq ${L('cls')} ${I(CAPITAL_M)}) (then ${checkM} ${inc('p')} (br $wL)))
              (if (i32.ne ${L('cls')} ${I(REFUSED)}) (then
                ;; A comma is plain here too; a blank ends the word.
                (br_if $wE (i32.eq ${L('cls')} ${I(BLANK)}))
                ${inc('p')} (br $wL)))
              (br_if $wE (i32.eq ${L('ch')} ${I(10)}))
              (br_if $wE (i32.and (i32.eq ${L('ch')} ${I(13)}) (i32.eq ${B(add(L('p'), I(1)))} ${I(10)})))
              (br $fail)))
            (if ${L('first')} (then ${otherLineStart('ws', 'p')}))
            ${S('first', I(0))}
            ;; Its column: by where it starts, shifted by the drift of wider cells before it.
            (block $colE (loop $colL
              (br_if $colE (i32.ge_u ${add(L('c'), I(1))} ${L('n')}))
              (br_if $colE (i32.lt_s (i32.sub ${L('ws')} ${L('at')}) (i32.add ${W(at4(LAYOUT.colStarts, add(L('c'), I(1))))} ${L('drift')})))
              ${inc('c')} (br $colL)))
            (if (i32.gt_s (i32.sub ${L('p')} ${L('at')}) (i32.add ${W(at4(LAYOUT.colEnds, L('c')))} ${L('drift')}))
              (then ${S('drift', `(i32.sub (i32.sub ${L('p')} ${L('at')}) ${W(at4(LAYOUT.colEnds, L('c')))})`)}))
            ${S('slot', W(at4(LAYOUT.colSlots, L('c'))))}
            (if (i32.ge_s ${L('slot')} ${I(0)}) (then
              ;; One word a used column, read as the parser reads its value.
              (br_if $fail (i64.ne (i64.and ${L('used')} (i64.shl (i64.const 1) (i64.extend_i32_u ${L('c')}))) (i64.const 0)))
              ${S('used', `(i64.or ${L('used')} (i64.shl (i64.const 1) (i64.extend_i32_u ${L('c')})))`)}
              ${S('vs', L('ws'))} ${S('ve', L('p'))}
              ${cellValue()}))
            (br $scan))`;
}

/**
 * A csv row's fields (csvRow): its first word (to a blank or a comma) not one of another kind's line, each field to its
 * comma trimmed and read by its column's slot, at least one comma. Ends at $parsed with ok, e and next set, or fails.
 */
function csvBody(): string {
  return `
          ;; The first word.
          ${S('q', L('at'))}
          (block $f0E (loop $f0L (br_if $f0E (i32.ne ${B(L('q'))} ${I(32)})) ${inc('q')} (br $f0L)))
          ${S('ws', L('q'))}
          (block $f1E (loop $f1L
            ${S('ch', B(L('q')))}
            (br_if $f1E (i32.or (i32.or (i32.eq ${L('ch')} ${I(32)}) (i32.eq ${L('ch')} ${I(44)})) (i32.eq ${L('ch')} ${I(10)})))
            (br_if $f1E (i32.and (i32.eq ${L('ch')} ${I(13)}) (i32.eq ${B(add(L('q'), I(1)))} ${I(10)})))
            ${inc('q')} (br $f1L)))
          ${S('fe', L('q'))}
          ${otherLineStart('ws', 'fe')}
          ${S('c', I(0))} ${S('comma', I(0))}
          (loop $field
            ${S('fs', L('p'))} ${S('atEol', I(0))}
            (block $flE (loop $flL
              ${S('ch', B(L('p')))}
              ${S('cls', B(add(I(LAYOUT.cls), L('ch'))))}
              (if (i32.lt_u ${L('cls')} ${I(BLANK)}) (then
                (if (i32.eq ${L('ch')} ${I(61)}) (then ${S('eq', I(1))}))
                ${inc('p')} (br $flL)))
              (if (i32.eq ${L('cls')} ${I(BLANK)}) (then ${inc('p')} (br $flL)))
              (br_if $flE (i32.eq ${L('cls')} ${I(COMMA)}))
              (if (i32.eq ${L('cls')} ${I(CAPITAL_M)}) (then ${checkM} ${inc('p')} (br $flL)))
              (if (i32.eq ${L('ch')} ${I(10)}) (then ${S('e', L('p'))} ${S('next', add(L('p'), I(1)))} ${S('atEol', I(1))} (br $flE)))
              (if (i32.and (i32.eq ${L('ch')} ${I(13)}) (i32.eq ${B(add(L('p'), I(1)))} ${I(10)}))
                (then ${S('e', L('p'))} ${S('next', add(L('p'), I(2)))} ${S('atEol', I(1))} (br $flE)))
              (br $fail)))
            ;; The field, trimmed.
            ${S('vs', L('fs'))} ${S('ve', L('p'))}
            (block $t1E (loop $t1L (br_if $t1E (i32.ge_u ${L('vs')} ${L('ve')})) (br_if $t1E (i32.ne ${B(L('vs'))} ${I(32)})) ${inc('vs')} (br $t1L)))
            (block $t2E (loop $t2L (br_if $t2E (i32.le_u ${L('ve')} ${L('vs')})) (br_if $t2E (i32.ne ${B(`(i32.sub ${L('ve')} ${I(1)})`)} ${I(32)})) ${S('ve', `(i32.sub ${L('ve')} ${I(1)})`)} (br $t2L)))
            ${S('slot', `(select ${W(at4(LAYOUT.colSlots, L('c')))} ${I(-1)} (i32.lt_u ${L('c')} ${L('n')}))`)}
            (if (i32.and (i32.ge_s ${L('slot')} ${I(0)}) (i32.lt_u ${L('vs')} ${L('ve')})) (then ${cellValue()}))
            (if ${L('atEol')} (then (br_if $fail (i32.eqz ${L('comma')})) ${S('ok', I(1))} (br $parsed)))
            ${S('comma', I(1))} ${inc('p')} ${inc('c')}
            (br $field))`;
}

/**
 * rows(p, end, cap, n): the rows of a table under the layout in memory (n columns) from byte p on, the row before p
 * waiting, as runRows' loop and tableRow read them: a line with '=' stops it with the row before still waiting; a line
 * that is no plain row stops it after keeping that row. Returns where it stopped; `records` says how many rows after
 * the waiting one it kept (their values from LAYOUT.values on, as commit keeps them), `callerKept` whether it kept
 * the waiting one, `waiting` whether row `records` (read, not kept) waits now, `cut` whether the window ended first.
 */
function rowsFunc(csv: boolean): string {
  const defaults = [
    [R.dst4, '(f64.const 0)'],
    [R.srcPort, '(f64.const -1)'],
    [R.dstPort, '(f64.const -1)'],
    [R.proto, '(f64.const -1)'],
    [R.bytes, '(f64.const nan)'],
    [R.bytesL2, '(f64.const nan)'],
  ]
    .map(([slot, v]) => `(f64.store ${cell(I(slot as number))} ${v})`)
    .join(' ');
  return `(func (export "${csv ? 'csvRows' : 'rows'}") (param $p i32) (param $end i32) (param $cap i32) (param $n i32) (result i32)
    (local $k i32) (local $pend i32) (local $w i32) (local $ls i32) (local $e i32) (local $next i32) (local $ok i32) (local $eq i32)
    (local $c i32) (local $drift i32) (local $first i32) (local $ws i32) (local $ch i32) (local $cls i32) (local $used i64)
    (local $has i32) (local $slot i32) (local $kind i32) (local $v i64) (local $octet i32) (local $dots i32) (local $q i32) (local $d i32)
    (local $vs i32) (local $ve i32) (local $fe i32) (local $fs i32) (local $comma i32) (local $atEol i32) (local $z i64)
    (local $at i32) (local $x i32)
    (global.set $cut ${I(0)}) (global.set $callerKept ${I(0)})
    (block $out (loop $line
      ${S('ls', L('p'))}
      (br_if $out (i32.ge_u ${L('k')} ${L('cap')}))
      (if (i32.ge_u ${L('p')} ${L('end')}) (then (global.set $cut ${I(1)}) (br $out)))
      ;; The row from where the screen shows it, after an erased pager mark (the caller's pagerLeadEnd, as tableRow and
      ;; csvRow are given it by the line-by-line path); its columns are counted from there. (ls stays the line's start.)
      ${S('ch', B(L('p')))}
      (if (i32.or (i32.eq ${L('ch')} ${I(32)}) (i32.or (i32.eq ${L('ch')} ${I(45)}) (i32.eq ${L('ch')} ${I(60)})))
        (then
          ${S('x', `(call $pager ${L('p')} ${L('end')})`)}
          (if (i32.ge_s ${L('x')} ${I(0)}) (then ${S('p', L('x'))}))))
      ${S('at', L('p'))}
      ${S('w', add(L('k'), `(i32.eq ${L('pend')} ${I(1)})`))}
      ${S('eq', I(0))} ${S('ok', I(0))}
      (block $parsed
        (block $fail
          ${defaults}
          (i32.store ${nameAt} ${I(-1)}) (i32.store offset=8 ${nameAt} ${I(-1)})
          ${S('has', I(0))}
          ${csv ? csvBody() : tableBody()})
        ;; Not a row: the rest of the line, for an '=' and its end (the bytes before p were looked at for one).
        (block $rE (loop $rL
          ${S('ch', B(L('p')))}
          (if (i32.eq ${L('ch')} ${I(61)}) (then ${S('eq', I(1))}))
          (br_if $rE (i32.eq ${L('ch')} ${I(10)}))
          ${inc('p')} (br $rL))))
      ;; A row: 1,000 characters at most, a source address and a packet count.
      (if ${L('ok')} (then
        (if (i32.or (i32.gt_u (i32.sub ${L('e')} ${L('at')}) ${I(1000)})
              (i32.ne (i32.and ${L('has')} ${I((1 << R.src4) | (1 << R.packets))}) ${I((1 << R.src4) | (1 << R.packets))}))
          (then ${S('ok', I(0))}))))
      ;; A rule (or any '='): the row before still waits; the line is the line-by-line path's.
      (br_if $out ${L('eq')})
      ;; The row before is kept.
      (if (i32.eqz ${L('pend')}) (then (global.set $callerKept ${I(1)})))
      (if (i32.eq ${L('pend')} ${I(1)}) (then ${inc('k')}))
      ${S('pend', I(2))}
      (br_if $out (i32.eqz ${L('ok')}))
      ;; This row waits: the bytes counter, else the layer-2 one (NaN for neither).
      (if (i32.eqz (i32.and ${L('has')} ${I(1 << R.bytes)}))
        (then (f64.store ${cell(I(R.bytes))} (f64.load ${cell(I(R.bytesL2))}))))
      (i32.store ${at4(LAYOUT.recordStarts, L('w'))} ${L('ls')})
      (i32.store ${at4(LAYOUT.rowEnds, L('w'))} ${L('e')})
      ${S('pend', I(1))}
      ${S('p', L('next'))}
      (br $line)))
    (global.set $records ${L('k')})
    (global.set $waiting (i32.eq ${L('pend')} ${I(1)}))
    ${L('ls')})`;
}
