// The scanner's clean-row loop (core/parsers/show-ip-cache-flow/scan-rows.ts scanCleanRows) as WebAssembly text, for
// the CLI. The same fields, the same checks, in the same order: a line is a row here exactly when it is one there.
// WebAssembly needs no warm-up: V8's baseline compiler makes it fast from the first row, where the JavaScript loop
// runs slowly until its optimised code is ready (33 ms for a first 4 MB against 10 for each later one, 50-80 ms when
// both cores are busy). kernel.test.ts assembles this text and checks bytes.ts holds it (UPDATE_WASM=1 rewrites it).

/** Interface names kept inside the module (hash & 255), and the longest one kept (longer ones always ask the host). */
export const NAME_SLOTS = 256;
export const NAME_MAX = 64;

/** Where the module expects things in its memory (bytes): the line bytes first, then the row columns. */
export const IN_BYTES = (1 << 20) + (1 << 16);
/** Rows the columns hold per call. */
export const ROWS = 1 << 15;
/** Byte offsets of the columns (each ROWS long) and of the 256-byte hex table. */
export const LAYOUT = (() => {
  let at = IN_BYTES;
  const col = (width: number) => {
    const o = at;
    at += ROWS * width;
    return o;
  };
  const l = { srcIf: col(2), dstIf: col(2), src: col(4), dst: col(4), proto: col(2), srcPort: col(4), dstPort: col(4), packets: col(8), line: col(4), offset: col(4), hex: col(0) };
  at += 256;
  // The interface names seen, direct-mapped by hash: per slot its index + 1 (0: empty) and length, and its bytes.
  const names = at;
  at += NAME_SLOTS * 8;
  const nameBytes = at;
  at += NAME_SLOTS * NAME_MAX;
  // Names of up to 15 bytes by their bytes as two words (wordLookup): per slot the words, the length and index + 1.
  const nameWords = at;
  at += NAME_SLOTS * 32;
  return { ...l, names, nameBytes, nameWords, end: at };
})();
/** Memory pages (64 KB) the module asks for. */
export const PAGES = Math.ceil(LAYOUT.end / 65536);

const L = (x: string) => `(local.get $${x})`;
const S = (x: string, v: string) => `(local.set $${x} ${v})`;
const B = (p: string) => `(i32.load8_u ${p})`;
const inc = (x: string) => S(x, `(i32.add ${L(x)} (i32.const 1))`);
const I = (n: number) => `(i32.const ${n})`;
const skipSpaces = (lbl: string) => `(block $${lbl}e (loop $${lbl} (br_if $${lbl}e (i32.ne ${B(L('p'))} ${I(32)})) ${inc('p')} (br $${lbl})))`;
const between = (x: string, lo: number, hi: number) => `(i32.and (i32.ge_u ${L(x)} ${I(lo)}) (i32.le_u ${L(x)} ${I(hi)}))`;

/**
 * SrcIf or DstIf: a letter first; a name seen before found by its bytes (wordLookup), else read byte by byte, checked,
 * and looked up by its hash (nameLookup).
 */
function iface(dst: boolean): string {
  const [out, t] = dst ? ['dstIf', 'd'] : ['srcIf', 's'];
  return `
    ${S('s', L('p'))} ${S('h', I(0))}
    ${S('c', `(i32.or ${B(L('p'))} ${I(32)})`)}
    (br_if $bad (i32.or (i32.lt_u ${L('c')} ${I(97)}) (i32.gt_u ${L('c')} ${I(122)})))
    ${wordLookup(out)}
    (if (i32.eqz ${L('whit')})
      (then
        (block $tokE${t} (loop $tok${t}
          ${S('c', B(L('p')))}
          (br_if $tokE${t} (i32.eqz (i32.or (i32.or ${between('c', 97, 122)} ${between('c', 65, 90)}) (i32.or ${between('c', 45, 58)} (i32.eq ${L('c')} ${I(95)})))))
          ${S('h', `(i32.add (i32.mul ${L('h')} ${I(31)}) ${L('c')})`)}
          ${inc('p')} (br $tok${t})))
        ${
          dst
            ? // An egress flow's "*" right after DstIf (Fa0/0.134*): not part of the name (it is never kept by wordStore,
              // whose word then runs past the name).
              `${S('egress', `(i32.and (i32.eq ${L('c')} ${I(42)}) (i32.eq ${B(`(i32.add ${L('p')} ${I(1)})`)} ${I(32)}))`)}
        (br_if $bad (i32.or (i32.and (i32.ne ${L('c')} ${I(32)}) (i32.eqz ${L('egress')})) (i32.eq ${L('p')} ${L('s')})))`
            : `(br_if $bad (i32.or (i32.ne ${L('c')} ${I(32)}) (i32.eq ${L('p')} ${L('s')})))`
        }
        ${nameLookup(out, t)}
        ${wordStore(out)}
        ${dst ? S('p', `(i32.add ${L('p')} ${L('egress')})`) : ''}))
    ${skipSpaces(`sp${t}i`)}`;
}

