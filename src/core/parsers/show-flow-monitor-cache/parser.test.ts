// show flow monitor NAME cache: the 9 corpus captures (hand counts) and the constructed formats.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import type { SectionOf } from '../../sections';
import { intToIp } from '../../text/lines';
import { prescanBytes } from '../../big-paste/prescan';
import { registerPrescan } from '../show-ip-cache-flow/prescanned';
import type { Paste } from '../../types';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
function read(name: string) {
  const d = diagnoseDetailed([{ source: name, text: fixture(name) }]);
  const s = d.sections.find((x) => x.kind === 'show flow monitor cache') as SectionOf<'show flow monitor cache'> | undefined;
  return { input: d.diagnosis.inputs.find((i) => i.kind !== 'unknown')!, data: s!.data, hosts: d.diagnosis.hosts };
}
const row = (t: SectionOf<'show flow monitor cache'>['data']['flows'], i: number) => ({
  src: intToIp(t.src[i]!),
  dst: intToIp(t.dst[i]!),
  proto: t.proto[i],
  ports: [t.srcPort[i], t.dstPort[i]],
  packets: t.packets[i],
  bytes: t.bytes[i],
  in: t.ifNames[t.srcIf[i]!],
  out: t.ifNames[t.dstIf[i]!],
  line: t.line[i],
});

describe('show flow monitor NAME cache: real captures, hand counts', () => {
  it.each([
    ['genie-1.txt', 1, 'record', 0],
    ['genie-4.txt', 3, 'table', 1],
    ['genie-7-ipv6.txt', 3, 'record', 1],
    ['encornotes-1.txt', 1, 'table', 1],
    ['format-record-genie-1.txt', 3, 'record', 0],
    ['format-table-genie-1.txt', 3, 'table', 1],
    ['format-table-genie-2.txt', 1, 'table', 1],
    ['format-table-xogsblog-1.txt', 0, 'none', 0],
    ['sort-top-genie-1.txt', 5, 'table', 0],
  ] as const)('%s: %i records as %s, %i warnings', (name, records, format, warnings) => {
    const { input, data } = read(name);
    expect(input.kind).toBe('show flow monitor cache');
    expect(input.records).toBe(records);
    expect(data.format).toBe(format);
    expect(input.warnings).toHaveLength(warnings);
  });

  it('default record format: every field we need, the VXLAN, mask and timestamp fields ignored quietly', () => {
    const { data } = read('genie-1.txt');
    expect(row(data.flows, 0)).toEqual({ src: '172.51.15.11', dst: '172.51.15.111', proto: 6, ports: [1, 100], packets: 2767, bytes: 354176, in: '', out: '', line: 11 });
  });

  it('format table with addresses wider than their column: later cells still land in their own columns', () => {
    const { data, input } = read('genie-4.txt');
    expect([0, 1, 2].map((i) => row(data.flows, i))).toMatchObject([
      { src: '192.168.189.254', dst: '192.168.189.253', in: 'Null', out: 'Te0/0/0.1003', packets: 2, proto: -1, line: 17 },
      { src: '192.168.16.254', out: 'Te0/0/0.1001', packets: 3 },
      { src: '192.168.229.254', out: 'Te0/0/0.1002', packets: 3 },
    ]);
    expect(input.warnings[0]).toEqual({ line: 8, message: expect.stringMatching(/^the header says 1 current entry but 3 flow records are shown/) });
    const { data: t } = read('format-table-genie-1.txt');
    expect(row(t.flows, 1)).toMatchObject({ src: '10.4.1.10', dst: '10.4.10.1', ports: [1, 1], proto: 89, bytes: 100, packets: 1 });
  });

  it('reads the cache header as facts: type, size, entries, high watermark, added, aged and why', () => {
    const { data } = read('encornotes-1.txt');
    expect(data.cache).toMatchObject({ type: 'Normal', size: 4096, currentEntries: 1, highWatermark: 1, flowsAdded: 4, flowsAged: 3 });
    expect(data.cache!.agedBy).toEqual({ 'Active timeout': 0, 'Inactive timeout': 3, 'Event aged': 0, 'Watermark aged': 0, 'Emergency aged': 0 });
    expect(data.pressure).toBeUndefined();
  });

  it('a record without a source address: counted, explained, no host', () => {
    const { input, hosts } = read('encornotes-1.txt');
    expect(input.warnings[0]).toEqual({ line: 17, message: expect.stringContaining('no source address') });
    expect(hosts).toEqual([]);
  });

  it('sort ... top N: no cache header, the selection read, and verdicts say the flows are a sample', () => {
    const { data, hosts } = read('sort-top-genie-1.txt');
    expect(data.cache).toBeUndefined();
    expect(data.selection).toEqual({ line: 1, processed: 1000, aggregated: 1000, shown: 5 });
    expect(hosts).toHaveLength(1);
    expect(hosts[0]!.reasons.join(' ')).toMatch(/all 5 flows come from the top 5 flows of a sorted show flow monitor cache, a sample/);
  });

  it('IPv6 records: IPv6 hosts in the hosts table, with their addresses as printed', () => {
    const { data, hosts } = read('genie-7-ipv6.txt');
    expect(data.flows.count).toBe(0);
    expect(data.flows6.flows.count).toBe(3);
    expect(hosts.map((h) => h.ip).sort()).toEqual(['2012:AA:1::1F', '2012:AA:1::20', '2012:AA:1::41']);
    expect(hosts.every((h) => h.interface === 'Tw2/0/2' && h.verdict === 'clean' && h.variant === 'unknown')).toBe(true);
  });

  it('an empty immediate cache says so itself: no extra warning', () => {
    const { data, input } = read('format-table-xogsblog-1.txt');
    expect(data.cache).toMatchObject({ type: 'Immediate', size: 4096, currentEntries: 0 });
    expect(input.warnings).toEqual([]);
  });
});

