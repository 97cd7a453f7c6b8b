import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../types';

// The acceptance check, through the real CLI and its JSON, exactly as a script would run it.
const root = resolve(__dirname, '../../..');
const fixture = (n: string) => join(__dirname, 'fixtures', n);

function analyze(file: string): Diagnosis {
  const r = spawnSync(process.execPath, ['src/cli/run.mjs', 'analyze', '--json', file], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Diagnosis;
}

const IDS = ['default-route-to-broadcast-interface', 'cef-not-enabled', 'http-server-enabled', 'acl-log-keyword'] as const;

describe('analyze --json on a running-config', () => {
  it('raises the four config findings with commands built from the config', { timeout: 180_000 }, () => {
    const d = analyze(fixture('config-constructed-code-red.txt'));
    expect(d.inputs.map((i) => i.kind)).toEqual(['show running-config']);
    const by = (id: string) => d.findings.find((f) => f.id === id);
    for (const id of IDS) expect(by(id), id).toBeDefined();
    // The new route goes in before the old one comes out (the old order left no default route mid-paste).
    expect(by('default-route-to-broadcast-interface')!.remedy.commands).toEqual([
      'ip route 0.0.0.0 0.0.0.0 <next-hop address on Vlan3: show ip arp Vlan3 or show cdp neighbors Vlan3 detail>',
      'no ip route 0.0.0.0 0.0.0.0 Vlan3',
      'clear arp-cache',
    ]);
    expect(by('cef-not-enabled')!.remedy.commands).toEqual(['ip cef']);
    expect(by('http-server-enabled')!.remedy.commands).toEqual(['no ip http server']);
    // ACL 101 is in use, so the log-free copy takes 100 and is swapped in where 101 was applied.
    expect(by('acl-log-keyword')!.remedy.commands).toEqual([
      'access-list 100 permit tcp any any eq www',
      'access-list 100 deny ip any any',
      'interface Vlan3',
      ' ip access-group 100 in',
    ]);
    for (const id of IDS) expect(by(id)!.evidence[0]!.source).toBe('config-constructed-code-red.txt');
  });

  it('raises none of them on the clean config (next-hop route, ip cef, no ip http server, no logging console)', { timeout: 180_000 }, () => {
    const d = analyze(fixture('config-constructed-clean.txt'));
    expect(d.inputs.map((i) => i.kind)).toEqual(['show running-config']);
    const ids = d.findings.map((f) => f.id);
    for (const id of IDS) expect(ids, id).not.toContain(id);
  });
});