/** How many bytes of a word come before its first space, from SPACE_BITS' result for it (not zero). */
const spaceAt = (z: string) => `(i32.wrap_i64 (i64.shr_u (i64.ctz ${z}) (i64.const 3)))`;
/**
 * For local $z, a word XOR eight spaces: nonzero when one of its bytes was a space, the lowest set bit in the first
 * such byte (the 'has a zero byte' test: bits above the first zero byte may be set wrongly, never below it).
 */
const SPACE_BITS = '(i64.and (i64.and (i64.sub (local.get $z) (i64.const 0x0101010101010101)) (i64.xor (local.get $z) (i64.const -1))) (i64.const 0x8080808080808080))';
/** local $name & the mask of its first n bytes. */
const firstBytes = (name: string, n: string) => `(i64.and (local.get $${name}) (i64.sub (i64.shl (i64.const 1) (i64.extend_i32_u (i32.shl ${n} (i32.const 3)))) (i64.const 1)))`;

/**
 * A name of up to 15 bytes found by its bytes as two words, without a loop: the first space in the 16 bytes at p (a
 * zero byte of their XOR with spaces), the bytes before it as two words (w, w2), looked up in a direct-mapped table of
 * such names (LAYOUT.nameWords: w, w2, length, index + 1) that holds only names read and checked before (wordStore).
 * A capture whose interface changes from row to row paid a loop over each name's bytes, and one over the slot's, a row.
 * Sets whit (1: found; out set and p past the name), wl (the name's length; 0 when no space is in the 16 bytes) and ws
 * (its slot). Reads 16 bytes from p: the module's memory goes on well past its input.
 */
function wordLookup(out: string): string {
  return `
        ${S('whit', I(0))} ${S('wl', I(0))} ${S('w2', '(i64.const 0)')}
        ${S('w', '(i64.load align=1 (local.get $p))')}
        ${S('z', '(i64.xor (local.get $w) (i64.const 0x2020202020202020))')}
        ${S('z', SPACE_BITS)}
        (if (i64.ne (local.get $z) (i64.const 0))
          (then ${S('wl', spaceAt('(local.get $z)'))} ${S('w', firstBytes('w', L('wl')))})
          (else
            ${S('w2', '(i64.load offset=8 align=1 (local.get $p))')}
            ${S('z', '(i64.xor (local.get $w2) (i64.const 0x2020202020202020))')}
            ${S('z', SPACE_BITS)}
            (if (i64.ne (local.get $z) (i64.const 0))
              (then ${S('wl', `(i32.add ${I(8)} ${spaceAt('(local.get $z)')})`)} ${S('w2', firstBytes('w2', `(i32.sub ${L('wl')} ${I(8)})`))}))))
        (if (i32.ne ${L('wl')} ${I(0)})
          (then
            ${S('ws', `(i32.add ${I(LAYOUT_NAME_WORDS())} (i32.shl (i32.wrap_i64 (i64.shr_u (i64.mul (i64.xor (local.get $w) (i64.mul (local.get $w2) (i64.const 0xc2b2ae3d27d4eb4f))) (i64.const 0x9e3779b97f4a7c15)) (i64.const ${64 - Math.log2(NAME_SLOTS)}))) ${I(5)}))`)}
            (if (i32.and
                  (i32.and (i32.ne (i32.load offset=20 (local.get $ws)) ${I(0)}) (i32.eq (i32.load offset=16 (local.get $ws)) (local.get $wl)))
                  (i32.and (i64.eq (i64.load (local.get $ws)) (local.get $w)) (i64.eq (i64.load offset=8 (local.get $ws)) (local.get $w2))))
              (then
                ${S(out, `(i32.sub (i32.load offset=20 (local.get $ws)) ${I(1)})`)}
                ${S('p', `(i32.add ${L('p')} ${L('wl')})`)}
                ${S('whit', I(1))}))))`;
}

/** After a name read byte by byte (its bytes checked, a space after it): keep it for wordLookup when it fits. */
function wordStore(out: string): string {
  return `
            (if (i32.and (i32.ne ${L('wl')} ${I(0)}) (i32.eq ${L('wl')} (i32.sub ${L('p')} ${L('s')})))
              (then
                (i64.store (local.get $ws) (local.get $w))
                (i64.store offset=8 (local.get $ws) (local.get $w2))
                (i32.store offset=16 (local.get $ws) ${L('wl')})
                (i32.store offset=20 (local.get $ws) (i32.add ${L(out)} ${I(1)}))))`;
}

