// Repeated snapshots of one command (snapshots.ts): one finding a router, from the worst snapshot, saying how many
// there were and what the last one pasted showed; two routers in one log still get one finding each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8').trimEnd();
const findings = (id: string, text: string) => {
  const d = diagnose([{ source: 'log.txt', text }]);
  for (const i of d.inputs) expect(i.kind).not.toBe('unknown');
  return d.findings.filter((f) => f.id === id);
};
const lines = (text: string) => text.split('\n');

describe('repeated snapshots', () => {
  it('high-cpu-interrupt: three snapshots, two over the threshold: one finding from the highest, the last one quoted too', () => {
    const one = fixture('technote-cpu-interrupt.txt');
    const text = [one, one.replace('99%/98%', '60%/45%'), one.replace('99%/98%', '30%/5%')].join('\n');
    const fs = findings('high-cpu-interrupt', text);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.title).toBe(
      'CPU at 99% with 98% at interrupt level; the highest of 3 snapshots (2 over the threshold), the last one pasted: 30%/5%; top processes: IP Input 0.57%, ARP Input 0.32%, CEF process 0.08%',
    );
    const last = lines(text).lastIndexOf(lines(text).find((l) => l.includes('30%/5%'))!) + 1;
    expect(fs[0]!.evidence.map((e) => e.line)).toEqual([2, 9, 8, 10, last]);
    expect(fs[0]!.severity).toBe('critical');
  });

  it('high-cpu-interrupt: one snapshot says nothing of snapshots; all under the threshold stay silent', () => {
    const one = fixture('technote-cpu-interrupt.txt');
    expect(findings('high-cpu-interrupt', one)[0]!.title).not.toContain('snapshot');
    expect(findings('high-cpu-interrupt', [one.replace('99%/98%', '30%/5%'), one.replace('99%/98%', '35%/20%')].join('\n'))).toEqual([]);
  });

  it('high-cpu-interrupt: two routers in one log (their prompts) get one finding each', () => {
    const one = fixture('technote-cpu-interrupt.txt');
    const text = [one.replace('Router#', 'R1#'), one.replace('Router#', 'R2#').replace('99%/98%', '80%/60%'), one.replace('Router#', 'R1#')].join('\n');
    const fs = findings('high-cpu-interrupt', text);
    expect(fs.map((f) => f.title.slice(0, 40))).toEqual(['CPU at 99% with 98% at interrupt level; ', 'CPU at 80% with 60% at interrupt level; ']);
    expect(fs[0]!.title).toContain('the highest of 2 snapshots, the last one pasted: 99%/98%');
    expect(fs[1]!.title).not.toContain('snapshot');
  });

  it('hybridge-input-cpu: the busiest of three, the last one quoted', () => {
    const one = fixture('technote-cpu-hybridge.txt');
    const text = [one, one.replace('52.45% 49.80%', '61.00% 58.00%'), one].join('\n');
    const fs = findings('hybridge-input-cpu', text);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.title).toBe('HyBridge Input at 61% (5 s) / 58% (1 min); the highest of 3 snapshots, the last one pasted: 52.45% (5 s)');
    expect(fs[0]!.evidence.map((e) => e.text)).toEqual([expect.stringContaining('61.00%'), expect.stringContaining('52.45%')]);
  });

  it('mallocfail: the snapshot with the least free processor memory, the last one quoted', () => {
    const one = fixture('technote-memory-summary-low.txt');
    const text = [one.replace('1621632', '3000000'), one, one.replace('1621632', '9000000')].join('\n');
    const fs = findings('mallocfail', text);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.title).toMatch(/^Processor memory low: 1\.5 MB free of 89\.3 MB.*; the lowest of 3 snapshots \(2 over the threshold\), the last one pasted: 8\.6 MB free$/);
    expect(fs[0]!.evidence.map((e) => e.text)).toEqual([expect.stringContaining('1621632'), expect.stringContaining('9000000')]);
  });

  it('arp-input-memory: the snapshot where ARP Input holds the most, the last one quoted', () => {
    const one = fixture('technote-procmem-arp-input.txt');
    const text = [one, one.replace('9876540', '12876540'), one].join('\n');
    const fs = findings('arp-input-memory', text);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.title).toMatch(/^ARP Input holds 12\.3 MB .*; the highest of 3 snapshots, the last one pasted: 9\.4 MB$/);
    expect(fs[0]!.evidence.map((e) => e.text)).toEqual([expect.stringContaining('12876540'), expect.stringContaining('9876540')]);
  });

  it('console-logging-flushes: the snapshot with the most, the last one quoted', () => {
    const one = fixture('technote-logging-flushes.txt');
    const text = [one.replace('1873 flushes', '900 flushes'), one, one.replace('1873 flushes', '1800 flushes')].join('\n');
    const fs = findings('console-logging-flushes', text);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.title).toBe('Console logging at level debugging with 1873 flushes; the highest of 3 snapshots, the last one pasted: 1800 flushes');
  });

  it('arp-table-explosion: one finding an interface and MAC, and one for incomplete entries, from the largest table', () => {
    const proxy = fixture('constructed-arp-proxy-explosion.txt');
    const fewer = lines(proxy).slice(0, -20).join('\n');
    const fs = findings('arp-table-explosion', [proxy, fewer].join('\n'));
    expect(fs).toHaveLength(1);
    expect(fs[0]!.title).toBe('321 ARP entries on Vlan3 resolve to one MAC, 0030.94f2.8a41; the largest of 2 snapshots, the last one pasted: 301 entries');
    const inc = fixture('constructed-arp-incomplete.txt');
    expect(findings('arp-table-explosion', [inc, inc].join('\n')).map((f) => f.title)).toEqual([
      '300 incomplete ARP entries: the router ARPs for destinations nobody answers; the largest of 2 snapshots, the last one pasted: 300 incomplete',
    ]);
  });

  it('mls-flowmask-hides-sources: the mask is a setting: one finding a paste and table, however often pasted', () => {
    const one = fixture('mls-ip-destination-only.txt');
    expect(findings('mls-flowmask-hides-sources', [one, one, one].join('\n'))).toHaveLength(1);
  });
});
