// The bench's traffic shapes beyond today's file: worms at full speed, per-row interfaces, many small sources, all-distinct pairs.
import { closeSync, openSync, writeSync } from 'node:fs';
import { mulberry32 } from '../core/proof/mulberry32';
import { hex, ip, pad, publicAddr, writeBenchDump } from './bench-data';

/** What the generator knows: the sources that must be flagged, and the variant of those it can tell. */
export interface ShapeTruth {
  rows: number;
  sources: number;
  scanners: string[];
  variants: Map<string, 'code-red' | 'code-red-ii'>;
  note: string;
}

export interface Shape {
  name: string;
  title: string;
  write: (file: string) => ShapeTruth;
  /** An awk statement run on every line before the bench's own program (the stamped log's stamps taken off). */
  awkPrefix?: string;
  /** mawk's own program for this shape, where its lines are not `show ip cache flow` rows (the FNF records). */
  awkProgram?: string;
}

interface MixSpec {
  rows: number;
  scanners: number;
  /** Share of all rows that come from the scanners (each to a fresh uniformly random destination). */
  scannerShare: number;
  cleanSources: number;
  /** How clean sources pick destinations: a pool of servers with a Zipf (s = 1) skew, or a new one every flow. */
  servers: number | 'distinct';
  /** The source (and destination) interface changes from row to row among eight names of different lengths. */
  perRowInterfaces: boolean;
  /** Written as a terminal log really has it (the `logged` shape): see LoggedSpec. */
  logged?: LoggedSpec;
  /**
   * Written by a terminal program that stamps every line it logs (the `stamped` shape): Tera Term's timestamp option,
   * `[Thu Dec 03 03:30:00.123 2026] `, with CRLF line ends.
   */
  stamped?: boolean;
  /**
   * Written as `show flow monitor NAME cache` prints a Flexible NetFlow cache in its default record format (IOS-XE's
   * `record netflow ipv4 original-input`: key fields in capitals, the others in lower case, a blank line after each),
   * 14 lines a flow where `show ip cache flow` has one.
   */
  fnf?: 'record' | 'table' | 'csv';
  /**
   * Written as another NetFlow table prints its flows (the contract's December kinds): `show ip cache verbose flow`
   * (two lines a flow), a Catalyst 6500's `show mls netflow ip` (two lines an entry: addresses, ports and interface, then
   * counters) or NX-OS `show flow cache` (a line a flow, no interface).
   */
  other?: 'verbose' | 'mls' | 'nxos';
  /**
   * Captured without `terminal length 0` (the `paged` shape): every this many lines IOS printed ` --More-- `, erased it
   * with 9 backspaces, 8 blanks and 9 backspaces when a key was pressed, and printed the next line over it.
   */
  paged?: number;
}

/**
 * A capture as an engineer's terminal log holds it, not as the cache prints it once: CRLF line ends (a Windows
 * terminal), the command run again every `snapshotRows` rows (its prompt, counters and header each time), egress
 * flows' DstIf marked with "*" (ip flow egress), and long flows' packet counts in thousands (8599K).
 */
