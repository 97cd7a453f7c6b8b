// Big pastes of flow rows take the byte path in the worker (pasteToRead): the same diagnosis, secrets masked alike.
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../core/diagnose';
import { prescannedLines } from '../core/parsers/show-ip-cache-flow/prescanned';
import { suggestNextSteps } from '../core/rules/next-steps';
import { redactDiagnosisBy, redactSecretsDetailed } from '../share/redact-secrets';
import type { Paste } from '../core/types';
import { diagnosePastes, pasteToRead } from './diagnose-pastes';

const HEADER = 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts';

/** A session past 1 MB: a config with secrets, then a cache-flow table of `rows` rows with a scanner among clients. */
function session(rows: number, extra = ''): string {
  const out = ['Router#show running-config', 'hostname edge1', 'snmp-server community s3cr3t-c0mm RO', 'enable secret 5 $1$abcd$0123456789abcdefghij', 'Router#show ip cache flow', HEADER];
  for (let i = 0; i < rows; i++) {
    const scan = i % 4 === 0;
    const src = scan ? '10.9.9.9' : `10.1.${(i >> 8) & 255}.${1 + (i % 200)}`;
    const dst = scan ? `${1 + (i % 220)}.${(i * 7) % 250}.${(i * 13) % 250}.9` : `172.16.${i % 7}.1`;
    out.push(`${['Fa0/0', 'Gi0/1.100', 'Vl1'][i % 3]!.padEnd(14)}${src.padEnd(16)}Null          ${dst.padEnd(16)}06 ${(1024 + (i % 60000)).toString(16).toUpperCase()} 0050 ${scan ? '    1' : '   12'}`);
  }
  out.push(`Router#${extra}`);
  return out.join('\n') + '\n';
}

/** What the worker answered before big pastes took the byte path: the text path, masked the same way. */
function viaText(p: Paste) {
  const detailed = diagnoseDetailed([p], {});
  return { diagnosis: redactDiagnosisBy(detailed.diagnosis, [{ source: p.source, ...redactSecretsDetailed(p.text) }]), nextSteps: suggestNextSteps({}, detailed.sections) };
}

describe('pasteToRead (big pastes read as bytes in the worker)', () => {
  const big: Paste = { source: 'paste 1', text: session(16_000) };

  it('reads a big paste of flow rows as bytes, and answers as the text path does, secrets masked', () => {
    expect(big.text.length).toBeGreaterThan(1 << 20);
    expect(prescannedLines(pasteToRead(big))).toBeDefined();
    const got = diagnosePastes([big], {});
    const want = viaText(big);
    expect(JSON.stringify(got.diagnosis)).toBe(JSON.stringify(want.diagnosis));
    expect(got.nextSteps).toEqual(want.nextSteps);
    expect(got.diagnosis.hosts.find((h) => h.ip === '10.9.9.9')?.verdict).toBe('infected');
    const all = JSON.stringify(got);
    expect(all).not.toContain('s3cr3t-c0mm');
    expect(all).not.toContain('0123456789abcdefghij');
  });

  it('reads a big NX-OS flow cache and a big MLS NetFlow table as bytes too, and answers as the text path does', () => {
    const dst = (i: number) => `${1 + (i % 220)}.${(i * 7) % 250}.${(i * 13) % 250}.9`;
    const nx = ['switch# show flow cache', 'IPV4 Entries', 'SIP             DIP             BD ID S-Port  D-Port  Protocol  Byte Count    Packet Count  TCP FLAGS  if_id       flowStart   flowEnd'];
    const mls = ['Router#show mls netflow ip', 'DstIP           SrcIP           Prot:SrcPort:DstPort  Src i/f         :AdjPtr'];
    for (let i = 0; i < 12_000; i++) {
      const src = i % 4 === 0 ? '10.9.9.9' : `10.1.${(i >> 8) & 255}.${1 + (i % 200)}`;
      nx.push(`${src.padEnd(16)}${dst(i).padEnd(16)}4097  ${1024 + i}    80      6         48            1             0x2        0x1a000000  1432        1433`);
      mls.push(`${dst(i).padEnd(16)}${src.padEnd(16)}tcp :${1024 + i} :www       Gi1/0/24        :0x0`, '1            48            20    09:02:11  L3 - Dynamic');
    }
    for (const lines of [nx, mls]) {
      const p: Paste = { source: 'paste 1', text: `${lines.join('\n')}\n` };
      expect(p.text.length).toBeGreaterThan(1 << 20);
      expect(prescannedLines(pasteToRead(p))).toBeDefined();
      const got = diagnosePastes([p], {});
      expect(JSON.stringify(got.diagnosis)).toBe(JSON.stringify(viaText(p).diagnosis));
      expect(got.diagnosis.hosts.find((h) => h.ip === '10.9.9.9')?.verdict).toBe('infected');
    }
  });

  it('keeps small pastes, pastes without flow rows and pastes with any UTF-16 surrogate as text', () => {
    const small: Paste = { source: 's', text: session(100) };
    const noFlows: Paste = { source: 'n', text: 'Router#show version\n' + 'Cisco IOS Software\n'.repeat(70_000) };
    const surrogate: Paste = { source: 'u', text: session(16_000, '\ud800') };
    for (const p of [small, noFlows, surrogate]) expect(pasteToRead(p)).toBe(p);
    // The lone surrogate is quoted as pasted: the same answer as before.
    expect(JSON.stringify(diagnosePastes([surrogate], {}).diagnosis)).toBe(JSON.stringify(viaText(surrogate).diagnosis));
  });
});
