// From questionnaire answers (and what is already pasted) to likely causes and the `show` commands to paste next.
import type { ParsedSection } from '../sections';
import type { Answers, FindingId, Kind } from '../types';
import { kindOfCommand, pastedKinds } from './parsed-facts';
import { RULES } from './registry';
import { splitFilter } from '../text/prompt';
import { DOMINANT_TRAFFIC_SERVICES } from '../answers';
import { includeFilter } from '../analysis/service';

export interface LikelyCause {
  id: FindingId;
  /** One sentence: why the answers point here. */
  why: string;
}

export interface NextCommand {
  /** Ready to paste at the router's # prompt. */
  command: string;
  kind: Kind;
  /** The finding ids this output would confirm or rule out. */
  confirms: FindingId[];
}

export interface NextSteps {
  causes: LikelyCause[];
  commands: NextCommand[];
  /** Per answered question: the causes that answer brings (gone if it is cleared), for a hint beside the question. */
  byAnswer: Record<string, FindingId[]>;
}

/** Asked whatever the answers: CPU, log, config and platform frame every other finding. */
const BASELINE = ['show processes cpu', 'show logging', 'show running-config', 'show version'];

function causesFrom(a: Answers): LikelyCause[] {
  const out: LikelyCause[] = [];
  const add = (id: FindingId, why: string) => {
    if (!out.some((c) => c.id === id)) out.push({ id, why });
  };
  const natOn = a.nat === 'pat' || a.nat === 'nat';
  const fast = a.switching === 'fast' || a.switching === 'netflow';
  const memoryShort = a.memory === 'mallocfail' || a.memory === 'low';
  const noNetflow = a.netflow === 'unsupported' || a.netflow === 'low-memory' || a.netflow === 'many-ingress';
  if (a.memory === 'mallocfail') add('mallocfail', 'MALLOCFAIL means allocations already fail: the router may reload.');
  if (a.memory === 'low') add('mallocfail', 'Low free memory comes before MALLOCFAIL: the worm\'s side effects keep eating it.');
  if (a.cpu === 'interrupt') add('high-cpu-interrupt', 'Interrupt-level CPU points at the switching path, NAT, alignment errors or console flushes.');
  if (natOn && (a.cpu === 'interrupt' || a.cpu === 'process')) {
    add('alignment-errors', 'Before blaming NAT, the tech note rules out alignment errors (show alignment, twice).');
    add('nat-translation-overload', `${a.nat === 'pat' ? 'PAT' : 'NAT'} with high CPU: tens of thousands of translations trigger bug CSCdu63623.`);
  }
  if (a['cpu-process'] === 'arp-input' || (memoryShort && a['cpu-process'] !== 'hybridge-input')) {
    add('default-route-to-broadcast-interface', 'A static route to a broadcast interface makes the router ARP for every random destination.');
    add('arp-input-memory', 'ARP Input then holds one entry per destination the worm probes.');
    add('arp-table-explosion', 'The ARP table shows it: thousands of addresses behind the upstream router\'s MAC.');
  }
  if (a['cpu-process'] === 'hybridge-input' || (a.irb === 'yes' && a.cpu !== undefined && a.cpu !== 'normal')) {
    add('hybridge-input-cpu', 'HyBridge Input handles the packets IRB cannot fast-switch, which a scanning host floods.');
  }
  if (fast || a['cpu-process'] === 'ip-input') add('cef-not-enabled', 'Without CEF every new destination goes through the fast-switching cache or IP Input.');
  if (fast && (memoryShort || a['cpu-process'] === 'ip-input')) add('fast-switching-cache-churn', 'The fast cache grows by one entry per random destination.');
  if (a['console-logging'] === 'flushes' || (a['console-logging'] === 'on' && a.cpu === 'interrupt')) {
    add('console-logging-flushes', 'A 9600-baud console that cannot keep up makes the router disable interrupts and only print.');
    add('acl-log-keyword', 'ACL entries with log turn every probe into a message.');
  }
  if (a['http-attempts'] === 'yes') add('http-server-enabled', 'The router\'s own HTTP server answers the worm\'s probes.');
  if (a.platform === 'cat6k-sup1-msfc1' || a.platform === 'cat6k-sup1-msfc2' || a.platform === 'cat5k') {
    add('mls-flowmask-hides-sources', 'The default destination-only flow mask hides the infected sources.');
  }
  if (noNetflow) add('netflow-unavailable', 'Without netflow, IP accounting on the egress interface finds the scanners.');
  if (noNetflow && a.switching === 'dcef') add('ip-accounting-disables-dcef', 'IP accounting disables DCEF on the interface it runs on.');
  const swept = dominant(a);
  if (a['dominant-traffic'] === 'unknown') {
    add('flow-table-scan-signature', 'The protocol table of show ip cache flow tells which service a sweep uses, before any host is named.');
  }
  add(
    'scanning-host',
    `Whatever the symptom, the cure starts with the infected hosts: sources opening ${swept ? swept.words : 'TCP/80'} to many random addresses.`,
  );
  return out;
}

