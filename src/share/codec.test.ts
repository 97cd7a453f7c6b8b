// The link codec: round trip, and every way an untrusted link can be wrong gets a clear failure, never a throw.
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url';
import { MAX_ENCODED_CHARS, decodePayload, encodePayload } from './codec';
import type { SharePayload } from './payload-schema';
import { payloadFromHash, reportHash, shareUrl } from './share-route';

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const sample: SharePayload = {
  mode: 'input',
  v: 1,
  answers: { cpu: 'interrupt', memory: 'mallocfail' },
  anonymised: false,
  redacted: 0,
  pastes: [{ source: 'flows.txt', text: `Router#show ip cache flow\r\nVl1\u00a0 193.23.45.35 Vl3 2.34.56.12 06 0F9F 0050 2\n${HOSTILE}\n` }],
};
const envelope = (json: string, version = 1) => `v${version}.${toBase64Url(deflateSync(strToU8(json)))}`;

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });
  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('abc=')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('ab\u00e9c')).toBeNull();
  });
});

describe('encode/decode', () => {
  it('round-trips a payload exactly, hostile markup included as plain text', () => {
    const enc = encodePayload(sample);
    expect(enc.startsWith('v1.')).toBe(true);
    const r = decodePayload(enc);
    expect(r).toEqual({ ok: true, payload: sample, notes: [] });
  });
  it('reads the payload back out of a full link', () => {
    const url = shareUrl('https://noc.example/noc/tools/codered/index.html#/paste', encodePayload(sample));
    expect(url.startsWith('https://noc.example/noc/tools/codered/index.html#/report?d=v1.')).toBe(true);
    const d = payloadFromHash(new URL(url).hash);
    expect(d).not.toBeNull();
    expect(decodePayload(d!).ok).toBe(true);
    expect(payloadFromHash(reportHash('v1.abc') + '&x=1')).toBe('v1.abc');
    expect(payloadFromHash('#/report')).toBeNull();
  });
  it('drops unknown answers and unknown keys, and says so', () => {
    const r = decodePayload(envelope(JSON.stringify({ ...sample, answers: { cpu: 'interrupt', evil: 'x', memory: 'lots' }, extra: 1 })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload.answers).toEqual({ cpu: 'interrupt' });
    expect('extra' in r.payload).toBe(false);
    expect(r.notes).toHaveLength(2);
  });
});

describe('untrusted links', () => {
  const enc = encodePayload(sample);
  const cases: [string, string, string][] = [
    ['empty', '', 'not-a-link'],
    ['no version prefix', enc.slice(3), 'not-a-link'],
    ['unknown future version', `v9.${enc.slice(3)}`, 'version'],
    ['version zero', `v0.${enc.slice(3)}`, 'version'],
    ['truncated', enc.slice(0, Math.floor(enc.length / 2)), 'damaged'],
    ['a character altered', enc.slice(0, 20) + (enc[20] === 'A' ? 'B' : 'A') + enc.slice(21), 'damaged'],
    ['foreign characters', `${enc}<script>`, 'damaged'],
    ['nothing after the prefix', 'v1.', 'damaged'],
    ['not JSON', envelope('alert(1)'), 'damaged'],
    ['JSON of the wrong shape', envelope('{"mode":"input","v":1}'), 'invalid'],
    ['an array', envelope('[1,2,3]'), 'invalid'],
    ['an unknown finding id', envelope(JSON.stringify({ mode: 'diagnosis', v: 1, answers: {}, anonymised: false, redacted: 0, omitted: [], diagnosis: { version: 1, inputs: [], hosts: [], findings: [{ id: 'pwned', severity: 'critical', title: 't', evidence: [], remedy: { summary: '', commands: [], caveats: [] } }] } })), 'invalid'],
    ['a wrong version inside', envelope(JSON.stringify({ ...sample, v: 2 })), 'invalid'],
    ['too long', `v1.${'A'.repeat(MAX_ENCODED_CHARS + 4)}`, 'too-large'],
  ];
  it.each(cases)('%s', (_name, text, reason) => {
    const r = decodePayload(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe(reason);
    expect(r.message.length).toBeGreaterThan(20);
  });
  it('refuses a deflate bomb without inflating it whole', () => {
    const bomb = envelope(`{"pad":"${' '.repeat(20_000_000)}"}`);
    expect(bomb.length).toBeLessThan(40_000);
    const t = Date.now();
    const r = decodePayload(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('too-large');
    expect(Date.now() - t).toBeLessThan(5000); // ~0.3 s alone; generous for a loaded CI machine, far below 20 MB's cost
  });
  it('every single-character truncation fails cleanly, never throws', () => {
    for (let n = 0; n < enc.length; n += 7) {
      const r = decodePayload(enc.slice(0, n));
      expect(r.ok).toBe(false);
    }
  });
});
