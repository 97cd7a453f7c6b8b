// splitSections and takeFieldNotes told which lines may hold text (a big dump read as bytes: its flow rows' lines
// are empty) find what they find reading every line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandIndex } from '../parsers/registry';
import { takeFieldNotes } from './field-notes';
import { normaliseLines } from './normalise';
import { splitSections } from './split';

const fixture = (name: string) => normaliseLines(readFileSync(join(__dirname, 'fixtures', name), 'utf8'));
/** Real captures (one with three banners), and posters' notes, elisions and banners that hold a prompt. */
const PIECES: string[][] = [
  fixture('running-config-dean-1.txt'),
  fixture('cache-flow-dean-3.txt'),
  fixture('nat-translations-marius-3.txt'),
  fixture('ip-arp-marius-2.txt'),
  fixture('logging-marius-1.txt'),
  fixture('cache-flow-echalkpad-1.txt'),
  ['   81106 active, 48430 inactive   \u2014> 81106 TCP flows were active', '[...]', 'Internet 10.1.1.1 5 0011.2233.4455 ARPA Vlan1 <-- this'],
  ['banner motd ^C', 'R1#show ip arp', '<<< AUTHORISED USE ONLY >>>', '^C', 'R1#show ip cache flow'],
  ['banner login #', 'R2#show logging', 'no closing delimiter here'],
  ['<snip>', 'R3#sh ip nat tr', '  ... output omitted ...'],
];
const isShow = (b: string) => commandIndex.match(b) !== null;

/** Pieces joined, some lines emptied (as flow rows are), and the lines said to hold text: every non-empty one, some empty. */
const paste = fc
  .array(fc.integer({ min: 0, max: PIECES.length - 1 }), { minLength: 1, maxLength: 8 })
  .chain((picks) => {
    const lines = picks.flatMap((p) => PIECES[p]!);
    return fc.tuple(fc.constant(lines), fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }), fc.array(fc.boolean(), { minLength: lines.length, maxLength: lines.length }));
  })
  .map(([given, empty, listed]) => {
    const lines = given.map((l, i) => (empty[i] ? '' : l));
    const only = lines.flatMap((l, i) => (l !== '' || listed[i] ? [i] : []));
    return { lines, only };
  });

describe('reading only the lines that may hold text', () => {
  it('splits the same sections', () => {
    fc.assert(
      fc.property(paste, ({ lines, only }) => {
        expect(splitSections(lines, isShow, only)).toEqual(splitSections(lines, isShow));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same notes and takes them out of the same lines', () => {
    fc.assert(
      fc.property(paste, ({ lines, only }) => {
        const all = takeFieldNotes(lines);
        const some = takeFieldNotes(lines, only);
        expect(some.notes).toEqual(all.notes);
        expect(some.lines).toEqual(all.lines);
      }),
      { numRuns: 300 },
    );
  });

  it('finds something to compare: sections, notes and a banner that hides a prompt', () => {
    const lines = [...PIECES[7]!, ...PIECES[6]!, ...PIECES[1]!];
    const only = lines.flatMap((l, i) => (l !== '' ? [i] : []));
    const sections = splitSections(lines, isShow, only);
    // The prompt inside the banner starts no section; the one after it does.
    expect(sections.map((s) => s.command)).toEqual([undefined, 'show ip cache flow', 'show ip cache flow']);
    expect(takeFieldNotes(lines, only).notes.map((n) => n.kind)).toEqual(['annotation', 'elision', 'annotation']);
  });
});
