// The loop of a run of `show mls netflow ip` entries (core/big-paste/mls-entries.ts runMls: readMlsEntry,
// readMlsCounters and commitMlsEntry, entry after entry) as WebAssembly text, for the CLI: the same checks in the same
// order, so that an entry is taken here exactly when it is taken there, with the same values. Protocol and port names
// are the caller's to read (mlsFieldValue), interface indexes the caller's columns' (ifIndex), each kept in a cache of
// the module's own; where a line goes on after an erased pager mark is the caller's too (pagerLeadEnd). kernel.test.ts
// assembles this text, checks bytes.ts holds it (UPDATE_WASM=1 rewrites it) and checks the module against the
// JavaScript loop on generated tables.
import { CAPITAL_M, REFUSED } from '../../core/big-paste/fnf-bytes';
import { add, and, B, cachedCall, cachedIfIndex, eq, I, inc, L, label, NAME_SLOT, NAME_SLOTS, dottedQuadText, layoutOf, or, pagerLead, resetLabels, S, store32, storeF } from '../wat-text';

export { NAME_SLOT, NAME_SLOTS };

/** The input window's bytes (whole lines), and room past it. */
export const IN_BYTES = (1 << 20) + (1 << 16);
/** Entries a call hands over at most. */
export const RECORDS = 1 << 14;
/** The caches of protocol and port names' values: slots each, and the longest name kept. */
const FIELD_SLOTS = 64;
const FIELD_BYTES = 16;

/** Byte offsets in the module's memory: the window, then a column a value for RECORDS entries, then tables. */
export const LAYOUT = layoutOf(IN_BYTES, [
  ['packets', RECORDS * 8],
  ['bytes', RECORDS * 8],
  ['src', RECORDS * 4],
  ['dst', RECORDS * 4],
  ['proto', RECORDS * 4],
  ['srcPort', RECORDS * 4],
  ['dstPort', RECORDS * 4],
  ['srcIf', RECORDS * 4],
  ['starts', RECORDS * 4],
  // Each byte's class (fnf-bytes.ts BYTE_CLASS), interface names met, protocol and port names met.
  ['cls', 256],
  ['names', NAME_SLOTS * NAME_SLOT],
  ['protocols', FIELD_SLOTS * (8 + FIELD_BYTES)],
  ['ports', FIELD_SLOTS * (8 + FIELD_BYTES)],
] as const);
export const PAGES = Math.ceil(LAYOUT.end / 65536);

const isDigit = (x: string) => `(i32.le_u (i32.sub ${x} ${I(48)}) ${I(9)})`;
const isLetter = (x: string) => `(i32.le_u (i32.sub (i32.or ${x} ${I(32)}) ${I(97)}) ${I(25)})`;
/** [\w-]: a letter, a digit, `_` or `-`. */
const isWordOrDash = (x: string) => or(isDigit(x), isLetter(x), eq(x, 95), eq(x, 45));
const skipBlanks = () => {
  const e = label('bE');
  const l = label('bL');
  return `(block ${e} (loop ${l} (br_if ${e} (i32.ne ${B(L('p'))} ${I(32)})) ${inc('p')} (br ${l})))`;
};

/**
 * The line from $p: its end in $e (before its LF or CR LF; a line without one ends no entry: the window holds whole
 * lines), each byte plain (plain: no refused byte, no `More`); else stop. $p stays.
 */
function plainLine(): string {
  const e = label('pE');
  const l = label('pL');
  return `
        ${S('e', L('p'))}
        (block ${e} (loop ${l}
          ${S('c', B(L('e')))}
          (br_if ${e} (i32.or ${eq(L('c'), 10)} ${eq(L('c'), 13)}))
          ${S('x', B(add(I(LAYOUT.cls), L('c'))))}
          (br_if $stop ${eq(L('x'), REFUSED)})
          (br_if $stop ${and(eq(L('x'), CAPITAL_M), eq(B(add(L('e'), I(1))), 111), eq(B(add(L('e'), I(2))), 114), eq(B(add(L('e'), I(3))), 101))})
          ${inc('e')} (br ${l})))
        ;; (A CR ends the line only before an LF; the window ends after an LF.)
        (br_if $stop (i32.and ${eq(L('c'), 13)} (i32.ne ${B(add(L('e'), I(1)))} ${I(10)})))`;
}

/** $p past the line end at $e (LF, or CR LF). */
const pastLineEnd = `${S('p', `(i32.add ${L('e')} (select ${I(2)} ${I(1)} ${eq(B(L('e')), 13)}))`)}`;

/** A dotted quad as dottedQuadAt reads one, followed by a blank before $e (addressAt); its value in $a. */
function address(): string {
  return `${dottedQuadText()}
        (br_if $stop (i32.or (i32.ge_u ${L('p')} ${L('e')}) (i32.ne ${B(L('p'))} ${I(32)})))`;
}

