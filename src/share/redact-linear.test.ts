// Masking runs on the page's thread for storage (issue 12): a 1 MB line of blanks, digits or dots after any
// secret keyword costs a small multiple of a linear scan, never a quadratic regex walk.
import { describe, expect, it } from 'vitest';
import { redactSecretsDetailed } from './redact-secrets';

const MB = 1024 * 1024;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function scan(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

describe('secret masking on 1 MB lines', () => {
  const heads = ['username a ', 'tacacs-server host 10.1.1.1 ', 'standby 1 authentication ', 'enable secret ', 'snmp-server host 10.1.1.1 ', 'password ', 'key-string ', ''];
  const fills = [' ', '\t', '7', '.', ' x', '1.1.1.1 '];
  it('stays within a multiple of a linear scan for every keyword and filler', { timeout: 120_000 }, () => {
    const slow: string[] = [];
    for (const head of heads) {
      for (const fill of fills) {
        const line = `${head}${fill.repeat(Math.ceil(MB / fill.length)).slice(0, MB)}!`;
        let t0 = cpuMs();
        for (let i = 0; i < 5; i++) scan(line);
        const base = Math.max((cpuMs() - t0) / 5, 1);
        t0 = cpuMs();
        redactSecretsDetailed(line);
        const took = cpuMs() - t0;
        if (took > 400 * base) slow.push(`${JSON.stringify(head)} + ${JSON.stringify(fill)}: ${Math.round(took)} ms (${Math.round(took / base)}x a scan)`);
      }
    }
    expect(slow).toEqual([]);
  });
});
