// The headless share surface (CONTRACT.md section 4), run as a user runs it: `node src/cli/run.mjs analyze --link |
// --markdown | --open` in a child process; the link must be the one the browser's share button makes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import type { Answers, Diagnosis, Paste } from '../core/types';
import { toBase64Url } from '../share/base64url';
import { LINK_BUDGET, buildShareLink } from '../share/build-share';
import { MAX_ENCODED_CHARS, decodePayload } from '../share/codec';
import { redactDiagnosis } from '../share/redact-secrets';
import { reportMarkdown } from '../share/report-markdown';
import { payloadFromHash } from '../share/share-route';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'share-flags-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function analyze(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['src/cli/run.mjs', 'analyze', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const flows = readFileSync(join(root, 'src/share/fixtures/seed_show_ip_cache_flow.txt'), 'utf8');
const config = [
  'R1#show running-config',
  'enable algorithm-type scrypt secret CliSecret1',
  'snmp-server host 10.1.1.5 vrf MGMT version 2c CliComm2',
  'tacacs server TAC1',
  ' key 7 CliKey3',
  'interface Vlan1',
  ' ip address 10.1.1.1 255.255.255.0',
  ' standby 1 authentication CliHsrp4',
  'end',
].join('\n');
const SECRETS = ['CliSecret1', 'CliComm2', 'CliKey3', 'CliHsrp4'];
const flowsFile = file('flows.txt', flows);
const configFile = file('run.txt', config);

/** What the browser does for the same pastes: worker diagnosis, masked into the store, then the share builder. */
function browserLink(pastes: Paste[], answers: Answers, pageUrl: string): string {
  const shown: Diagnosis = redactDiagnosis(redactDiagnosis(diagnose(pastes, answers), pastes));
  return buildShareLink({ pageUrl, pastes, answers, diagnosis: shown }).url;
}
function decoded(url: string) {
  const r = decodePayload(payloadFromHash(url.slice(url.indexOf('#'))) ?? '');
  if (!r.ok) throw new Error(r.message);
  return r.payload;
}
/** A big flow table that cannot fit a link: the link carries the diagnosis. */
function bigFlows(rows: number): string {
  const out = ['Router#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts'];
  for (let i = 0; i < rows; i++) {
    const scanner = i % 4 === 0;
    const src = scanner ? '172.16.5.9' : `172.16.${(i >> 8) & 255}.${i & 255}`;
    out.push(`Fa0/0  ${src}  Fa0/1  ${(i * 97) % 223 + 1}.${(i * 31) % 256}.${(i * 7) % 256}.${i % 254 + 1}  06 ${(4096 + i).toString(16).toUpperCase()} 0050  ${scanner ? 1 : 12}`);
  }
  return `${out.join('\n')}\n`;
}

describe('--link', () => {
  it('prints, on one line, the exact link the share button makes for the same pastes and answers', { timeout: 90_000 }, () => {
    const r = analyze(['--link', '--answer', 'cpu=interrupt', flowsFile, configFile]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.endsWith('\n')).toBe(true);
    const url = r.stdout.slice(0, -1);
    expect(url).not.toContain('\n');
    expect(url.startsWith('#/report?d=v1.')).toBe(true);
    const pastes = [{ source: 'flows.txt', text: flows }, { source: 'run.txt', text: config }];
    expect(url).toBe(browserLink(pastes, { cpu: 'interrupt' }, ''));
    const p = decoded(url);
    expect(p.mode).toBe('input');
    for (const s of SECRETS) expect(JSON.stringify(p)).not.toContain(s);
  });

  it('with --base, the link opens that page; past 8,000 characters it carries the diagnosis, as the browser does', () => {
    const big = bigFlows(3000);
    const bigFile = file('big.txt', big);
    const base = 'https://noc.example.net/tools/codered/';
    const r = analyze(['--link', '--base', base, bigFile, configFile]);
    expect(r.status, r.stderr).toBe(0);
    const url = r.stdout.trim();
    expect(url.startsWith(`${base}#/report?d=v1.`)).toBe(true);
    expect(url.length).toBeLessThanOrEqual(LINK_BUDGET);
    expect(url).toBe(browserLink([{ source: 'big.txt', text: big }, { source: 'run.txt', text: config }], {}, base));
    const p = decoded(url);
    expect(p.mode).toBe('diagnosis');
    for (const s of SECRETS) expect(JSON.stringify(p)).not.toContain(s);
  });

  it('--anonymise replaces the addresses (a fresh key per link)', () => {
    const a = analyze(['--link', '--anonymise', flowsFile]);
    const b = analyze(['--link', '--anonymise', flowsFile]);
    expect(a.status, a.stderr).toBe(0);
    const p = decoded(a.stdout.trim());
    if (p.mode !== 'input') throw new Error('expected pastes');
    expect(p.anonymised).toBe(true);
    expect(p.pastes[0]!.text).not.toContain('193.23.45.35');
    expect(a.stdout).not.toBe(b.stdout);
  });
});

