// MEASUREMENT SPIKE, not used by the product (issue 16, 2026-12-02): is WebAssembly the way past V8's warm-up for the
// scanner's clean-row loop? It generates a WebAssembly version of that loop (scan-rows.ts scanCleanRows: the same
// fields and checks, except that packets are read as 32-bit integers and the interface names are looked up by a call
// back to JavaScript), assembles it with wabt and times it on a bench file, 4 MB at a time on one thread, text lines
// skipped. It needs wabt, which the project does not install:
//
//     npm i --no-save wabt@1.0.39 && BENCH_KEEP=1 npm run bench && node e2e/bench/wasm-scan-spike.mjs /tmp/code-red-bench-today.txt
//
// Measured 2026-12-02 09:27 UTC on the project's machine (1M rows, 79 MB): today's file 14.5-15.9 ms for the first
// 4 MB (compiling included), 5.6-6.0 ms for each later one, 116 ms in all; JavaScript takes 33 ms for the first
// (quiet machine, 50-80 ms with both cores busy) and 10 ms for each later one. Per-row interfaces: 22.5 ms, then
// 12.5-13 ms (the call back per row; a table of names inside the module would remove it).
import { openSync, readSync } from 'node:fs';

const L = (x) => `(local.get $${x})`;
const S = (x, v) => `(local.set $${x} ${v})`;
const B = (p) => `(i32.load8_u ${p})`;
const inc = (x) => S(x, `(i32.add ${L(x)} (i32.const 1))`);
const skipSpaces = (lbl) => `(block $${lbl}e (loop $${lbl} (br_if $${lbl}e (i32.ne ${B(L('p'))} (i32.const 32))) ${inc('p')} (br $${lbl})))`;
// interface token: letter start, then [A-Za-z0-9/.:_-] ; fast path same as last (start lsS, len lsL)
const iface = (dst) => {
  const sS = dst ? 'ldS' : 'lsS', sL = dst ? 'ldL' : 'lsL', sI = dst ? 'ldI' : 'lsI', out = dst ? 'dstIf' : 'srcIf';
  return `
    ${S('c', `(i32.or ${B(L('p'))} (i32.const 32))`)}
    (br_if $bad (i32.or (i32.lt_u ${L('c')} (i32.const 97)) (i32.gt_u ${L('c')} (i32.const 122))))
    ${S('same', '(i32.const 0)')}
    (if (i32.and (i32.gt_s ${L(sL)} (i32.const 0)) (i32.eq ${B(`(i32.add ${L('p')} ${L(sL)})`)} (i32.const 32)))
      (then
        ${S('k', '(i32.const 0)')}
        (block $cmpE${dst} (loop $cmp${dst}
          (br_if $cmpE${dst} (i32.ge_s ${L('k')} ${L(sL)}))
          (br_if $cmpE${dst} (i32.ne ${B(`(i32.add ${L('p')} ${L('k')})`)} ${B(`(i32.add ${L(sS)} ${L('k')})`)}))
          ${inc('k')} (br $cmp${dst})))
        (if (i32.eq ${L('k')} ${L(sL)}) (then ${S('same', '(i32.const 1)')}))))
    (if ${L('same')}
      (then ${S(out, L(sI))} ${S('p', `(i32.add ${L('p')} ${L(sL)})`)})
      (else
        ${S('s', L('p'))} ${S('h', '(i32.const 0)')}
        (block $tokE${dst} (loop $tok${dst}
          ${S('c', B(L('p')))}
          (br_if $tokE${dst} (i32.eqz (i32.or (i32.or (i32.and (i32.ge_u ${L('c')} (i32.const 97)) (i32.le_u ${L('c')} (i32.const 122))) (i32.and (i32.ge_u ${L('c')} (i32.const 65)) (i32.le_u ${L('c')} (i32.const 90)))) (i32.or (i32.and (i32.ge_u ${L('c')} (i32.const 45)) (i32.le_u ${L('c')} (i32.const 58))) (i32.eq ${L('c')} (i32.const 95))))))
          ${S('h', `(i32.add (i32.mul ${L('h')} (i32.const 31)) ${L('c')})`)}
          ${inc('p')} (br $tok${dst})))
        (br_if $bad (i32.or (i32.ne ${L('c')} (i32.const 32)) (i32.eq ${L('p')} ${L('s')})))
        ${S(out, `(call $ifIndex ${L('s')} (i32.sub ${L('p')} ${L('s')}) ${L('h')})`)}
        ${S(sS, L('s'))} ${S(sL, `(i32.sub ${L('p')} ${L('s')})`)} ${S(sI, L(out))}))
    ${skipSpaces('sp' + (dst ? 'd' : 's') + 'i')}`;
};
const ip = (out, tag) => `
    ${S('a', '(i32.const 0)')} ${S('o', '(i32.const 0)')} ${S('d', '(i32.const 0)')} ${S('dots', '(i32.const 0)')}
    (block $ipE${tag} (loop $ip${tag}
      ${S('c', B(L('p')))}
      (if (i32.and (i32.ge_u ${L('c')} (i32.const 48)) (i32.le_u ${L('c')} (i32.const 57)))
        (then ${S('o', `(i32.add (i32.mul ${L('o')} (i32.const 10)) (i32.sub ${L('c')} (i32.const 48)))`)} ${inc('d')})
        (else
          (br_if $ipE${tag} (i32.ne ${L('c')} (i32.const 46)))
          (br_if $bad (i32.or (i32.or (i32.eqz ${L('d')}) (i32.gt_u ${L('d')} (i32.const 3))) (i32.gt_u ${L('o')} (i32.const 255))))
          ${S('a', `(i32.or (i32.shl ${L('a')} (i32.const 8)) ${L('o')})`)} ${S('o', '(i32.const 0)')} ${S('d', '(i32.const 0)')} ${inc('dots')}))
      ${inc('p')} (br $ip${tag})))
    (br_if $bad (i32.or (i32.or (i32.ne ${L('c')} (i32.const 32)) (i32.ne ${L('dots')} (i32.const 3))) (i32.or (i32.or (i32.eqz ${L('d')}) (i32.gt_u ${L('d')} (i32.const 3))) (i32.gt_u ${L('o')} (i32.const 255)))))
    ${S(out, `(i32.or (i32.shl ${L('a')} (i32.const 8)) ${L('o')})`)}
    ${skipSpaces('spip' + tag)}`;
