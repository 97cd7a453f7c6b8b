// What a rule's remedy means to do, in structured form, so the plan builder can merge remedies safely.
import type { Finding } from '../types';
import type { ModelRoute } from './config-model';

/** Deny entries to put in front of whatever filters traffic entering (or leaving) an interface. */
export interface BlockIntent {
  kind: 'block';
  /** Interface name as the evidence gives it (Vl1, FastEthernet0/0); undefined when nothing pasted tells it. */
  interface?: string;
  direction: 'in' | 'out';
  /**
   * 'ipv6': the entries name IPv6 hosts and go into the interface's IPv6 filtering (`ipv6 traffic-filter`), which an
   * IPv4 list never touches. Entries are typed as inside `ipv6 access-list` (`deny tcp host 2001:DB8::5 any eq www`).
   */
  family?: 'ipv6';
  /** Entries as typed inside an extended ACL, e.g. `deny tcp host 10.1.1.5 any eq 445`; any protocol or port. */
  entries: string[];
  /** Addresses behind the interface: when it is unknown, the placeholder names `show ip arp` / `show ip route` for them. */
  hosts: string[];
  why: string;
  /** Placeholder wording when the interface is unknown, e.g. "VLAN interface of switch port Fa4/1". */
  unresolved?: string;
  /** The command that names the unknown interface (default: `show ip arp <first host>`). */
  resolve?: string;
}

/** A static route through an interface rewritten to a next hop (new route first, old one after). */
export interface RouteIntent {
  kind: 'route';
  route: ModelRoute;
  nextHop?: string;
  /** How the tool worked the next hop out (the ARP table, a point-to-point subnet): the step asks for a ping first. */
  nextHopWhy?: string;
  /** The interface takes its address by DHCP: its gateway can change at lease renewal, so no fixed next hop. */
  dhcp?: boolean;
  why: string;
}

/** Global config lines (`ip cef`, `no ip http server`); the back-out is computed from the config model. */
export interface GlobalIntent {
  kind: 'global';
  commands: string[];
  why: string;
  /** What must hold before the step is pasted (PlanStep.gate), when the config pasted may not show what it depends on. */
  gate?: string[];
}

/** Lines under one interface (`no ip accounting`). */
export interface InterfaceIntent {
  kind: 'interface';
  interface: string;
  commands: string[];
  why: string;
}

/** Swap an ACL for a copy without its log keywords, on every interface it is bound to. */
export interface StripLogIntent {
  kind: 'strip-log';
  acl: string;
  why: string;
}

/** An MQC class marking or policing traffic on an interface; the builder picks names that collide with nothing. */
export interface PolicyIntent {
  kind: 'policy';
  interface?: string;
  direction: 'input' | 'output';
  /** Name hints; the builder adds a suffix when the config (or the plan) already uses them. */
  classMap: string;
  policyMap: string;
  match: 'match-any' | 'match-all';
  matches: string[];
  actions: string[];
  why: string;
  unresolved?: string;
  resolve?: string;
}

/** Exec-mode lines: before the config (`undebug all`) or after it (`clear arp-cache`). */
export interface ExecIntent {
  kind: 'exec';
  commands: string[];
  when: 'before' | 'after';
  why: string;
}

/** `show` commands: to run before changing anything, or to paste back afterwards. */
export interface ShowIntent {
  kind: 'precheck' | 'verify';
  commands: string[];
}

/** Another way to the same end, shown beside the finding; built against the plan so names never collide. */
export interface AlternativeIntent {
  kind: 'alternative';
  summary: string;
  intents: (BlockIntent | PolicyIntent)[];
}

export type RemedyIntent = BlockIntent | RouteIntent | GlobalIntent | InterfaceIntent | StripLogIntent | PolicyIntent | ExecIntent | ShowIntent | AlternativeIntent;

// Kept beside the finding rather than in it: the finding is the contract's shape, intents are core's business.
const INTENTS = new WeakMap<Finding, RemedyIntent[]>();

/** Attach a finding's structured remedy; returns the finding for `return withIntents({...}, [...])`. */
export function withIntents(finding: Finding, intents: RemedyIntent[]): Finding {
  INTENTS.set(finding, intents);
  return finding;
}

export function intentsOf(finding: Finding): RemedyIntent[] | undefined {
  return INTENTS.get(finding);
}
