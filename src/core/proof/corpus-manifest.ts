// Test helper: the corpus MANIFEST.tsv rows (copied from ../shared/corpus) joined with each capture's sha256.
import { commandIndex } from '../parsers/registry';
import type { Kind } from '../types';

export interface CorpusRow {
  /** Path inside ../shared/corpus, e.g. "show_ip_arp/ntc-1.txt". */
  file: string;
  command: string;
  repo: string;
  records: string;
  notes: string;
  sha256: string;
  /** The kind we read this command as; null when we do not read it. */
  kind: Exclude<Kind, 'unknown'> | null;
  /** The peer parser's row count when the manifest gives a plain one ("7", "34 log lines (manual)"). */
  count: number | null;
}

/** Plain counts only: a number, an optional unit, an optional "(manual)". "13 rows (ntc list-valued ...)" is not one. */
const PLAIN_COUNT = /^(\d+)(?: (?:rows?|flow rows?|process rows|processes|log lines|entries|interfaces))?(?: \(manual\))?$/;

export function plainCount(records: string): number | null {
  const m = PLAIN_COUNT.exec(records.trim());
  return m ? Number(m[1]) : null;
}

function tsvRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

export function readCorpus(manifestTsv: string, shaTsv: string): CorpusRow[] {
  const sha = new Map(tsvRows(shaTsv).slice(1).map(([file, hash]) => [file!, hash!]));
  return tsvRows(manifestTsv)
    .slice(1)
    .map(([file = '', command = '', repo = '', , , records = '', notes = '']) => {
      const k = commandIndex.match(command);
      return {
        file,
        command,
        repo,
        records,
        notes,
        sha256: sha.get(file) ?? '',
        kind: k === null || k === 'unknown' ? null : k,
        count: plainCount(records),
      };
    });
}
