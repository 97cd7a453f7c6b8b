// The observable shapes of a diagnosis (CONTRACT.md section 1) and the pieces every core stage shares.

import type { ChartSeries } from './analysis/chart-series';

export const CONTRACT_VERSION = 1 as const;

/** Canonical command names (CONTRACT.md), lower case; the five before `unknown` are the December additions (section 4). */
export const KINDS = [
  'show ip cache flow',
  'show ip accounting',
  'show mls ip',
  'show mls entry',
  'show ip cache',
  'show ip cache verbose',
  'show ip cef summary',
  'show adjacency summary',
  'show processes memory',
  'show memory summary',
  'show processes cpu',
  'show logging',
  'show ip nat translations',
  'show ip nat statistics',
  'show alignment',
  'show ip arp',
  'show version',
  'show running-config',
  'show flow monitor cache',
  'show ip flow top-talkers',
  'show ip cache verbose flow',
  'show mls netflow ip',
  'show flow cache',
  'unknown',
] as const;
export type Kind = (typeof KINDS)[number];

export interface Warning {
  /** 1-based line number in the paste it came from. */
  line: number;
  message: string;
}

export interface InputSummary {
  source: string;
  kind: Kind;
  records: number;
  warnings: Warning[];
  /** The command as echoed in the paste, when there was one (e.g. "sh ip cach fl | i 0050"). */
  command?: string;
  /** 1-based first and last line of this section in its paste. */
  firstLine: number;
  lastLine: number;
}

export type Verdict = 'infected' | 'suspect' | 'clean';
export type Variant = 'code-red' | 'code-red-ii' | 'unknown';
/** The worm profile a scanning source fits best (CONTRACT.md section 4); `unknown` when none or several fit. */
export type Worm =
  | 'code-red'
  | 'code-red-ii'
  | 'nimda'
  | 'slammer'
  | 'blaster'
  | 'nachi'
  | 'sasser'
  | 'conficker-or-wannacry'
  | 'mirai'
  | 'unknown';

export interface Host {
  ip: string;
  interface: string;
  flows: number;
  destinations: number;
  port80Flows: number;
  packetsPerFlow: number;
  verdict: Verdict;
  variant: Variant;
  /** Flows that look like unanswered first contacts (1-3 packets, or a bare SYN in accounting). */
  failedFlows: number;
  /** Plain-language reasons for the verdict and the variant. */
  reasons: string[];
  /** True when the source sits outside the site and its probes are dropped or aimed inward. */
  inbound: boolean;
  /** Other flagged hosts probing the same destinations (the first Code Red's fixed seed), most shared first. */
  sharedTargetsWith?: string[];
  /** The service the source sweeps most: `tcp/80`, `tcp/445`, `udp/1434`, `icmp`, ... (CONTRACT.md section 4). */
  service?: string;
  /** The worm profile it fits (CONTRACT.md section 4). */
  worm?: Worm;
}

export type Severity = 'critical' | 'warning' | 'info';

export interface Evidence {
  source: string;
  line: number;
  text: string;
}

export interface Remedy {
  summary: string;
  commands: string[];
  caveats: string[];
  /**
   * Other ways to the same end (narrower ACL, NBAR), each ready to paste; `gate` (additive): what the pre-checks must
   * show before it is pasted, as PlanStep.gate.
   */
  alternatives?: { summary: string; commands: string[]; gate?: string[] }[];
  /**
   * Additive: what the pre-checks must show before `commands` are pasted, one check a sentence: the gates of the
   * change plan's steps that make up those commands (PlanStep.gate). Absent when none of them has one.
   */
  gate?: string[];
}

export interface Finding {
  id: FindingId;
  severity: Severity;
  title: string;
  evidence: Evidence[];
  remedy: Remedy;
}

/** Stable finding ids (CONTRACT.md section 2). */
export const FINDING_IDS = [
  'scanning-host',
  'mls-flowmask-hides-sources',
  'default-route-to-broadcast-interface',
  'arp-input-memory',
  'arp-table-explosion',
  'cef-not-enabled',
  'fast-switching-cache-churn',
  'http-server-enabled',
  'console-logging-flushes',
  'acl-log-keyword',
  'nat-translation-overload',
  'alignment-errors',
  'high-cpu-interrupt',
  'hybridge-input-cpu',
  'ip-accounting-disables-dcef',
  'mallocfail',
  'netflow-unavailable',
  // December additions (CONTRACT.md section 4).
  'flow-table-scan-signature',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

/** A plan step's CLI mode: inside `configure terminal` ... `end`, or at the exec prompt. */
export type PlanMode = 'config' | 'exec';

export interface PlanStep {
  mode: PlanMode;
  /** The findings this step serves. */
  findings: FindingId[];
  /** Why, in words an engineer reads. */
  why: string;
  /** Exactly the lines to type in that mode, in order, without `configure terminal` / `end`. */
  commands: string[];
  /**
   * Additive: what the pre-checks must show before this step is pasted, one check a sentence (and what to do when
   * they do not). A step with a gate is pasted on its own, never in the whole-plan copy.
   */
  gate?: string[];
}

/** One consolidated change per router (CONTRACT.md section 4). */
export interface ChangePlan {
  /** The hostname, else the paste's source name. */
  router: string;
  /** `show` commands to run before changing anything. */
  precheck: string[];
  steps: PlanStep[];
  /** What to paste back into the tool to prove it worked. */
  verify: string[];
  /**
   * Restores the exact prior state. Additive: `step`, the 1-based number of the step a part undoes (parts come last
   * step first): a part whose step was not pasted is not pasted either.
   */
  rollback: { mode: PlanMode; commands: string[]; step?: number }[];
  /**
   * Additive: true when the plan starts with `reload in N` and ends with `reload cancel` (remote-session safety net);
   * on NX-OS, which has no timed reload, when it starts with `checkpoint NAME` and ends by saving.
   */
  safetyNet?: boolean;
  /** Additive: 'nx-os' when the plan is written for a Nexus switch (the config was NX-OS's); absent for IOS. */
  platform?: 'nx-os';
}

export interface Diagnosis {
  version: typeof CONTRACT_VERSION;
  inputs: InputSummary[];
  hosts: Host[];
  findings: Finding[];
  /** Flow charts (issue 4), aggregated and bounded in size; absent when there were no flow rows. */
  charts?: ChartSeries;
  /** One change plan per router (CONTRACT.md section 4). */
  plans?: ChangePlan[];
}

/** One paste as the engineer gave it: a file, standard input or a browser panel. */
export interface Paste {
  source: string;
  text: string;
}

/** Questionnaire answers: key -> value, both plain strings (the CLI's --answer KEY=VALUE). */
export type Answers = Record<string, string>;
