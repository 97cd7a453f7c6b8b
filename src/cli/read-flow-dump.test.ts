import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { diagnose } from '../core/diagnose';
import { loadFieldCaptures } from '../core/proof/fixture-set';

// The real CLI (bundled by run.mjs) on files past the two-thread threshold, against diagnose() on the same text.
const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'crt-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rows(n: number, seed: number): string[] {
  const out: string[] = [];
  let a = seed;
  for (let i = 0; i < n; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    const src = `20.1.${(a >>> 8) & 63}.${(a & 127) + 1}`;
    const dst = `${(a >>> 24) % 200 + 11}.${(a >>> 16) & 255}.${(a >>> 4) & 255}.${(i % 250) + 1}`;
    out.push(`Vl${(a & 3) + 1}           ${src.padEnd(16)}Fa0/0         ${dst.padEnd(16)}06 ${(a & 0xffff).toString(16).toUpperCase().padStart(4, '0')} 0050 ${String(1 + ((a >>> 3) % 40)).padStart(5)}`);
  }
  return out;
}

function compare(name: string, text: string): void {
  compareMany([[name, text]]);
}

/** A run that has not ended by then is killed and fails (spawnSync blocks the test runner's own timeout). */
const RUN_LIMIT_MS = 120_000;

/** The CLI on several files at once (the first big one takes the worker started ahead, the others start their own). */
function compareMany(files: [name: string, text: string][]): void {
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/run.mjs'), 'analyze', '--json', ...files.map(([name]) => join(dir, name))], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: RUN_LIMIT_MS });
  expect(r.error, 'the analyzer did not end in time').toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
  const got = JSON.parse(r.stdout);
  const want = JSON.parse(JSON.stringify(diagnose(files.map(([source, text]) => ({ source, text })))));
  expect(got.inputs).toEqual(want.inputs);
  expect(got.hosts).toEqual(want.hosts);
  expect(got.findings).toEqual(want.findings);
  expect(got.charts).toEqual(want.charts);
}

const HEADER = 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts';

