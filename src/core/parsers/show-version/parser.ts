// `show version`: IOS generation, version, platform, processor, memory and uptime.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface VersionData {
  generation: 'ios' | 'ios-xe' | 'catos' | 'unknown';
  version?: string;
  platform?: string;
  processor?: string;
  /** Main memory in KB, from "with 262144K/32768K bytes of memory". */
  memoryKb?: number;
  uptime?: string;
  hostname?: string;
  line?: number;
}

export const versionParser: ParserDef<'show version', VersionData> = {
  kind: 'show version',
  commands: ['show version'],
  sniff: () => 0,
  parse: (section) => notYetRead<VersionData>(section, { generation: 'unknown' }),
};
