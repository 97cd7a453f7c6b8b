// The secret-forms corpus (issue 12): every form, after every prefix, is masked; the rest of the line is not lost.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MASK, redactLine, redactSecrets, redactSecretsDetailed } from './redact-secrets';
import { PREFIXES, parseSecretForms, plant } from './secret-forms';
import { STAMPS } from '../core/proof/paste-variants';

const forms = parseSecretForms(readFileSync(new URL('./fixtures/secret-forms.tsv', import.meta.url), 'utf8'));

/** Distinct, recognisable secrets: a counter keeps every planted value unique within a test. */
function secrets() {
  let n = 0;
  return (k: 'S' | 'H' | 'B') => {
    n++;
    if (k === 'H') return (0x30820000 + n).toString(16).toUpperCase();
    if (k === 'B') return `AAAAB3NzaC1yc2EAAAADAQABAAABAQC${n}x/Zq+Lm9Pw${n}`;
    return `Zq${n}x!S3cr3t`;
  };
}

describe('the corpus', () => {
  it('holds at least 100 forms across IOS, IOS-XE, NX-OS, ASA, CatOS and command output', () => {
    expect(forms.length).toBeGreaterThanOrEqual(100);
    const by = (p: string) => forms.filter((f) => f.platform === p).length;
    expect(by('ios')).toBeGreaterThan(80);
    expect(by('iosxe')).toBeGreaterThanOrEqual(10);
    expect(by('catos')).toBeGreaterThanOrEqual(10);
    expect(by('nxos')).toBeGreaterThanOrEqual(5);
    expect(by('asa')).toBeGreaterThanOrEqual(5);
    expect(by('output')).toBeGreaterThanOrEqual(3);
  });
});

