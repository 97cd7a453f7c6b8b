// `show version`: IOS generation, version, platform, processor, memory and uptime.
import type { Warning } from '../../types';
import { unreadLine } from '../../text/lines';
import type { ParserDef, Section } from '../parser-types';
import { isBoilerplate } from './boilerplate';

export interface VersionData {
  generation: 'ios' | 'ios-xe' | 'catos' | 'unknown';
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
  /^\s*(?:Cisco IOS Software(?:\s*\[[^\]]*\])?,\s*|IOS \(tm\)\s+)(IOS-XE Software,\s*)?(.+?) Software \(([^)]+)\),\s*(?:Experimental\s+)?Version\s+([^\s,]+)/i;
/** IOS-XE 16+ prints its own line first: "Cisco IOS XE Software, Version 17.03.08a". */
const XE_SOFTWARE = /^\s*Cisco IOS XE Software,\s*Version\s+(\S+)\s*$/i;
/** CatOS: "WS-C6509 Software, Version NmpSW: 8.4(5)". */
const CATOS_SOFTWARE = /^\s*(\S+) Software, Version NmpSW:\s*(\S+)\s*$/i;
/**
 * "cisco 7206VXR (NPE400) processor (revision A) with 262144K/32768K bytes of memory.", also "Cisco IOSv
 * (revision 1.0) with  with 460137K/62464K bytes of memory." and "... with 4194304K bytes of physical memory."
 */
const HARDWARE =
  /^\s*[Cc]isco\s+([^()]+?)\s+(?:\((?!revision)([^)]+)\)\s+)?(?:processor\s+)?(?:\(revision [^)]*\)\s+)?with\s+(?:with\s+)?(\d+)K(?:\/(\d+)K)?\s+bytes of (?:physical )?memory\.?\s*$/;
const UPTIME = /^\s*(\S+) uptime is (.+?)\s*$/;
const CATOS_UPTIME = /^\s*Uptime is (.+?)\s*$/;
/** Evidence of IOS-XE besides the software line: its GPL notice and ROMMON. */
const XE_HINT = /^\s*(Cisco IOS-XE software, Copyright|ROM: IOS-XE ROMMON)/i;

export const versionParser: ParserDef<'show version', VersionData> = {
  kind: 'show version',
  commands: ['show version'],

  sniff(section: Section): number {
    for (let i = section.from, seen = 0; i < section.to && seen < 60; i++) {
      const l = section.lines[i]!;
      if (l.trim() === '') continue;
      seen++;
      if (SOFTWARE.test(l) || XE_SOFTWARE.test(l) || CATOS_SOFTWARE.test(l)) return 1;
      if (HARDWARE.test(l) || UPTIME.test(l)) return 0.9;
    }
    return 0;
  },

  parse(section: Section) {
    const warnings: Warning[] = [];
    const data: VersionData = { generation: 'unknown' };
    let xe = false;
    for (let i = section.from; i < section.to; i++) {
      const line = section.lines[i]!;
      if (line.trim() === '') continue;
      let m: RegExpExecArray | null;
      if ((m = SOFTWARE.exec(line))) {
        if (data.line !== undefined && data.image !== undefined) {
          warnings.push(unreadLine(i, line, 'second software line, the first one is kept'));
          continue;
        }
        if (m[1] !== undefined || /X86_64_LINUX_IOSD/i.test(m[3]!)) xe = true;
        data.softwarePlatform = m[2]!.trim();
        data.image = m[3]!;
        data.version = m[4]!;
        data.line = i + 1;
        if (data.generation === 'unknown') data.generation = 'ios';
      } else if ((m = XE_SOFTWARE.exec(line))) {
        xe = true;
        // The IOS line that follows carries the version people quote (16.9.5, not V169_5_SR...); keep this one
        // only if there is no IOS line.
        if (data.version === undefined) {
          data.version = m[1]!;
          data.line = i + 1;
        }
      } else if ((m = CATOS_SOFTWARE.exec(line))) {
        data.generation = 'catos';
        data.platform = m[1]!;
        data.version = m[2]!;
        data.line = i + 1;
        data.platformLine = i + 1;
      } else if ((m = HARDWARE.exec(line))) {
        data.platform = m[1]!.trim();
        if (m[2] !== undefined) data.processor = m[2];
        data.memoryKb = +m[3]!;
        if (m[4] !== undefined) data.ioMemoryKb = +m[4];
        data.platformLine = i + 1;
      } else if ((m = UPTIME.exec(line))) {
        data.hostname = m[1]!;
        data.uptime = m[2]!;
        data.uptimeLine = i + 1;
      } else if ((m = CATOS_UPTIME.exec(line))) {
        data.uptime = m[1]!;
        data.uptimeLine = i + 1;
      } else if (XE_HINT.test(line)) {
        xe = true;
      } else if (!isBoilerplate(line)) {
        warnings.push(unreadLine(i, line));
      }
    }
    if (xe && data.generation !== 'catos') data.generation = 'ios-xe';
    return { data, records: 1, warnings };
  },
};