interface LoggedSpec {
  snapshotRows: number;
  /** Share of rows that leave by the egress-monitored interface (marked). */
  egressShare: number;
  /** Share of clean flows long enough to be counted in thousands of packets. */
  kiloShare: number;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `show flow monitor NAME cache`'s echo and header, as IOS-XE prints them before the records. */
function fnfHeader(n: number, format: 'record' | 'table' | 'csv'): string[] {
  const table = [
    '',
    'IPV4 SRC ADDR    IPV4 DST ADDR    TRNS SRC PORT  TRNS DST PORT  INTF INPUT            IP TOS  IP PROT  intf output                     bytes long             pkts long',
    '===============  ===============  =============  =============  ====================  ======  =======  ====================  ====================  ====================',
  ];
  return [
    `Router#show flow monitor WORM-WATCH cache${format === 'record' ? '' : ` format ${format}`}`,
    '  Cache type:                               Normal (Platform cache)',
    '  Cache size:                              2000000',
    `  Current entries:                       ${String(n).padStart(6)}`,
    `  High Watermark:                        ${String(n).padStart(6)}`,
    '',
    `  Flows added:                           ${String(n).padStart(6)}`,
    '  Flows aged:                                    0',
    ...(format === 'table' ? table : format === 'csv' ? ['', 'IPV4 SRC ADDR,IPV4 DST ADDR,TRNS SRC PORT,TRNS DST PORT,INTF INPUT,IP TOS,IP PROT,intf output,bytes long,pkts long'] : ['']),
  ];
}

/** The other tables' echo and headers, as the devices print them before the flows. */
const OTHER_HEADERS: Record<NonNullable<MixSpec['other']>, string[]> = {
  verbose: [
    'Router#show ip cache verbose flow',
    'IP Flow Switching Cache, 17826816 bytes',
    '  1 active, 0 inactive, 2 added',
    '',
    'SrcIf          SrcIPaddress    DstIf          DstIPaddress    Pr TOS Flgs  Pkts',
    'Port Msk AS                    Port Msk AS    NextHop              B/Pk  Active',
  ],
  mls: [
    'Router#show mls netflow ip',
    'Displaying Netflow entries in Supervisor Earl',
    'DstIP           SrcIP           Prot:SrcPort:DstPort  Src i/f         :AdjPtr',
    '--------------------------------------------------------------------------------',
    'Pkts         Bytes         Age   LastSeen  Attributes',
    '---------------------------------------------------',
  ],
  nxos: [
    'switch# show flow cache',
    'IPV4 Entries',
    'SIP             DIP             BD ID S-Port  D-Port  Protocol  Byte Count    Packet Count  TCP FLAGS  if_id       flowStart   flowEnd',
  ],
};

const IF_NAMES = ['Vl1', 'Po12', 'Fa0/1', 'Gi0/0/1', 'Te1/0/24', 'Se0/0/0:1', 'Gi0/0.1024', 'Tu100'];

/** Writes a cache-flow dump of scanners at full speed among clean clients; every scanner is a uniform (Code Red) one. */
export function writeMix(file: string, spec: MixSpec, seed: number): ShapeTruth {
  const r = mulberry32(seed);
  const used = new Set<number>();
  // Site hosts in 10/8 (room for hundreds of thousands of distinct sources), never .0 or .255.
  const host = (): number => {
    for (;;) {
      const a = (0x0a000000 | (Math.floor(r() * 256) << 16) | ((1 + Math.floor(r() * 254)) << 8) | (1 + Math.floor(r() * 254))) >>> 0;
      if (!used.has(a)) {
        used.add(a);
        return a;
      }
    }
  };
  const scan = Array.from({ length: spec.scanners }, host);
  const clients = Array.from({ length: spec.cleanSources }, host);
  const pool = spec.servers === 'distinct' ? [] : Array.from({ length: spec.servers }, () => publicAddr(r));
  // Zipf with s = 1 by inverse transform of the continuous approximation: rank = e^(u ln(n + 1)) - 1.
  const lnPool = Math.log(pool.length + 1);
  const server = () => (spec.servers === 'distinct' ? publicAddr(r) : pool[Math.min(pool.length - 1, Math.floor(Math.exp(r() * lnPool)) - 1)]!);
  const ifOfHost = (a: number) => IF_NAMES[(a >>> 8) & 3]!;
  const srcIf = (a: number) => (spec.perRowInterfaces ? IF_NAMES[Math.floor(r() * IF_NAMES.length)]! : ifOfHost(a));
  const dstIf = () => (spec.perRowInterfaces ? IF_NAMES[Math.floor(r() * IF_NAMES.length)]! : 'Gi0/0/1');

  const logged = spec.logged;
  const eol = logged || spec.stamped ? '\r\n' : '\n';
  const fd = openSync(file, 'w');
  let buf: string[] = [];
  // Tera Term's stamp: local time to the millisecond, about 40 us a line (a 1M-row dump logged in 40 s), crossing midnight.
  let ms = Date.UTC(2026, 11, 3, 23, 59, 40);
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = () => {
    const d = new Date((ms += 0.04));
    return `[${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')} ${d.getUTCFullYear()}] `;
  };
  let written = 0;
  const PAGER_ERASE = ` --More-- ${'\b'.repeat(9)}${' '.repeat(8)}${'\b'.repeat(9)}`;
  const out = (s: string) => {
    if (spec.paged && ++written % spec.paged === 0) s = PAGER_ERASE + s;
    buf.push(spec.stamped ? stamp() + s : s);
    if (buf.length >= 20_000) flush();
  };
  const flush = () => {
    writeSync(fd, buf.join(eol) + eol);
    buf = [];
  };
  const header = (shown: number) => {
    if (spec.fnf) {
      for (const l of fnfHeader(shown, spec.fnf)) out(l);
      return;
    }
    if (spec.other) {
      for (const l of OTHER_HEADERS[spec.other]) out(l);
      return;
    }
    out('Router#show ip cache flow');
    out('IP Flow Switching Cache, 17826816 bytes');
    out(`  ${shown} active, 0 inactive, ${shown * 2} added`);
    out('  102391 ager polls, 0 flow alloc failures');
    out('');
    out('SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts');
  };
  const egressIf = (name: string) => (logged && r() < logged.egressShare ? `${name}*` : name);
  const count = (pk: number) => (logged && pk >= 10_000 ? `${Math.floor(pk / 1000)}K` : String(pk));
  // Milliseconds since midnight of the flows' first and last packets (FNF's absolute timestamps).
  let clock = 57_600_000;
  const stampOf = (t: number) => `${two(Math.floor(t / 3_600_000) % 24)}:${two(Math.floor(t / 60_000) % 60)}:${two(Math.floor(t / 1000) % 60)}.${String(t % 1000).padStart(3, '0')}`;
  const record = (src: number, dst: number, pr: number, sp: number, dp: number, pk: number) => {
    const first = (clock += Math.floor(r() * 3));
    out(`IPV4 SOURCE ADDRESS:       ${ip(src)}`);
    out(`IPV4 DESTINATION ADDRESS:  ${ip(dst)}`);
    out(`TRNS SOURCE PORT:          ${sp}`);
    out(`TRNS DESTINATION PORT:     ${dp}`);
    out(`INTERFACE INPUT:           ${srcIf(src)}`);
    out('IP TOS:                    0x00');
    out(`IP PROTOCOL:               ${pr}`);
    out('ipv4 next hop address:     192.0.2.1');
    out(`tcp flags:                 0x${pr === 6 ? (pk > 2 ? '1B' : '02') : '00'}`);
    out(`interface output:          ${dstIf()}`);
    out(`counter bytes long:        ${pk * (pr === 6 ? 48 + Math.floor(r() * 500) : 64)}`);
    out(`counter packets long:      ${pk}`);
    out(`timestamp abs first:       ${stampOf(first)}`);
    out(`timestamp abs last:        ${stampOf(first + (pk > 2 ? Math.floor(r() * 4000) : 0))}`);
    out('');
  };
  // `format table`: IOS-XE's columns, each as wide as its rule (a wider value pushes the rest of the row right).
  const tableRow = (src: number, dst: number, pr: number, sp: number, dp: number, pk: number) =>
    out(
      `${pad(ip(src), 17)}${pad(ip(dst), 17)}${String(sp).padStart(13)}  ${String(dp).padStart(13)}  ${pad(srcIf(src), 22)}` +
        `${'0x00'.padStart(6)}  ${String(pr).padStart(7)}  ${pad(dstIf(), 22)}${String(pk * (pr === 6 ? 48 + Math.floor(r() * 500) : 64)).padStart(20)}  ${String(pk).padStart(20)}`,
    );
  // `format csv`: the same columns, comma-separated.
  const csvRow = (src: number, dst: number, pr: number, sp: number, dp: number, pk: number) =>
    out(`${ip(src)},${ip(dst)},${sp},${dp},${srcIf(src)},0x00,${pr},${dstIf()},${pk * (pr === 6 ? 48 + Math.floor(r() * 500) : 64)},${pk}`);
  const bytesOf = (pr: number, pk: number) => pk * (pr === 6 ? 48 + Math.floor(r() * 500) : 64);
  // `show ip cache verbose flow`: ToS, TCP flags and packets on the first line; ports (hex), masks, AS, next hop, bytes
  // a packet and seconds active on the second, in the columns IOS prints.
  const verboseRecord = (src: number, dst: number, pr: number, sp: number, dp: number, pk: number) => {
    out(`${pad(srcIf(src), 15)}${pad(ip(src), 16)}${pad(dstIf(), 15)}${pad(ip(dst), 16)}${hex(pr, 2)} 00  ${pr === 6 ? (pk > 2 ? '1B' : '02') : '00'}  ${String(pk).padStart(6)}`);
    out(`${hex(sp, 4)} /0  0                     ${hex(dp, 4)} /0  0     ${pad('192.0.2.1', 20)}${String(pr === 6 ? 48 + Math.floor(r() * 500) : 64).padStart(5)}   ${(pk > 2 ? r() * 60 : 0).toFixed(1)}`);
  };
  // `show mls netflow ip`: destination first, protocol and ports by name where the Supervisor names them.
  const MLS_PROTO: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp' };
  const MLS_PORT: Record<number, string> = { 53: 'domain', 80: 'www' };
  const mlsEntry = (src: number, dst: number, pr: number, sp: number, dp: number, pk: number) => {
    const iface = srcIf(src).replace(':', '.');
    out(`${pad(ip(dst), 16)}${pad(ip(src), 16)}${MLS_PROTO[pr] ?? pr} :${pad(String(sp), 6)}:${pad(MLS_PORT[dp] ?? String(dp), 10)}${pad(iface, 16)}:0x0`);
    out(`${pad(String(pk), 13)}${pad(String(bytesOf(pr, pk)), 14)}${pad(String(1 + Math.floor(r() * 60)), 6)}11:47:08  L3 - Dynamic`);
  };
  const nxosRow = (src: number, dst: number, pr: number, sp: number, dp: number, pk: number) =>
    out(`${pad(ip(src), 16)}${pad(ip(dst), 16)}4097  ${pad(String(sp), 8)}${pad(String(dp), 8)}${pad(String(pr), 10)}${pad(String(bytesOf(pr, pk)), 14)}${pad(String(pk), 14)}${pad(pr === 6 ? (pk > 2 ? '0x1b' : '0x2') : '0x0', 11)}0x1a000000  1432        1433`);
  const classicRow = (src: number, dst: number, pr: number, sp: number, dp: number, pk: number) =>
    out(`${pad(srcIf(src), 14)}${pad(ip(src), 16)}${pad(egressIf(dstIf()), 14)}${pad(ip(dst), 16)}${hex(pr, 2)} ${hex(sp, 4)} ${hex(dp, 4)} ${count(pk).padStart(5)}`);
  // Each format's writer of a flow; `show ip cache flow` rows where the spec names none.
  const writers: Partial<Record<string, typeof classicRow>> = { verbose: verboseRecord, mls: mlsEntry, nxos: nxosRow, record, table: tableRow, csv: csvRow };
  const row = writers[spec.other ?? spec.fnf ?? ''] ?? classicRow;
  const eph = () => 1024 + Math.floor(r() * 60_000);
  // Long flows: tens of thousands to millions of packets (printed in thousands when logged).
  const packets = (few: number, spread: number) => (logged && r() < logged.kiloShare ? 10_000 + Math.floor(r() * 5_000_000) : few + Math.floor(r() * spread));
  for (let i = 0; i < spec.rows; i++) {
    if (i === 0 || (logged && i % logged.snapshotRows === 0)) {
      if (i > 0) out('');
      header(logged ? Math.min(logged.snapshotRows, spec.rows - i) : spec.rows);
    }
    if (r() < spec.scannerShare) {
      // One or two SYNs to a fresh random target, almost never answered.
      const src = scan[Math.floor(r() * scan.length)]!;
      row(src, publicAddr(r), 6, eph(), 80, r() < 0.995 ? 1 + Math.floor(r() * 2) : 5 + Math.floor(r() * 9));
      continue;
    }
    const src = clients[Math.floor(r() * clients.length)]!;
    const y = r();
    if (y < 0.6) row(src, server(), 6, eph(), 80, packets(4, 120));
    else if (y < 0.85) row(src, server(), 6, eph(), 443, packets(5, 200));
    else if (y < 0.97) row(src, 0x08080808, 0x11, eph(), 53, 1 + Math.floor(r() * 2));
    else row(src, server(), 1, 0, 0x0800, 1 + Math.floor(r() * 4));
  }
  flush();
  closeSync(fd);
  const scanners = scan.map(ip);
  return {
    rows: spec.rows,
    sources: used.size,
    scanners,
    variants: new Map(scanners.map((a) => [a, 'code-red' as const])),
    note:
      `${spec.scanners} scanners send ${Math.round(spec.scannerShare * 100)}% of rows to random targets; ${spec.cleanSources.toLocaleString('en')} clean sources to ` +
      `${spec.servers === 'distinct' ? 'a new destination every flow' : `${spec.servers.toLocaleString('en')} servers (Zipf)`}` +
      `${spec.perRowInterfaces ? '; interfaces change every row (8 names)' : ''}` +
      `${spec.stamped ? '; stamped: every line starts with a Tera Term time stamp, CRLF' : ''}` +
      `${spec.paged ? `; paged: IOS's --More-- (erased by backspaces) before one line in ${spec.paged}` : ''}` +
      `${spec.fnf === 'record' ? '; as a Flexible NetFlow cache in record format (14 lines a flow)' : ''}` +
      `${spec.fnf === 'table' ? '; as a Flexible NetFlow cache in table format (a line a flow, IOS-XE columns)' : ''}` +
      `${spec.fnf === 'csv' ? '; as a Flexible NetFlow cache in csv format (a line a flow)' : ''}` +
      `${spec.other === 'verbose' ? '; as show ip cache verbose flow (two lines a flow)' : ''}` +
      `${spec.other === 'mls' ? '; as a Catalyst 6500 show mls netflow ip (two lines an entry)' : ''}` +
      `${spec.other === 'nxos' ? '; as NX-OS show flow cache (a line a flow)' : ''}` +
      `${logged ? `; logged: CRLF, the command again every ${logged.snapshotRows.toLocaleString('en')} rows, ${Math.round(logged.egressShare * 100)}% of rows egress-marked (Gi0/0/1*), ${Math.round(logged.kiloShare * 100)}% of clean web flows counted in K` : ''}`,
  };
}

const ROWS = 1_000_000;

/** mawk's side of the Flexible NetFlow shapes: the same count of port-80 destinations, from each format's fields. */
const AWK_FNF_RECORDS =
  '/^IPV4 SOURCE ADDRESS:/{s=$4} /^IPV4 DESTINATION ADDRESS:/{d=$4} /^TRNS DESTINATION PORT:/{p=$4} /^IP PROTOCOL:/{pr=$3} ' +
  '/^$/{if(p=="80" && pr=="6"){k=s" "d; if(!(k in v)){v[k]=1; c[s]++}} s=""; p=""} END{for(h in c) if(c[h]>=20) print h, c[h]}';
const AWK_FNF_TABLE = 'NF==10 && $4=="80" && $7=="6" {k=$1" "$2; if(!(k in s)){s[k]=1; c[$1]++}} END{for(h in c) if(c[h]>=20) print h, c[h]}';
const AWK_FNF_CSV = `BEGIN{FS=","} ${AWK_FNF_TABLE}`;

/** Flows a Flexible NetFlow format fits in about 79 MB. */
const FNF_ROWS = { record: 160_000, table: 480_000, csv: 1_200_000 } as const;
const FNF_AWK = { record: AWK_FNF_RECORDS, table: AWK_FNF_TABLE, csv: AWK_FNF_CSV } as const;

/**
 * A Flexible NetFlow shape: the worm at full speed (30% of flows from 50 scanners, 4,950 clean sources), or with `many`
 * 100,000 clean sources on interfaces that change every flow (10% from the scanners).
 */
function fnfShape(name: string, title: string, fnf: keyof typeof FNF_ROWS, many: boolean, seed: number, paged?: number): Shape {
  const mix = many
    ? { scannerShare: 0.1, cleanSources: 100_000, perRowInterfaces: true }
    : { scannerShare: 0.3, cleanSources: 4_950, perRowInterfaces: false };
  return {
    name,
    title,
    write: (f) => writeMix(f, { rows: FNF_ROWS[fnf], scanners: 50, servers: 2_000, fnf, ...mix, ...(paged ? { paged } : {}) }, seed),
    // (Paged: mawk takes the mark and its erasing off first, as for the paged cache-flow capture.)
    awkProgram: (paged ? PAGER_OFF : '') + FNF_AWK[fnf],
  };
}

/** mawk's statement that takes an erased pager mark off a line. */
// (The erasing's backspaces and blanks only: a row of the FNF table, NX-OS or MLS tables starts with a digit.)
const PAGER_OFF = '{ sub(/^ --More-- [\\010 ]*/, "") } ';

/** mawk's side of the other tables: the same count of port-80 destinations, from each table's fields. */
const AWK_OTHER = {
  // The first line holds the addresses, the second the ports (hex): the pair is counted on the second.
  verbose: 'NF==8 && $5=="06" {s=$2; d=$4; next} NF==9 && $4=="0050" {k=s" "d; if(!(k in v)){v[k]=1; c[s]++}} END{for(h in c) if(c[h]>=20) print h, c[h]}',
  mls: '$3=="tcp" && $5==":www" {k=$2" "$1; if(!(k in v)){v[k]=1; c[$2]++}} END{for(h in c) if(c[h]>=20) print h, c[h]}',
  nxos: 'NF==12 && $5=="80" && $6=="6" {k=$1" "$2; if(!(k in v)){v[k]=1; c[$1]++}} END{for(h in c) if(c[h]>=20) print h, c[h]}',
} as const;

/**
 * The worm at full speed (30% of flows from 50 scanners, 4,950 clean sources, interfaces changing every flow) in another
 * table; `many`: as the FNF many-sources shapes, 100,000 clean sources and a tenth of the flows from the scanners.
 */
function otherShape(name: string, title: string, other: keyof typeof AWK_OTHER, rows: number, seed: number, many = false, paged?: number): Shape {
  const mix = many ? { scannerShare: 0.1, cleanSources: 100_000 } : { scannerShare: 0.3, cleanSources: 4_950 };
  return {
    name,
    title,
    write: (f) => writeMix(f, { rows, scanners: 50, servers: 2_000, perRowInterfaces: true, other, ...mix, ...(paged ? { paged } : {}) }, seed),
    awkProgram: (paged ? PAGER_OFF : '') + AWK_OTHER[other],
  };
}

export const SHAPES: Shape[] = [
  {
    name: 'today',
    title: "today's file",
    write: (file) => {
      const t = writeBenchDump(file);
      const variants = new Map<string, 'code-red' | 'code-red-ii'>();
      for (const a of t.codeRed) variants.set(a, 'code-red');
      for (const a of t.codeRedII) variants.set(a, 'code-red-ii');
      return {
        rows: t.rows,
        sources: t.sources,
        scanners: t.scanners,
        variants,
        note: `${t.scanners.length} scanners (${t.codeRed.length} Code Red on one target list, ${t.codeRedII.length} Code Red II), a proxy, a dead server, ${t.blockedClients} blocked clients`,
      };
    },
  },
  {
    name: 'worm',
    title: 'worm at full speed',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.3, cleanSources: 4_950, servers: 2_000, perRowInterfaces: false }, 1),
  },
  {
    name: 'interfaces',
    title: 'per-row interfaces',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.1, cleanSources: 4_950, servers: 2_000, perRowInterfaces: true }, 2),
  },
  {
    name: 'many-sources',
    title: 'many sources, few flows each',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.1, cleanSources: 200_000, servers: 2_000, perRowInterfaces: false }, 3),
  },
  {
    // Code Red loose inside a campus: 5,000 infected hosts, each with about a hundred probes, among 20,000 clients.
    // Every flagged host carries evidence, reasons and a share of the change plan (before 2026-12-03, the plan's
    // block step compared every host with every other one: 115 ms of 1.8 s).
    name: 'infected',
    title: 'many infected hosts',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 5_000, scannerShare: 0.5, cleanSources: 20_000, servers: 2_000, perRowInterfaces: false }, 8),
  },
  {
    // Inbound scans from the internet at a border router: half a million sources, two flows each.
    name: 'sources',
    title: 'half a million sources',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.1, cleanSources: 500_000, servers: 2_000, perRowInterfaces: false }, 9),
  },
  {
    // Many sources whose interface changes from row to row (asymmetric or load-shared paths): nearly every source is
    // seen on several interfaces, and its reasons say how many flows came on each.
    name: 'many-interfaces',
    title: 'many sources on many interfaces',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.1, cleanSources: 100_000, servers: 2_000, perRowInterfaces: true }, 10),
  },
  {
    name: 'distinct',
    title: '1M distinct pairs',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.3, cleanSources: 20_000, servers: 'distinct', perRowInterfaces: false }, 4),
  },
  {
    name: 'held-out',
    title: 'held-out mix',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.3, cleanSources: 5_000, servers: 2_000, perRowInterfaces: true }, 5),
  },
  {
    // The worm at full speed as a terminal log holds it: every form above was once a row the fast path left to the
    // slow one (a 79 MB capture with half its rows egress-marked took 2.00 s, not 0.53).
    name: 'logged',
    title: 'logged capture',
    write: (f) =>
      writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.3, cleanSources: 4_950, servers: 2_000, perRowInterfaces: false, logged: { snapshotRows: 50_000, egressShare: 0.4, kiloShare: 0.03 } }, 6),
  },
  {
    // The worm at full speed captured without `terminal length 0`: the pager's mark, erased by backspaces, before
    // every 23rd line, as a terminal log (or a copy of the screen's scroll-back with its control characters) holds it.
    name: 'paged',
    title: 'paged capture',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.3, cleanSources: 4_950, servers: 2_000, perRowInterfaces: false, paged: 23 }, 8),
    // mawk takes the mark and its erasing off too, or it would miss every 23rd row.
    awkPrefix: PAGER_OFF,
  },
  {
    // The worm at full speed in a terminal log that stamps every line with the time: no row starts where a row
    // starts (before 2026-12-03 no row of it was read at all; then, through the text path, 2.0 s).
    name: 'stamped',
    title: 'time-stamped log',
    write: (f) => writeMix(f, { rows: ROWS, scanners: 50, scannerShare: 0.3, cleanSources: 4_950, servers: 2_000, perRowInterfaces: false, stamped: true }, 7),
    // mawk takes the stamp off too (and splits the line again), or it would read no row either.
    awkPrefix: '{ sub(/^\\[[^]]*\\] /, "") } ',
  },
  // The worm at full speed as a Flexible NetFlow cache (what IOS-XE routers print): 79 MB holds 160,000 flows, each
  // record 14 lines; the same as `show flow monitor NAME cache format table`, a line a flow (how many engineers ask
  // for it): 480,000 flows; and as `format csv` (for a spreadsheet): 1,200,000 flows in 78 MB. mawk reads their fields.
  fnfShape('fnf', 'Flexible NetFlow records', 'record', false, 11),
  fnfShape('fnf-table', 'Flexible NetFlow table', 'table', false, 12),
  fnfShape('fnf-csv', 'Flexible NetFlow csv', 'csv', false, 13),
  // The three formats again in another shape: 100,000 clean sources, the interfaces changing from flow to flow (8
  // names), a tenth of the flows from the scanners. Each record or row names its interfaces, so the name lookups the
  // worm shape above almost never makes run on every flow, and the analysis holds many more hosts.
  fnfShape('fnf-many', 'FNF records, many sources', 'record', true, 21),
  fnfShape('fnf-table-many', 'FNF table, many sources', 'table', true, 22),
  fnfShape('fnf-csv-many', 'FNF csv, many sources', 'csv', true, 23),
  // The records as a capture without `terminal length 0` holds them: the pager's mark, erased, before one line in 23.
  fnfShape('fnf-paged', 'FNF records, paged', 'record', false, 24, 23),
  // The worm at full speed in the contract's other NetFlow tables, about 79 MB each, each read from bytes by a reader of
  // its own (core/big-paste: verbose-records, mls-entries, nx-rows). mawk reads their fields.
  otherShape('verbose', 'show ip cache verbose flow', 'verbose', 490_000, 31),
  otherShape('mls', 'show mls netflow ip', 'mls', 600_000, 32),
  otherShape('nxos', 'NX-OS show flow cache', 'nxos', 600_000, 33),
  // The same tables in the many-sources shape: the analysis holds 20 times the hosts.
  otherShape('verbose-many', 'verbose, many sources', 'verbose', 490_000, 41, true),
  otherShape('mls-many', 'MLS NetFlow, many sources', 'mls', 600_000, 42, true),
  otherShape('nxos-many', 'NX-OS, many sources', 'nxos', 600_000, 43, true),
  // The table formats as captures without `terminal length 0` hold them (a pager mark erased before one line in 23):
  // each reader's runs read on past a mark, as the FNF records' do.
  fnfShape('fnf-table-paged', 'FNF table, paged', 'table', false, 25, 23),
  otherShape('verbose-paged', 'verbose, paged', 'verbose', 490_000, 51, false, 23),
  otherShape('mls-paged', 'MLS NetFlow, paged', 'mls', 600_000, 52, false, 23),
  otherShape('nxos-paged', 'NX-OS, paged', 'nxos', 600_000, 53, false, 23),
];
