// UDP and ICMP probes are judged by replies; a capture that shows no reply at all cannot tell "unanswered" from
// "answer not recorded", so there only single-packet probes (one per target, as sweeps send) count as failures.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { BLIND_SWEEP_MIN } from './fan-out';

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
  it(`a few single echoes to distinct hosts are no sweep when no reply shows anywhere: under ${BLIND_SWEEP_MIN} targets`, () => {
    const few: string[] = [];
    for (let d = 1; d < BLIND_SWEEP_MIN; d++) few.push(row('10.1.1.7', `198.51.100.${d}`, 1));
    expect(flagged(few)).toEqual([]);
    const sweep = [...few, row('10.1.1.7', '198.51.100.200', 1)];
    expect(flagged(sweep)).toEqual(['10.1.1.7']);
  });
  it('a host pinging 40 hosts four times each: no evidence when no reply shows anywhere, a sweep where replies do', () => {
    const rows: string[] = [];
    for (let d = 1; d <= 40; d++) rows.push(row('10.1.1.8', `203.0.${d}.9`, 4));
    expect(flagged(rows)).toEqual([]);
    // Someone else's ping is answered: this capture records replies, so the 40 unanswered ones failed.
    rows.push(row('10.1.1.50', '192.0.2.9', 4), row('192.0.2.9', '10.1.1.50', 4));
    expect(flagged(rows)).toEqual(['10.1.1.8']);
  });
  it('a sweep of single echoes quotes its unanswered probes as evidence', () => {
    const rows: string[] = [];
    for (let d = 1; d <= 40; d++) rows.push(row('10.1.1.99', `203.0.${d}.7`, 1));
    const finding = diagnose([{ source: 'f', text: [...HEAD, ...rows].join('\n') + '\n' }]).findings.find((f) => f.id === 'scanning-host');
    // The first probe, on line 3 (after the prompt and the header).
    expect(finding?.evidence.find((e) => e.text.includes('203.0.1.7'))).toMatchObject({ source: 'f', line: 3 });
  });
  it('where replies show, four unanswered single echoes are failures as before', () => {
    const rows = [row('10.1.1.7', '198.51.100.1', 1), row('10.1.1.7', '198.51.100.2', 1), row('10.1.1.7', '198.51.100.3', 1), row('10.1.1.7', '198.51.100.4', 1)];
    // Someone else's ping is answered: this capture records replies.
    rows.push(row('10.1.1.50', '192.0.2.9', 4), row('192.0.2.9', '10.1.1.50', 4));
    expect(flagged(rows)).toEqual(['10.1.1.7']);
  });
});