/** The `| include` filter (ports in hex, as the cache prints them) and words for an answer to "which ports dominate". */
function dominant(a: Answers): { filter: string; words: string } | undefined {
  const services = DOMINANT_TRAFFIC_SERVICES[a['dominant-traffic'] ?? ''];
  if (!services) return undefined;
  // IOS `include` takes a regular expression: one command finds both telnet ports.
  return { filter: services.map(includeFilter).join('|'), words: services.map((x) => (x === 'icmp' ? 'ICMP echo' : x.toUpperCase())).join(' and ') };
}

function mlsCommands(a: Answers): string[] {
  return a['platform-mode'] === 'native' ? ['show mls ip'] : a['platform-mode'] === 'hybrid' ? ['show mls entry'] : ['show mls entry', 'show mls ip'];
}

/** Where the platform keeps its flows today: Flexible NetFlow, the PFC3/PFC4 NetFlow table, NX-OS NetFlow. */
const MODERN_FLOWS: Record<string, string> = {
  'ios15-router': 'show flow monitor NAME cache format table',
  'ios-xe': 'show flow monitor NAME cache format table',
  'cat6k-sup720': 'show mls netflow ip',
  nexus: 'show flow cache',
};

/** How to look for the scanning hosts on this device: netflow (classic or modern), accounting or MLS. */
function scanningCommands(a: Answers): string[] {
  const modern = a.platform ? MODERN_FLOWS[a.platform] : undefined;
  if (modern) return [modern];
  if (a.platform?.startsWith('cat')) return mlsCommands(a);
  if (a.netflow === 'unsupported' || a.netflow === 'low-memory' || a.netflow === 'many-ingress') return ['show ip accounting'];
  if (a['dominant-traffic'] === 'unknown') return ['show ip cache flow'];
  return [`show ip cache flow | include ${dominant(a)?.filter ?? '0050'}`];
}

/**
 * Likely causes (most pressing first) and the checklist of `show` commands to paste next, each once, leaving out
 * the outputs already pasted. Pure: the same answers and sections always give the same steps.
 */
export function suggestNextSteps(answers: Answers, sections: readonly ParsedSection[]): NextSteps {
  const causes = causesFrom(answers);
  const pasted = pastedKinds(sections);
  const byKind = new Map<Kind, NextCommand>();
  const order: NextCommand[] = [];
  const want = (command: string, id?: FindingId) => {
    const kind = kindOfCommand(command);
    if (!kind || pasted.has(kind)) return;
    const seen = byKind.get(kind);
    if (seen) {
      if (id && !seen.confirms.includes(id)) seen.confirms.push(id);
      // Two different filters on one command: ask for the whole output once instead.
      if (seen.command !== command) seen.command = splitFilter(command).base;
      return;
    }
    const c: NextCommand = { command, kind, confirms: id ? [id] : [] };
    byKind.set(kind, c);
    order.push(c);
  };
  for (const cause of causes) {
    const commands =
      cause.id === 'scanning-host'
        ? scanningCommands(answers)
        : cause.id === 'mls-flowmask-hides-sources'
          ? mlsCommands(answers)
          : (RULES.find((r) => r.id === cause.id)?.confirmWith ?? []);
    for (const command of commands) want(command, cause.id);
  }
  for (const command of BASELINE) want(command);
  const byAnswer: Record<string, FindingId[]> = {};
  for (const key of Object.keys(answers)) {
    const { [key]: _cleared, ...rest } = answers;
    const without = new Set(causesFrom(rest).map((c) => c.id));
    byAnswer[key] = causes.filter((c) => !without.has(c.id)).map((c) => c.id);
  }
  return { causes, commands: order, byAnswer };
}