/**
 * The value of word [$s, $p) as protocolAt (kind 0) or portAt (kind 1) reads it into $x: all digits here, anything
 * else by the caller's mlsFieldValue (kept in the kind's cache); -2 (not read) stops the entry.
 */
function fieldValue(kind: 0 | 1): string {
  const e = label('vE');
  const l = label('vL');
  const he = label('hE');
  const hl = label('hL');
  const digitsValue =
    kind === 0
      ? `(select ${I(-1)} (select (i32.wrap_i64 ${L('v')}) ${I(-2)} (i64.le_u ${L('v')} (i64.const 255))) (i64.eqz ${L('v')}))`
      : `(select (i32.wrap_i64 ${L('v')}) ${I(-2)} (i64.le_u ${L('v')} (i64.const 65535)))`;
  return `
        ${S('c', L('s'))} ${S('v', '(i64.const 0)')}
        (block ${e} (loop ${l}
          (br_if ${e} (i32.ge_u ${L('c')} ${L('p')}))
          ${S('x', `(i32.sub ${B(L('c'))} ${I(48)})`)}
          (br_if ${e} (i32.gt_u ${L('x')} ${I(9)}))
          ${S('v', `(i64.add (i64.mul ${L('v')} (i64.const 10)) (i64.extend_i32_u ${L('x')}))`)}
          ${inc('c')} (br ${l})))
        (if (i32.eq ${L('c')} ${L('p')})
          (then ${S('x', `(select ${I(-2)} ${digitsValue} (i32.gt_u (i32.sub ${L('p')} ${L('s')}) ${I(15)}))`)})
          (else
            ${S('h', I(0))} ${S('c', L('s'))}
            (block ${he} (loop ${hl}
              (br_if ${he} (i32.ge_u ${L('c')} ${L('p')}))
              ${S('h', add(`(i32.mul ${L('h')} ${I(31)})`, B(L('c'))))}
              ${inc('c')} (br ${hl})))
            ${cachedCall({ cacheAt: kind === 0 ? LAYOUT.protocols : LAYOUT.ports, slots: FIELD_SLOTS, maxBytes: FIELD_BYTES, call: `(call $fieldValue ${I(kind)} ${L('s')} ${L('p')})`, keep: I(1) })}))
        (br_if $stop ${eq(L('x'), -2)})`;
}

/** A run of [\w-] from $p, at least one: its span in $ws, $we (the fields' locals `k`). */
function word(k: number): string {
  const e = label('wE');
  const l = label('wL');
  return `
        ${S(`w${k}s`, L('p'))}
        (block ${e} (loop ${l} (br_if ${e} (i32.eqz ${isWordOrDash(B(L('p')))})) ${inc('p')} (br ${l})))
        (br_if $stop (i32.eq ${L('p')} ${L(`w${k}s`)}))
        ${S(`w${k}e`, L('p'))}`;
}

/** Decimal digits from $p (a counters field): 1 to 15, then a blank before $e; the value in $v. */
function countField(): string {
  const e = label('dE');
  const l = label('dL');
  return `
        ${S('s', L('p'))} ${S('v', '(i64.const 0)')}
        (block ${e} (loop ${l}
          ${S('c', `(i32.sub ${B(L('p'))} ${I(48)})`)}
          (br_if ${e} (i32.gt_u ${L('c')} ${I(9)}))
          ${S('v', `(i64.add (i64.mul ${L('v')} (i64.const 10)) (i64.extend_i32_u ${L('c')}))`)}
          ${inc('p')} (br ${l})))
        (br_if $stop ${or(`(i32.eq ${L('p')} ${L('s')})`, `(i32.gt_u (i32.sub ${L('p')} ${L('s')}) ${I(15)})`, `(i32.ge_u ${L('p')} ${L('e')})`, `(i32.ne ${B(L('p'))} ${I(32)})`)})`;
}

/**
 * run(p, end, cap): entries from byte p on (end: the end of the window's whole lines), as runMls's loop takes them, at
 * most cap. Returns where it stopped (the start of the entry not taken, or after the last one); `records` (a global)
 * says how many it took, `cut` is 1 when it stopped because the window ended before an entry's counters line.
 */
