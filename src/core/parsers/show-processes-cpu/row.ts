// One `show processes cpu` row, read as printed or from the right when long-uptime counters ran together.
//
// IOS prints Runtime(ms), Invoked and uSecs with no guaranteed blank between them: on a box up for years
// `30 5248799482118370040 247 19.51% ...` is Runtime 524879948 and Invoked 2118370040 glued. The percentages,
// the TTY and the name on the right are never glued, so they anchor the row. uSecs is Runtime * 1000 / Invoked,
// which says where glued digits split; when exactly one split fits, it is taken, otherwise the fields stay unknown.

export interface CpuRow {
  pid: number;
  name: string;
  fiveSec: number;
  oneMin: number;
  fiveMin: number;
  /** -1 where the layout has none (NX-OS's `-`, NX-OS's 1Sec layout, IOS-XE's platform table). */
  tty: number;
  /** NX-OS's 1Sec layout: the one window printed (fiveSec, oneMin and fiveMin repeat it). */
  oneSec?: number;
  /** IOS-XE's platform table: the parent process. */
  ppid?: number;
  runtimeMs?: number;
  invoked?: number;
  uSecs?: number;
  /** Fields that ran together and could not be split for sure, in words ("runtime and invoked"). */
  unknown?: string;
  /** Counters that ran together and were split by the uSecs formula (the table must bear the formula out). */
  split?: true;
}

// PID Runtime(ms) Invoked uSecs 5Sec 1Min 5Min TTY Process: percentages with "%" on IOS, bare on IOS-XE sorted
// output; the process name may hold spaces ("IP Input") or be cut at 16 characters, or be empty.
// NX-OS's older layout prints `-` for a process with no TTY (read as -1).
export const ROW =
  /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+(?:\.\d+)?)%?\s+(\d+(?:\.\d+)?)%?\s+(\d+(?:\.\d+)?)%?\s+(\d+|-)(?:\s+(\S(?:[^]*\S)?))?\s*$/;

/**
 * NX-OS's layout since 6.x: `PID Runtime(ms) Invoked uSecs 1Sec Process`, one percentage (the last second). The
 * name never starts with a percentage, which keeps an IOS row from reading this way.
 */
const NX_ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+(?:\.\d+)?)%\s+(?!\d+(?:\.\d+)?%)(\S(?:.*\S)?)\s*$/;
/** IOS-XE's `show processes cpu platform`: `Pid PPid 5Sec 1Min 5Min Status Size Name` (the Linux processes). */
const PLATFORM_ROW = /^\s*(\d+)\s+(\d+)\s+(\d+)%\s+(\d+)%\s+(\d+)%\s+([A-Z])\s+(\d+)(?:\s+(\S(?:.*\S)?))?\s*$/;

const PERCENT = /^(\d{1,3}(?:\.\d+)?)%$/;
const BARE_PERCENT = /^(\d{1,3}\.\d+)$/;
const INT = /^\d+$/;
/** A counter's digits: no leading zero unless it is 0. */
const COUNTER = /^(?:0|[1-9]\d*)$/;

/** Does uSecs agree with Runtime(ms) and Invoked? IOS divides and truncates; allow one unit either way. */
export function fits(runtime: number, invoked: number, uSecs: number): boolean {
  // A process never invoked has run for no time.
  if (invoked === 0) return uSecs === 0 && runtime === 0;
  return Math.abs(Math.floor((runtime * 1000) / invoked) - uSecs) <= 1;
}

/** Every split of a digit string into two counters. */
function splits(s: string): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 1; k < s.length; k++) {
    const a = s.slice(0, k);
    const b = s.slice(k);
    if (COUNTER.test(a) && COUNTER.test(b)) out.push([+a, +b]);
  }
  return out;
}

/**
 * Runtime, Invoked and uSecs from the counters left of the percentages (PID already taken off). `byFormula`: the
 * row is in IOS's own format (percentages with `%`), where uSecs is Runtime * 1000 / Invoked; IOS-XE's sorted
 * table (bare percentages) does not keep to it.
 */