/**
 * The index of the name in [s, p) with hash h: from the module's own slot when it holds these bytes, else from the
 * host (ifIndex), kept in the slot for the next time (names up to NAME_MAX bytes). The host empties the slots whenever
 * the columns change (a name's index belongs to its columns).
 */
function nameLookup(out: string, t: string): string {
  const slot = `(i32.add ${I(LAYOUT_NAMES())} (i32.shl (i32.and ${L('h')} ${I(NAME_SLOTS - 1)}) ${I(3)}))`;
  const bytesAt = `(i32.add ${I(LAYOUT_NAME_BYTES())} (i32.mul (i32.and ${L('h')} ${I(NAME_SLOTS - 1)}) ${I(NAME_MAX)}))`;
  return `
        ${S('len', `(i32.sub ${L('p')} ${L('s')})`)}
        ${S('hit', I(0))}
        (if (i32.and (i32.ne (i32.load ${slot}) ${I(0)}) (i32.eq (i32.load offset=4 ${slot}) ${L('len')}))
          (then
            ${S('k', I(0))}
            (block $nmE${t} (loop $nm${t}
              (br_if $nmE${t} (i32.ge_s ${L('k')} ${L('len')}))
              (br_if $nmE${t} (i32.ne ${B(`(i32.add ${L('s')} ${L('k')})`)} ${B(`(i32.add ${bytesAt} ${L('k')})`)}))
              ${inc('k')} (br $nm${t})))
            (if (i32.eq ${L('k')} ${L('len')}) (then ${S('hit', I(1))}))))
        (if ${L('hit')}
          (then ${S(out, `(i32.sub (i32.load ${slot}) ${I(1)})`)})
          (else
            ${S(out, `(call $ifIndex ${L('s')} ${L('p')} ${L('h')})`)}
            (if (i32.le_s ${L('len')} ${I(NAME_MAX)})
              (then
                (i32.store ${slot} (i32.add ${L(out)} ${I(1)}))
                (i32.store offset=4 ${slot} ${L('len')})
                (memory.copy ${bytesAt} ${L('s')} ${L('len')})))))`;
}
const LAYOUT_NAMES = () => LAYOUT.names;
const LAYOUT_NAME_BYTES = () => LAYOUT.nameBytes;
const LAYOUT_NAME_WORDS = () => LAYOUT.nameWords;

/** SrcIP or DstIP: four dotted octets of 1-3 digits, each at most 255, then a space. */
function ip(out: string, t: string): string {
  return `
    ${S('a', I(0))} ${S('o', I(0))} ${S('d', I(0))} ${S('dots', I(0))}
    (block $ipE${t} (loop $ip${t}
      ${S('c', B(L('p')))}
      (if ${between('c', 48, 57)}
        (then ${S('o', `(i32.add (i32.mul ${L('o')} ${I(10)}) (i32.sub ${L('c')} ${I(48)}))`)} ${inc('d')})
        (else
          (br_if $ipE${t} (i32.ne ${L('c')} ${I(46)}))
          (br_if $bad (i32.or (i32.or (i32.eqz ${L('d')}) (i32.gt_u ${L('d')} ${I(3)})) (i32.gt_u ${L('o')} ${I(255)})))
          ${S('a', `(i32.or (i32.shl ${L('a')} ${I(8)}) ${L('o')})`)} ${S('o', I(0))} ${S('d', I(0))} ${inc('dots')}))
      ${inc('p')} (br $ip${t})))
    (br_if $bad (i32.or (i32.or (i32.ne ${L('c')} ${I(32)}) (i32.ne ${L('dots')} ${I(3)})) (i32.or (i32.or (i32.eqz ${L('d')}) (i32.gt_u ${L('d')} ${I(3)})) (i32.gt_u ${L('o')} ${I(255)}))))
    ${S(out, `(i32.or (i32.shl ${L('a')} ${I(8)}) ${L('o')})`)}`;
}

/** Pr, SrcP or DstP: 1 to `max` hex digits, then a space. */
function hex(out: string, max: number, t: string): string {
  return `
    ${skipSpaces(`sph${t}`)}
    ${S(out, I(0))} ${S('s', L('p'))}
    (block $hxE${t} (loop $hx${t}
      ${S('c', B(L('p')))}
      ${S('v', `(i32.load8_s (i32.add ${I(LAYOUT.hex)} ${L('c')}))`)}
      (br_if $hxE${t} (i32.lt_s ${L('v')} ${I(0)}))
      ${S(out, `(i32.add (i32.shl ${L(out)} ${I(4)}) ${L('v')})`)} ${inc('p')} (br $hx${t})))
    (br_if $bad (i32.or (i32.ne ${L('c')} ${I(32)}) (i32.or (i32.eq ${L('p')} ${L('s')}) (i32.gt_s (i32.sub ${L('p')} ${L('s')}) ${I(max)}))))`;
}

