// Names a block of remedy config by what it does ("ACL 150 for FastEthernet0/0"), for copy buttons people read.
import type { FindingId } from '../types';
import { FINDING_NAMES } from './finding-names';

const INTERFACE = /^interface\s+(\S+)/i;
const ACCESS_GROUP = /^\s*ip access-group\s+(\S+)\s+(in|out)\b/i;
const ROUTE = /^(?:no\s+)?ip route\s/i;

/** What a block of config does, in a few words; falls back to the finding's name. */
export function configLabel(commands: readonly string[], finding: FindingId): string {
  let iface: string | null = null;
  for (const line of commands) {
    const i = INTERFACE.exec(line);
    if (i) {
      iface = i[1]!;
      continue;
    }
    const g = ACCESS_GROUP.exec(line);
    if (g && iface) return `ACL ${g[1]} for ${iface} (${g[2] === 'in' ? 'inbound' : 'outbound'})`;
  }
  if (commands.some((l) => ROUTE.test(l))) return 'the route change';
  return `the config for ${FINDING_NAMES[finding]}`;
}
