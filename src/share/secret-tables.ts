// Show-command tables whose column is a secret while its rows hold no keyword: `show crypto isakmp key` (the
// pre-shared keys), NX-OS `show snmp host` (SecName: the v1/v2c community) and `show snmp community`, CatOS
// `show snmp` (Community-Access / Community-String), WLC `show snmpcommunity`. A table opens at its header and ends
// at the first line that is no row of it (that line is then read as usual). A table indented whole (a Markdown code
// block, a ticket's quote) has its rows where its header starts, `col`; rows at column 0 are rows too (a prompt or an
// indent before the header alone).
import type { Cut } from './secret-commands';
import { COMMAND_HEADS, isAddressLike, type Word, trimmedEnd, words } from './secret-words';

type RowCut = Cut | null | undefined; // the secret; null: a line of the table without one; undefined: the table ends

interface Table {
  row(line: string, ws: Word[], col: number): RowCut;
}

const dashes = (ws: Word[]) => ws.every((w) => /^-+$/.test(w.lower));
/** A prompt, `!`, or a config command: no row of any table. */
const endsTables = (w: Word) => w.lower === '!' || COMMAND_HEADS.has(w.lower) || w.lower.includes('#') || w.lower.endsWith('>');
const whole = (w: Word): Cut => ({ start: w.start, end: w.end });

/** Keyring, peer (an address with an optional /prefix, or a host name), an optional `[mask ]`, then the key. */
const ISAKMP: Table = {
  row(line, all, col) {
    const more = all[0]?.lower.startsWith('--more--') === true;
    const ws = more ? all.slice(all[0]!.lower === '--more--' ? 1 : 0) : all;
    if (ws.length === 0) return null;
    if ((!more && ws[0]!.start !== 0 && ws[0]!.start !== col) || endsTables(ws[0]!) || !ws[1] || !/^[a-z0-9.:/_-]+$/.test(ws[1].lower)) return undefined;
    let k = 2;
    if (ws[2]?.lower.startsWith('[')) {
      while (ws[k] && !ws[k]!.lower.endsWith(']') && k < 6) k++;
      k++;
    }
    return ws[k] ? { start: ws[k]!.start, end: trimmedEnd(line) } : null;
  },
};

/** NX-OS `Host Port Version Level Type SecName` rows: the last column. */
const NXOS_SNMP_HOST: Table = {
  row(_line, ws) {
    if (ws.length > 0 && dashes(ws)) return null;
    return ws.length >= 5 && (isAddressLike(ws[0]!.lower) || /^[a-z0-9.-]+$/.test(ws[0]!.lower)) && !endsTables(ws[0]!) ? whole(ws[ws.length - 1]!) : undefined;
  },
};

/** A table whose first column is the community (NX-OS `show snmp community`, WLC `show snmpcommunity`). */
const FIRST_COLUMN: Table = {
  row(_line, ws, col) {
    if (ws.length > 0 && dashes(ws)) return null;
    return ws.length > 0 && (ws[0]!.start === 0 || ws[0]!.start === col) && !endsTables(ws[0]!) && !ws[0]!.lower.startsWith('(') ? whole(ws[0]!) : undefined;
  },
};

/** CatOS `show snmp`: `read-only   COMMUNITY`. */
const CATOS_COMMUNITY: Table = {
  row(line, ws) {
    if (ws.length > 0 && dashes(ws)) return null;
    const access = ws[0]?.lower;
    return ws[1] && (access === 'read-only' || access === 'read-write' || access === 'read-write-all') ? { start: ws[1].start, end: trimmedEnd(line) } : undefined;
  },
};

/** The table a header line opens, if it is one (read after whatever prefix the line has: a prompt, a log's). */
function tableOf(ws: Word[]): Table | undefined {
  for (let i = 0; i < ws.length && i < 16; i++) {
    const at = (k: number) => ws[i + k]?.norm;
    const last = ws[ws.length - 1]!.norm;
    if (at(0) === 'keyring' && last === 'key' && ws[ws.length - 2]?.norm === 'preshared') return ISAKMP;
    if (at(0) === 'host' && at(1) === 'port' && last === 'secname') return NXOS_SNMP_HOST;
    if (at(0) === 'community' && at(1) === 'group' && at(3) === 'access') return FIRST_COLUMN;
    if (at(0) === 'community-access' && at(1) === 'community-string') return CATOS_COMMUNITY;
    if (at(0) === 'snmp' && at(1) === 'community' && at(2) === 'name' && at(5) === 'value') return FIRST_COLUMN;
  }
  return undefined;
}

/**
 * Table state across lines. `header(line)` opens a table at its header (true: the line is one, and holds no
 * secret); `row(line)` cuts a row's secret, null for a line of the table without one, undefined once it has ended.
 */
export function secretTables() {
  let table: Table | undefined;
  let col = 0; // where the header starts
  let blanks = 0;
  return {
    open: () => table !== undefined,
    header(line: string): boolean {
      // (A header is short: a long line is not cut into words for it.)
      const ws = line.length <= 400 ? words(line) : [];
      const t = ws.length > 0 ? tableOf(ws) : undefined;
      if (t) {
        table = t;
        col = ws[0]!.start;
        blanks = 0;
      }
      return t !== undefined;
    },
    row(line: string): RowCut {
      if (!table) return undefined;
      const ws = words(line);
      if (ws.length === 0) {
        // One blank line may stand right after the header, or between keyrings; two end the table.
        if (++blanks > 1) table = undefined;
        return table ? null : undefined;
      }
      blanks = 0;
      const r = table.row(line, ws, col);
      if (r === undefined) table = undefined;
      return r;
    },
  };
}
