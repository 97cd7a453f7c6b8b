// Prefix preservation, and the point of it: verdicts and Code Red variants survive anonymisation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import type { Diagnosis, Paste } from '../core/types';
import { cr2CouldPick } from '../core/analysis/locality';
import { createAnonymiser, isMaskLike } from './anonymise-addresses';
import { mulberry32 } from '../core/proof/mulberry32';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const SEED = [
  'seed_show_ip_cache_flow.txt',
  'seed_show_ip_accounting.txt',
  'seed_show_ip_cache.txt',
  'seed_show_logging.txt',
  'seed_show_ip_cef_summary.txt',
];

const prng = mulberry32;
const ip = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const commonPrefix = (a: number, b: number) => Math.clz32((a ^ b) >>> 0);

/** A Code Red II scan as the tech note describes it: 3/8 same /16, 1/2 same /8, 1/8 anywhere; plus a Code Red one. */
function syntheticScan(): string {
  const rnd = prng(7);
  const rows = ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts'];
  const cr2 = (10 << 24) | (20 << 16) | (30 << 8) | 40;
  const cr = ((61 << 24) | (5 << 16) | (6 << 8) | 7) >>> 0;
  for (let i = 0; i < 40; i++) {
    const r = rnd();
    const low = Math.floor(rnd() * 0x10000);
    const dst = r < 3 / 8 ? ((cr2 & 0xffff0000) | low) >>> 0 : r < 7 / 8 ? ((cr2 & 0xff000000) | Math.floor(rnd() * 0x1000000)) >>> 0 : Math.floor(rnd() * 2 ** 32) >>> 0;
    rows.push(`Fa0/0         ${ip(cr2 >>> 0)}     Fa0/1         ${ip(dst)}     06 ${(1024 + i).toString(16).toUpperCase()} 0050     1`);
    rows.push(`Fa0/0         ${ip(cr)}     Fa0/1         ${ip(Math.floor(rnd() * 2 ** 32) >>> 0)}     06 ${(2048 + i).toString(16).toUpperCase()} 0050     2`);
  }
  return rows.join('\n') + '\n';
}

/** Host facts that must not change, keyed by the address they should now carry. */
function hostFacts(d: Diagnosis, rename: (s: string) => string = (s) => s) {
  return new Map(d.hosts.map((h) => [rename(h.ip), [h.verdict, h.variant, h.flows, h.destinations, h.port80Flows, h.failedFlows, h.inbound, h.interface]]));
}