describe('--markdown', () => {
  it("prints the browser's Markdown export: masked and escaped", () => {
    const r = analyze(['--markdown', '--answer', 'cpu=interrupt', flowsFile, configFile]);
    expect(r.status, r.stderr).toBe(0);
    const pastes = [{ source: 'flows.txt', text: flows }, { source: 'run.txt', text: config }];
    const expected = reportMarkdown(redactDiagnosis(redactDiagnosis(diagnose(pastes, { cpu: 'interrupt' }), pastes)), { cpu: 'interrupt' }, new Date(0));
    const withoutDate = (md: string) => md.replace(/^Generated \S+/m, 'Generated');
    expect(withoutDate(r.stdout)).toBe(withoutDate(expected));
    expect(r.stdout).toContain('### [critical] 193.23.45.35 on Vl1 is scanning TCP port 80');
    for (const s of SECRETS) expect(r.stdout).not.toContain(s);
  });
});

describe('--open', () => {
  it('shows what a receiver sees: the pastes re-analysed, the same verdicts and findings as the sender', () => {
    const link = analyze(['--link', '--answer', 'cpu=interrupt', flowsFile]).stdout.trim();
    const sender = JSON.parse(analyze(['--json', '--answer', 'cpu=interrupt', flowsFile]).stdout) as Diagnosis;
    const r = analyze(['--open', `https://elsewhere.example/app/${link}`, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as Diagnosis;
    expect(got.hosts).toEqual(sender.hosts);
    expect(got.findings.map((f) => f.id)).toEqual(sender.findings.map((f) => f.id));
  });

  it('shows a carried diagnosis as sent, and reads the link from standard input with -', () => {
    const link = analyze(['--link', file('big2.txt', bigFlows(3000))]).stdout.trim();
    const r = analyze(['--open', '-', '--json'], `${link}\n`);
    expect(r.status, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as Diagnosis;
    expect(got.hosts.find((h) => h.ip === '172.16.5.9')?.verdict).toBe('infected');
    const text = analyze(['--open', link]);
    expect(text.stdout).toMatch(/^Share link carrying the sender's diagnosis \(left out: raw pastes/);
  });

  const good = analyze(['--link', flowsFile]).stdout.trim();
  const encode = (json: string) => `#/report?d=v1.${toBase64Url(deflateSync(strToU8(json)))}`;
  it.each([
    ['not a link', 'https://example.com/page', /not a Code Red Triage share link/],
    ['damaged (characters a link never has)', `${good.slice(0, 40)}!!${good.slice(42)}`, /damaged/],
    ['damaged (cut short)', good.slice(0, 60), /damaged/],
    ['tampered (a verdict no version writes)', encode(JSON.stringify({ v: 1, mode: 'diagnosis', answers: {}, anonymised: false, redacted: 0, omitted: [], diagnosis: { version: 1, inputs: [], findings: [], hosts: [{ ip: '10.0.0.1', verdict: 'evil' }] } })), /not a valid report/],
    ['from an unknown version', '#/report?d=v9.eJwrSS0uAQAEXQHB', /newer version/],
  ])('exits 2 with a one-line reason for a link that is %s', (_what, link, reason) => {
    const r = analyze(['--open', link, '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(reason);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith('analyze: ')).toBe(true);
  });

  it('exits 2 for an oversized link (given on standard input: too long for a command line)', () => {
    const r = analyze(['--open', '-'], `#/report?d=v1.${'A'.repeat(MAX_ENCODED_CHARS + 1)}`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^analyze: This link is too large to open[^\n]*\n$/);
  });
});

describe('usage errors', () => {
  it.each([
    [['--link', '--markdown', 'x.txt'], /one at a time/],
    [['--anonymise', 'x.txt'], /go with --link/],
    [['--link', '--base', 'not a url', 'x.txt'], /--base needs a page address/],
    [['--open', 'v1.x', 'x.txt'], /takes a link, not files/],
    [['--markdown', '--json', 'x.txt'], /does not go with --markdown/],
  ])('%j', (args, message) => {
    const r = analyze(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
