// Test helper: every fixture file under src/core/parsers/*/fixtures, and which kinds each folder's captures are.
// Pure TypeScript (core has no Node APIs): the test hands in the few fs functions it needs.
import { PARSERS } from '../parsers/registry';
import type { Kind } from '../types';

/** The slice of node:fs the loader uses, so this file stays free of Node APIs. */
export interface FixtureIo {
  readdirSync(path: string): string[];
  /** node:fs returns a Buffer, whose toString('utf8') decodes it. */
  readFileSync(path: string): Uint8Array & { toString(encoding: 'utf8'): string };
  existsSync(path: string): boolean;
}

export interface Fixture {
  /** Parser folder, e.g. "show-ip-arp". */
  folder: string;
  /** File name inside fixtures/, e.g. "ntc-1.txt". */
  name: string;
  /** "show-ip-arp/ntc-1.txt", for messages. */
  rel: string;
  bytes: Uint8Array;
  text: string;
}

/** Kinds whose parser lives in another kind's folder (one parser file serves both). */
const SHARED_FOLDERS: Partial<Record<Kind, string>> = {
  'show ip cache verbose': 'show-ip-cache',
};

export function folderOf(kind: Kind): string {
  return SHARED_FOLDERS[kind] ?? kind.replace(/ /g, '-');
}

/** Folder -> the kinds a capture in it may be recognised as. */
export function kindsByFolder(): Map<string, Kind[]> {
  const m = new Map<string, Kind[]>();
  for (const p of PARSERS) {
    const f = folderOf(p.kind);
    m.set(f, [...(m.get(f) ?? []), p.kind]);
  }
  return m;
}

/**
 * Fixture files that are not verbatim captures of their folder's command. Constructed and tech-note-format
 * fixtures are recognised by name; anything else a parser owner adds on purpose goes here, with the reason.
 */
export const NOT_A_CAPTURE: Record<string, string> = {
  'show-processes-cpu/history-graph-cisco-nsp-7500-vip.txt': 'a `show processes cpu history` graph without its command: named, not read',
  'show-processes-cpu/history-graph-habets-2620.txt': 'a `show processes cpu history` graph without its command: named, not read',
};

/** Captures without their command that are, line for line, another command's output too (see corpus.test.ts). */
export const SHAPE_TWIN_OF: Record<string, Kind> = {
  'show-ip-flow-top-talkers/ntc-1.txt': 'show ip cache flow',
};

export function isCapture(f: Pick<Fixture, 'name' | 'rel'>): boolean {
  if (!f.name.endsWith('.txt')) return false;
  if (f.name.startsWith('constructed-') || f.name.startsWith('technote-format-')) return false;
  return !(f.rel in NOT_A_CAPTURE);
}

/**
 * fixtures/field/ holds the field corpus (forum and bug-report pastes, issue 13): proven against hand counts by
 * field-corpus.test.ts, not by the suites that load the parser fixtures.
 */
export const FIELD_DIR = 'field';

/** Every file in every parser folder's fixtures/ (sorted, so test order is stable). */
export function loadFixtures(io: FixtureIo, parsersDir: string): Fixture[] {
  const out: Fixture[] = [];
  for (const folder of io.readdirSync(parsersDir).sort()) {
    const dir = `${parsersDir}/${folder}/fixtures`;
    if (!io.existsSync(dir)) continue;
    for (const name of io.readdirSync(dir).sort()) {
      if (name === FIELD_DIR) continue;
      const bytes = io.readFileSync(`${dir}/${name}`);
      out.push({ folder, name, rel: `${folder}/${name}`, bytes, text: bytes.toString('utf8') });
    }
  }
  return out;
}

/** The *.txt captures only (what the parsers are proven on). */
export function loadCaptures(io: FixtureIo, parsersDir: string): Fixture[] {
  return loadFixtures(io, parsersDir).filter((f) => f.name.endsWith('.txt'));
}

/** The field corpus's captures (every parser folder's fixtures/field/*.txt), sorted: pastes as engineers post them. */
export function loadFieldCaptures(io: FixtureIo, parsersDir: string): Fixture[] {
  const out: Fixture[] = [];
  for (const folder of io.readdirSync(parsersDir).sort()) {
    const dir = `${parsersDir}/${folder}/fixtures/${FIELD_DIR}`;
    if (!io.existsSync(dir)) continue;
    for (const name of io.readdirSync(dir).sort()) {
      if (!name.endsWith('.txt')) continue;
      const bytes = io.readFileSync(`${dir}/${name}`);
      out.push({ folder, name, rel: `${folder}/${FIELD_DIR}/${name}`, bytes, text: bytes.toString('utf8') });
    }
  }
  return out;
}
