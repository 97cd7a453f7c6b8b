// Links built to hurt the page (issue 12): a few KB that hold a million objects, markup where an address goes,
// bad new fields. Each is refused fast with a reason in words; valid links with the December fields still open.
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './base64url';
import { decodePayload, encodePayload } from './codec';
import { SHAPE_LIMITS, shapeProblem } from './json-shape-guard';
import { MAX_SHARED_HOSTS, type SharePayload } from './payload-schema';

const envelope = (json: string) => `v1.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
const head = '"v":1,"answers":{},"anonymised":false,"redacted":0';
const diagnosisJson = (body: string) => `{"mode":"diagnosis",${head},"omitted":[],"diagnosis":{"version":1,"inputs":[],${body}}}`;
const emptyHosts = (n: number) => diagnosisJson(`"hosts":[${'{},'.repeat(n - 1)}{}],"findings":[]`);

const host = (ip: string, extra: Record<string, unknown> = {}) => ({
  ip, interface: 'Fa0/0', flows: 40, destinations: 40, port80Flows: 40, packetsPerFlow: 1, verdict: 'infected',
  variant: 'code-red', failedFlows: 40, reasons: ['r'], inbound: false, ...extra,
});
const withHosts = (hosts: unknown[], more: Record<string, unknown> = {}): string =>
  JSON.stringify({ mode: 'diagnosis', v: 1, answers: {}, anonymised: false, redacted: 0, omitted: [], diagnosis: { version: 1, inputs: [], hosts, findings: [], ...more } });

function timed(link: string) {
  const t0 = performance.now();
  const r = decodePayload(link);
  return { r, ms: performance.now() - t0 };
}

describe('links that would make the page walk millions of values', () => {
  it.each([
    ['1.5 million empty hosts (4.5 MB of JSON)', 1_500_000],
    ['300,000 empty hosts', 300_000],
    ['one more host than any link carries', MAX_SHARED_HOSTS + 1],
  ])('%s: refused before parsing, in well under a second', (_name, n) => {
    const link = envelope(emptyHosts(n));
    if (n === 1_500_000) expect(link.length).toBeLessThan(8_000); // the reported link was 6,026 characters
    const { r, ms } = timed(link);
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
    if (!r.ok) expect(r.message).toMatch(/far more than any report|expands to more than/);
    expect(ms).toBeLessThan(1_000); // ~30 ms alone for 4.5 MB; generous for a loaded machine
  });

  it('refuses many small lists that add up (each under the per-list cap)', () => {
    const lists = Array.from({ length: 30 }, () => `{"reasons":[${'"",'.repeat(1_500)}""]}`).join(',');
    const r = decodePayload(envelope(diagnosisJson(`"hosts":[${Array.from({ length: 30 }, () => '[[[[[[[[[[]]]]]]]]]]').join(',')}],"findings":[],"x":[${lists}]`)));
    expect(r.ok).toBe(false);
    const big = `[${Array.from({ length: 30 }, () => `[${'{},'.repeat(1_499)}{}]`).join(',')}]`;
    expect(shapeProblem(big)).toMatch(/objects and lists/);
  });

  it('refuses a diagnosis-mode report over 512 KB even when its shape is small', () => {
    const r = decodePayload(envelope(diagnosisJson(`"hosts":[],"findings":[],"pad":"${'x'.repeat(600_000)}"`)));
    expect(r).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('still opens the largest valid host list', () => {
    const hosts = Array.from({ length: MAX_SHARED_HOSTS }, (_, i) => host(`10.${i >> 8}.${i & 255}.1`));
    const { r, ms } = timed(envelope(withHosts(hosts)));
    expect(r.ok).toBe(true);
    expect(ms).toBeLessThan(2_000);
  });
});

describe('the shape counter', () => {
  it('counts list items, not brackets or commas inside strings', () => {
    const limits = { ...SHAPE_LIMITS, maxArray: 3 };
    expect(shapeProblem('[1,2,3]', limits)).toBeNull();
    expect(shapeProblem('[1,2,3,4]', limits)).toMatch(/more than 3 items/);
    expect(shapeProblem('["a,b,c,d,e", "[[[[", "\\"],[,"]', limits)).toBeNull();
    expect(shapeProblem('[[1,2,3],[1,2,3],{"a":[1,2],"b":1,"c":2,"d":3}]', limits)).toBeNull();
    expect(shapeProblem('[{},{},{},[]]', limits)).toMatch(/items/);
    expect(shapeProblem('[ ]', limits)).toBeNull();
  });
  it('stops at the depth and container limits', () => {
    expect(shapeProblem('['.repeat(17) + ']'.repeat(17))).toMatch(/16 levels/);
    expect(shapeProblem('['.repeat(16) + ']'.repeat(16))).toBeNull();
    expect(shapeProblem(`[${'[],'.repeat(1999)}[]]`, { ...SHAPE_LIMITS, maxContainers: 1000 })).toMatch(/1,000 objects/);
  });
});

describe('fields checked for what they are', () => {
  it('an address that is markup, a link or a word is refused', () => {
    for (const ip of ['<img src=x onerror=alert(1)>', '[x](https://evil.example)', 'router1', '10.0.0.256', '1.2.3.4 <b>', '']) {
      const r = decodePayload(envelope(withHosts([host(ip)])));
      expect(r, ip).toMatchObject({ ok: false, reason: 'invalid' });
    }
    const chart = { topSources: [{ ip: '<b>x</b>', destinations: 1, flows: 1, failedFlows: 1, verdict: 'infected', inbound: false }], fanOutDistribution: [], localityMix: [], flowsPerInterface: [] };
    expect(decodePayload(envelope(withHosts([], { charts: chart })))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodePayload(envelope(withHosts([host('10.0.0.1', { sharedTargetsWith: ['javascript:alert(1)'] })])))).toMatchObject({ ok: false });
  });

  it('IPv4 and IPv6 sources pass, with the December service and worm', () => {
    const r = decodePayload(envelope(withHosts([host('10.1.2.3', { service: 'tcp/445', worm: 'conficker-or-wannacry' }), host('2001:db8::7', { service: 'udp/1434', worm: 'slammer' })])));
    expect(r.ok).toBe(true);
    if (r.ok && r.payload.mode === 'diagnosis') expect(r.payload.diagnosis.hosts.map((h) => h.worm)).toEqual(['conficker-or-wannacry', 'slammer']);
  });

  it('an unknown worm, a service with markup, or an oversized plan is refused', () => {
    expect(decodePayload(envelope(withHosts([host('10.1.2.3', { worm: 'iloveyou' })])))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodePayload(envelope(withHosts([host('10.1.2.3', { service: 'tcp/<b>80' })])))).toMatchObject({ ok: false, reason: 'invalid' });
    const plan = (steps: number) => ({ router: 'r1', precheck: [], steps: Array.from({ length: steps }, () => ({ mode: 'config', findings: ['scanning-host'], why: 'w', commands: ['ip cef'] })), verify: [], rollback: [{ mode: 'exec', commands: ['clear arp-cache'] }] });
    expect(decodePayload(envelope(withHosts([], { plans: [plan(2)] })))).toMatchObject({ ok: true });
    expect(decodePayload(envelope(withHosts([], { plans: [plan(101)] })))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodePayload(envelope(withHosts([], { plans: [{ ...plan(1), steps: [{ mode: 'rm -rf', findings: [], why: '', commands: [] }] }] })))).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('round-trips a diagnosis with every December field', () => {
    const p: SharePayload = JSON.parse(withHosts([host('10.1.2.3', { service: 'icmp', worm: 'nachi' })], {
      inputs: [{ source: 'a', kind: 'show flow monitor cache', records: 1, warnings: [], firstLine: 1, lastLine: 2 }],
      plans: [{ router: 'core-gw1', precheck: ['show ip interface Fa0/0'], steps: [{ mode: 'config', findings: ['scanning-host'], why: 'block', commands: ['ip access-list extended 120', ' 5 deny icmp any any'] }], verify: ['show ip cache flow'], rollback: [{ mode: 'config', commands: ['no ip access-list extended 120'] }] }],
    })) as SharePayload;
    const r = decodePayload(encodePayload(p));
    expect(r.ok && r.payload).toEqual(p);
  });

  it('an NX-OS plan stays NX-OS through a link, its checkpoint net with it; another platform is refused', () => {
    const nx = {
      router: 'n9k',
      precheck: ['show running-config interface Vlan20'],
      steps: [
        { mode: 'exec', findings: ['scanning-host'], why: 'net', commands: ['checkpoint code-red-triage'] },
        { mode: 'config', findings: ['scanning-host'], why: 'block', commands: ['ip access-list SERVERS-IN', ' 1 deny tcp any any eq www'] },
        { mode: 'exec', findings: ['scanning-host'], why: 'save', commands: ['copy running-config startup-config'] },
      ],
      verify: ['show ip access-lists'],
      rollback: [{ mode: 'config', commands: ['ip access-list SERVERS-IN', ' no 1'] }],
      safetyNet: true,
      platform: 'nx-os',
    };
    const p: SharePayload = JSON.parse(withHosts([], { plans: [nx] })) as SharePayload;
    const r = decodePayload(encodePayload(p));
    expect(r.ok && r.payload).toEqual(p);
    expect(decodePayload(envelope(withHosts([], { plans: [{ ...nx, platform: 'junos' }] })))).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
