// The clean hosts' JSON rows (core/analysis/clean-hosts.ts CleanHostColumns.jsonParts) as WebAssembly text, for the
// CLI's --json. A big capture's report is mostly clean hosts (200,000 of them: 84 MB of text): in JavaScript each row
// became about 16 strings, joined per few hundred rows and then encoded, 130-140 ms in all. Here the fixed text of a
// row is copied from pieces the host encoded once (memory.copy), and its numbers are written as digits.
// writer.test.ts assembles this text and checks bytes.ts holds it (UPDATE_WASM=1 rewrites it).

/** Rows given per call (their columns copied in). */
export const ROWS = 1 << 12;
/** Name numbers and reason-list numbers the maps cover (a row past them is written by the host). */
export const MAP = 1 << 12;
/** Pieces of fixed text, and their bytes in all. */
export const MAX_PIECES = 1 << 14;
export const PIECE_BYTES = 1 << 20;
/** Output per call. */
export const OUT_BYTES = 1 << 20;

/** Pieces every row uses, by number: the host writes them first, in this order (writer.ts reset). */
export const P_OPEN = 0;
export const P_AFTER_FLOWS = 1;
export const P_AFTER_DESTINATIONS = 2;
export const P_AFTER_PORT80 = 3;
export const P_SEPARATOR = 4;
/**
 * The fixed text of a row's own reason (MultiInterfaces.reasonJson: REASON_JSON's arrives, interfaces, comma, open,
 * close and quote), the pieces after those.
 */
export const P_ARRIVES = 5;
export const P_INTERFACES = 6;
export const P_COMMA = 7;
export const P_PAREN_OPEN = 8;
export const P_PAREN_CLOSE = 9;
export const P_QUOTE = 10;
/** Interfaces a row's own reason names at most (MultiInterfaces.top). */
export const OWN_TOP = 4;
/** ownBefore of a row whose reasons are its list's only (its end comes from endMap), and of one the host writes. */
export const OWN_NONE = -1;
export const OWN_HOST = -2;

/** Byte offsets in the module's memory. */
export const LAYOUT = (() => {
  let at = 0;
  const take = (bytes: number) => {
    const o = at;
    at += bytes;
    return o;
  };
  const l = {
    ppf: take(ROWS * 8),
    addr: take(ROWS * 4),
    flows: take(ROWS * 4),
    destinations: take(ROWS * 4),
    port80: take(ROWS * 4),
    failed: take(ROWS * 4),
    ifName: take(ROWS * 4),
    service: take(ROWS * 4),
    reasons: take(ROWS * 4),
    inbound: take(ROWS),
    /**
     * Rows with a reason of their own (a source seen on several interfaces): the piece before that reason (OWN_NONE:
     * none, OWN_HOST: the host writes the row), the piece after it, the interfaces it counts, and its busiest ones
     * (ownSize of them: name pieces and flows, OWN_TOP a row).
     */
    ownBefore: take(ROWS * 4),
    ownAfter: take(ROWS * 4),
    ownCount: take(ROWS * 4),
    ownSize: take(ROWS * 4),
    ownName: take(ROWS * OWN_TOP * 4),
    ownFlows: take(ROWS * OWN_TOP * 4),
    /** Piece number by name number (after the address: the interface), -1 for none. */
    ifMap: take(MAP * 4),
    /** Piece number by name number (after packets per flow: the service), -1 for none. */
    svcMap: take(MAP * 4),
    /** Piece number by 2 * reason list number + inbound (the row's end), -1 for none. */
    endMap: take(MAP * 8),
    /** Per piece: its offset and length. */
    pieces: take(MAX_PIECES * 8),
    pieceBytes: take(PIECE_BYTES),
    out: take(OUT_BYTES),
  };
  return { ...l, end: at };
})();
/** Memory pages (64 KB) the module asks for. */
export const PAGES = Math.ceil(LAYOUT.end / 65536);

const L = (x: string) => `(local.get $${x})`;
const S = (x: string, v: string) => `(local.set $${x} ${v})`;
const I = (n: number) => `(i32.const ${n})`;
const at = (col: number, shift: number) => `(i32.add ${I(col)} (i32.shl ${L('r')} ${I(shift)}))`;

/**
 * write(from, to, separateFirst, rowMax): rows [from, to) of the input into the output, each as jsonParts prints it,
 * rows after the first (and the first too when separateFirst) preceded by the separator piece. Stops early at a row
 * whose text the host must write (a name or list not in the maps, a packets per flow it does not print here: `fallback`
 * is then 1) or when fewer than rowMax bytes of output are left. Returns the first row not written; `outLen` says how
 * many bytes it wrote.
 */
