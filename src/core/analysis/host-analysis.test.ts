// What analyseFanOut hands on per host (verdict.ts's judge, fan-out.ts's last loop): cheap for the many clean hosts,
// the same words and order as before.
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed, toPublicHost } from '../diagnose';
import { ownHost } from './clean-hosts';
import { mulberry32 } from '../proof/mulberry32';
import { interfaceCounts } from './verdict';

interface Row {
  src: string;
  dst: string;
  pkts: number;
  srcIf?: string;
  dstIf?: string;
  dport?: string;
}
const paste = (rows: Row[]) =>
  [
    'Router#show ip cache flow',
    'SrcIf SrcIPaddress DstIf DstIPaddress Pr SrcP DstP Pkts',
    ...rows.map((r) => `${r.srcIf ?? 'Fa0/0'} ${r.src} ${r.dstIf ?? 'Vl3'} ${r.dst} 06 1000 ${r.dport ?? '0050'} ${r.pkts}`),
    '',
  ].join('\n');
const hostsOf = (rows: Row[]) => diagnoseDetailed([{ source: 'p.txt', text: paste(rows) }]).hosts;

describe('per-host analysis', () => {
  it('a source on one interface has no Map: its name and flows are on the host; one on several has its Map', () => {
    const hosts = hostsOf([
      { src: '20.1.1.1', dst: '9.9.9.9', pkts: 9, srcIf: 'Fa0/1' },
      { src: '20.1.1.1', dst: '9.9.9.8', pkts: 9, srcIf: 'Fa0/1' },
      { src: '20.1.1.2', dst: '9.9.9.9', pkts: 9, srcIf: 'Fa0/1' },
      { src: '20.1.1.2', dst: '9.9.9.7', pkts: 9, srcIf: 'Fa0/2' },
      { src: '20.1.1.2', dst: '9.9.9.6', pkts: 9, srcIf: 'Fa0/2' },
    ]);
    const one = hosts.find((h) => h.ip === '20.1.1.1')!;
    expect(one.interfaces).toBeUndefined();
    expect(one).toMatchObject({ interface: 'Fa0/1', interfaceFlows: 2 });
    expect([...interfaceCounts(one)]).toEqual([['Fa0/1', 2]]);
    const two = hosts.find((h) => h.ip === '20.1.1.2')!;
    expect([...two.interfaces!]).toEqual([['Fa0/1', 1], ['Fa0/2', 2]]);
    expect(two).toMatchObject({ interface: 'Fa0/2', interfaceFlows: 2 });
    // Its Map (a clean source's, made afresh at each read).
    expect(interfaceCounts(two)).toEqual(two.interfaces);
    expect(two.reasons).toEqual(['3 answered and 0 unanswered first contacts: no scanning pattern', 'arrives on 2 interfaces: Fa0/2 (2), Fa0/1 (1)']);
  });

  it('clean hosts get the same words as ever: answered and unanswered, not counted failures, no first contacts, inbound', () => {
    const rows: Row[] = [];
    // 20.1.1.3 and 20.1.1.4: the same counts (the words are shared), 20.1.1.5 one unanswered to a reached server.
    for (const src of ['20.1.1.3', '20.1.1.4']) for (const dst of ['9.9.9.1', '9.9.9.2']) rows.push({ src, dst, pkts: 9 });
    rows.push({ src: '20.1.1.5', dst: '9.9.9.1', pkts: 1 }, { src: '20.1.1.5', dst: '9.9.9.3', pkts: 9 });
    // Replies only (source port 80 to a high port): no first contacts on a service.
    rows.push({ src: '20.1.1.6', dst: '9.9.9.1', pkts: 9, dport: '1F90' });
    rows.push({ src: '61.1.1.1', dst: '20.1.1.3', pkts: 9, dstIf: 'Null' });
    const hosts = hostsOf(rows);
    const reasons = (ip: string) => hosts.find((h) => h.ip === ip)!.reasons;
    expect(reasons('20.1.1.3')).toEqual(['2 answered and 0 unanswered first contacts: no scanning pattern']);
    // The same words, in one frozen list that every clean host with them shares.
    expect(reasons('20.1.1.4')).toBe(reasons('20.1.1.3'));
    expect(Object.isFrozen(reasons('20.1.1.3'))).toBe(true);
    expect(reasons('20.1.1.5')).toEqual([
      '1 answered and 0 unanswered first contacts: no scanning pattern; 1 failure to destinations other sources reach not counted (a busy, filtered or retried server, not a scan)',
    ]);
    expect(reasons('20.1.1.6')).toEqual([expect.stringMatching(/first contacts to judge by$/)]);
    expect(reasons('61.1.1.1')).toEqual([
      '1 answered and 0 unanswered first contacts: no scanning pattern',
      'every flow from it is routed to Null: an outside host probing in, not a local infection',
    ]);
    // A clean host cannot be changed in place (a TypeError, not a silent change to every host sharing the list):
    // ownHost() gives a plain copy that can, and leaves the others alone.
    const three = hosts.find((h) => h.ip === '20.1.1.3')!;
    expect(() => three.reasons.push('x')).toThrow(TypeError);
    expect(() => {
      three.verdict = 'infected';
    }).toThrow(TypeError);
    const own = ownHost(three);
    own.reasons.push('x');
    own.verdict = 'infected';
    expect(reasons('20.1.1.4')).toHaveLength(1);
    expect(three.verdict).toBe('clean');
    expect({ ...toPublicHost(own), reasons: three.reasons, verdict: 'clean' }).toEqual(toPublicHost(three));
  });

  it('hosts without evidence share one frozen empty list; flagged ones have theirs', () => {
    const rows: Row[] = [{ src: '20.1.1.1', dst: '9.9.9.9', pkts: 9 }];
    for (let i = 1; i <= 20; i++) rows.push({ src: '20.1.1.66', dst: `${30 + i}.7.${i}.9`, pkts: 1 });
    const hosts = hostsOf(rows);
    const clean = hosts.find((h) => h.ip === '20.1.1.1')!;
    expect(clean.evidence).toEqual([]);
    expect(Object.isFrozen(clean.evidence)).toBe(true);
    const scanner = hosts.find((h) => h.ip === '20.1.1.66')!;
    expect(scanner.verdict).toBe('infected');
    expect(scanner.evidence.length).toBeGreaterThan(0);
  });

  it('lists hosts by most destinations, then most flows, then lowest address', () => {
    const r = mulberry32(3);
    const rows: Row[] = [];
    for (let i = 0; i < 3000; i++) {
      const src = `10.${Math.floor(r() * 2)}.${Math.floor(r() * 2)}.${1 + Math.floor(r() * 100)}`;
      rows.push({ src, dst: `9.9.${Math.floor(r() * 8)}.${1 + Math.floor(r() * 3)}`, pkts: 9 });
    }
    const hosts = hostsOf(rows);
    expect(hosts.length).toBeGreaterThan(300);
    const sorted = [...hosts].sort((a, b) => b.destinations - a.destinations || b.flows - a.flows || a.addr - b.addr);
    expect(hosts.map((h) => h.ip)).toEqual(sorted.map((h) => h.ip));
    expect(new Set(hosts.map((h) => h.destinations)).size).toBeGreaterThan(3);
  });
});