describe('show flow monitor NAME cache: constructed formats', () => {
  it('a full cache is a fact a rule can cite: current entries at the size, with the flows aged early', () => {
    const { data } = read('constructed-record-full-cache-avc.txt');
    expect(data.pressure).toEqual({ figure: 'current entries', value: 4096, size: 4096, line: 4, agedEarly: 26106 });
  });

  it('record and csv formats of the same 10 flows give the same flows and the same infected host', () => {
    const a = read('constructed-record-full-cache-avc.txt');
    const b = read('constructed-csv-code-red.txt');
    expect(a.input.records).toBe(10);
    expect(b.input.records).toBe(10);
    expect(b.data.format).toBe('csv');
    const strip = (hs: typeof a.hosts) => hs.map(({ ip, flows, destinations, verdict, failedFlows }) => ({ ip, flows, destinations, verdict, failedFlows }));
    expect(strip(a.hosts)).toEqual(strip(b.hosts));
    expect(a.hosts[0]).toMatchObject({ ip: '10.9.8.7', flows: 8, failedFlows: 8, verdict: 'infected', interface: 'Gi0/1' });
    // The AVC and connection fields are read past without a warning.
    expect(b.input.warnings).toEqual([]);
  });

  it('layer-2 records: recognised, explained, no host', () => {
    const { input, hosts, data } = read('constructed-layer2-only.txt');
    expect(input.records).toBe(2);
    expect(data.layer2Only).toBe(2);
    expect(input.warnings).toEqual([{ line: 9, message: expect.stringMatching(/^2 records carry MAC addresses only/) }]);
    expect(hosts).toEqual([]);
  });

  it('the filter form: the matched flows, not called a sample', () => {
    const { input, data, hosts } = read('constructed-filter.txt');
    expect(input).toMatchObject({ records: 2, warnings: [], command: 'show flow monitor WORM-MON cache filter transport destination-port 80' });
    expect(data.selection).toMatchObject({ matched: 2 });
    expect(hosts[0]!.reasons.join(' ')).not.toMatch(/sample/);
  });

  it('is recognised by the echo in any abbreviation, and by shape without it', () => {
    const body = fixture('constructed-filter.txt').split('\n').slice(1).join('\n');
    expect(diagnose([{ source: 'x', text: `R#sh flow mon name WORM-MON cach\n${body}` }]).inputs[0]!.kind).toBe('show flow monitor cache');
    expect(diagnose([{ source: 'x', text: body }]).inputs[0]!.kind).toBe('show flow monitor cache');
  });

  it('a stray line under a table is warned about by number, not taken as a record (fuzz, FUZZ_SEED=2044515821)', () => {
    // encornotes-1.txt: one record in a table; a line of other text after it lands in the address column.
    const lines = fixture('encornotes-1.txt').split('\n');
    const at = lines.length - 1;
    for (const stray of ['@@ a00', '~~ abc 42', '<<>> zz 10.0.0.1']) {
      const text = [...lines.slice(0, at), stray, ...lines.slice(at)].join('\n');
      const input = diagnose([{ source: 'x', text }]).inputs[0]!;
      expect(input.records).toBe(1);
      expect(input.warnings).toContainEqual({ line: at + 1, message: expect.stringContaining(stray) });
    }
    // The same under a csv table.
    const csv = fixture('constructed-csv-code-red.txt').split('\n');
    const end = csv.findLastIndex((l) => l.includes(',')) + 1;
    const before = diagnose([{ source: 'x', text: csv.join('\n') }]).inputs[0]!.records;
    const withStray = [...csv.slice(0, end), '@@ note, see ticket 42', ...csv.slice(end)].join('\n');
    const input = diagnose([{ source: 'x', text: withStray }]).inputs[0]!;
    expect(input.records).toBe(before);
    expect(input.warnings).toContainEqual({ line: end + 1, message: expect.stringContaining('@@ note') });
    // Addresses masked by hand are still addresses: the row is a record.
    const masked = [...lines.slice(0, at), '10.x.x.4                59           1', ...lines.slice(at)].join('\n');
    expect(diagnose([{ source: 'x', text: masked }]).inputs[0]!.records).toBe(2);
  });

  it('reports a line it cannot read with its number', () => {
    const text = `${fixture('constructed-filter.txt').replace('Matched 2 flows', '%% garbled ### line')}`;
    const w = diagnose([{ source: 'x', text }]).inputs[0]!.warnings;
    expect(w).toContainEqual({ line: 30, message: expect.stringContaining('garbled') });
    // The command typed a filter: the header's 42 entries against the 2 shown is the filter, not an edit.
    expect(w.map((x) => x.message).join(' ')).not.toMatch(/the header says 42 current entries/);
    // Without the echo (and without the "Matched" line) nothing says why: the gap is reported.
    const bare = diagnose([{ source: 'x', text: text.split('\n').slice(1).join('\n') }]).inputs[0]!.warnings;
    expect(bare).toContainEqual({ line: 3, message: expect.stringMatching(/^the header says 42 current entries but 2 flow records/) });
  });
});