export function cleanJsonWat(): string {
  return `(module
  (memory (export "memory") ${PAGES})
  (global $outLen (export "outLen") (mut i32) (i32.const 0))
  (global $fallback (export "fallback") (mut i32) (i32.const 0))

  ;; Copies piece p to the output at o; returns the new end.
  (func $piece (param $p i32) (param $o i32) (result i32)
    (local $e i32) (local $n i32)
    ${S('e', `(i32.add ${I(LAYOUT.pieces)} (i32.shl ${L('p')} ${I(3)}))`)}
    ${S('n', '(i32.load offset=4 (local.get $e))')}
    (memory.copy ${L('o')} (i32.add ${I(LAYOUT.pieceBytes)} (i32.load ${L('e')})) ${L('n')})
    (i32.add ${L('o')} ${L('n')}))

  ;; The decimal digits of v (unsigned 64-bit) at o; returns the new end.
  (func $digits (param $v i64) (param $o i32) (result i32)
    (local $n i32) (local $t i64) (local $e i32)
    ${S('n', I(1))}
    ${S('t', L('v'))}
    (block $cE (loop $c
      (br_if $cE (i64.lt_u ${L('t')} (i64.const 10)))
      ${S('t', `(i64.div_u ${L('t')} (i64.const 10))`)}
      ${S('n', `(i32.add ${L('n')} ${I(1)})`)}
      (br $c)))
    ${S('e', `(i32.add ${L('o')} ${L('n')})`)}
    ${S('o', L('e'))}
    (loop $w
      ${S('o', `(i32.sub ${L('o')} ${I(1)})`)}
      (i32.store8 ${L('o')} (i32.add ${I(48)} (i32.wrap_i64 (i64.rem_u ${L('v')} (i64.const 10)))))
      ${S('v', `(i64.div_u ${L('v')} (i64.const 10))`)}
      (br_if $w (i64.ne ${L('v')} (i64.const 0))))
    ${L('e')})

  ;; Packets per flow at o as JavaScript prints it (numberJson), or -1 where this does not print it: a whole number
  ;; below 1e15, a number of hundredths below 1e13 (x / 100 exactly), null for NaN and the infinities.
  (func $ppf (param $v f64) (param $o i32) (result i32)
    (local $n i64) (local $f i32)
    (if (f64.ne ${L('v')} ${L('v')}) (then (return (call $null ${L('o')}))))
    (if (f64.eq (f64.abs ${L('v')}) (f64.const inf)) (then (return (call $null ${L('o')}))))
    (if (i32.and (f64.ge ${L('v')} (f64.const 0)) (f64.lt ${L('v')} (f64.const 1e15)))
      (then (if (f64.eq (f64.trunc ${L('v')}) ${L('v')})
        (then (return (call $digits (i64.trunc_f64_u ${L('v')}) ${L('o')}))))))
    (if (i32.eqz (i32.and (f64.gt ${L('v')} (f64.const 0)) (f64.lt ${L('v')} (f64.const 1e13)))) (then (return ${I(-1)})))
    ${S('n', `(i64.trunc_f64_u (f64.nearest (f64.mul ${L('v')} (f64.const 100))))`)}
    (if (f64.ne (f64.div (f64.convert_i64_u ${L('n')}) (f64.const 100)) ${L('v')}) (then (return ${I(-1)})))
    ${S('o', `(call $digits (i64.div_u ${L('n')} (i64.const 100)) ${L('o')})`)}
    ${S('f', '(i32.wrap_i64 (i64.rem_u (local.get $n) (i64.const 100)))')}
    (i32.store8 ${L('o')} ${I(46)})
    (i32.store8 offset=1 ${L('o')} (i32.add ${I(48)} (i32.div_u ${L('f')} ${I(10)})))
    (if (i32.eqz (i32.rem_u ${L('f')} ${I(10)})) (then (return (i32.add ${L('o')} ${I(2)}))))
    (i32.store8 offset=2 ${L('o')} (i32.add ${I(48)} (i32.rem_u ${L('f')} ${I(10)})))
    (i32.add ${L('o')} ${I(3)}))

  (func $null (param $o i32) (result i32)
    (i32.store ${L('o')} ${I(0x6c6c756e)})
    (i32.add ${L('o')} ${I(4)}))

  ;; An octet's digits at o; returns the new end.
  (func $octet (param $v i32) (param $o i32) (result i32)
    (if (i32.ge_u ${L('v')} ${I(100)})
      (then
        (i32.store8 ${L('o')} (i32.add ${I(48)} (i32.div_u ${L('v')} ${I(100)})))
        (i32.store8 offset=1 ${L('o')} (i32.add ${I(48)} (i32.rem_u (i32.div_u ${L('v')} ${I(10)}) ${I(10)})))
        (i32.store8 offset=2 ${L('o')} (i32.add ${I(48)} (i32.rem_u ${L('v')} ${I(10)})))
        (return (i32.add ${L('o')} ${I(3)}))))
    (if (i32.ge_u ${L('v')} ${I(10)})
      (then
        (i32.store8 ${L('o')} (i32.add ${I(48)} (i32.div_u ${L('v')} ${I(10)})))
        (i32.store8 offset=1 ${L('o')} (i32.add ${I(48)} (i32.rem_u ${L('v')} ${I(10)})))
        (return (i32.add ${L('o')} ${I(2)}))))
    (i32.store8 ${L('o')} (i32.add ${I(48)} ${L('v')}))
    (i32.add ${L('o')} ${I(1)}))

  ;; A piece number from a map (n entries of 4 bytes at m), -1 past its end.
  (func $mapped (param $m i32) (param $i i32) (param $n i32) (result i32)
    (if (i32.ge_u ${L('i')} ${L('n')}) (then (return ${I(-1)})))
    (i32.load (i32.add ${L('m')} (i32.shl ${L('i')} ${I(2)}))))

  ;; Row r's own reason and the rest of its end at q (its pieces and numbers in the own columns); returns the new end.
  (func $ownEnd (param $r i32) (param $q i32) (result i32)
    (local $j i32) (local $n i32) (local $e i32)
    ${S('q', `(call $piece (i32.load ${at(LAYOUT.ownBefore, 2)}) ${L('q')})`)}
    ${S('q', `(call $piece ${I(P_ARRIVES)} ${L('q')})`)}
    ${S('q', `(call $digits (i64.extend_i32_u (i32.load ${at(LAYOUT.ownCount, 2)})) ${L('q')})`)}
    ${S('q', `(call $piece ${I(P_INTERFACES)} ${L('q')})`)}
    ${S('n', `(i32.load ${at(LAYOUT.ownSize, 2)})`)}
    (block $jE (loop $js
      (br_if $jE (i32.ge_u ${L('j')} ${L('n')}))
      (if ${L('j')} (then ${S('q', `(call $piece ${I(P_COMMA)} ${L('q')})`)}))
      ;; Entry j of the row's OWN_TOP: its byte offset in ownName and ownFlows.
      ${S('e', `(i32.shl (i32.add (i32.mul ${L('r')} ${I(OWN_TOP)}) ${L('j')}) ${I(2)})`)}
      ${S('q', `(call $piece (i32.load (i32.add ${I(LAYOUT.ownName)} ${L('e')})) ${L('q')})`)}
      ${S('q', `(call $piece ${I(P_PAREN_OPEN)} ${L('q')})`)}
      ${S('q', `(call $digits (i64.extend_i32_u (i32.load (i32.add ${I(LAYOUT.ownFlows)} ${L('e')}))) ${L('q')})`)}
      ${S('q', `(call $piece ${I(P_PAREN_CLOSE)} ${L('q')})`)}
      ${S('j', `(i32.add ${L('j')} ${I(1)})`)}
      (br $js)))
    ${S('q', `(call $piece ${I(P_QUOTE)} ${L('q')})`)}
    (call $piece (i32.load ${at(LAYOUT.ownAfter, 2)}) ${L('q')}))

  (func (export "write") (param $from i32) (param $to i32) (param $separateFirst i32) (param $rowMax i32) (result i32)
    (local $r i32) (local $o i32) (local $ifp i32) (local $svp i32) (local $endp i32) (local $a i32) (local $q i32) (local $own i32)
    ${S('r', L('from'))}
    ${S('o', I(LAYOUT.out))}
    (global.set $fallback ${I(0)})
    (block $done (loop $rows
      (br_if $done (i32.ge_u ${L('r')} ${L('to')}))
      (br_if $done (i32.gt_u (i32.add ${L('o')} ${L('rowMax')}) ${I(LAYOUT.out + OUT_BYTES)}))
      ${S('ifp', `(call $mapped ${I(LAYOUT.ifMap)} (i32.load ${at(LAYOUT.ifName, 2)}) ${I(MAP)})`)}
      ${S('svp', `(call $mapped ${I(LAYOUT.svcMap)} (i32.load ${at(LAYOUT.service, 2)}) ${I(MAP)})`)}
      ;; The row's end: its list's (from endMap), or one of its own (ownEnd; the host's to write when OWN_HOST).
      ${S('own', `(i32.load ${at(LAYOUT.ownBefore, 2)})`)}
      ${S('endp', I(0))}
      (if (i32.eq ${L('own')} ${I(OWN_NONE)})
        (then ${S('endp', `(call $mapped ${I(LAYOUT.endMap)} (i32.add (i32.shl (i32.load ${at(LAYOUT.reasons, 2)}) ${I(1)}) (i32.load8_u ${at(LAYOUT.inbound, 0)})) ${I(2 * MAP)})`)}))
      (if (i32.or (i32.or (i32.lt_s ${L('ifp')} ${I(0)}) (i32.lt_s ${L('svp')} ${I(0)})) (i32.or (i32.lt_s ${L('endp')} ${I(0)}) (i32.eq ${L('own')} ${I(OWN_HOST)})))
        (then (global.set $fallback ${I(1)}) (br $done)))
      ;; The row from just past the separator: packets per flow is checked first, so a row given back writes nothing.
      ${S('q', L('o'))}
      (if (i32.or ${L('separateFirst')} (i32.gt_u ${L('r')} ${L('from')})) (then ${S('q', `(call $piece ${I(P_SEPARATOR)} ${L('q')})`)}))
      ${S('q', `(call $piece ${I(P_OPEN)} ${L('q')})`)}
      ${S('a', `(i32.load ${at(LAYOUT.addr, 2)})`)}
      ${S('q', `(call $octet (i32.shr_u ${L('a')} ${I(24)}) ${L('q')})`)}
      (i32.store8 ${L('q')} ${I(46)})
      ${S('q', `(call $octet (i32.and (i32.shr_u ${L('a')} ${I(16)}) ${I(255)}) (i32.add ${L('q')} ${I(1)}))`)}
      (i32.store8 ${L('q')} ${I(46)})
      ${S('q', `(call $octet (i32.and (i32.shr_u ${L('a')} ${I(8)}) ${I(255)}) (i32.add ${L('q')} ${I(1)}))`)}
      (i32.store8 ${L('q')} ${I(46)})
      ${S('q', `(call $octet (i32.and ${L('a')} ${I(255)}) (i32.add ${L('q')} ${I(1)}))`)}
      ${S('q', `(call $piece ${L('ifp')} ${L('q')})`)}
      ${S('q', `(call $digits (i64.extend_i32_u (i32.load ${at(LAYOUT.flows, 2)})) ${L('q')})`)}
      ${S('q', `(call $piece ${I(P_AFTER_FLOWS)} ${L('q')})`)}
      ${S('q', `(call $digits (i64.extend_i32_u (i32.load ${at(LAYOUT.destinations, 2)})) ${L('q')})`)}
      ${S('q', `(call $piece ${I(P_AFTER_DESTINATIONS)} ${L('q')})`)}
      ${S('q', `(call $digits (i64.extend_i32_u (i32.load ${at(LAYOUT.port80, 2)})) ${L('q')})`)}
      ${S('q', `(call $piece ${I(P_AFTER_PORT80)} ${L('q')})`)}
      ${S('q', `(call $ppf (f64.load ${at(LAYOUT.ppf, 3)}) ${L('q')})`)}
      (if (i32.lt_s ${L('q')} ${I(0)}) (then (global.set $fallback ${I(1)}) (br $done)))
      ${S('q', `(call $piece ${L('svp')} ${L('q')})`)}
      ${S('q', `(call $digits (i64.extend_i32_u (i32.load ${at(LAYOUT.failed, 2)})) ${L('q')})`)}
      (if (i32.eq ${L('own')} ${I(OWN_NONE)})
        (then ${S('o', `(call $piece ${L('endp')} ${L('q')})`)})
        (else ${S('o', `(call $ownEnd ${L('r')} ${L('q')})`)}))
      ${S('r', `(i32.add ${L('r')} ${I(1)})`)}
      (br $rows)))
    (global.set $outLen (i32.sub ${L('o')} ${I(LAYOUT.out)}))
    ${L('r')}))`;
}
