// `show version`: IOS generation, version, platform, processor, memory and uptime.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import { readWrapped, WRAP_WIDTHS } from '../../text/wrap';
import type { ParserDef, Section } from '../parser-types';
import { isBoilerplate, isOpenEndedBoilerplate } from './boilerplate';
import { sniffRows } from '../shared/sniff-rows';
import { isExecPromptTimestamp } from '../shared/exec-prompt-timestamp';

export interface VersionData {
  generation: 'ios' | 'ios-xe' | 'catos' | 'nx-os' | 'unknown';
  version?: string;
  /** Chassis model from the hardware line: "cisco 7206VXR (NPE400) processor ..." -> 7206VXR. */
  platform?: string;
  /** CPU / route processor in parentheses on the same line: NPE400, R5000, RP2. */
  processor?: string;
  /** Main memory in KB, from "with 262144K/32768K bytes of memory". */
  memoryKb?: number;
  uptime?: string;
  hostname?: string;
  /** Line of the software (version) line. */
  line?: number;
  /** I/O (packet) memory in KB: the second figure of "262144K/32768K". */
  ioMemoryKb?: number;
  /** Platform family named by the software line: "C1900 Software (...)" -> C1900; "ASR1000"; "s72033_rp". */
  softwarePlatform?: string;
  /** Image name in parentheses on the software line, e.g. C7200-JS-M. */
  image?: string;
  platformLine?: number;
  uptimeLine?: number;
}

/**
 * The software line: "Cisco IOS Software[ [Fuji]], <family> Software (<image>), [Experimental ]Version <v>, ..."
 * or, before 12.3, "IOS (tm) <family> Software (<image>), Version <v>, ...". What follows the version varies.
 */
const SOFTWARE =
  /^\s*(?:Cisco IOS Software(?:\s*\[[^\]]*\])?,\s*|IOS \(tm\)\s+)(IOS-XE Software,\s*)?(\S.*?) Software \(([^()]+)\),\s*(?:Experimental\s+)?Version\s+([^\s,]+)/i;
/** IOS-XE 16+ prints its own line first: "Cisco IOS XE Software, Version 17.03.08a" (" - SMU-PATCHED" after it, patched). */
const XE_SOFTWARE = /^\s*Cisco IOS XE Software,\s*Version\s+(\S+)(?:\s+-\s+[\w-]+)?\s*$/i;
/** CatOS: "WS-C6509 Software, Version NmpSW: 8.4(5)". */
const CATOS_SOFTWARE = /^\s*(\S+) Software, Version NmpSW:\s*(\S+)\s*$/i;
/**
 * "cisco 7206VXR (NPE400) processor (revision A) with 262144K/32768K bytes of memory.", also "Cisco IOSv
 * (revision 1.0) with  with 460137K/62464K bytes of memory." and "... with 4194304K bytes of physical memory."
 */
const HARDWARE =
  /^\s*[Cc]isco\s+(\S(?:[^()]*?\S)?)\s+(?:\((?!revision)([^)]+)\)\s+)?(?:processor\s+)?(?:\(revision [^)]*\)\s+)?with\s+(?:with\s+)?(\d+)K(?:\/(\d+)K)?\s+bytes of (?:physical )?memory\.?\s*$/;
const UPTIME = /^\s*(\S+) uptime is (.*?\S)\s*$/;
const CATOS_UPTIME = /^\s*Uptime is (.*?\S)\s*$/;
const SYSLOG_MNEMONIC = /%[A-Z][A-Z0-9_]*(?:-[A-Z][A-Z0-9_]*)*-[0-7]-[A-Z0-9_]+:/;
/** Evidence of IOS-XE besides the software line: its GPL notice and ROMMON. */
const XE_HINT = /^\s*(Cisco IOS-XE software, Copyright|ROM: IOS-XE ROMMON)/i;

