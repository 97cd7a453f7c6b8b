// flow-table-scan-signature: a sweep or flood read from the `show ip cache flow` protocol table and cache counters alone.
import { PROFILES } from '../analysis/profiles/all-profiles';
import type { WormProfile } from '../analysis/profiles/profile-types';
import type { CacheFlowStats, ProtocolClassStats } from '../parsers/show-ip-cache-flow/stats';
import { sectionsOf } from '../sections';
import type { Evidence, Finding } from '../types';
import type { RuleContext, RuleDef } from './rule-types';
import { DOMINANT_TRAFFIC_SERVICES } from '../answers';
import { profilesSweeping } from '../analysis/profiles/all-profiles';
import { includeFilter, serviceWords } from '../analysis/service';
import { answerFinding, answerText, unconfirmed } from './answer-finding';

/** A class this large is a sweep's worth of flows; a quiet router's whole table holds a few hundred. */
export const MIN_SWEEP_FLOWS = 1000;
/** "Dwarfs the others": this share of all flows, and this many times the next class. */
export const DOMINANT_SHARE = 0.5;
export const DOMINANT_RATIO = 5;
/** Probes that never got an answer: 1-3 packets a flow of 40-100 bytes (a SYN is 40-62, a ping 60-100). */
export const MAX_PROBE_PACKETS = 3;
export const PROBE_BYTES = [40, 100] as const;
/** Slammer's single 404-byte datagram (profiles/slammer.ts), within 5%. */
export const SLAMMER_BYTES = [384, 424] as const;
/** ICMP flows a second no monitoring station makes: Nachi drove a 7500 to 15,000 (fixtures/NOTES.md). */
export const ICMP_FLOOD_FLOWS_PER_SEC = 1000;
/**
 * Monitoring pings are one-packet ICMP flows too: without the rate, ICMP needs ten times the flows to call a sweep.
 */
export const ICMP_MIN_FLOWS = 10 * MIN_SWEEP_FLOWS;
/** The cache turned over this many times its size, most packets 64 bytes or less: short probes churn it. */
export const CHURN_TURNOVER = 20;
export const SMALL_PACKET_SHARE = 0.8;

const fmt = (n: number) => n.toLocaleString('en-US');

/** Where each worm's probes land in the protocol table, and the `| include` that finds their rows. */
interface ClassReading {
  candidates: WormProfile[];
  filters: { hex: string; what: string }[];
}

const byWorm = (...w: string[]) => PROFILES.filter((p) => w.includes(p.worm));

function readingFor(row: ProtocolClassStats): ClassReading | undefined {
  switch (row.protocol.toUpperCase()) {
    case 'TCP-WWW':
      return { candidates: byWorm('code-red', 'code-red-ii', 'nimda'), filters: [{ hex: '0050', what: 'TCP/80' }] };
    case 'TCP-OTHER':
      return {
        candidates: byWorm('sasser', 'conficker-or-wannacry', 'blaster', 'nachi', 'mirai'),
        filters: [
          { hex: '01BD', what: 'TCP/445' },
          { hex: '0087', what: 'TCP/135' },
          { hex: '008B', what: 'TCP/139' },
          { hex: '0913', what: 'TCP/2323' },
        ],
      };
    case 'TCP-TELNET':
      return { candidates: byWorm('mirai'), filters: [{ hex: '0017', what: 'TCP/23' }] };
    case 'UDP-OTHER':
      return { candidates: byWorm('slammer'), filters: [{ hex: '059A', what: 'UDP/1434' }] };
    case 'ICMP':
      return { candidates: byWorm('nachi'), filters: [{ hex: '0000 0800', what: 'ICMP echo request' }] };
    default:
      return undefined;
  }
}

interface Signature {
  row: ProtocolClassStats;
  why: string;
  reading: ClassReading;
}

function signatures(stats: CacheFlowStats): Signature[] {
  const rows = stats.protocols;
  const total = stats.total?.totalFlows ?? rows.reduce((n, r) => n + r.totalFlows, 0);
  const out: Signature[] = [];
  // The two largest classes, once: "the next class" for the largest is the second, for any other the largest.
  let top = -1;
  let second = 0;
  for (let i = 0; i < rows.length; i++) {
    if (top < 0 || rows[i]!.totalFlows > rows[top]!.totalFlows) {
      if (top >= 0) second = rows[top]!.totalFlows;
      top = i;
    } else second = Math.max(second, rows[i]!.totalFlows);
  }
  for (const [i, row] of rows.entries()) {
    const reading = readingFor(row);
    if (!reading) continue;
    const next = i === top ? second : rows[top]!.totalFlows;
    const dominant = row.totalFlows >= MIN_SWEEP_FLOWS && row.totalFlows >= DOMINANT_SHARE * total && row.totalFlows >= DOMINANT_RATIO * next;
    const probes = row.packetsPerFlow <= MAX_PROBE_PACKETS;
    const size = row.bytesPerPacket;
    const share = `${fmt(row.totalFlows)} of ${fmt(total)} flows`;
    const shape = `${row.packetsPerFlow} ${row.packetsPerFlow === 1 ? 'packet' : 'packets'} a flow, ${size} bytes a packet`;
    const isIcmp = /^icmp$/i.test(row.protocol);
    if (isIcmp && row.flowsPerSec >= ICMP_FLOOD_FLOWS_PER_SEC) {
      out.push({ row, reading, why: `${fmt(row.flowsPerSec)} ICMP flows a second (${shape}): an echo flood no monitoring station makes` });
    } else if (dominant && probes && /^udp-other$/i.test(row.protocol) && size >= SLAMMER_BYTES[0] && size <= SLAMMER_BYTES[1]) {
      out.push({ row, reading, why: `${share} are ${row.protocol} at ${shape}: single datagrams the size of Slammer's` });
    } else if (dominant && probes && size >= PROBE_BYTES[0] && size <= PROBE_BYTES[1] && (!isIcmp || row.totalFlows >= ICMP_MIN_FLOWS)) {
      out.push({ row, reading, why: `${share} are ${row.protocol} at ${shape}: unanswered probes, a sweep` });
    }
  }
  return out;
}

