// Prefix preservation, and the point of it: verdicts and Code Red variants survive anonymisation.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBenchDump } from '../cli/bench-data';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import type { Diagnosis, Paste } from '../core/types';
import { decodePayload } from './codec';
import { buildShareLink } from './build-share';
import { receivedDiagnosis } from './receive';
import { payloadFromHash } from './share-route';
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
  it('preserves the length of the common prefix of any two addresses (100,000 pairs)', { timeout: 60_000 }, () => {
    const rnd = prng(1);
    let violations = 0;
    for (let i = 0; i < 100_000; i++) {
      const a = Math.floor(rnd() * 2 ** 32) >>> 0;
      // Flip one bit at a random depth, then randomise below it, to test every prefix length.
      const depth = Math.floor(rnd() * 32);
      const b = ((a ^ (0x80000000 >>> depth)) & ~((0x7fffffff >>> depth) >>> 0) | (Math.floor(rnd() * 2 ** 32) & (0x7fffffff >>> depth))) >>> 0;
      if (commonPrefix(anon.addr(a), anon.addr(b)) !== commonPrefix(a, b)) violations++;
    }
    expect(violations).toBe(0);
  });
  it('keeps no octet value on purpose: small private host numbers change like any other', { timeout: 60_000 }, () => {
    // Issue 12: with forced fixed paths, 10.0.0.1 had 8 images and 192.168.1.254 always ended in .1.254.
    const rnd = prng(12);
    const nets = [
      () => (10 << 24) | Math.floor(rnd() * 0x1000000),
      () => (0xac10 << 16) | Math.floor(rnd() * 0x100000),
      () => (0xc0a8 << 16) | Math.floor(rnd() * 0x10000),
      () => (10 << 24) | (Math.floor(rnd() * 4) << 16) | (Math.floor(rnd() * 4) << 8) | Math.floor(rnd() * 8),
      () => (0xc0a8 << 16) | (Math.floor(rnd() * 3) << 8) | [0, 1, 2, 254, 255][Math.floor(rnd() * 5)]!,
    ];
    let same = 0;
    const N = 10_000;
    let anon = createAnonymiser([0, 0, 0, 0, 0, 0, 0, 0]);
    for (let i = 0; i < N; i++) {
      if (i % 100 === 0) anon = createAnonymiser(Array.from({ length: 8 }, () => Math.floor(rnd() * 256))); // 100 links
      const a = nets[i % nets.length]!() >>> 0;
      if ((anon.addr(a) & 0xffffff) === (a & 0xffffff)) same++;
    }
    expect(same / N).toBeLessThan(0.01);
    // Across keys, one address takes many images (it had 8).
    for (const a of [0x0a000001, 0x0a010101, 0xc0a801fe]) {
      const images = new Set(Array.from({ length: 300 }, (_, k) => createAnonymiser([k, k >> 8, 7, 7, 7, 7, 7, 7]).addr(a)));
      expect(images.size).toBeGreaterThan(290);
      expect(images.has(a)).toBe(false);
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

/** Send pastes through an anonymised link and open it as the receiver does. */
function sendAndReceive(pastes: Paste[], answers: Record<string, string>, key: number[]) {
  const before = diagnose(pastes, answers);
  const link = buildShareLink({ pageUrl: 'https://x.test/', pastes, answers, diagnosis: before, anonymiseKey: key });
  const r = decodePayload(payloadFromHash(new URL(link.url).hash)!);
  if (!r.ok) throw new Error(r.message);
  return { before, after: receivedDiagnosis(r.payload), payload: r.payload, anon: createAnonymiser(key) };
}

describe('verdicts survive anonymisation (through the link)', () => {
  const check = (pastes: Paste[]) => {
    const { before, after, anon, payload } = sendAndReceive(pastes, { cpu: 'interrupt' }, [9, 9, 8, 8, 7, 7, 6, 6]);
    expect(payload.mode).toBe('input');
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

describe('the receiver sees the sender\'s verdicts, variants and findings (100 generated captures)', () => {
  it('through anonymised links, in both link modes', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'anon-link-'));
    const modes = { input: 0, diagnosis: 0 };
    let carriedFacts = 0;
    try {
      const rnd = prng(100);
      for (let i = 0; i < 100; i++) {
        // The benchmark's generator at 100 sizes (Code Red on a shared list, Code Red II, a proxy, a dead server,
        // blocked clients), every other one beside the tech note's own samples or a Code Red II scan.
        const file = join(dir, `c${i}.txt`);
        writeBenchDump(file, 40 + 9 * i, 12 + (i % 17), 1 + (i % 6));
        const pastes: Paste[] = [{ source: `dump-${i}.txt`, text: readFileSync(file, 'utf8') }];
        if (i % 3 === 1) pastes.push({ source: 'scan.txt', text: syntheticScan() });
        if (i % 3 === 2) pastes.push(...SEED.slice(0, 1 + (i % SEED.length)).map((name) => ({ source: name, text: fixture(name) })));
        const key = Array.from({ length: 8 }, () => Math.floor(rnd() * 256));
        const { before, after, anon, payload } = sendAndReceive(pastes, {}, key);
        modes[payload.mode]++;
        if (payload.mode === 'input') carriedFacts += payload.facts?.length ?? 0;
        const judged = (d: Diagnosis, rename: (s: string) => string = (x) => x) =>
          new Map(d.hosts.map((h) => [rename(h.ip), `${h.verdict} ${h.variant} ${h.worm ?? ''} ${h.service ?? ''}`]));
        const sent = judged(before, anon.ip);
        const got = judged(after);
        if (payload.mode === 'input') expect(got, `capture ${i}`).toEqual(sent);
        else {
          // A diagnosis-mode link keeps the flagged hosts (clean ones are trimmed first): those must match.
          for (const [ip, v] of got) expect(v, `capture ${i} host ${ip}`).toBe(sent.get(ip));
          expect([...got.values()].filter((v) => v.startsWith('infected')).length).toBe(Math.min(50, [...sent.values()].filter((v) => v.startsWith('infected')).length));
        }
        expect(after.findings.map((f) => f.id), `capture ${i}`).toEqual(before.findings.map((f) => f.id));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    console.info(`anonymised links: ${modes.input} carried pastes, ${modes.diagnosis} the diagnosis; ${carriedFacts} sender verdicts carried`);
    expect(modes.input).toBeGreaterThan(10);
    expect(modes.diagnosis).toBeGreaterThan(10);
  });
});

describe('the sender verdicts a link carries', () => {
  it('are what keeps a verdict that hangs on octet values (Code Red II never targets an octet of 255)', () => {
    // Mostly same-/16 targets (Code Red II's habit) but several with a 255 octet, which Code Red II never picks.
    const rows = ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts'];
    const targets = ['10.20.1.7', '10.20.9.3', '10.20.77.5', '10.20.200.1', '10.20.255.9', '10.20.3.255', '10.255.4.4', '10.20.31.255'];
    targets.forEach((t, i) => rows.push(`Fa0/0         10.20.30.40     Fa0/1         ${t.padEnd(16)}06 ${(1024 + i).toString(16).toUpperCase()} 0050     1`));
    const pastes = [{ source: 'cr.txt', text: rows.join('\n') + '\n' }];
    const before = diagnose(pastes);
    const sent = before.hosts.find((h) => h.ip === '10.20.30.40')!;
    let differed = 0;
    for (let k = 0; k < 20; k++) {
      const key = [k, 1, 2, 3, 4, 5, 6, 7];
      const { after, anon, payload } = sendAndReceive(pastes, {}, key);
      expect(payload.mode).toBe('input');
      const got = after.hosts.find((h) => h.ip === anon.ip('10.20.30.40'))!;
      expect([got.verdict, got.variant]).toEqual([sent.verdict, sent.variant]);
      // Without the carried facts the receiver's own reading of the anonymised pastes would differ here.
      const alone = diagnose(payload.mode === 'input' ? payload.pastes : []).hosts.find((h) => h.ip === got.ip)!;
      if (alone.variant !== sent.variant || alone.verdict !== sent.verdict) {
        differed++;
        expect(payload.mode === 'input' && payload.facts).toEqual([{ ip: got.ip, verdict: sent.verdict, variant: sent.variant, service: sent.service, worm: sent.worm }]);
      }
    }
    expect(differed).toBeGreaterThan(0);
  });
});
