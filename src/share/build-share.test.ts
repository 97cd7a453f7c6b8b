// Share links end to end in pure code: size budgets, the diagnosis fallback, secrets and anonymisation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import type { Paste } from '../core/types';
import { LINK_BUDGET, buildShareLink } from './build-share';
import { decodePayload } from './codec';
import { payloadFromHash } from './share-route';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const PAGE = 'https://noc.example.net/noc/tools/codered/#/paste';
const ALL_SEED = [
  'seed_show_ip_accounting.txt', 'seed_show_ip_cache.txt', 'seed_show_ip_cache_flow.txt', 'seed_show_ip_cache_verbose.txt',
  'seed_show_ip_cef_summary.txt', 'seed_show_logging.txt', 'seed_show_memory_summary_include_adj.txt',
  'seed_show_memory_summary_include_cef.txt', 'seed_show_memory_summary_include_fib.txt',
  'seed_show_processes_memory_include_bgp.txt', 'seed_show_processes_memory_include_cef.txt',
];
const pastesOf = (names: string[]): Paste[] => names.map((n) => ({ source: n, text: fixture(n) }));

function open(url: string) {
  const d = payloadFromHash(new URL(url).hash);
  const r = decodePayload(d ?? '');
  if (!r.ok) throw new Error(r.message);
  return r.payload;
}
function share(pastes: Paste[], extra: { anonymiseKey?: number[] } = {}) {
  const answers = { cpu: 'interrupt', memory: 'mallocfail' };
  const diagnosis = diagnose(pastes, answers);
  return { diagnosis, link: buildShareLink({ pageUrl: PAGE, pastes, answers, diagnosis, ...extra }) };
}

/** A big `show ip cache flow`: one Code Red scanner among many quiet clients, far past the link budget. */
function bigFlowCapture(rows: number): string {
  const out = ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts'];
  for (let i = 0; i < rows; i++) {
    const scanner = i % 4 === 0;
    const src = scanner ? '172.16.5.9' : `172.16.${(i >> 8) & 255}.${i & 255}`;
    const dst = `${(i * 97) % 223 + 1}.${(i * 31) % 256}.${(i * 7) % 256}.${i % 254 + 1}`;
    out.push(`Fa0/0  ${src}  Fa0/1  ${dst}  06 ${(4096 + i).toString(16).toUpperCase()} 0050  ${scanner ? 1 : 12}`);
  }
  return out.join('\n') + '\n';
}