const store = (op: string, col: number, shift: number, value: string) => `(${op} (i32.add ${I(col)} (i32.shl ${L('n')} ${I(shift)})) ${value})`;

/**
 * scan(p, fastEnd, cap, firstLine, offsetBase): rows from byte p on into the columns from row 0, as scanCleanRows
 * takes them, until fastEnd, a line that is not a clean row, or `cap` rows. Returns where it stopped; `rows` (a global)
 * says how many it took. Interface names go to the host's `ifIndex(start, end, hash)`.
 */
export function cleanRowsWat(): string {
  return `(module
  (import "env" "ifIndex" (func $ifIndex (param i32 i32 i32) (result i32)))
  (memory (export "memory") ${PAGES})
  (global $rows (export "rows") (mut i32) (i32.const 0))
  (func (export "scan") (param $p i32) (param $fastEnd i32) (param $cap i32) (param $firstLine i32) (param $offBase i32) (result i32)
    (local $n i32) (local $ls i32) (local $c i32) (local $s i32) (local $h i32) (local $k i32) (local $egress i32)
    (local $srcIf i32) (local $dstIf i32)
    (local $a i32) (local $o i32) (local $d i32) (local $dots i32) (local $src i32) (local $dst i32) (local $pr i32) (local $sp i32) (local $dp i32)
    (local $v i32) (local $pk f64) (local $len i32) (local $hit i32) (local $w i64) (local $w2 i64) (local $z i64) (local $wl i32) (local $ws i32) (local $whit i32)
    (block $done (loop $rows
      (br_if $done (i32.ge_u ${L('p')} ${L('fastEnd')}))
      (br_if $done (i32.ge_u ${L('n')} ${L('cap')}))
      ${S('ls', L('p'))}
      (block $bad
        ${skipSpaces('lead')}
        ${iface(false)}
        ${ip('src', 's')}
        ${skipSpaces('spsip')}
        ${iface(true)}
        ${ip('dst', 'd')}
        ${hex('pr', 2, 'pr')}
        ${hex('sp', 4, 'sp')}
        ${hex('dp', 4, 'dp')}
        ${skipSpaces('sppk')}
        ${S('pk', '(f64.const 0)')} ${S('s', L('p'))}
        (block $pkE (loop $pkL
          ${S('c', B(L('p')))}
          (br_if $pkE (i32.eqz ${between('c', 48, 57)}))
          ${S('pk', `(f64.add (f64.mul ${L('pk')} (f64.const 10)) (f64.convert_i32_u (i32.sub ${L('c')} ${I(48)})))`)} ${inc('p')} (br $pkL)))
        (br_if $bad (i32.eq ${L('p')} ${L('s')}))
        ${S('c', `(i32.or ${B(L('p'))} ${I(32)})`)}
        (if (i32.eq ${L('c')} ${I(107)})
          (then ${S('pk', `(f64.mul ${L('pk')} (f64.const 1000))`)} ${inc('p')})
          (else (if (i32.eq ${L('c')} ${I(109)}) (then ${S('pk', `(f64.mul ${L('pk')} (f64.const 1000000))`)} ${inc('p')}))))
        (block $trE (loop $tr ${S('c', B(L('p')))} (br_if $trE (i32.and (i32.ne ${L('c')} ${I(32)}) (i32.ne ${L('c')} ${I(13)}))) ${inc('p')} (br $tr)))
        (br_if $bad (i32.ne ${L('c')} ${I(10)}))
        ${store('i32.store16', LAYOUT.srcIf, 1, L('srcIf'))}
        ${store('i32.store16', LAYOUT.dstIf, 1, L('dstIf'))}
        ${store('i32.store', LAYOUT.src, 2, L('src'))}
        ${store('i32.store', LAYOUT.dst, 2, L('dst'))}
        ${store('i32.store16', LAYOUT.proto, 1, L('pr'))}
        ${store('i32.store', LAYOUT.srcPort, 2, L('sp'))}
        ${store('i32.store', LAYOUT.dstPort, 2, L('dp'))}
        ${store('f64.store', LAYOUT.packets, 3, L('pk'))}
        ${store('i32.store', LAYOUT.line, 2, `(i32.add ${L('firstLine')} ${L('n')})`)}
        ${store('i32.store', LAYOUT.offset, 2, `(i32.add ${L('offBase')} ${L('ls')})`)}
        ${inc('n')} ${inc('p')} (br $rows))
      (global.set $rows ${L('n')})
      (return ${L('ls')})))
    (global.set $rows ${L('n')})
    ${L('p')}))`;
}