describe('createAnonymiser', () => {
  const anon = createAnonymiser([1, 2, 3, 4, 5, 6, 7, 8]);
  it('preserves the length of the common prefix of any two addresses', () => {
    const rnd = prng(1);
    for (let i = 0; i < 2000; i++) {
      const a = Math.floor(rnd() * 2 ** 32) >>> 0;
      // Flip one bit at a random depth, then randomise below it, to test every prefix length.
      const depth = Math.floor(rnd() * 32);
      const b = ((a ^ (0x80000000 >>> depth)) & ~((0x7fffffff >>> depth) >>> 0) | (Math.floor(rnd() * 2 ** 32) & (0x7fffffff >>> depth))) >>> 0;
      expect(commonPrefix(anon.addr(a), anon.addr(b))).toBe(commonPrefix(a, b));
    }
  });
  it('keeps what Code Red II target choice depends on: octets 0 and 255, first octets 127 and 224', () => {
    const rnd = prng(3);
    const octets = [0, 1, 127, 128, 224, 254, 255];
    for (let i = 0; i < 3000; i++) {
      const a = ((octets[Math.floor(rnd() * 7)]! << 24) | (octets[Math.floor(rnd() * 7)]! << 16) | Math.floor(rnd() * 65536)) >>> 0;
      const b = rnd() < 0.5 ? a : Math.floor(rnd() * 2 ** 32) >>> 0;
      const x = anon.addr(a);
      for (let k = 0; k < 4; k++) {
        const o = (a >>> (24 - 8 * k)) & 255;
        const p = (x >>> (24 - 8 * k)) & 255;
        const special = (v: number) => v === 0 || v === 255 || (k === 0 && (v === 127 || v === 224));
        expect(special(p)).toBe(special(o));
        if (special(o)) expect(p).toBe(o);
      }
      expect(cr2CouldPick(anon.addr(b), x)).toBe(cr2CouldPick(b, a));
    }
  });
  it('changes addresses, is one-to-one, and depends on the key', () => {
    const rnd = prng(2);
    const ins = Array.from({ length: 5000 }, () => Math.floor(rnd() * 2 ** 32) >>> 0);
    const outs = new Set(ins.map(anon.addr));
    expect(outs.size).toBe(new Set(ins).size);
    expect(ins.filter((a) => anon.addr(a) === a).length).toBeLessThan(3);
    const other = createAnonymiser([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(ins.filter((a) => other.addr(a) === anon.addr(a)).length).toBeLessThan(3);
  });
  it('rewrites addresses in text but leaves masks, versions and non-addresses alone', () => {
    const line = 'ip route 0.0.0.0 0.0.0.0 Ethernet0 ; ip address 10.1.1.1 255.255.255.0 ; access-list 1 permit 10.0.0.0 0.255.255.255 ; IOS 12.2(15)T, 1.2.3 300.1.1.1';
    const out = anon.text(line);
    expect(out).toContain('ip route 0.0.0.0 0.0.0.0 Ethernet0');
    expect(out).toContain('255.255.255.0');
    expect(out).toContain('0.255.255.255');
    expect(out).toContain('12.2(15)T, 1.2.3 300.1.1.1');
    expect(out).not.toContain('10.1.1.1 ');
    expect(out).toContain(`${anon.ip('10.1.1.1')} 255.255.255.0`);
    expect(isMaskLike(0xffffff00)).toBe(true);
    expect(isMaskLike(0x000000ff)).toBe(true);
    expect(isMaskLike(0x0a010101)).toBe(false);
  });
});

describe('verdicts survive anonymisation', () => {
  const check = (pastes: Paste[]) => {
    const anon = createAnonymiser([9, 9, 8, 8, 7, 7, 6, 6]);
    const before = diagnose(pastes, { cpu: 'interrupt' });
    const after = diagnose(pastes.map((p) => ({ source: p.source, text: anon.text(p.text) })), { cpu: 'interrupt' });
    expect(hostFacts(after)).toEqual(hostFacts(before, anon.ip));
    expect(after.findings.map((f) => f.id)).toEqual(before.findings.map((f) => f.id));
    // Hosts tied on fan-out are ordered by address, so evidence order may change; the lines quoted may not.
    const lines = (d: Diagnosis) => d.findings.map((f) => f.evidence.map((e) => e.line).sort((a, b) => a - b));
    expect(lines(after)).toEqual(lines(before));
    return { before, after, anon };
  };
  it('on the tech note samples', () => {
    const { before, after, anon } = check(SEED.map((name) => ({ source: name, text: fixture(name) })));
    // Read from the samples: 193.23.45.35 probes 6 destinations on port 80 at random (Code Red).
    const h = after.hosts.find((x) => x.ip === anon.ip('193.23.45.35'));
    expect(h).toMatchObject({ verdict: 'infected', variant: 'code-red', destinations: 6 });
    expect(before.hosts.some((x) => x.ip === '193.23.45.35')).toBe(true);
    expect(after.hosts.some((x) => x.ip === '193.23.45.35')).toBe(false);
  });
  it('on a synthetic Code Red II scan (and a Code Red one beside it)', () => {
    const { before, after, anon } = check([{ source: 'scan.txt', text: syntheticScan() }]);
    expect(before.hosts.find((x) => x.ip === '10.20.30.40')).toMatchObject({ verdict: 'infected', variant: 'code-red-ii' });
    expect(before.hosts.find((x) => x.ip === '61.5.6.7')).toMatchObject({ verdict: 'infected', variant: 'code-red' });
    expect(after.hosts.find((x) => x.ip === anon.ip('10.20.30.40'))).toMatchObject({ verdict: 'infected', variant: 'code-red-ii' });
    expect(after.hosts.find((x) => x.ip === anon.ip('61.5.6.7'))).toMatchObject({ verdict: 'infected', variant: 'code-red' });
  });
});