export function mlsRunsWat(): string {
  resetLabels();
  const ae = label('aE');
  const al = label('aL');
  const ie = label('iE');
  const il = label('iL');
  const te = label('tE');
  const tl = label('tL');
  const fe = label('fE');
  const fl = label('fL');
  return `(module
  (import "mls" "ifIndex" (func $ifIndex (param i32 i32 i32) (result i32)))
  (import "mls" "fieldValue" (func $fieldValue (param i32 i32 i32) (result i32)))
  (import "mls" "pager" (func $pager (param i32 i32) (result i32)))
  (memory (export "memory") ${PAGES})
  (global $records (export "records") (mut i32) (i32.const 0))
  (global $cut (export "cut") (mut i32) (i32.const 0))
  (func (export "run") (param $p i32) (param $end i32) (param $cap i32) (result i32)
    (local $r i32) (local $rs i32) (local $c i32) (local $x i32) (local $n i32) (local $d i32) (local $s i32)
    (local $h i32) (local $a i32) (local $f i32) (local $e i32) (local $v i64) (local $k i32) (local $q i32)
    (local $dst i32) (local $src i32) (local $ifS i32) (local $ifE i32) (local $proto i32) (local $sp i32) (local $dp i32)
    (local $w0s i32) (local $w0e i32) (local $w1s i32) (local $w1e i32) (local $w2s i32) (local $w2e i32)
    (global.set $cut ${I(0)})
    (block $done (loop $rec
      (br_if $done (i32.ge_u ${L('r')} ${L('cap')}))
      (if (i32.ge_u ${L('p')} ${L('end')}) (then (global.set $cut ${I(1)}) (br $done)))
      ${S('rs', L('p'))}
      (block $stop
        ;; The entry's first line (readMlsEntry): a digit first, a plain line.
        ${pagerLead()}
        (br_if $stop (i32.eqz ${isDigit(B(L('p')))}))
        ${plainLine()}
        ${address()} ${S('dst', L('a'))}
        ${skipBlanks()}
        (br_if $stop (i32.or (i32.ge_u ${L('p')} ${L('e')}) (i32.eqz ${isDigit(B(L('p')))})))
        ${address()} ${S('src', L('a'))}
        ${skipBlanks()}
        ;; Prot : SrcPort : DstPort, each [\\w-]+, blanks allowed around the colons.
        ${word(0)}
        ${skipBlanks()} (br_if $stop (i32.or (i32.ge_u ${L('p')} ${L('e')}) (i32.ne ${B(L('p'))} ${I(58)}))) ${inc('p')} ${skipBlanks()}
        ${word(1)}
        ${skipBlanks()} (br_if $stop (i32.or (i32.ge_u ${L('p')} ${L('e')}) (i32.ne ${B(L('p'))} ${I(58)}))) ${inc('p')} ${skipBlanks()}
        ${word(2)}
        ;; At least one blank, then the source interface (a letter, then [\\w./-]; or dashes: none), blanks, a colon.
        ${S('q', L('p'))} ${skipBlanks()}
        (br_if $stop (i32.or (i32.eq ${L('p')} ${L('q')}) (i32.ge_u ${L('p')} ${L('e')})))
        ${S('ifS', I(-1))} ${S('ifE', I(-1))}
        ${S('c', B(L('p')))}
        (if ${isLetter(L('c'))}
          (then
            ${S('ifS', L('p'))} ${inc('p')}
            (block ${ie} (loop ${il}
              ${S('c', B(L('p')))}
              (br_if ${ie} (i32.eqz ${or(isWordOrDash(L('c')), eq(L('c'), 46), eq(L('c'), 47))}))
              ${inc('p')} (br ${il})))
            ${S('ifE', L('p'))})
          (else (if ${eq(L('c'), 45)}
            (then (block ${ae} (loop ${al} (br_if ${ae} (i32.ne ${B(L('p'))} ${I(45)})) ${inc('p')} (br ${al})))))))
        ${skipBlanks()}
        (br_if $stop (i32.or (i32.ge_u ${L('p')} ${L('e')}) (i32.ne ${B(L('p'))} ${I(58)})))
        ${inc('p')} ${skipBlanks()}
        ;; AdjPtr: 0x and hex digits, digits, or dashes; then only blanks.
        ${S('q', L('p'))}
        ${S('f', I(0))}
        (if (i32.and ${eq(B(L('p')), 48)} ${eq(B(add(L('p'), I(1))), 120)})
          (then
            ${S('x', add(L('p'), I(2)))}
            (block ${te} (loop ${tl}
              (br_if ${te} (i32.ge_u ${L('x')} ${L('e')}))
              ${S('c', B(L('x')))}
              (br_if ${te} (i32.eqz (i32.or ${isDigit(L('c'))} (i32.le_u (i32.sub (i32.or ${L('c')} ${I(32)}) ${I(97)}) ${I(5)}))))
              ${inc('x')} (br ${tl})))
            (if (i32.gt_u ${L('x')} ${add(L('p'), I(2))})
              (then
                ${S('p', L('x'))} ${skipBlanks()}
                (if (i32.eq ${L('p')} ${L('e')}) (then ${S('f', I(1))}))))))
        ;; (None, the line ending at the colon, stops the entry here too: no digit, no dash.)
        (if (i32.eqz ${L('f')})
          (then
            ${S('p', L('q'))}
            (if ${isDigit(B(L('p')))}
              (then (block ${fe} (loop ${fl} (br_if ${fe} (i32.eqz ${isDigit(B(L('p')))})) ${inc('p')} (br ${fl}))))
              (else (block $dashE (loop $dashL (br_if $dashE (i32.ne ${B(L('p'))} ${I(45)})) ${inc('p')} (br $dashL)))))
            (br_if $stop (i32.eq ${L('p')} ${L('q')}))
            ${skipBlanks()}
            (br_if $stop (i32.ne ${L('p')} ${L('e')}))))
        ;; The fields' values (protocolAt, portAt); a dropped protocol drops the ports.
        ${S('s', L('w0s'))} ${S('p', L('w0e'))} ${fieldValue(0)} ${S('proto', L('x'))}
        ${S('s', L('w1s'))} ${S('p', L('w1e'))} ${fieldValue(1)} ${S('sp', L('x'))}
        ${S('s', L('w2s'))} ${S('p', L('w2e'))} ${fieldValue(1)} ${S('dp', L('x'))}
        (if ${eq(L('proto'), -1)} (then ${S('sp', I(-1))} ${S('dp', I(-1))}))
        ${S('p', L('e'))} ${pastLineEnd}
        ;; The window ends before the counters line: cut.
        (if (i32.ge_u ${L('p')} ${L('end')}) (then (global.set $cut ${I(1)}) (br $stop)))
        ;; The counters line (readMlsCounters): Pkts Bytes Age LastSeen [Attributes].
        ${pagerLead()}
        (br_if $stop (i32.eqz ${isDigit(B(L('p')))}))
        ${plainLine()}
        ${countField()} ${storeF(LAYOUT.packets, `(f64.convert_i64_u ${L('v')})`)} ${skipBlanks()}
        ${countField()} ${storeF(LAYOUT.bytes, `(f64.convert_i64_u ${L('v')})`)} ${skipBlanks()}
        ${countField()} ${skipBlanks()}
        ;; LastSeen \\d{1,2}:\\d{2}:\\d{2}, then the line's end or a blank.
        ${S('s', L('p'))}
        (block $lsE (loop $lsL (br_if $lsE (i32.eqz ${isDigit(B(L('p')))})) ${inc('p')} (br $lsL)))
        (br_if $stop ${or(
          `(i32.lt_u (i32.sub ${L('p')} ${L('s')}) ${I(1)})`,
          `(i32.gt_u (i32.sub ${L('p')} ${L('s')}) ${I(2)})`,
          `(i32.gt_u ${add(L('p'), I(6))} ${L('e')})`,
          `(i32.ne ${B(L('p'))} ${I(58)})`,
          `(i32.eqz ${isDigit(B(add(L('p'), I(1))))})`,
          `(i32.eqz ${isDigit(B(add(L('p'), I(2))))})`,
          `(i32.ne ${B(add(L('p'), I(3)))} ${I(58)})`,
          `(i32.eqz ${isDigit(B(add(L('p'), I(4))))})`,
          `(i32.eqz ${isDigit(B(add(L('p'), I(5))))})`,
        )})
        ${S('p', add(L('p'), I(6)))}
        (br_if $stop (i32.and (i32.lt_u ${L('p')} ${L('e')}) (i32.ne ${B(L('p'))} ${I(32)})))
        ;; Taken (commitMlsEntry): its interface's index, then its values.
        (if (i32.lt_s ${L('ifS')} ${I(0)})
          (then ${S('x', I(0))})
          (else
            ${S('s', L('ifS'))} ${S('p', L('ifE'))}
            ;; (hashBytes: FNV-1a over the name.)
            ${S('h', I(0x811c9dc5 | 0))} ${S('c', L('s'))}
            (block $fnvE (loop $fnvL
              (br_if $fnvE (i32.ge_u ${L('c')} ${L('p')}))
              ${S('h', `(i32.mul (i32.xor ${L('h')} ${B(L('c'))}) ${I(0x01000193)})`)}
              ${inc('c')} (br $fnvL)))
            ${cachedIfIndex(LAYOUT.names, false)}))
        ${store32(LAYOUT.srcIf, L('x'))}
        ${store32(LAYOUT.src, L('src'))}
        ${store32(LAYOUT.dst, L('dst'))}
        ${store32(LAYOUT.proto, L('proto'))}
        ${store32(LAYOUT.srcPort, L('sp'))}
        ${store32(LAYOUT.dstPort, L('dp'))}
        ${store32(LAYOUT.starts, L('rs'))}
        ${S('p', L('e'))} ${pastLineEnd}
        ${inc('r')}
        (br $rec))
      (global.set $records ${L('r')})
      (return ${L('rs')})))
    (global.set $records ${L('r')})
    ${L('p')}))`;
}
