// Each finding's name in the tech note's words, for text people read (ids stay in JSON and data-* attributes).
import type { FindingId } from '../types';

export const FINDING_NAMES: Record<FindingId, string> = {
  'scanning-host': 'infected hosts scanning',
  'mls-flowmask-hides-sources': 'MLS flow mask hiding the infected sources',
  'default-route-to-broadcast-interface': 'a static route to a broadcast interface',
  'arp-input-memory': 'ARP Input memory usage',
  'arp-table-explosion': 'an ARP table filling with the worm\'s destinations',
  'cef-not-enabled': 'CEF not in use',
  'fast-switching-cache-churn': 'the fast-switching cache growing and churning',
  'http-server-enabled': 'the router\'s own HTTP server',
  'console-logging-flushes': 'console logging flushes',
  'acl-log-keyword': 'ACL entries with the log keyword',
  'nat-translation-overload': 'NAT translations overloading the CPU (CSCdu63623)',
  'alignment-errors': 'alignment errors and spurious accesses',
  'high-cpu-interrupt': 'high CPU at interrupt level',
  'hybridge-input-cpu': 'HyBridge Input under IRB',
  'ip-accounting-disables-dcef': 'IP accounting disabling DCEF',
  mallocfail: 'memory allocation failures (MALLOCFAIL)',
  'netflow-unavailable': 'netflow not available: IP accounting instead',
  'flow-table-scan-signature': 'a scan or flood in the flow cache statistics',
};

/** "see the finding on X" for cross-references inside remedy and caveat text. */
export function seeFinding(id: FindingId): string {
  return `see the finding on ${FINDING_NAMES[id]}`;
}
