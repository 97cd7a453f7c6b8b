import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../diagnose';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('show ip accounting: the tech note sample', () => {
  const d = diagnose([{ source: 'seed.txt', text: fixture('seed.txt') }]);

  it('reads 16 rows with no warnings', () => {
    expect(d.inputs[0]).toMatchObject({ kind: 'show ip accounting', records: 16, warnings: [] });
  });

  it('flags 20.1.145.49 and 20.1.104.194 and clears 20.1.196.207 and 20.1.81.88', () => {
    const v = Object.fromEntries(d.hosts.map((h) => [h.ip, h.verdict]));
    expect(v['20.1.145.49']).toBe('infected');
    expect(v['20.1.104.194']).toBe('infected');
    expect(v['20.1.196.207']).toBe('clean');
    expect(v['20.1.81.88']).toBe('clean');
  });
});
