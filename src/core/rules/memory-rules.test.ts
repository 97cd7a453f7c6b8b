import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';

const read = (name: string) => ({ source: name, text: readFileSync(join(__dirname, 'fixtures', name), 'utf8') });
// Every fixture must be read as the command it is: a silent rule on an unread capture would prove nothing.
const run = (names: string[], answers: Record<string, string> = {}) => {
  const d = diagnose(names.map(read), answers);
  for (const i of d.inputs) expect(i.kind, i.source).not.toBe('unknown');
  return d.findings;
};
const one = (id: string, names: string[], answers: Record<string, string> = {}) => run(names, answers).filter((f) => f.id === id);

describe('arp-input-memory', () => {
  it('fires when ARP Input holds most of the memory; without the config it clears the ARP cache and asks for the routes', () => {
    const [f] = one('arp-input-memory', ['technote-procmem-arp-input.txt']);
    expect(f!).toMatchObject({ severity: 'critical', title: 'ARP Input holds 9.4 MB (56% of the memory processes hold)' });
    expect(f!.evidence).toEqual([{ source: 'technote-procmem-arp-input.txt', line: 10, text: '12   0   48213644   38337104    9876540          0          0 ARP Input' }]);
    expect(f!.remedy.commands).toEqual(['clear arp-cache']);
    expect(f!.remedy.caveats[0]).toContain('show running-config | include ip route');
  });

  it('stays silent on a real router where ARP Input holds 66 KB', () => {
    expect(one('arp-input-memory', ['procmem-genie-1.txt'])).toEqual([]);
  });

  it('stays silent on the tech note\'s `| include CEF` output (no ARP Input line)', () => {
    expect(one('arp-input-memory', ['seed-procmem-include-cef.txt'])).toEqual([]);
  });

  it('answers alone (ARP Input busy, memory low) give an info naming show processes memory', () => {
    const [f] = one('arp-input-memory', [], { 'cpu-process': 'arp-input', memory: 'low' });
    expect(f!).toMatchObject({ severity: 'info', evidence: [] });
    expect(f!.remedy.commands[0]).toBe('show processes memory | include ARP Input');
    expect(one('arp-input-memory', ['procmem-genie-1.txt'], { 'cpu-process': 'arp-input', memory: 'low' })).toEqual([]);
  });
});

describe('arp-table-explosion', () => {
  it('fires on hundreds of addresses behind one MAC on Vlan3', () => {
    const [f] = one('arp-table-explosion', ['constructed-arp-proxy-explosion.txt']);
    expect(f!).toMatchObject({ severity: 'warning', title: '321 ARP entries on Vlan3 resolve to one MAC, 0030.94f2.8a41' });
    expect(f!.evidence).toHaveLength(6);
    expect(f!.remedy.commands).toEqual(['clear arp-cache']);
    expect(f!.remedy.caveats.join(' ')).toContain('no ip proxy-arp');
  });

  it('reads a table of tens of thousands of entries behind one MAC (a worm scanning through proxy ARP) whole', () => {
    // The constructed capture's rows, its first address's last octets counted up to 40,000 entries. Until 2026-12-04
    // the rule copied its list of entries at every entry: this table took 11 s (about 50 ms now).
    const lines = readFileSync(join(__dirname, 'fixtures', 'constructed-arp-proxy-explosion.txt'), 'utf8').split('\n');
    const row = lines.find((l) => /^Internet\s+\d/.test(l) && l.includes('0030.94f2.8a41'))!;
    const addr = row.split(/\s+/)[1]!;
    const rows = Array.from({ length: 40_000 }, (_, i) => row.replace(addr, `10.${100 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`));
    const text = [...lines.filter((l) => !/^Internet\s/.test(l)), ...rows].join('\n');
    const d = diagnose([{ source: 'big-arp.txt', text }]);
    const [f] = d.findings.filter((x) => x.id === 'arp-table-explosion');
    expect(f!.title).toMatch(/^40000 ARP entries on Vlan3 resolve to one MAC, 0030\.94f2\.8a41$/);
  });

  it('stays silent on a real ARP table of a handful of entries with no config to compare against', () => {
    expect(one('arp-table-explosion', ['arp-marius-3.txt'])).toEqual([]);
    expect(one('arp-table-explosion', ['arp-marius-2.txt'])).toEqual([]);
  });
});

describe('mallocfail', () => {
  it('fires critical on %SYS-2-MALLOCFAIL lines, quoting them', () => {
    const [f] = one('mallocfail', ['technote-logging-mallocfail.txt']);
    expect(f!).toMatchObject({ severity: 'critical', title: '2 %SYS-2-MALLOCFAIL messages in the log' });
    expect(f!.evidence.map((e) => e.line)).toEqual([9, 14]);
    expect(f!.evidence[0]!.text).toContain('%SYS-2-MALLOCFAIL: Memory allocation of 65536 bytes failed');
  });

  it('names the largest holders when show processes memory is pasted too', () => {
    const [f] = one('mallocfail', ['technote-logging-mallocfail.txt', 'technote-procmem-arp-input.txt']);
    expect(f!.remedy.summary).toContain('Largest holders now: ARP Input 9.4 MB');
  });

  it('warns on little free processor memory in show memory summary', () => {
    const [f] = one('mallocfail', ['technote-memory-summary-low.txt']);
    expect(f!).toMatchObject({ severity: 'warning', title: 'Processor memory low: 1.5 MB free of 89.3 MB, largest block 0.4 MB' });
  });

  it('stays silent on logs without MALLOCFAIL and on a healthy memory summary', () => {
    expect(one('mallocfail', ['seed-logging.txt', 'logging-ccna60d-1.txt', 'memory-summary-full.txt'])).toEqual([]);
  });

  it('answers: MALLOCFAIL is a warning, low memory an info; pasted output overrules', () => {
    expect(one('mallocfail', [], { memory: 'mallocfail' })[0]!.severity).toBe('warning');
    expect(one('mallocfail', [], { memory: 'low' })[0]!.severity).toBe('info');
    expect(one('mallocfail', [], { memory: 'normal' })).toEqual([]);
    expect(one('mallocfail', ['memory-summary-full.txt'], { memory: 'low' })).toEqual([]);
  });
});
