// `show running-config`: the parts of the configuration the rules need.
// PLACEHOLDER (issue 3): the facts below are the agreed shape; the parser does not read them yet.
import { notYetRead } from '../not-yet-read';
import type { ParserDef } from '../parser-types';

export interface ConfigInterface {
  /** Full name as configured, e.g. "Vlan1", "FastEthernet0/0", "Serial0/0.1". */
  name: string;
  line: number;
  address?: string;
  mask?: string;
  shutdown: boolean;
  ipAccounting: boolean;
  /** ip route-cache flow / ip flow ingress. */
  flowAccounting: boolean;
  nat?: 'inside' | 'outside';
  accessGroups: { acl: string; direction: 'in' | 'out'; line: number }[];
  bridgeGroup?: number;
  /** Frame Relay / ATM multipoint subinterface. */
  multipoint: boolean;
}

export interface StaticRoute {
  prefix: string;
  mask: string;
  interface?: string;
  nextHop?: string;
  line: number;
}

export interface AclEntry {
  /** ACL number or name. */
  acl: string;
  text: string;
  log?: 'log' | 'log-input';
  line: number;
}

export interface RunningConfigData {
  hostname?: string;
  interfaces: ConfigInterface[];
  staticRoutes: StaticRoute[];
  cef: { mode: 'enabled' | 'distributed' | 'disabled' | 'absent'; line?: number };
  httpServer: { enabled: boolean; line?: number };
  loggingConsole: { enabled: boolean; level?: string; line?: number };
  acls: AclEntry[];
  /** Every ACL number or name defined or referenced, so a remedy can pick a free one. */
  aclIds: string[];
  natRules: { text: string; overload: boolean; line: number }[];
  bridgeIrb?: { line: number };
  mlsFlow?: { mode: string; line: number };
}

export const runningConfigParser: ParserDef<'show running-config', RunningConfigData> = {
  kind: 'show running-config',
  commands: ['show running-config', 'show startup-config', 'show configuration', 'more system:running-config'],
  sniff: () => 0,
  parse: (section) => notYetRead<RunningConfigData>(section, { interfaces: [], staticRoutes: [], cef: { mode: 'absent' }, httpServer: { enabled: false }, loggingConsole: { enabled: true }, acls: [], aclIds: [], natRules: [] }),
};