const hex = (out, max, tag) => `
    ${S(out, '(i32.const 0)')} ${S('s', L('p'))}
    (block $hxE${tag} (loop $hx${tag}
      ${S('v', `(i32.load8_s (i32.add (global.get $hexv) ${B(L('p'))}))`)}
      (br_if $hxE${tag} (i32.lt_s ${L('v')} (i32.const 0)))
      ${S(out, `(i32.add (i32.shl ${L(out)} (i32.const 4)) ${L('v')})`)} ${inc('p')} (br $hx${tag})))
    (br_if $bad (i32.or (i32.ne ${B(L('p'))} (i32.const 32)) (i32.or (i32.eq ${L('p')} ${L('s')}) (i32.gt_s (i32.sub ${L('p')} ${L('s')}) (i32.const ${max})))))
    ${skipSpaces('sph' + tag)}`;
const col = (name, i) => `(i32.add (global.get $${name}) ${i})`;
const wat = `(module
  (import "env" "ifIndex" (func $ifIndex (param i32 i32 i32) (result i32)))
  (memory (export "mem") 2048)
  (global $hexv (export "hexv") (mut i32) (i32.const 0))
  (global $cSrcIf (export "cSrcIf") (mut i32) (i32.const 0))
  (global $cDstIf (export "cDstIf") (mut i32) (i32.const 0))
  (global $cSrc (export "cSrc") (mut i32) (i32.const 0))
  (global $cDst (export "cDst") (mut i32) (i32.const 0))
  (global $cProto (export "cProto") (mut i32) (i32.const 0))
  (global $cSp (export "cSp") (mut i32) (i32.const 0))
  (global $cDp (export "cDp") (mut i32) (i32.const 0))
  (global $cPk (export "cPk") (mut i32) (i32.const 0))
  (global $cLine (export "cLine") (mut i32) (i32.const 0))
  (global $cOff (export "cOff") (mut i32) (i32.const 0))
  (global $n (export "n") (mut i32) (i32.const 0))
  (func (export "scan") (param $p i32) (param $end i32) (param $cap i32) (param $firstLine i32) (param $offBase i32) (result i32)
    (local $n i32) (local $first i32) (local $ls i32) (local $c i32) (local $s i32) (local $h i32) (local $k i32) (local $same i32)
    (local $srcIf i32) (local $dstIf i32) (local $lsS i32) (local $lsL i32) (local $lsI i32) (local $ldS i32) (local $ldL i32) (local $ldI i32)
    (local $a i32) (local $o i32) (local $d i32) (local $dots i32) (local $src i32) (local $dst i32) (local $pr i32) (local $sp i32) (local $dp i32) (local $pk i32) (local $v i32)
    ${S('n', '(global.get $n)')} ${S('first', L('n'))}
    (block $done (loop $rows
      (br_if $done (i32.ge_u ${L('p')} ${L('end')}))
      (br_if $done (i32.ge_u ${L('n')} ${L('cap')}))
      ${S('ls', L('p'))}
      (block $bad
        ${skipSpaces('lead')}
        ${iface(false)}
        ${ip('src', 's')}
        ${iface(true)}
        ${ip('dst', 'd')}
        ${hex('pr', 2, 'pr')}
        ${hex('sp', 4, 'sp')}
        ${hex('dp', 4, 'dp')}
        ${S('pk', '(i32.const 0)')} ${S('s', L('p'))}
        (block $pkE (loop $pkL
          ${S('c', B(L('p')))}
          (br_if $pkE (i32.or (i32.lt_u ${L('c')} (i32.const 48)) (i32.gt_u ${L('c')} (i32.const 57))))
          ${S('pk', `(i32.add (i32.mul ${L('pk')} (i32.const 10)) (i32.sub ${L('c')} (i32.const 48)))`)} ${inc('p')} (br $pkL)))
        (br_if $bad (i32.eq ${L('p')} ${L('s')}))
        (block $trE (loop $tr ${S('c', B(L('p')))} (br_if $trE (i32.and (i32.ne ${L('c')} (i32.const 32)) (i32.ne ${L('c')} (i32.const 13)))) ${inc('p')} (br $tr)))
        (br_if $bad (i32.ne ${L('c')} (i32.const 10)))
        (i32.store16 ${col('cSrcIf', `(i32.shl ${L('n')} (i32.const 1))`)} ${L('srcIf')})
        (i32.store16 ${col('cDstIf', `(i32.shl ${L('n')} (i32.const 1))`)} ${L('dstIf')})
        (i32.store ${col('cSrc', `(i32.shl ${L('n')} (i32.const 2))`)} ${L('src')})
        (i32.store ${col('cDst', `(i32.shl ${L('n')} (i32.const 2))`)} ${L('dst')})
        (i32.store16 ${col('cProto', `(i32.shl ${L('n')} (i32.const 1))`)} ${L('pr')})
        (i32.store16 ${col('cSp', `(i32.shl ${L('n')} (i32.const 1))`)} ${L('sp')})
        (i32.store16 ${col('cDp', `(i32.shl ${L('n')} (i32.const 1))`)} ${L('dp')})
        (f64.store ${col('cPk', `(i32.shl ${L('n')} (i32.const 3))`)} (f64.convert_i32_u ${L('pk')}))
        (i32.store ${col('cLine', `(i32.shl ${L('n')} (i32.const 2))`)} (i32.add ${L('firstLine')} (i32.sub ${L('n')} ${L('first')})))
        (i32.store ${col('cOff', `(i32.shl ${L('n')} (i32.const 2))`)} (i32.add ${L('offBase')} ${L('ls')}))
        ${inc('n')} ${inc('p')} (br $rows))
      (global.set $n ${L('n')})
      (return ${L('ls')})))
    (global.set $n ${L('n')})
    ${L('p')}))`;