export const versionParser: ParserDef<'show version', VersionData> = {
  kind: 'show version',
  commands: ['show version'],

  sniff(section: Section): number {
    // A heading decides; there are no rows to count.
    return sniffRows(section, 60, (l) => {
      // A syslog message before any software line: a log buffer whose %SYS-5-RESTART repeats the banner.
      if (SYSLOG_MNEMONIC.test(l)) return 0;
      if (SOFTWARE.test(l) || XE_SOFTWARE.test(l) || CATOS_SOFTWARE.test(l) || NX_BANNER.test(l)) return 1;
      return HARDWARE.test(l) || UPTIME.test(l) ? 0.9 : null;
    });
  },

  parse(section: Section) {
    if (isNxOs(section)) return parseNxOs(section);
    const warnings: Warning[] = [];
    const state = { data: { generation: 'unknown' } as VersionData, xe: false };
    /** The line above was read by an open-ended pattern (the software line, "ROM: ..."): a cut tail may follow. */
    let openEnded = false;
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') {
        openEnded = false;
        continue;
      }
      // A line cut at the terminal or mail width reads only once joined with what follows.
      const read = readWrapped(section.lines, i, section.to, classify);
      if (read) {
        apply(read.value, i, state, warnings);
        // A line that ends as these lines end when whole ("(fc1)", a closing quote) was not cut.
        openEnded = read.value.openEnded && read.lines === 1 && !/[)"\u201d.]$/.test(line.trim());
        i += read.lines - 1;
      } else if (openEnded && wasCut(section.lines[i - 1]!)) {
        // The tail of a long software or boot line that a terminal cut: nothing we read lives there.
        openEnded = false;
      } else {
        warnings.push(unreadLine(i, line));
        openEnded = false;
      }
    }
    const { data } = state;
    if (state.xe && data.generation !== 'catos') data.generation = 'ios-xe';
    return { data, records: 1, warnings };
  },
};