function counters(c: readonly string[], byFormula: boolean): Pick<CpuRow, 'runtimeMs' | 'invoked' | 'uSecs' | 'unknown' | 'split'> {
  if (c.length === 3) return { runtimeMs: +c[0]!, invoked: +c[1]!, uSecs: +c[2]! };
  if (c.length === 2 && byFormula) {
    const [a, b] = c as [string, string];
    const found: [number, number, number][] = [];
    // Runtime and Invoked glued, uSecs alone; or Runtime alone, Invoked and uSecs glued.
    for (const [r, i] of splits(a)) if (fits(r, i, +b)) found.push([r, i, +b]);
    for (const [i, u] of splits(b)) if (fits(+a, i, u)) found.push([+a, i, u]);
    if (found.length === 1) {
      const [r, i, u] = found[0]!;
      return { runtimeMs: r, invoked: i, uSecs: u, split: true };
    }
    // Several splits that agree on uSecs still say it; with none, the last counter may hold Invoked too (IOS-XE's
    // uSecs does not follow the formula), so nothing left of the percentages is certain.
    if (found.length > 1 && found.every((f) => f[2] === found[0]![2])) return { uSecs: found[0]![2], unknown: 'runtime and invoked' };
    return { unknown: 'runtime, invoked and uSecs' };
  }
  return { unknown: 'runtime, invoked and uSecs' };
}

/** Tokens of a line with their start offsets (so the name keeps its own inner blanks). */
function tokens(line: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], at: m.index });
  return out;
}

/** Read a row as printed, else from the right (percentages, TTY, name) with the glued counters split or unknown. */
export function readCpuRow(line: string): CpuRow | null {
  const m = ROW.exec(line);
  if (m) {
    return {
      pid: +m[1]!, name: m[9] ?? '', fiveSec: +m[5]!, oneMin: +m[6]!, fiveMin: +m[7]!, tty: m[8] === '-' ? -1 : +m[8]!,
      runtimeMs: +m[2]!, invoked: +m[3]!, uSecs: +m[4]!,
    };
  }
  const nx = NX_ROW.exec(line);
  if (nx) {
    // Only the last second is printed: it stands for every window, and `oneSec` says so.
    const v = +nx[5]!;
    return { pid: +nx[1]!, name: nx[6]!, fiveSec: v, oneMin: v, fiveMin: v, oneSec: v, tty: -1, runtimeMs: +nx[2]!, invoked: +nx[3]!, uSecs: +nx[4]! };
  }
  const pf = PLATFORM_ROW.exec(line);
  if (pf) return { pid: +pf[1]!, name: pf[8] ?? '', fiveSec: +pf[3]!, oneMin: +pf[4]!, fiveMin: +pf[5]!, tty: -1, ppid: +pf[2]! };
  if (line.length > 400) return null;
  const t = tokens(line);
  // The first three percentages in a row followed by a TTY number; everything left of them must be counters.
  for (let p = 1; p + 3 < t.length; p++) {
    const pct = (s: string) => PERCENT.exec(s)?.[1] ?? BARE_PERCENT.exec(s)?.[1];
    const a = pct(t[p]!.text);
    if (a === undefined) continue;
    const b = pct(t[p + 1]!.text);
    const c = pct(t[p + 2]!.text);
    if (b === undefined || c === undefined || !(INT.test(t[p + 3]!.text) || t[p + 3]!.text === '-')) return null;
    const left = t.slice(0, p).map((x) => x.text);
    if (!left.every((x) => INT.test(x))) return null;
    const nameAt = t[p + 4]?.at;
    return {
      pid: +left[0]!,
      name: nameAt === undefined ? '' : line.slice(nameAt).trimEnd(),
      fiveSec: +a,
      oneMin: +b,
      fiveMin: +c,
      tty: t[p + 3]!.text === '-' ? -1 : +t[p + 3]!.text,
      ...counters(left.slice(1), t[p]!.text.endsWith('%')),
    };
  }
  return null;
}
