// A big file's paste is diagnosed again as the questionnaire's answers change (the browser's worker keeps the paste
// read from the file): the rows a diagnosis put back as text for quoting are read from their columns only, not twice.
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { registerPrescan } from '../parsers/show-ip-cache-flow/prescanned';
import type { Answers, Paste } from '../types';
import { prescanBytes } from './prescan';

function viaBytes(text: string): Paste {
  const p: Paste = { source: 'big.txt', text: '' };
  registerPrescan(p, prescanBytes(new TextEncoder().encode(text)));
  return p;
}

/** A scanner's 300 flows to new addresses, as each table prints them. */
const dst = (i: number) => `${11 + (i % 200)}.${i >> 2}.7.9`;
const TABLES: Record<string, string[]> = {
  'show ip cache flow': ['R#show ip cache flow', 'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts', ...Array.from({ length: 300 }, (_, i) => `Fa0/0         10.9.9.9        Null          ${dst(i).padEnd(16)}06 ${(1024 + i).toString(16).toUpperCase().padStart(4, '0')} 0050     1`)],
  'show flow cache': [
    'switch# show flow cache',
    'IPV4 Entries',
    'SIP             DIP             BD ID S-Port  D-Port  Protocol  Byte Count    Packet Count  TCP FLAGS  if_id       flowStart   flowEnd',
    ...Array.from({ length: 300 }, (_, i) => `10.9.9.9        ${dst(i).padEnd(16)}4097  ${1024 + i}    80      6         48            1             0x2        0x1a000000  1432        1433`),
  ],
  'show mls netflow ip': [
    'R#show mls netflow ip',
    'DstIP           SrcIP           Prot:SrcPort:DstPort  Src i/f         :AdjPtr',
    ...Array.from({ length: 300 }, (_, i) => [`${dst(i).padEnd(16)}10.9.9.9        tcp :${1024 + i} :www       Gi1/0/24        :0x0`, '1            48            20    09:02:11  L3 - Dynamic']).flat(),
  ],
  'show ip cache verbose flow': [
    'R#show ip cache verbose flow',
    'SrcIf          SrcIPaddress    DstIf          DstIPaddress    Pr TOS Flgs  Pkts',
    'Port Msk AS                    Port Msk AS    NextHop              B/Pk  Active',
    ...Array.from({ length: 300 }, (_, i) => [`Fa0/0          10.9.9.9        Null           ${dst(i).padEnd(16)}06 00  02         1`, `${(1024 + i).toString(16).toUpperCase()} /0  0                     0050 /0  0     0.0.0.0               48     0.0`]).flat(),
  ],
};

describe('a big paste diagnosed again reads the same', () => {
  for (const [kind, lines] of Object.entries(TABLES)) {
    it(kind, () => {
      const text = `${lines.join('\n')}\n`;
      const want = diagnose([{ source: 'big.txt', text }]);
      expect(want.hosts.find((h) => h.ip === '10.9.9.9')).toMatchObject({ verdict: 'infected', flows: 300 });
      const p = viaBytes(text);
      // The first diagnosis quotes the scanner's rows (read back from the bytes); the ones after read them as rows only.
      const answersList: Answers[] = [{}, { cpu: 'interrupt' }, {}];
      for (const answers of answersList) expect(diagnose([p], answers)).toEqual(diagnose([{ source: 'big.txt', text }], answers));
    });
  }
});