describe('an infected IPv6 host (constructed)', () => {
  const recs = Array.from({ length: 8 }, (_, i) =>
    [
      'IPV6 SOURCE ADDRESS:       2001:DB8:10::66',
      `IPV6 DESTINATION ADDRESS:  2001:DB8:${(0x40 + i * 7).toString(16)}::${(i * 13 + 5).toString(16)}`,
      `TRNS SOURCE PORT:          ${3300 + i}`,
      'TRNS DESTINATION PORT:     80',
      'INTERFACE INPUT:           Gi0/1',
      'IP PROTOCOL:               6',
      `counter packets:           ${1 + (i % 2)}`,
      '',
    ].join('\n'),
  ).join('\n');
  const d = diagnose([{ source: 'v6', text: `R#show flow monitor V6 cache\n${recs}` }]);

  it('is judged by the same test, with no Code Red variant, and the remedy blocks it in an IPv6 list, never an IPv4 one', () => {
    expect(d.hosts[0]).toMatchObject({ ip: '2001:DB8:10::66', verdict: 'infected', variant: 'unknown', failedFlows: 8 });
    expect(d.hosts[0]!.reasons).toContain('an IPv6 source: Code Red and Code Red II pick only IPv4 targets, so no variant is given');
    // Nor any worm: every one profiled here generates IPv4 targets (the TCP/80 call named Code Red before).
    expect(d.hosts[0]!.worm).toBe('unknown');
    expect(d.hosts[0]!.reasons.join(' ')).not.toMatch(/fit Code Red|Nimda \(/);
    expect(d.hosts[0]!.reasons.at(-1)).toMatch(/^no worm profiled here sweeps IPv6 \(Code Red, Code Red II, Nimda, .*Mirai all pick IPv4 targets\)/);
    expect(d.findings.find((x) => x.id === 'scanning-host')!.remedy.summary).not.toContain('Variant:');
    const f = d.findings.find((x) => x.id === 'scanning-host')!;
    // No IPv4 step and no IPv4 alternative (a broad IPv4 deny would stop the interface's IPv4 web, not this scan).
    expect(f.remedy.alternatives ?? []).toEqual([]);
    expect(f.remedy.commands.join('\n')).not.toMatch(/^access-list |ip access-group/m);
    // The host's entry goes into the interface's IPv6 list, in front of any there (plan/ipv6.test.ts has the cases).
    expect(d.plans![0]!.steps.flatMap((s) => s.commands)).toContain(' deny tcp host 2001:DB8:10::66 any eq www sequence 1');
    expect(f.remedy.caveats.join(' ')).toMatch(/in front of any IPv6 list already there, never replacing it/);
  });
});

describe('connection records (constructed)', () => {
  it('client as source, server as destination and port, the client counters as the flow', () => {
    const { input, data } = read('constructed-connection-record.txt');
    expect(input).toMatchObject({ records: 2, warnings: [] });
    expect(row(data.flows, 0)).toMatchObject({ src: '10.9.8.7', dst: '93.243.39.102', proto: 6, ports: [-1, 80], packets: 2, bytes: 96 });
    expect(row(data.flows, 1)).toMatchObject({ src: '10.9.8.20', packets: 12, bytes: 6200 });
  });
});

describe('a full cache that could not add flows (a real capture: genieparser, an SD-WAN router)', () => {
  it('reads "Flows not added" as the header\'s (it was read as a record without a source), and keeps it with the pressure', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'field', 'genie-filter-full-cache-udp80.txt'), 'utf8');
    const d = diagnoseDetailed([{ source: 'fnf', text }]);
    expect(d.diagnosis.inputs[0]).toMatchObject({ kind: 'show flow monitor cache', records: 3, warnings: [] });
    const data = (d.sections[0] as SectionOf<'show flow monitor cache'>).data;
    expect(data.cache).toMatchObject({ size: 1000000, highWatermark: 1003016, flowsNotAdded: 64898686427 });
    expect(data.pressure).toMatchObject({ figure: 'high watermark', agedEarly: 116086000, notAdded: 64898686427 });
    expect(Array.from(data.flows.dstPort.subarray(0, 3))).toEqual([80, 80, 80]);
  });
});

