import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { linesAtBytes, linesFromRanges } from '../parsers/show-ip-cache-flow/prescanned';
import { BYTES_PATH_MIN, looksLikeFnfCache, pasteOfBytes, pasteOfChunks } from './read-chunks';
import { prescannedLines } from '../parsers/show-ip-cache-flow/prescanned';

const enc = new TextEncoder();
const HEADER = 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts';
const IFS = ['Vl1', 'Po12', 'Fa0/1', 'Gi0/0.1024'];

/** A session: a version line, a cache-flow table whose interfaces change per row, a scanner among clients. */
function session(rows: number, eol: string): string {
  const out = ['Router#show version', 'Cisco IOS Software, C2600 Software', 'Router#show ip cache flow', HEADER];
  for (let i = 0; i < rows; i++) {
    const scan = i % 3 === 0;
    const src = scan ? '20.1.1.5' : `20.1.2.${1 + (i % 40)}`;
    const dst = scan ? `${1 + (i % 200)}.${(i * 7) % 250}.${(i * 13) % 250}.9` : `64.4.${i % 5}.1`;
    out.push(`${IFS[i % IFS.length]!.padEnd(14)}${src.padEnd(16)}Se0/0         ${dst.padEnd(16)}06 ${(1024 + i).toString(16).toUpperCase()} 0050 ${scan ? '    1' : '   40'}`);
  }
  out.push('Router#');
  return out.join(eol) + eol;
}

