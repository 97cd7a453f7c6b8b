// MLS NetFlow entries held in locals while they wait for their counters line: for any table, what the reading with an
// object an entry gave (the model below, the reader as it was): flows, interfaces, counts, warnings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../types';
import { ipToInt, unreadLine } from '../../text/lines';
import { FlowTableBuilder } from '../flow-table';
import type { Section } from '../parser-types';
import { isExecPromptTimestamp } from './exec-prompt-timestamp';
import { COUNTERS, ENTRY, OTHER, readMlsNetflow, TOTAL } from './mls-netflow-blocks';
import { isAbsent, portNumber, protocolNumber } from './mls-protocol-port-names';

const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 200;
const SEED = Number(process.env.FUZZ_SEED) || 20261205;

// ---- The model: readMlsNetflow before 2026-12-05, its expressions copied. ----
// (Its line patterns are the reader's own, unchanged: only the walk over the lines is the old one.)
function model(section: Section, warnings: Warning[]) {
  const b = new FlowTableBuilder(Math.max(16, (section.to - section.from) >> 1));
  const out: { entries: number; sourcesPresent: boolean; destinationOnlyLines: number[]; reportedEntries?: number } = { entries: 0, sourcesPresent: true, destinationOnlyLines: [] };
  let open: { src: number; dst: number; proto?: number; srcPort?: number; dstPort?: number; srcIf?: string; line: number } | undefined;
  const close = (why?: string) => {
    if (open && why) warnings.push({ line: open.line, message: why });
    open = undefined;
  };
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    if (line.trim() === '') continue;
    const e = ENTRY.exec(line);
    if (e) {
      close('MLS NetFlow entry without its counters line: not counted');
      const dst = ipToInt(e[1]!);
      const src = e[2] === '0.0.0.0' ? 0 : ipToInt(e[2]!);
      const proto = protocolNumber(e[3]);
      const srcPort = portNumber(e[4]);
      const dstPort = portNumber(e[5]);
      if (dst < 0 || src < 0) warnings.push(unreadLine(i, line, 'MLS NetFlow entry with an invalid address'));
      else if (proto === null || srcPort === null || dstPort === null) warnings.push(unreadLine(i, line, 'MLS NetFlow entry with a protocol or port name not known'));
      else {
        open = { src, dst, line: i + 1, ...(isAbsent(e[6]) ? {} : { srcIf: e[6] }) };
        if (proto !== undefined) Object.assign(open, { proto, srcPort, dstPort });
      }
      continue;
    }
    const c = COUNTERS.exec(line);
    if (c && open) {
      const o = open;
      open = undefined;
      out.entries++;
      if (o.src === 0) out.destinationOnlyLines.push(o.line);
      b.add({ srcIf: o.srcIf, src: o.src, dst: o.dst, proto: o.proto, srcPort: o.srcPort, dstPort: o.dstPort, packets: +c[1]!, bytes: +c[2]!, line: o.line });
      continue;
    }
    const t = TOTAL.exec(line);
    if (t) {
      out.reportedEntries = +t[1]!;
      continue;
    }
    if (OTHER.some((re) => re.test(line)) || isExecPromptTimestamp(line)) continue;
    warnings.push(unreadLine(i, line));
  }
  close('MLS NetFlow entry without its counters line: not counted');
  out.sourcesPresent = !(out.entries > 0 && out.destinationOnlyLines.length === out.entries);
  return { ...out, flows: b.finish() };
}
// ---- end of the model ----

const addr = fc.oneof({ weight: 6, arbitrary: fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.')) }, { weight: 1, arbitrary: fc.constantFrom('0.0.0.0', '999.1.1.1') });
const word = fc.constantFrom('tcp', 'udp', 'icmp', '0', '6', '17', '300', '-', '--', 'TCP', 'bogus');
const port = fc.constantFrom('www', 'domain', '80', '3311', '0', '-', '70000', 'nosuch', 'WWW');
const iface = fc.constantFrom('Fa1/1', 'Vl10', 'Gi2/1', '-', '', 'Po1', 'Vl10');
const entry = fc.tuple(addr, addr, word, port, port, iface, fc.constantFrom(':0x0', ':12', ':--', ':0x1F')).map(([d, s, p, sp, dp, i, adj]) => `${d.padEnd(16)}${s.padEnd(16)}${p} :${sp.padEnd(6)}:${dp.padEnd(10)}${i.padEnd(16)}${adj}`);
const counters = fc.tuple(fc.nat(100000), fc.nat(10000000), fc.nat(99)).map(([pk, by, age]) => `${String(pk).padEnd(13)}${String(by).padEnd(14)}${String(age).padEnd(6)}11:47:08  L3 - Dynamic`);
const other = fc.constantFrom('', 'Displaying Netflow entries in Supervisor Earl', 'Pkts         Bytes         Age   LastSeen  Attributes', '---------', 'Number of entries found = 12', 'junk here', '1 2 3');
const line = fc.oneof({ weight: 4, arbitrary: entry }, { weight: 4, arbitrary: counters }, { weight: 1, arbitrary: other });

let flowsSeen = 0;

describe('MLS NetFlow entries read with locals', () => {
  it('reads any table as the reader with an object an entry did', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (ls) => {
        const lines = ['Router#show mls netflow ip', ...ls];
        const s: Section = { lines, from: 0, to: lines.length };
        const wantWarnings: Warning[] = [];
        const want = model(s, wantWarnings);
        flowsSeen += want.flows.count;
        const gotWarnings: Warning[] = [];
        const got = readMlsNetflow(s, gotWarnings);
        expect({ ...got, flows: { ...got.flows, ifNames: [...got.flows.ifNames] } }).toEqual({ ...want, flows: { ...want.flows, ifNames: [...want.flows.ifNames] } });
        expect(gotWarnings).toEqual(wantWarnings);
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
    expect(flowsSeen).toBeGreaterThan(RUNS);
  });
});