describe('analyzer on big files (chunked, two threads)', () => {
  it('one 20 MB flow table split between the threads reads as the text path does', () => {
    const body = rows(260_000, 1);
    body[130_001] = 'Vl1  20.1.1.1  Fa0/0  999.1.1.1  06 0F9F 0050 2'; // a flawed row near the split, warned
    compare('one-table.txt', ['Router#show ip cache flow', HEADER, ...body, 'Router#'].join('\n') + '\n');
  }, 180_000);

  it('a 20 MB terminal log with a time stamp on every line, split between the threads, reads as the text path does', () => {
    const lines = ['Router#show ip cache flow', HEADER, ...rows(200_000, 5), '', 'Router#'];
    lines[150_000] = ' --More-- ' + lines[150_000]; // a line the row loops leave, read as text behind its stamp
    const t0 = Date.UTC(2026, 11, 3, 23, 59, 58);
    const stamp = (i: number) => {
      const d = new Date(t0 + i * 3);
      const two = (n: number) => String(n).padStart(2, '0');
      return `[${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]} Dec ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')} 2026] `;
    };
    compare('stamped.txt', lines.map((l, i) => `${stamp(i)}${l}\r\n`).join(''));
  }, 180_000);

  it('a 20 MB verbose cache (two-line records read as bytes) reads as the text path does', () => {
    const out = ['Router#show ip cache verbose flow', 'SrcIf          SrcIPaddress    DstIf          DstIPaddress    Pr TOS Flgs  Pkts', 'Port Msk AS                    Port Msk AS    NextHop              B/Pk  Active'];
    for (const [i, row] of rows(125_000, 9).entries()) {
      const t = row.split(/ +/);
      out.push(`${t[0]!.padEnd(15)}${t[1]!.padEnd(16)}${t[2]!.padEnd(15)}${t[3]!.padEnd(16)}06 00  ${i % 3 ? '1B' : '02'} ${t[7]!.padStart(7)}`);
      out.push(`${t[5]} /0  0                     ${t[6]} /0  0     0.0.0.0               ${40 + (i % 9)}   ${(i % 70) / 10}`);
      if (i === 90_000) out.push('Et0/0  10.1.1.1  Fa0/0*  1.2.3.4  06 00 02  1', '0400 /0 0 0050 /0 0 0.0.0.0 40 0.0'); // an egress copy: text
    }
    out.push('Router#');
    compare('verbose.txt', out.join('\n') + '\n');
  }, 180_000);

  // Rows as the switch pads them (each segment's rows fit its region of the shared columns, joined where they lie), and
  // with rows of single blanks from the first tenth to the middle (about 60 bytes, where the regions assume 72: those
  // segments outgrow their regions and are joined as parts of their own).
  for (const short of [false, true]) {
    it(`a 20 MB NX-OS flow cache (IPv4 rows read as bytes on both threads, from the first piece's state) reads as the text path does${short ? ', rows outgrowing their regions' : ''}`, () => {
      const nxRow = (r: string, i: number) => {
        const t = r.split(/ +/);
        return `${t[1]!.padEnd(16)}${t[3]!.padEnd(16)}4097  ${String(parseInt(t[5]!, 16)).padEnd(8)}80      6         ${String(+t[7]! * 48).padEnd(14)}${t[7]!.padEnd(14)}0x${i % 3 ? '1b' : '2'}        0x1a000000  1432        1433`;
      };
      const std = 'SIP             DIP             BD ID S-Port  D-Port  Protocol  Byte Count    Packet Count  TCP FLAGS  if_id       flowStart   flowEnd';
      const body = rows(225_000, 11).map(nxRow);
      // A Slammer all through the file (one UDP/1434 datagram to each new address, of 396 to 404 bytes by where it is):
      // its bytes a packet (their mean is in its reasons) come from every segment's rows.
      for (let i = 7; i < body.length; i += 40) body[i] = `10.66.66.66     ${`${11 + (i % 200)}.${(i >> 8) & 255}.${i & 255}.9`.padEnd(16)}4097  ${String(1024 + (i % 60000)).padEnd(8)}1434    17        ${short && i >= 20_000 && i < 100_000 ? 396 : i < 20_000 ? 404 : 400}           1             0x0        0x1a000000  1432        1433`;
      body[75_001] = `${body[75_001]}   <-- this one`; // a poster's note near the middle: text
      body[40_000] = ` --More-- ${'\b'.repeat(9)}${' '.repeat(8)}${'\b'.repeat(9)}${body[40_000]}`; // a paged row
      body[100_000] = body[100_000]!.replace('4097  ', '4097\t'); // a tab: text
      if (short) for (let i = 20_000; i < 100_000; i++) body[i] = body[i]!.replace(/ +/g, ' ').replace(' 0x1a000000 1432 1433', ' 0x1a 1 2');
      const out = ['switch# show flow cache', 'IPV4 Entries', std, ...body];
      // Another layout past the middle (as many columns, the counts swapped): the segments after it, read from the
      // first piece's state, are read again.
      out.splice(100_000, 0, 'IPV4 Entries', std.replace('Byte Count    Packet Count', 'Packet Count  Byte Count  '));
      for (let i = 100_002; i < out.length; i++) {
        const t = out[i]!.split(/ +/);
        if (t.length === 12) [t[6], t[7]] = [t[7]!, t[6]!];
        out[i] = t.join('  ');
      }
      out.push('', 'IPV6 Entries', std, '2001:db8:10::5  2001:db8:20::80  4098  49152  80  6  64  1  0x2  0x1a000200  1500  1500', 'switch#');
      // (Past SPLIT_MIN, 16 MB: read on two threads.)
      expect(out.join('\n').length).toBeGreaterThan(17 << 20);
      compare('nx.txt', out.join('\n') + '\n');
    }, 180_000);
  }

  it('a 20 MB show mls netflow ip table (two-line entries read as bytes on both threads, segments cut before an entry) reads as the text path does', () => {
    const out = ['Router#show mls netflow ip', 'Displaying Netflow entries in Supervisor Earl', 'DstIP           SrcIP           Prot:SrcPort:DstPort  Src i/f         :AdjPtr', '-'.repeat(80), 'Pkts         Bytes         Age   LastSeen  Attributes', '-'.repeat(51)];
    for (const [i, r] of rows(150_000, 13).entries()) {
      const t = r.split(/ +/);
      // A Slammer through the whole table (its bytes a packet, in its reasons, come from every segment's entries).
      const slammer = i % 40 === 7;
      const src = slammer ? '10.66.66.66' : t[1]!;
      const dst = slammer ? `${11 + (i % 200)}.${(i >> 8) & 255}.${i & 255}.9` : t[3]!;
      out.push(`${dst.padEnd(16)}${src.padEnd(16)}${slammer ? 'udp' : 'tcp'} :${parseInt(t[5]!, 16)} :${slammer ? '1434' : 'www'}       ${t[0]!.padEnd(16)}:0x0`);
      const pk = slammer ? 1 : +t[7]!;
      out.push(`${String(pk).padEnd(13)}${String(slammer ? (i < 75_000 ? 404 : 400) : pk * 48).padEnd(14)}${String(i % 60).padEnd(6)}11:47:08  L3 - Dynamic`);
      if (i === 60_000) out.push(`${out.at(-2)!}   <-- an entry read as text`); // a first line twice, with a note
      // The same lines under another command from here (Sup2's `show mls ip`, read by its own parser), this one's again
      // later: segments that start in between are read again, in order.
      if (i === 70_000) out.push('Router#show mls ip');
      if (i === 100_000) out.push('Router#show mls netflow ip');
    }
    out.push('Router#');
    expect(out.join('\n').length).toBeGreaterThan(17 << 20);
    compare('mls.txt', out.join('\n') + '\n');
  }, 180_000);

  it('a second half that starts outside a flow table is read by the first thread (fallback), same result', () => {
    const cfg = Array.from({ length: 200_000 }, (_, i) => ` description link ${i} to the core, kept long enough to fill the file`);
    compare(
      'mixed.txt',
      ['Router#show ip cache flow', HEADER, ...rows(20_000, 2), 'Router#show running-config', ...cfg, 'Router#sh ip cache flow', ...rows(30_000, 3)].join('\r\n') + '\r\n',
    );
  }, 180_000);

  it('segments whose text before them leaves the flow table (a config in the middle of a dump) are read again in order', () => {
    const cfg = Array.from({ length: 120_000 }, (_, i) => ` description uplink ${i} to the distribution layer, long enough to span segments`);
    compare(
      'middle.txt',
      ['Router#show ip cache flow', HEADER, ...rows(60_000, 4), 'Router#show running-config', ...cfg, 'Router#show ip cache flow', HEADER, ...rows(60_000, 5)].join('\n') + '\n',
    );
  }, 180_000);

  it('rows shorter than the regions assume (single spaces, ~36 bytes) outgrow their regions and still join in order', () => {
    const short = rows(480_000, 6).map((r) => r.replace(/ +/g, ' '));
    short[240_123] = 'Vl1 20.1.1.1 Fa0/0 300.1.1.1 06 0F9F 0050 2'; // a flawed row, warned
    compare('short.txt', ['Router#show ip cache flow', HEADER, ...short].join('\n') + '\n');
  }, 180_000);

  it('row-shaped lines under another command, across several segments, stay that command\'s lines', () => {
    // Each segment after the first is read as if inside a flow table; joining must carry where each one really ended.
    const logged = rows(110_000, 7).map((r) => r.replace(/^Vl/, 'Gi'));
    compare(
      'logged.txt',
      ['Router#show ip cache flow', HEADER, ...rows(70_000, 8), 'Router#show logging', ...logged, 'Router#show ip cache flow', HEADER, ...rows(50_000, 9)].join('\n') + '\n',
    );
  }, 180_000);

  it('two big files at once: the worker started ahead reads the first, a second worker the other', () => {
    const table = (seed: number) => ['Router#show ip cache flow', HEADER, ...rows(215_000, seed)].join('\n') + '\n';
    compareMany([
      ['first.txt', table(11)],
      ['second.txt', table(12)],
    ]);
  }, 180_000);

  it('a big file that is no flow dump leaves the worker started ahead unused, and the run still ends at once', () => {
    // A Flexible NetFlow cache goes the text way: nothing gives the waiting worker a job, and it must not hold the
    // process open (the run would not end: RUN_LIMIT_MS) or change the output.
    const records = Array.from({ length: 130_000 }, (_, i) => `IPV4 SOURCE ADDRESS:       10.1.${(i >> 8) & 255}.${i & 255}\nIPV4 DESTINATION ADDRESS:  192.0.2.${i % 250}\nTRNS DESTINATION PORT:     80\ncounter packets:           ${1 + (i % 3)}\n`);
    const text = ['Router#show flow monitor FLOW-MON cache', '  Cache type:                               Normal', '', ...records].join('\n');
    expect(text.length).toBeGreaterThan(16 << 20);
    compare('fnf.txt', text);
  }, 180_000);

  it('every field capture of every command, between generated flow tables, over many segments, reads as the text path does', () => {
    // Real pastes (prompts, --More--, wrapped and fused columns, posters' notes) cut across segment boundaries.
    const captures = loadFieldCaptures(fs, join(ROOT, 'src/core/parsers')).map((f) => f.text);
    expect(captures.length).toBeGreaterThan(80);
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 26e6; i++) {
      const c = captures[i % captures.length]!;
      const flows = ['Router#show ip cache flow', HEADER, ...rows(2_000 + ((i * 7919) % 9_000), 100 + i)].join('\n');
      parts.push(c.endsWith('\n') ? c : `${c}\n`, `${flows}\n`);
      size += c.length + flows.length;
    }
    compare('field-mix.txt', parts.join(''));
  }, 240_000);
});