describe('pasteOfChunks (the browser worker reading a file piece by piece)', () => {
  for (const eol of ['\n', '\r\n']) {
    it(`gives the text path's diagnosis whatever the chunk size (${JSON.stringify(eol)} line ends)`, async () => {
      const text = session(300, eol);
      const bytes = enc.encode(text);
      const want = diagnose([{ source: 'f.txt', text }]);
      expect(want.hosts.find((h) => h.ip === '20.1.1.5')?.verdict).toBe('infected');
      // Evidence read back from the bytes in memory, and as from a file in runs (linesFromRanges: small runs, many reads).
      const fromFile = () => linesFromRanges((s, e) => bytes.slice(s, e), bytes.length, { window: 8192, gap: 256 });
      for (const [chunk, linesAt] of [[7, linesAtBytes(bytes)], [81, fromFile()], [1000, linesAtBytes(bytes)], [1 << 20, fromFile()]] as const) {
        const seen: number[] = [];
        const paste = await pasteOfChunks('f.txt', bytes.length, async (s, e) => bytes.slice(s, e), linesAt, (d) => seen.push(d), chunk);
        expect(diagnose([paste])).toEqual(want);
        // Progress only grows and ends at the file's size.
        expect(seen.every((d, i) => i === 0 || d >= seen[i - 1]!)).toBe(true);
        expect(seen.at(-1)).toBe(bytes.length);
      }
    });
  }

  it('asks for the next chunk before it scans this one, and reads each byte once, in order', async () => {
    const bytes = enc.encode(session(200, '\n'));
    const events: string[] = [];
    const chunk = 1000;
    await pasteOfChunks('f.txt', bytes.length, async (s, e) => (events.push(`read ${s}-${e}`), bytes.slice(s, e)), linesAtBytes(bytes), (d) => events.push(`done ${d}`), chunk);
    const want: string[] = [];
    const n = Math.ceil(bytes.length / chunk);
    const end = (k: number) => Math.min(bytes.length, (k + 1) * chunk);
    want.push(`read 0-${end(0)}`);
    for (let k = 0; k < n; k++) {
      if (k + 1 < n) want.push(`read ${(k + 1) * chunk}-${end(k + 1)}`);
      want.push(`done ${end(k)}`);
    }
    expect(events).toEqual(want);
  });

  it('fails as its read fails, whichever chunk it is', async () => {
    const bytes = enc.encode(session(200, '\n'));
    for (const bad of [0, 3000, 6000]) {
      const read = async (s: number, e: number) => {
        if (s === bad) throw new Error(`unreadable at ${s}`);
        return bytes.slice(s, e);
      };
      await expect(pasteOfChunks('f.txt', bytes.length, read, linesAtBytes(bytes), () => undefined, 1000)).rejects.toThrow(`unreadable at ${bad}`);
    }
  });

  it('tells a Flexible NetFlow cache by its start, unless a cache-flow table is there too', () => {
    const fnf = ['R1#show flow monitor MON cache', '  Cache type:                               Normal', '', 'IPV4 SOURCE ADDRESS:       20.1.99.215', 'IPV4 DESTINATION ADDRESS:  149.80.91.29'].join('\n');
    expect(looksLikeFnfCache(fnf)).toBe(true);
    expect(looksLikeFnfCache('IPV6 SOURCE ADDRESS:       2001:db8::1\n')).toBe(true);
    expect(looksLikeFnfCache(`${fnf}\nR1#show ip cache flow\n${HEADER}\n`)).toBe(false);
    expect(looksLikeFnfCache(session(20, '\n'))).toBe(false);
    expect(looksLikeFnfCache('')).toBe(false);
    // The same in a terminal log that stamps every line.
    const stamped = (t: string) => t.split('\n').map((l) => `[Thu Dec 03 03:30:00.123 2026] ${l}`).join('\n');
    expect(looksLikeFnfCache(stamped(fnf))).toBe(true);
    expect(looksLikeFnfCache(stamped(`${fnf}\nR1#show ip cache flow\n${HEADER}\n`))).toBe(false);
  });

  it('reads a terminal log with a time stamp on every line as bytes: the rows behind the stamps, quoted as the text path quotes them', async () => {
    const clean = session(20_000, '\r\n');
    expect(clean.length).toBeGreaterThan(BYTES_PATH_MIN);
    const lines = clean.split('\r\n');
    lines.pop();
    // Tera Term's stamp; the day changes at midnight (its name and length of the template), a blank line is stamped too.
    const stamp = (i: number) => (i < 15_000 ? `[Thu Dec 03 23:${String(10 + Math.floor(i / 400)).padStart(2, '0')}:00.123 2026] ` : `[Fri Dec 04 00:00:0${i % 10}.5 2026] `);
    const stamped = lines.map((l, i) => `${stamp(i)}${i === 100 ? '' : l}\r\n`).join('') + `${stamp(1)}\r\n`;
    const want = diagnose([{ source: 'f.txt', text: stamped }]);
    expect(want.inputs.find((i) => i.kind === 'show ip cache flow')?.records).toBe(19_999);
    expect(want.hosts.find((h) => h.ip === '20.1.1.5')?.verdict).toBe('infected');
    const bytes = enc.encode(stamped);
    const paste = pasteOfBytes('f.txt', bytes);
    expect(prescannedLines(paste)).toBeDefined();
    expect(diagnose([paste])).toEqual(want);
    // The bytes are as they were (the stamps are blanked only while a piece is scanned).
    expect(new TextDecoder().decode(bytes)).toBe(stamped);
    for (const chunk of [97, 4096, 1 << 20]) {
      const chunked = await pasteOfChunks('f.txt', bytes.length, async (s, e) => bytes.slice(s, e), linesAtBytes(bytes), () => undefined, chunk);
      expect(diagnose([chunked])).toEqual(want);
    }
  });

  it('reads an empty file as an empty paste', async () => {
    const paste = await pasteOfChunks('e.txt', 0, async () => new Uint8Array(0), () => []);
    expect(diagnose([paste]).inputs.every((i) => i.records === 0)).toBe(true);
  });
});

describe('pasteOfBytes', () => {
  it('reads small inputs as text and big ones through the byte path, to the same diagnosis', () => {
    const small = session(20, '\n');
    expect(pasteOfBytes('s', enc.encode(small)).text).toBe(small);
    let big = session(20_000, '\n');
    while (big.length < BYTES_PATH_MIN) big += big.slice(big.indexOf(HEADER) + HEADER.length + 1, big.lastIndexOf('Router#'));
    const paste = pasteOfBytes('b', enc.encode(big));
    expect(paste.text).toBe('');
    expect(diagnose([paste])).toEqual(diagnose([{ source: 'b', text: big }]));
  });
});