/** Counters that say the cache is churning with tiny packets, as a supporting (or lone, weaker) sign. */
function churn(stats: CacheFlowStats): string | undefined {
  const c = stats.counters;
  const size = (c.active ?? 0) + (c.inactive ?? 0);
  const small = stats.sizeDistribution ? (stats.sizeDistribution.shares['1-32'] ?? 0) + (stats.sizeDistribution.shares['64'] ?? 0) : 0;
  if (c.added === undefined || size === 0 || c.added < CHURN_TURNOVER * size || small < SMALL_PACKET_SHARE) return undefined;
  return `${fmt(c.added)} flows added to a ${fmt(size)}-entry cache (${fmt(c.active ?? 0)} active${c.agerPolls !== undefined ? `, ${fmt(c.agerPolls)} ager polls` : ''}) and ${Math.round(small * 100)}% of packets 64 bytes or less`;
}

function finding(ctx: RuleContext, source: string, stats: CacheFlowStats, sig: Signature | undefined, churnWords: string | undefined): Finding {
  const evidence: Evidence[] = [];
  if (sig) evidence.push(ctx.evidence(source, sig.row.line));
  if (churnWords && stats.counters.line) evidence.push(ctx.evidence(source, stats.counters.line));
  const reading = sig?.reading;
  const names = reading ? reading.candidates.map((p) => `${p.name} (fix: ${p.patch})`) : [];
  const filters = reading ? reading.filters : [{ hex: '0050', what: 'TCP/80' }, { hex: '01BD', what: 'TCP/445' }, { hex: '0087', what: 'TCP/135' }, { hex: '059A', what: 'UDP/1434' }];
  const title = sig
    ? `The flow cache's protocol table shows ${/^[AEIOU]/i.test(sig.row.protocol) ? 'an' : 'a'} ${sig.row.protocol} ${/^icmp$/i.test(sig.row.protocol) ? 'flood' : 'sweep'}: ${fmt(sig.row.totalFlows)} flows`
    : 'The flow cache churns with tiny flows: a sweep is likely';
  return {
    id: 'flow-table-scan-signature',
    severity: sig ? 'critical' : 'warning',
    title,
    evidence,
    remedy: {
      summary:
        [sig?.why, churnWords].filter(Boolean).join('; ') +
        '. ' +
        (names.length ? `Worms that sweep this way: ${names.join('; ')}. ` : '') +
        'The table says which service, not who: paste the flow rows of that service (ports are printed in hex) so each source can be judged and blocked.',
      commands: filters.map((f) => `show ip cache flow | include ${f.hex}`),
      caveats: [
        ...filters.map((f) => `${f.hex} finds ${f.what} rows.`),
        stats.counters.lastCleared === 'never'
          ? 'The counters run since the cache was enabled ("last clearing of statistics never"), so the per-second rates are diluted: clear ip flow stats, wait a minute and look again for the current rate.'
          : 'The counters run since the last clear ip flow stats: clear them and look again a minute later for the current rate.',
      ],
    },
  };
}

/** Weaker, from the questionnaire alone: the engineer saw one service dominate; say which worms fit and the filter. */
function fromAnswer(ctx: RuleContext): Finding[] {
  const services = DOMINANT_TRAFFIC_SERVICES[ctx.answers['dominant-traffic'] ?? ''];
  if (!services || !unconfirmed(ctx, ['show ip cache flow'])) return [];
  const worms = [...new Set(services.flatMap((x) => profilesSweeping(x)))].map((p) => `${p.name} (fix: ${p.patch})`);
  const words = services.map(serviceWords).join(' and ');
  return [
    answerFinding(ctx, {
      id: 'flow-table-scan-signature',
      severity: 'info',
      title: `${words} ${services.length > 1 ? 'dominate' : 'dominates'} the flows`,
      summary: `You answered ${answerText(ctx, 'dominant-traffic')}. ${worms.length ? `Worms that sweep it: ${worms.join('; ')}. ` : ''}The flow rows of that service name the hosts: paste them.`,
      confirmWith: [`show ip cache flow | include ${services.map(includeFilter).join('|')}`],
    }),
  ];
}

export const flowTableScanSignatureRule: RuleDef = {
  id: 'flow-table-scan-signature',
  checks: 'The show ip cache flow protocol table and cache counters for one class of tiny, unanswered flows dwarfing the rest, or an ICMP flood.',
  confirmWith: ['show ip cache flow'],
  evaluate(ctx) {
    const out: Finding[] = [];
    for (const s of sectionsOf(ctx.sections, 'show ip cache flow')) {
      const stats = s.data.stats;
      if (!stats) continue;
      const sigs = signatures(stats);
      const churnWords = churn(stats);
      if (sigs.length) for (const sig of sigs) out.push(finding(ctx, s.source, stats, sig, churnWords));
      else if (churnWords) out.push(finding(ctx, s.source, stats, undefined, churnWords));
    }
    return out.length ? out : fromAnswer(ctx);
  },
};
