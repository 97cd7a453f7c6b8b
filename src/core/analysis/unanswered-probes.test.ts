// UDP and ICMP probes are judged by replies; a capture that shows no reply at all cannot tell "unanswered" from
// "answer not recorded", so there only single-packet probes (one per target, as sweeps send) count as failures.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';

const HEAD = ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts'];
const row = (src: string, dst: string, pkts: number) => `${'Fa0/0'.padEnd(14)}${src.padEnd(16)}${'Se0/0'.padEnd(14)}${dst.padEnd(16)}01 0000 0800 ${String(pkts).padStart(5)}`;
const flagged = (rows: string[]) => diagnose([{ source: 'f', text: [...HEAD, ...rows].join('\n') + '\n' }]).hosts.filter((h) => h.verdict !== 'clean').map((h) => h.ip);

describe('unanswered UDP and ICMP probes in a capture that shows no replies', () => {
  it('people pinging a few hosts four times each are not a sweep', () => {
    const rows: string[] = [];
    for (let c = 1; c <= 30; c++) for (let d = 1; d <= 6; d++) rows.push(row(`10.1.1.${c}`, `198.51.${c}.${d}`, 4));
    expect(flagged(rows)).toEqual([]);
  });
  it('one echo to each of many hosts is, replies seen or not', () => {
    const rows: string[] = [];
    for (let d = 1; d <= 40; d++) rows.push(row('10.1.1.99', `203.0.${d}.7`, 1));
    expect(flagged(rows)).toEqual(['10.1.1.99']);
  });
});