describe('buildShareLink', () => {
  it("fits the tech note's example (the cache-flow and accounting samples) in under 2,000 characters, pastes included", () => {
    const { link } = share(pastesOf(['seed_show_ip_cache_flow.txt', 'seed_show_ip_accounting.txt']));
    expect(link.mode).toBe('input');
    expect(link.url.length).toBeLessThan(2000);
    expect(link.url.startsWith('https://noc.example.net/noc/tools/codered/#/report?d=v1.')).toBe(true);
  });
  it('carries every seed sample byte for byte under the 8,000 budget, and re-diagnoses to the same result', () => {
    const pastes = pastesOf(ALL_SEED);
    const { link, diagnosis } = share(pastes);
    expect(link.mode).toBe('input');
    expect(link.url.length).toBeLessThanOrEqual(LINK_BUDGET);
    const p = open(link.url);
    if (p.mode !== 'input') throw new Error('expected pastes');
    expect(p.pastes).toEqual(pastes);
    expect(p.answers).toEqual({ cpu: 'interrupt', memory: 'mallocfail' });
    expect(diagnose(p.pastes, p.answers)).toEqual(diagnosis);
  });
  it('past the budget carries the diagnosis instead, with the flagged hosts and findings intact', () => {
    const pastes = [{ source: 'big.txt', text: bigFlowCapture(3000) }];
    const { link, diagnosis } = share(pastes);
    expect(link.mode).toBe('diagnosis');
    expect(link.omitted[0]).toBe('raw pastes');
    expect(link.url.length).toBeLessThanOrEqual(LINK_BUDGET);
    expect(link.overBudget).toBe(false);
    const p = open(link.url);
    if (p.mode !== 'diagnosis') throw new Error('expected a diagnosis');
    const flagged = diagnosis.hosts.filter((h) => h.verdict !== 'clean');
    expect(flagged.map((h) => h.ip)).toContain('172.16.5.9');
    expect(p.diagnosis.hosts.filter((h) => h.verdict !== 'clean')).toEqual(flagged);
    expect(p.diagnosis.findings.map((f) => f.id)).toEqual(diagnosis.findings.map((f) => f.id));
    expect(p.diagnosis.findings.map((f) => f.title)).toEqual(diagnosis.findings.map((f) => f.title));
    expect(p.omitted.join(' ')).toMatch(/clean host/);
  });
  it('keeps the chart series in the diagnosis fallback', () => {
    const pastes = [{ source: 'big.txt', text: bigFlowCapture(3000) }];
    const diagnosis = diagnose(pastes);
    expect(diagnosis.charts?.topSources.length).toBeGreaterThan(0);
    const link = buildShareLink({ pageUrl: PAGE, pastes, answers: {}, diagnosis });
    const p = open(link.url);
    if (p.mode !== 'diagnosis') throw new Error('expected a diagnosis');
    expect(p.diagnosis.charts).toEqual(diagnosis.charts);
  });
  it('masks router secrets in the pastes it carries and counts them', () => {
    const config = 'Router#show running-config\nenable secret 5 $1$abc$SECRETHASH\nsnmp-server community NOCpublic RO\nline vty 0 4\n password 7 0822455D0A16\n';
    const { link } = share([{ source: 'cfg.txt', text: config }, ...pastesOf(['seed_show_ip_cache_flow.txt'])]);
    expect(link.redacted.map((r) => r.kind)).toEqual(['enable secret', 'snmp community', 'password']);
    const p = open(link.url);
    if (p.mode !== 'input') throw new Error('expected pastes');
    const all = JSON.stringify(p);
    for (const secret of ['SECRETHASH', 'NOCpublic', '0822455D0A16']) expect(all).not.toContain(secret);
    expect(p.redacted).toBe(3);
    expect(p.pastes[0]!.text.split('\n')).toHaveLength(config.split('\n').length);
  });
  it('masks secrets quoted in a diagnosis too', () => {
    const pastes = [{ source: 'big.txt', text: bigFlowCapture(3000) }];
    const diagnosis = diagnose(pastes);
    diagnosis.findings[0]!.evidence.push({ source: 'cfg.txt', line: 2, text: 'snmp-server community NOCpublic RO' });
    const link = buildShareLink({ pageUrl: PAGE, pastes, answers: {}, diagnosis });
    expect(link.mode).toBe('diagnosis');
    expect(JSON.stringify(open(link.url))).not.toContain('NOCpublic');
    expect(diagnosis.findings[0]!.evidence.at(-1)!.text).toContain('NOCpublic'); // the caller's copy is untouched
  });
  it('anonymises every address when asked, and the verdicts it reproduces are the same', () => {
    const pastes = pastesOf(['seed_show_ip_cache_flow.txt', 'seed_show_ip_accounting.txt']);
    const { link, diagnosis } = share(pastes, { anonymiseKey: [3, 1, 4, 1, 5, 9, 2, 6] });
    expect(link.anonymised).toBe(true);
    const p = open(link.url);
    if (p.mode !== 'input') throw new Error('expected pastes');
    expect(p.anonymised).toBe(true);
    const text = p.pastes.map((x) => x.text).join('\n');
    for (const addr of ['193.23.45.35', '20.1.145.49', '2.34.56.12', '211.101.189.208']) expect(text).not.toContain(addr);
    const again = diagnose(p.pastes, p.answers);
    const facts = (d: typeof diagnosis) => d.hosts.map((h) => `${h.verdict}/${h.variant}/${h.destinations}/${h.flows}`).sort();
    expect(facts(again)).toEqual(facts(diagnosis));
  });
});