describe('a record-format cache double-spaced, as a web page or a mail renders it (a blank line after every line)', () => {
  const facts = (text: string) => {
    const d = diagnoseDetailed([{ source: 'fnf', text }]);
    const s = d.sections.find((x) => x.kind === 'show flow monitor cache') as SectionOf<'show flow monitor cache'> | undefined;
    const f = s?.data.flows;
    return { records: d.diagnosis.inputs.find((i) => i.kind === 'show flow monitor cache')?.records, src: f ? Array.from(f.src.subarray(0, f.count)) : [], dst: f ? Array.from(f.dst.subarray(0, f.count)) : [], hosts: d.diagnosis.hosts.map((h) => [h.ip, h.verdict]) };
  };

  it.each(['format-record-genie-1.txt', 'constructed-record-full-cache-avc.txt', 'field/genie-layer2-vlan.txt', 'field/genie-filter-full-cache-udp80.txt', 'field/genie-trustsec-drop.txt', 'field/genie-connection-http.txt'])('%s reads the same records and verdicts', (name) => {
    const text = fixture(name);
    const want = facts(text);
    expect(want.records).toBeGreaterThan(1);
    const spaced = text.split(/\r?\n/).map((l) => `${l}\n`).join('\n');
    expect(facts(spaced)).toEqual(want);
  });

  it.each(['field/genie-fnf-table-ospf.txt', 'field/genie-sort-transport-wide.txt', 'format-table-genie-1.txt', 'genie-4.txt', 'field/genie-sort-ipv6-table.txt'])('%s as a table, double-spaced (a blank line between its header and its rule too), reads the same', (name) => {
    const text = fixture(name);
    const want = facts(text);
    expect(want.records).toBeGreaterThan(0);
    const spaced = text.split(/\r?\n/).map((l) => `${l}\n`).join('\n');
    expect(facts(spaced)).toEqual(want);
    const paste: Paste = { source: 'fnf', text: '' };
    registerPrescan(paste, prescanBytes(new Uint8Array(Buffer.from(spaced, 'utf8'))));
    expect(JSON.stringify(diagnose([paste]))).toBe(JSON.stringify(diagnose([{ source: 'fnf', text: spaced }])));
  });

  it('a real double-spaced capture (genieparser) is one record, as shown', () => {
    expect(facts(fixture('field/genie-sort-double-spaced.txt')).records).toBe(1);
  });
});

