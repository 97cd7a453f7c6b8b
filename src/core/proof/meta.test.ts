// Meta-test (issue 3, Proof): every registered parser has fixtures, and every capture is recognised as its folder's kind.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { PARSERS } from '../parsers/registry';
import { folderOf, isCapture, kindsByFolder, loadFixtures, SHAPE_TWIN_OF } from './fixture-set';

const fixtures = loadFixtures(fs, join(__dirname, '../parsers'));
const byFolder = kindsByFolder();

/** Kinds diagnose gives a fixture's sections, unknown ones left out. */
function recognisedKinds(text: string, source: string): string[] {
  return diagnose([{ source, text }]).inputs.map((i) => i.kind).filter((k) => k !== 'unknown');
}

describe('every registered parser is proven on fixtures', () => {
  it('has at least one .txt fixture in its folder', () => {
    const lacking = PARSERS.filter((p) => !fixtures.some((f) => f.folder === folderOf(p.kind) && f.name.endsWith('.txt')));
    expect(lacking.map((p) => `${p.kind} (src/core/parsers/${folderOf(p.kind)}/fixtures)`), 'parsers without fixtures').toEqual([]);
  });

  it('has at least one fixture recognised as its own kind', () => {
    // Catches a folder shared by two kinds (show ip cache / verbose) where only one of them has a capture.
    const lacking = PARSERS.filter(
      (p) => !fixtures.some((f) => f.folder === folderOf(p.kind) && f.name.endsWith('.txt') && recognisedKinds(f.text, f.rel).includes(p.kind)),
    );
    expect(lacking.map((p) => p.kind), 'kinds no fixture is recognised as').toEqual([]);
  });

  it('keeps fixtures only in folders of registered parsers', () => {
    const orphans = [...new Set(fixtures.map((f) => f.folder))].filter((f) => !byFolder.has(f));
    expect(orphans).toEqual([]);
  });
});

describe('every capture is recognised as its folder kind by diagnose()', () => {
  const captures = fixtures.filter(isCapture);

  it('finds captures to check', () => {
    expect(captures.length).toBeGreaterThan(0);
  });

  it('recognises each capture as its folder kind, and as no other command', () => {
    const wrong: string[] = [];
    for (const f of captures) {
      const allowed = [...(byFolder.get(f.folder) ?? []), ...(f.rel in SHAPE_TWIN_OF ? [SHAPE_TWIN_OF[f.rel]!] : [])];
      const kinds = recognisedKinds(f.text, f.rel);
      const ok = kinds.some((k) => (allowed as string[]).includes(k)) && kinds.every((k) => (allowed as string[]).includes(k));
      if (!ok) wrong.push(`${f.rel}: got [${kinds.join(', ') || 'unknown'}], want ${allowed.join(' or ')}`);
    }
    expect(wrong, `${wrong.length} of ${captures.length} captures not recognised`).toEqual([]);
  });
});
