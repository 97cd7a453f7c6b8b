// The CLI on a Flexible NetFlow cache past 1 MB (read as text, not by the cache-flow byte path): same verdicts as in process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { asFnfRecord } from '../core/proof/flow-formats';
import { wormTraffic } from '../core/proof/worm-traffic';
import type { Diagnosis } from '../core/types';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'analyze-fnf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('analyze on a big FNF cache', () => {
  it('reads every record and gives the verdicts diagnose() gives', () => {
    const { flows } = wormTraffic(3, { codeRed: 3, codeRedII: 3, targetsPerScanner: 500 });
    const text = asFnfRecord(flows);
    expect(text.length).toBeGreaterThan(1 << 20);
    const path = join(dir, 'fnf.txt');
    writeFileSync(path, text);
    const r = spawnSync(process.execPath, ['src/cli/run.mjs', 'analyze', '--json', path], { cwd: root, encoding: 'utf8', timeout: 60_000, maxBuffer: 1 << 28 });
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as Diagnosis;
    expect(d.inputs.map((i) => [i.kind, i.records])).toEqual([['show flow monitor cache', flows.length]]);
    const want = diagnose([{ source: 'fnf.txt', text }]);
    const v = (x: Diagnosis) => x.hosts.map((h) => `${h.ip} ${h.verdict} ${h.variant} ${h.flows}`);
    expect(v(d)).toEqual(v(want));
    expect(d.hosts.filter((h) => h.verdict === 'infected')).toHaveLength(6);
  }, 90_000);
});
