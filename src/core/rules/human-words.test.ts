// What a person reads (titles, summaries, caveats, alternatives) never names a finding by its internal id.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../answers';
import { diagnose } from '../diagnose';
import { FINDING_IDS } from '../types';

const dir = join(__dirname, 'fixtures');
const pastes = readdirSync(dir)
  .filter((n) => n.endsWith('.txt'))
  .map((n) => ({ source: n, text: readFileSync(join(dir, n), 'utf8') }));
// Ids that are also plain words (mallocfail) cannot be told apart from prose; the hyphenated ones can.
const IDS = FINDING_IDS.filter((id) => id.includes('-'));

function readText(f: { title: string; remedy: { summary: string; caveats: string[]; alternatives?: { summary: string }[] } }): string[] {
  return [f.title, f.remedy.summary, ...f.remedy.caveats, ...(f.remedy.alternatives ?? []).map((a) => a.summary)];
}

describe('human words in findings', () => {
  it('no finding id appears in the text of any finding, from every rule fixture and from every answer', () => {
    const all = [diagnose(pastes, {})];
    // Answer-only findings: every value of every question, one question at a time.
    for (const q of QUESTIONS) for (const o of q.options) all.push(diagnose([], { [q.key]: o.value }));
    const offenders: string[] = [];
    let texts = 0;
    for (const d of all)
      for (const f of d.findings)
        for (const t of readText(f)) {
          texts++;
          for (const id of IDS) if (t.includes(id)) offenders.push(`${f.id}: "${t.slice(0, 120)}" names ${id}`);
        }
    expect(texts).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});