/** NX-OS's first line, then its license text up to the "Software" heading. */
const NX_BANNER = /^\s*Cisco Nexus Operating System \(NX-OS\) Software\s*$/i;
/** "  NXOS: version 10.4(5) [Maintenance Release]", older "  system:    version 6.0(2)U6(10)" (with a kickstart). */
const NX_VERSION = /^\s+(NXOS|system):\s+version\s+(\S+)/i;
/** "  cisco Nexus9000 C93180YC-FX3 Chassis", "  cisco Nexus 3048 Chassis (\"48x1GE + 4x10G Supervisor\")". */
const NX_CHASSIS = /^\s+cisco (Nexus.*?)\s+[Cc]hassis\b/;
const NX_MEMORY = / with (\d+) kB of memory\.\s*$/;
const NX_UPTIME = /^\s*Kernel uptime is (.*?\S)\s*$/;
const NX_HOST = /^\s+Device name:\s*(\S+)\s*$/;
/** A line of its license text: prose and addresses of web pages. */
const NX_LICENSE = /^\s*[A-Za-z(][\w\s.,()'"/:;&+-]*$/;
/** Its unindented lines besides those: the section headings and the last reset. */
const NX_HEADING = /^(?:Software|Hardware|plugin|Active Package\(s\):?|Last reset(?: at .*)?)\s*$/i;

/** NX-OS's `show version` (its banner, or its NXOS/system version line). */
function isNxOs(section: Section): boolean {
  for (let i = section.from; i < section.to && i < section.from + 80; i++) {
    const l = section.lines[i]!;
    if (NX_BANNER.test(l) || NX_VERSION.test(l)) return true;
  }
  return false;
}

/**
 * NX-OS: the version (NXOS, else system), the chassis, memory, host name and kernel uptime. Its license text (up to
 * the Software heading, where there is one) and the indented lines of its sections (BIOS, images, board, plugins,
 * packages) carry nothing read here and are known; any other unindented line is reported.
 */
function parseNxOs(section: Section): { data: VersionData; records: number; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const data: VersionData = { generation: 'nx-os' };
  // The license text runs to the Software heading, its banner line or not (a paste that starts below it).
  let inLicense = false;
  for (let i = section.from; i < section.to && !inLicense; i++) inLicense = /^Software\s*$/i.test(section.lines[i]!);
  for (let i = section.from; i < section.to; i++) {
    const line = section.lines[i]!;
    if (line.trim() === '') continue;
    let m: RegExpExecArray | null;
    if (NX_BANNER.test(line)) {
      inLicense = true;
      continue;
    }
    if (/^Software\s*$/i.test(line)) inLicense = false;
    // (Prose only: a line of another shape there is still reported.)
    if (inLicense && NX_LICENSE.test(line)) continue;
    if ((m = NX_VERSION.exec(line))) {
      if (data.version === undefined || m[1]!.toLowerCase() === 'nxos') {
        data.version = m[2]!;
        data.line = i + 1;
      }
    } else if ((m = NX_CHASSIS.exec(line))) {
      data.platform = m[1]!;
      data.platformLine = i + 1;
    } else if ((m = NX_MEMORY.exec(line))) data.memoryKb = +m[1]!;
    else if ((m = NX_HOST.exec(line))) data.hostname = m[1]!;
    else if ((m = NX_UPTIME.exec(line))) {
      data.uptime = m[1]!;
      data.uptimeLine = i + 1;
    } else if (!/^\s/.test(line) && !NX_HEADING.test(line) && !isExecPromptTimestamp(line)) warnings.push(unreadLine(i, line));
  }
  return { data, records: 1, warnings };
}

type LineKind = 'software' | 'xe-software' | 'catos-software' | 'hardware' | 'uptime' | 'catos-uptime' | 'xe-hint' | 'boilerplate';
interface Classified {
  kind: LineKind;
  m?: RegExpExecArray;
  /** Read by its start only, so a tail cut onto the next line would still belong to it. */
  openEnded: boolean;
}

const CLASSIFIERS: [LineKind, RegExp, boolean][] = [
  ['software', SOFTWARE, true],
  ['xe-software', XE_SOFTWARE, false],
  ['catos-software', CATOS_SOFTWARE, false],
  ['hardware', HARDWARE, false],
  ['uptime', UPTIME, false],
  ['catos-uptime', CATOS_UPTIME, false],
];

/** What a (possibly rejoined) line is, without reading it into the facts yet; null when not understood. */
function classify(text: string): Classified | null {
  for (const [kind, re, openEnded] of CLASSIFIERS) {
    const m = re.exec(text);
    if (m) return { kind, m, openEnded };
  }
  if (XE_HINT.test(text)) return { kind: 'xe-hint', openEnded: false };
  if (isBoilerplate(text)) return { kind: 'boilerplate', openEnded: isOpenEndedBoilerplate(text) };
  return null;
}

function apply(c: Classified, i: number, state: { data: VersionData; xe: boolean }, warnings: Warning[]): void {
  const { data } = state;
  const m = c.m!;
  switch (c.kind) {
    case 'software':
      if (data.image !== undefined) {
        warnings.push(unreadLine(i, m.input, 'second software line, the first one is kept'));
        return;
      }
      if (m[1] !== undefined || /X86_64_LINUX_IOSD/i.test(m[3]!)) state.xe = true;
      data.softwarePlatform = m[2]!.trim();
      data.image = m[3]!;
      data.version = m[4]!;
      data.line = i + 1;
      if (data.generation === 'unknown') data.generation = 'ios';
      return;
    case 'xe-software':
      state.xe = true;
      // The IOS line that follows carries the version people quote (16.9.5, not V169_5_SR...); keep this one
      // only if there is no IOS line.
      if (data.version === undefined) {
        data.version = m[1]!;
        data.line = i + 1;
      }
      return;
    case 'catos-software':
      data.generation = 'catos';
      data.platform = m[1]!;
      data.version = m[2]!;
      data.line = i + 1;
      data.platformLine = i + 1;
      return;
    case 'hardware':
      data.platform = m[1]!.trim();
      if (m[2] !== undefined) data.processor = m[2];
      data.memoryKb = +m[3]!;
      if (m[4] !== undefined) data.ioMemoryKb = +m[4];
      data.platformLine = i + 1;
      return;
    case 'uptime':
      data.hostname = m[1]!;
      data.uptime = m[2]!;
      data.uptimeLine = i + 1;
      return;
    case 'catos-uptime':
      data.uptime = m[1]!;
      data.uptimeLine = i + 1;
      return;
    case 'xe-hint':
      state.xe = true;
      return;
    case 'boilerplate':
      return;
  }
}

/** A physical line exactly as long as a known cut width (or one short: cut in a blank, then trimmed). */
function wasCut(prev: string): boolean {
  return WRAP_WIDTHS.includes(prev.length) || WRAP_WIDTHS.includes(prev.length + 1);
}