const wabt = await (await import('wabt')).default();
const bytes = wabt.parseWat('scan.wat', wat).toBinary({}).buffer;
const t0 = performance.now();
const names = new Map(); const list = [];
let memU8;
const ifIndex = (s, len, _h) => { let k = ''; for (let i = 0; i < len; i++) k += String.fromCharCode(memU8[s + i]); let i = names.get(k); if (i === undefined) { i = list.length; list.push(k); names.set(k, i); } return i; };
const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { ifIndex } });
const t1 = performance.now();
const e = inst.exports;
memU8 = new Uint8Array(e.mem.buffer);
const MB = 1 << 20;
const HEX = 8 * MB;
for (let i = 0; i < 256; i++) memU8[HEX + i] = 0xff; // -1
for (let k = 0; k < 10; k++) memU8[HEX + 48 + k] = k;
for (let k = 0; k < 6; k++) { memU8[HEX + 65 + k] = 10 + k; memU8[HEX + 97 + k] = 10 + k; }
e.hexv.value = HEX;
const CAP = 100000; let at = 9 * MB;
for (const [name, w] of [['cSrcIf', 2], ['cDstIf', 2], ['cSrc', 4], ['cDst', 4], ['cProto', 2], ['cSp', 2], ['cDp', 2], ['cPk', 8], ['cLine', 4], ['cOff', 4]]) { e[name].value = at; at += CAP * w; }
const file = process.argv[2];
const fd = openSync(file, 'r');
const CH = 4 * MB;
let pos = 0; const times = []; let rows = 0; let text = 0;
const tStart = performance.now();
for (let seg = 0; ; seg++) {
  const n = readSync(fd, memU8, 0, CH, pos);
  if (n === 0) break;
  let end = n; while (end > 0 && memU8[end - 1] !== 10) end--;
  const t = performance.now();
  e.n.value = 0;
  let p = 0;
  while (p < end) {
    p = e.scan(p, end, CAP, 1, pos);
    if (p < end) { // a text line: skip it
      while (p < end && memU8[p] !== 10) p++; p++; text++;
    }
  }
  rows += e.n.value;
  times.push(performance.now() - t);
  pos += end;
}
process.stderr.write(`compile+instantiate ${(t1 - t0).toFixed(1)} ms; segs ${times.slice(0, 6).map((x) => x.toFixed(1)).join(' ')} ... total ${(performance.now() - tStart).toFixed(0)} ms (scan only ${times.reduce((a, b) => a + b, 0).toFixed(0)}); rows ${rows} text ${text} ifs ${list.length}\n`);