describe('a cache shown through a filter typed with the command', () => {
  it('counts what the filter shows without calling the paste trimmed (genieparser: cache filter ... format table, 1 of 5)', () => {
    const text = fixture('field/genie-s1-filter-cts-table.txt');
    const [input] = diagnose([{ source: 'fnf', text }]).inputs;
    expect(input!.records).toBe(1);
    expect(input!.warnings.map((w) => w.message).join(' ')).not.toContain('trimmed or edited');
    // The same output with no command echoed: the header's count against one row is worth saying.
    const bare = diagnose([{ source: 'fnf', text: text.split('\n').slice(1).join('\n') }]).inputs[0]!;
    expect(bare.warnings.map((w) => w.message).join(' ')).toContain('trimmed or edited');
  });
});

describe('a record format cache with a blank line inside a record (a pager mark left on a line of its own, a stray blank)', () => {
  const RECORD_CAPTURES = [
    'genie-1.txt', 'format-record-genie-1.txt', 'genie-7-ipv6.txt', 'constructed-connection-record.txt', 'constructed-record-full-cache-avc.txt',
    'field/genie-layer2-vlan.txt', 'field/genie-filter-full-cache-udp80.txt', 'field/genie-record-intf-output-fw.txt', 'field/genie-connection-http.txt',
    'field/genie-trustsec-drop.txt', 'field/genie-filter-intf-top2-record.txt',
  ];
  const TAIL_WARNING = /^fields with no address after a blank line \(lines \d+-\d+\), the rest of the record above it/;
  const facts = (text: string) => {
    const d = diagnoseDetailed([{ source: 'fnf', text }]);
    const s = d.sections.find((x) => x.kind === 'show flow monitor cache') as SectionOf<'show flow monitor cache'> | undefined;
    const input = d.diagnosis.inputs.find((i) => i.kind === 'show flow monitor cache')!;
    const f = s!.data.flows;
    const f6 = s!.data.flows6.flows;
    return {
      records: input.records,
      warnings: input.warnings.map((w) => w.message),
      flows: Array.from({ length: f.count }, (_, i) => [f.src[i], f.dst[i], f.srcPort[i], f.dstPort[i], f.proto[i], f.packets[i]]),
      flows6: f6.count,
      hosts: d.diagnosis.hosts.map((h) => [h.ip, h.verdict, h.flows]),
    };
  };
  /** The capture's lines with `extra` put after line k (1-based; the fixture's own line ends kept). */
  const insertAfter = (text: string, k: number, extra: string) => {
    const lines = text.split('\n');
    const eol = lines[0]!.endsWith('\r') ? '\r' : '';
    lines.splice(k, 0, extra + eol);
    return lines.join('\n');
  };

  for (const name of RECORD_CAPTURES) {
    it(`${name}: a blank line or a pager mark after any field line reads the same records, flows and verdicts`, () => {
      const text = fixture(name);
      const want = facts(text);
      const lines = text.split('\n');
      let tried = 0;
      for (let k = 1; k < lines.length; k++) {
        // After a field line that another field line follows (a record's inside, where a pager mark may fall).
        const isField = (l: string | undefined) => l !== undefined && /^[A-Za-z][\w .\/()-]*:\s/.test(l) && !/^\s/.test(l);
        if (!isField(lines[k - 1]) || !isField(lines[k])) continue;
        for (const extra of ['', ' --More-- ']) {
          tried++;
          const got = facts(insertAfter(text, k, extra));
          const at = `blank after line ${k} (${JSON.stringify(extra)})`;
          expect(got.records, at).toBe(want.records);
          expect(got.flows6, at).toBe(want.flows6);
          // A tail cut off a whole record (its source and packets above the blank) is reported: its values are not read.
          const tail = got.warnings.filter((w) => TAIL_WARNING.test(w));
          expect(got.warnings.filter((w) => !TAIL_WARNING.test(w)), at).toEqual(want.warnings);
          if (tail.length === 0) expect(got.flows, at).toEqual(want.flows);
          else expect(got.flows.map((f) => f.slice(0, 2)), at).toEqual(want.flows.map((f) => f.slice(0, 2)));
          expect(got.hosts, at).toEqual(want.hosts);
          // Read as a big file is (its plain records from bytes, core/big-paste/fnf-records.ts): the same diagnosis.
          const variant = insertAfter(text, k, extra);
          const paste: Paste = { source: 'fnf', text: '' };
          registerPrescan(paste, prescanBytes(new Uint8Array(Buffer.from(variant, 'utf8'))));
          expect(JSON.stringify(diagnose([paste])), at).toBe(JSON.stringify(diagnose([{ source: 'fnf', text: variant }])));
        }
      }
      expect(tried).toBeGreaterThan(10);
    });
  }

  it('genie-1 with " --More-- " on its own line after line 23 (terminal length 24): one record, its counters kept, no warning', () => {
    const got = facts(insertAfter(fixture('genie-1.txt'), 23, ' --More-- '));
    expect(got).toMatchObject({ records: 1, warnings: [], flows: [[expect.any(Number), expect.any(Number), 1, 100, 6, 2767]] });
  });

  it('layer-2 records cut after their MAC lines: the head is no record with MAC addresses only', () => {
    const text = fixture('field/genie-layer2-vlan.txt');
    const got = facts(insertAfter(text, text.split('\n').indexOf('DATALINK MAC SOURCE ADDRESS INPUT:       0011.0000.0010') + 1, ' --More-- '));
    expect(got.records).toBe(10);
    expect(got.warnings.join(' ')).not.toMatch(/MAC addresses only|no source address|no packet counter/);
  });

  it('a tail with a counter cut off a whole record is reported by its lines, not read as a record with no source', () => {
    const text = fixture('constructed-record-full-cache-avc.txt');
    const k = text.split('\n').findIndex((l) => l.startsWith('counter packets:')) + 1;
    const got = facts(insertAfter(text, k, ' --More-- '));
    expect(got.records).toBe(10);
    expect(got.warnings.filter((w) => TAIL_WARNING.test(w))).toHaveLength(1);
    expect(got.warnings.join(' ')).not.toMatch(/no source address|no packet counter/);
  });

  it('IOS XR\'s date line under the prompt opens no record (it looked like a key: "Sat Dec  6 06")', () => {
    const body = fixture('genie-1.txt').split('\n').slice(1).join('\n');
    const text = `RP/0/RSP0/CPU0:rtr-1#show flow monitor VXLAN_FLOW_MONITOR_V4_IN cache\nSat Dec  6 06:30:01.123 UTC\n${body}`;
    const got = facts(text);
    expect(got).toMatchObject({ records: 1, warnings: [] });
    expect(got.flows).toEqual(facts(fixture('genie-1.txt')).flows);
  });

  it('two blank lines still end a record (the fields after them, no address among them, are reported unread)', () => {
    const got = facts(insertAfter(insertAfter(fixture('genie-1.txt'), 23, ''), 23, ''));
    expect(got.records).toBe(1);
    expect(got.warnings).toEqual([
      expect.stringMatching(TAIL_WARNING),
      expect.stringMatching(/^the flow record has no packet counter/),
    ]);
  });

  it('a key seen again still starts a record, with or without the blank line between records', () => {
    const text = fixture('format-record-genie-1.txt');
    const want = facts(text);
    expect(want.records).toBe(3);
    expect(facts(text.replace(/\n\n(?=[A-Z])/g, '\n'))).toMatchObject({ records: 3, flows: want.flows });
  });
});