describe('where a record-format cache is cut (afterBlankLine)', () => {
  it('finds the line after the first blank line past a point, a few KB at a time, as one read of its whole window would', async () => {
    const fc = (await import('fast-check')).default;
    const { afterBlankLine } = await import('./read-flow-dump');
    const BLANK_WINDOW = 1 << 20;
    // The same, from one read of the whole window.
    const whole = (bytes: Buffer, at: number): number => {
      const b = bytes.subarray(at, Math.min(bytes.length, at + BLANK_WINDOW));
      let lineStart = -1;
      let blank = false;
      for (let p = 0; p < b.length; p++) {
        const c = b[p]!;
        if (c === 10) {
          if (lineStart >= 0 && blank && at + p + 1 < bytes.length) return at + p + 1;
          lineStart = p + 1;
          blank = true;
        } else if (c !== 32 && c !== 13) blank = false;
      }
      return -1;
    };
    const file = join(dir, 'blank-lines.txt');
    // Lines of any length (a few past a 4 KB piece), blank ones with blanks and CRs, the blank line anywhere.
    const line = fc.oneof(fc.constantFrom('', ' ', '  \r', '\r', 'IPV4 SOURCE ADDRESS:       10.1.1.7'), fc.integer({ min: 1, max: 9000 }).map((n) => 'x'.repeat(n)));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.integer({ min: 0, max: 999 }), (lines, lastLf, at) => {
        const text = lines.join('\n') + (lastLf ? '\n' : '');
        const bytes = Buffer.from(text, 'latin1');
        writeFileSync(file, bytes);
        const from = Math.floor((at / 1000) * bytes.length);
        const fd = fs.openSync(file, 'r');
        try {
          expect(afterBlankLine(fd, from, bytes.length)).toBe(whole(bytes, from));
        } finally {
          fs.closeSync(fd);
        }
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });
});