describe.each(PREFIXES.map((p) => [JSON.stringify(p), p] as const))('every form after the prefix %s', (_name, prefix) => {
  it.each(forms.map((f) => [f.lines.join(' / '), f] as const))('%s', (_form, form) => {
    const { lines, secrets: planted } = plant(form, prefix, secrets());
    const text = ['hostname edge', ...lines, '!', 'end', ''].join('\n');
    const r = redactSecretsDetailed(text);
    for (const s of planted) expect(r.text, `${s} in\n${r.text}`).not.toContain(s);
    expect(r.text).toContain(MASK);
    expect(r.removed.length).toBeGreaterThan(0);
    // In place: same line count, the lines around untouched, and masking again changes nothing.
    expect(r.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(r.text.startsWith('hostname edge\n')).toBe(true);
    expect(r.text.endsWith('\n!\nend\n')).toBe(true);
    expect(redactSecrets(r.text)).toBe(r.text);
  });
});

// A terminal log of the session (Tera Term, SecureCRT, minicom, ts): a time stamp before every line, block lines too.
describe.each(STAMPS.map((stamp, k) => [JSON.stringify(stamp(Date.UTC(2026, 11, 3, 3, 30))), k] as const))('every form in a terminal log stamped %s', (_name, k) => {
  it.each(forms.map((f) => [f.lines.join(' / '), f] as const))('%s', (_form, form) => {
    const { lines, secrets: planted } = plant(form, '', secrets());
    const stamps = ['hostname edge', ...lines, '!', 'end'].map((_l, n) => STAMPS[k]!(Date.UTC(2026, 11, 3, 23, 59, 58) + n * 1111));
    const text = `${['hostname edge', ...lines, '!', 'end'].map((l, n) => stamps[n] + l).join('\n')}\n`;
    const r = redactSecretsDetailed(text);
    for (const s of planted) expect(r.text, `${s} in\n${r.text}`).not.toContain(s);
    expect(r.removed.length).toBeGreaterThan(0);
    // Every line keeps its stamp, and the lines around are untouched.
    const out = r.text.split('\n');
    expect(out).toHaveLength(text.split('\n').length);
    stamps.forEach((st, n) => expect(out[n]!.startsWith(st.trimEnd())).toBe(true));
    expect(out[0]).toBe(`${stamps[0]}hostname edge`);
    expect(redactSecrets(r.text)).toBe(r.text);
  });
});

// A paste quoted in an e-mail, indented whole (a Markdown code block, a ticket), or shown as a diff (`show archive
// config differences`, a `git diff` of an oxidized or RANCID backup): the prefix before every line, blocks too.
const LINE_PREFIXES = ['> ', '>', '>> ', '> > ', '    ', '\t', '+', '-', '+ ', '- '];
describe.each(LINE_PREFIXES.map((q) => [JSON.stringify(q), q] as const))('every form with %s before each line', (_name, q) => {
  it.each(forms.map((f) => [f.lines.join(' / '), f] as const))('%s', (_form, form) => {
    const { lines, secrets: planted } = plant(form, '', secrets());
    const text = `${['hostname edge', ...lines, '!', 'end'].map((l) => q + l).join('\n')}\n`;
    const r = redactSecretsDetailed(text);
    for (const s of planted) expect(r.text, `${s} in\n${r.text}`).not.toContain(s);
    expect(r.removed.length).toBeGreaterThan(0);
    // Every line keeps its prefix, and the lines around are untouched.
    const out = r.text.split('\n');
    expect(out).toHaveLength(text.split('\n').length);
    out.slice(0, -1).forEach((l) => expect(l.startsWith(q)).toBe(true));
    expect(out[0]).toBe(`${q}hostname edge`);
    expect(out.slice(-3)).toEqual([`${q}!`, `${q}end`, '']);
    expect(redactSecrets(r.text)).toBe(r.text);
  });
});

describe('what masking keeps', () => {
  it.each([
    ['enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0', 'enable secret 5 <removed>'],
    ['R1(config)#enable algorithm-type scrypt secret Zz9', 'R1(config)#enable algorithm-type scrypt secret <removed>'],
    ['snmp-server community s3cr3tRO RO 10', 'snmp-server community <removed> RO 10'],
    ['snmp-server community s3cr3tRO view iso RW 99', 'snmp-server community <removed> view <removed> RW 99'],
    ['snmp-server host 10.1.1.5 vrf MGMT version 2c traPcomm', 'snmp-server host 10.1.1.5 vrf <removed> version 2c <removed>'],
    ['radius-server host 10.0.0.7 auth-port 1645 acct-port 1646 key 7 0205', 'radius-server host 10.0.0.7 auth-port 1645 acct-port 1646 key 7 <removed>'],
    ['ntp authentication-key 2 hmac-sha2-256 NtpK3y', 'ntp authentication-key 2 hmac-sha2-256 <removed>'],
    [' standby 1 authentication md5 key-string 7 0822455D0A16', ' standby 1 authentication md5 key-string 7 <removed>'],
    ['boot system ftp://admin:Pw0rd@192.0.2.10/c2900.bin', 'boot system ftp://<removed>@192.0.2.10/c2900.bin'],
    ['set snmp community read-only CatRO', 'set snmp community read-only <removed>'],
    ['Community name: ILMIx', 'Community name: <removed>'],
    ['line not understood: "tacacs-server key quotedKey"', 'line not understood: "tacacs-server key <removed>"'],
    // A secret that looks like a type digit or a kept word once its glue is dropped is still the secret (fuzz).
    ['username admin password 5 ZqAAAA=3 role network-admin', 'username admin password 5 <removed>'],
    ['snmp-server host 10.1.1.5 version 2c Zq#version', 'snmp-server host 10.1.1.5 version 2c <removed>'],
    ['snmp-server community public RO a:ro', 'snmp-server community <removed> RO <removed>'],
    // The password of `test aaa`, not its user name (a name: anonymised, not masked), nor what follows.
    ['core1#test aaa group radius mmueller Sommer2026! legacy', 'core1#test aaa group radius mmueller <removed> legacy'],
    ['N9K-1# test aaa server radius 10.20.30.51 vrf management kschulz Fr2026', 'N9K-1# test aaa server radius 10.20.30.51 vrf management kschulz <removed>'],
    ['fw# test aaa-server authentication ISE host 10.20.30.51 username mmueller password S2026', 'fw# test aaa-server authentication ISE host 10.20.30.51 username mmueller password <removed>'],
    ['  ip pim hello-authentication ah-md5 3 9125d59c18a9b015', '  ip pim hello-authentication ah-md5 3 <removed>'],
    ['groupname: N0c-Wr1te-2024                   security model:v2c', 'groupname: <removed>                   security model:v2c'],
    ['groupname: ops-v3                           security model:v3 priv', 'groupname: ops-v3                           security model:v3 priv'],
    // A diff's marker glued to an indented command (`show archive config differences`).
    [' +key-string 7 Zq0822455D', ' +key-string 7 <removed>'],
    [' -password 7 Zq0822455D', ' -password 7 <removed>'],
    [' +en s Zq0822455D', ' +en s <removed>'],
  ])('%s', (line, masked) => {
    expect(redactLine(line).text).toBe(masked);
  });

  it('masks when in doubt: prose that says "password" loses what follows it', () => {
    expect(redactSecrets('change the enable password afterwards')).toBe('change the enable password <removed>');
  });

  it('leaves the config the diagnosis reads alone', () => {
    const config = [
      'interface FastEthernet0/0',
      ' ip address 10.1.1.1 255.255.255.0',
      ' ip access-group 150 in',
      ' ip route-cache flow',
      'ip route 0.0.0.0 0.0.0.0 192.0.2.1',
      'access-list 150 deny tcp any any eq www log',
      'ip http server',
      'ip cef',
      'logging console',
      'ip nat inside source list 1 interface FastEthernet0/1 overload',
      'mls flow ip destination',
    ].join('\n');
    expect(redactSecrets(config)).toBe(config);
  });
});

describe('linear time', () => {
  it.each([
    ['spaces', ' '.repeat(1 << 20)],
    ['a keyword then spaces', `password${' '.repeat(1 << 20)}x`],
    ['repeated keywords', 'key '.repeat(1 << 18)],
    ['one 1 MB word after a keyword', `secret ${'k'.repeat(1 << 20)}`],
    ['glue characters', `${'#:'.repeat(1 << 19)}password x`],
    ['community and digits', `community ${'1 '.repeat(1 << 19)}`],
    ['URL-ish', `ftp://${'@'.repeat(1 << 20)}`],
    ['many short words, a keyword at the end', `${'a '.repeat(1 << 19)}snmp`],
    ['many URL-less words after a keyword-free start', `${'x@y '.repeat(1 << 18)}community`],
    ['many quotes', `${'"'.repeat(1 << 20)} key "x"`],
    ['abbreviated keywords', 'usern sec '.repeat(1 << 17)],
    ['words before an abbreviation', `${'x '.repeat(1 << 19)}en sec y`],
    ['spaces before abbreviations', `usern${' '.repeat(1 << 19)}${'sec '.repeat(1 << 17)}`],
    ['tacacs-server words', 'tacacs-server '.repeat(1 << 16)],
    // Lines of a terminal's width are read with the next one (a wrap may cut a secret): once each, never rescanned.
    ['80-column lines without a keyword', `${'a'.repeat(80)}\n`.repeat(1 << 14)],
    ['80-column lines with keywords', `key ${'a'.repeat(76)}\n`.repeat(1 << 14)],
    ['79-column lines before a keyword at the end', `${`${'b'.repeat(79)}\n`.repeat(1 << 14)}password x`],
    ['hex after a certificate', `certificate 01\n${'  3082022B'.repeat(1 << 17)}\n quit`],
  ])('a 1 MB line of %s is masked in well under a second', (_name, line) => {
    const t0 = performance.now();
    redactSecrets(line);
    redactSecrets(`${line}\n${line}`); // and as two lines of a paste
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});
