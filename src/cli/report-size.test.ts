// reportBytesEstimate against the document --json really writes (JSON.stringify(diagnosis, null, 2)), on captures of
// the bench's shapes at a test's size: many clean hosts, and many infected ones whose findings quote many lines.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { writeMix } from './bench-shapes';
import { objectBytesEstimate, reportBytesEstimate } from './report-size';

const dir = mkdtempSync(join(tmpdir(), 'report-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ratio(name: string, spec: Parameters<typeof writeMix>[1]): { ratio: number; flagged: number; quoted: number } {
  const file = join(dir, `${name}.txt`);
  writeMix(file, spec, 11);
  const d = diagnose([{ source: name, text: readFileSync(file, 'latin1') }]);
  const real = JSON.stringify(d, null, 2).length + 1;
  return {
    ratio: reportBytesEstimate(d) / real,
    flagged: d.hosts.filter((h) => h.verdict !== 'clean').length,
    quoted: d.findings.reduce((n, f) => n + f.evidence.length, 0),
  };
}

describe('reportBytesEstimate', () => {
  it('is within a third of the real document for many clean hosts', { timeout: 60_000 }, () => {
    const r = ratio('clean', { rows: 40_000, scanners: 10, scannerShare: 0.1, cleanSources: 8_000, servers: 500, perRowInterfaces: false });
    expect(r.flagged).toBeGreaterThanOrEqual(10);
    expect(r.ratio).toBeGreaterThan(0.75);
    expect(r.ratio).toBeLessThan(1.33);
  });

  it('is within a third of the real document for many infected hosts quoted in findings', { timeout: 60_000 }, () => {
    const r = ratio('infected', { rows: 40_000, scanners: 400, scannerShare: 0.5, cleanSources: 1_600, servers: 500, perRowInterfaces: false });
    expect(r.flagged).toBeGreaterThanOrEqual(300);
    // The findings' quoted lines are most of this document: an estimate by hosts alone is less than half of it.
    expect(r.quoted).toBeGreaterThan(r.flagged * 4);
    expect(r.ratio).toBeGreaterThan(0.75);
    expect(r.ratio).toBeLessThan(1.33);
  });
});

describe('objectBytesEstimate', () => {
  it('counts hosts not written from their columns and every quoted line', () => {
    const hosts = [{ k: 'row' }, { k: 'row' }, { k: 'object' }];
    const d = { hosts, findings: [{ evidence: [1, 2] }, { evidence: [3] }] };
    expect(objectBytesEstimate(d, (h) => (h as { k: string }).k === 'row')).toBe(400 + 3 * 250);
    expect(objectBytesEstimate(d, () => false)).toBe(3 * 400 + 3 * 250);
  });
});