describe('a cache the paste stops inside (its last row or record cut off)', () => {
  /** The capture with its last row cut `keep` characters in, and no line end after it (a copy cut short). */
  const cutLast = (text: string, keep: (row: string) => number) => {
    const lines = text.replace(/\r?\n$/, '').split('\n');
    const row = lines[lines.length - 1]!;
    lines[lines.length - 1] = row.slice(0, keep(row)).trimEnd();
    return lines.join('\n');
  };
  const outcome = (text: string) => {
    const d = diagnoseDetailed([{ source: 'fnf', text }]);
    const s = d.sections.find((x) => x.kind === 'show flow monitor cache') as SectionOf<'show flow monitor cache'>;
    const input = d.diagnosis.inputs.find((i) => i.kind === 'show flow monitor cache')!;
    return { records: input.records, warnings: input.warnings, flows: s.data.flows };
  };
  /** Read as a big file is (table rows and records from bytes): the same diagnosis as the text's. */
  const sameViaBytes = (text: string) => {
    const paste: Paste = { source: 'fnf', text: '' };
    registerPrescan(paste, prescanBytes(new Uint8Array(Buffer.from(text, 'utf8'))));
    expect(JSON.stringify(diagnose([paste]))).toBe(JSON.stringify(diagnose([{ source: 'fnf', text }])));
  };
  const CUT = /^the paste ends inside this row \(no line end after it, and shorter than the rows' layout\): cut, not read: /;

  it('a table row cut after its two addresses (genie OSPF table) is reported as cut, not read as a flow with no ports', () => {
    const text = cutLast(fixture('field/genie-fnf-table-ospf.txt'), () => 34);
    const got = outcome(text);
    expect(got.records).toBe(2);
    expect(got.warnings[0]).toEqual({ line: 15, message: expect.stringMatching(CUT) });
    sameViaBytes(text);
  });

  it('a wide table row cut inside its IP TTL column (genie sort transport) is reported as cut', () => {
    const text = cutLast(fixture('field/genie-sort-transport-wide.txt'), (r) => Math.floor(r.length / 2));
    const got = outcome(text);
    expect(got.records).toBe(4);
    expect(got.warnings).toEqual([{ line: 11, message: expect.stringMatching(CUT) }]);
    sameViaBytes(text);
  });

  it('a whole last row with no line end after it is read; a short one with a line end after it is read as printed', () => {
    const ospf = fixture('field/genie-fnf-table-ospf.txt');
    expect(outcome(ospf.trimEnd()).records).toBe(3);
    expect(outcome(`${cutLast(ospf, () => 34)}\n`).records).toBe(3);
    sameViaBytes(ospf.trimEnd());
  });

  it('a csv row cut before its last field is reported as cut', () => {
    const text = cutLast(fixture('constructed-csv-code-red.txt'), (r) => r.lastIndexOf(','));
    const got = outcome(text);
    expect(got.records).toBe(9);
    expect(got.warnings.map((w) => w.message)).toEqual([expect.stringMatching(CUT), expect.stringMatching(/^the header says 10 current entries but 9/)]);
    sameViaBytes(text);
  });

  it('a record the paste ends inside (its packet counter cut off) is reported as cut, not blamed on the flow record', () => {
    const text = fixture('format-record-genie-1.txt');
    const lines = text.split('\n');
    const at = lines.map((l) => l.startsWith('counter packets')).lastIndexOf(true);
    for (const cut of [lines.slice(0, at).join('\n'), `${lines.slice(0, at).join('\n')}\n\n`, lines.slice(0, at - 3).join('\n')]) {
      const got = outcome(cut);
      expect(got.records).toBe(2);
      expect(got.warnings.map((w) => w.message)).toEqual([
        expect.stringMatching(/^the paste ends inside this record \(lines 33-\d+\): its packet count and what follows are cut off, not read$/),
        expect.stringMatching(/^the header says 3 current entries but 2 flow records are shown/),
      ]);
      sameViaBytes(cut);
    }
    // Cut before its source address: no record "with no source address" either.
    const head = lines.slice(0, lines.findIndex((l, i) => i > 30 && l.startsWith('IPV4 SOURCE'))).join('\n');
    expect(outcome(head).warnings.map((w) => w.message).join(' ')).not.toMatch(/no source address|no packet counter/);
  });

  it('a cache whose records never count packets still says so (the records above have no packet count either)', () => {
    const text = fixture('format-record-genie-1.txt').replace(/^counter packets.*\n/gm, '');
    const got = outcome(text);
    expect(got.records).toBe(3);
    expect(got.warnings.map((w) => w.message).join(' ')).toMatch(/the flow record has no packet counter: 3 flows/);
  });
});
