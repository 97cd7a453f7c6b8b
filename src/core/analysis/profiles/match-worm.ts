// Which worm profile a flagged host fits, with the reasoning in words; several fits give `unknown` and the candidates.
import type { Worm } from '../../types';
import { CODE_RED_II_MODEL, CODE_RED_MODEL, type LocalityCounts, localityLogLikelihood, VARIANT_LOG_THRESHOLD } from '../locality';
import { serviceWords } from '../service';
import { profilesSweeping } from './all-profiles';
import { NIMDA_MODEL } from './nimda';
import type { WormProfile } from './profile-types';

/** What the fan-out knows about a host's main sweep. */
export interface SweepFacts {
  /** `tcp/445`, `icmp`, ... (`tcp` for accounting: port not recorded). */
  service: string;
  flows: number;
  packetsPerFlow: number;
  /** NaN when the flow source records no bytes (plain `show ip cache flow`). */
  bytesPerPacket: number;
  /** Share of first contacts aimed at the address right after the previous one. */
  sequentialShare: number;
  /** First contacts judged on this service. */
  targets: number;
  /** Its other services, with their flows (the exploit's later stages). */
  others: () => Map<string, number>;
}

export interface WormCall {
  worm: Worm;
  reasons: string[];
}

/** At least this share of consecutive targets, over at least this many, is a sequential sweep (Blaster's shape). */
export const SEQUENTIAL_SHARE = 0.5;
export const SEQUENTIAL_MIN_TARGETS = 5;

export function isSequential(s: SweepFacts): boolean {
  return s.targets >= SEQUENTIAL_MIN_TARGETS && s.sequentialShare >= SEQUENTIAL_SHARE;
}

/** A fixed probe size fits within 5% (headers or options may differ by a few bytes). */
function sizeFits(bpp: number, expected: number): boolean {
  return Math.abs(bpp - expected) <= expected * 0.05;
}

const names = (ps: readonly WormProfile[]) => ps.map((p) => p.name).join(' or ');

function seenFollowUps(p: WormProfile, others: Map<string, number>): string[] {
  return p.followUps.filter((s) => (others.get(s) ?? 0) > 0);
}

/** Code Red, Code Red II or Nimda from where the targets fall: the one that beats both others at 99:1 odds. */
function webWorm(loc: LocalityCounts, what: string): WormCall {
  const ll: [Worm, string, number][] = [
    ['code-red', 'Code Red (uniformly random)', localityLogLikelihood(loc, CODE_RED_MODEL)],
    ['code-red-ii', 'Code Red II (1/2 same /8, 3/8 same /16)', localityLogLikelihood(loc, CODE_RED_II_MODEL)],
    ['nimda', 'Nimda (1/2 same /16, 1/4 same /8)', localityLogLikelihood(loc, NIMDA_MODEL)],
  ];
  ll.sort((a, b) => b[2] - a[2]);
  const [best, second] = ll as [[Worm, string, number], [Worm, string, number]];
  const margin = best[2] - second[2];
  if (Number.isFinite(margin) && margin >= VARIANT_LOG_THRESHOLD) {
    return { worm: best[0], reasons: [`${what} whose targets fit ${best[1]} best, odds ${oddsWords(margin)} over ${second[1]}`] };
  }
  return {
    worm: 'unknown',
    reasons: [`${what}: its targets fit ${best[1]} and ${second[1]} about as well (odds ${Math.exp(Math.min(margin, 50)).toFixed(1)}:1), too close to name one`],
  };
}

function oddsWords(x: number): string {
  return x > Math.log(1e6) ? `more than 10^${Math.floor(x / Math.LN10)}:1` : `${Math.exp(x).toFixed(0)}:1`;
}

/** The worm a flagged host's sweep fits. `answered`: first contacts on its service that got a reply. */
export function matchWorm(s: SweepFacts, loc: LocalityCounts, answered: number): WormCall {
  const svc = s.service;
  const others = s.others();
  const words = serviceWords(svc);
  // Accounting records no port: its bare SYNs are the tech note's TCP/80 sweep, not proven to be.
  if (svc === 'tcp/80' || svc === 'tcp') return webWorm(loc, svc === 'tcp' ? 'Sweep of bare TCP SYNs (accounting records no port)' : 'TCP/80 sweep');
  const candidates = profilesSweeping(svc);
  if (candidates.length === 0) {
    return { worm: 'unknown', reasons: [`no worm profile here sweeps ${words}: a scan of that service, by a worm or a tool`] };
  }
  if (svc === 'udp/1434') {
    const bpp = s.bytesPerPacket;
    if (!Number.isNaN(bpp) && !sizeFits(bpp, 404)) {
      return { worm: 'unknown', reasons: [`UDP/1434 sweep, but ${bpp.toFixed(0)} bytes a packet where Slammer sends 404: another SQL Server probe`] };
    }
    return { worm: 'slammer', reasons: [`UDP/1434 probes${Number.isNaN(bpp) ? '' : ` of ${bpp.toFixed(0)} bytes`}, one packet per target: Slammer's single-datagram sweep (patch MS02-039)`] };
  }
  if (svc === 'icmp') {
    const bpp = s.bytesPerPacket;
    const fits92 = !Number.isNaN(bpp) && sizeFits(bpp, 92);
    const then135 = (others.get('tcp/135') ?? 0) > 0;
    if (!Number.isNaN(bpp) && !fits92) {
      return { worm: 'unknown', reasons: [`ICMP echo sweep of ${bpp.toFixed(0)}-byte packets, not Nachi's 92: a ping sweep of another kind`] };
    }
    if (fits92 || then135) {
      const why = [fits92 ? `${bpp.toFixed(0)}-byte echoes (Nachi's are 92)` : '', then135 ? 'TCP/135 flows after the pings' : ''].filter(Boolean).join(' and ');
      return { worm: 'nachi', reasons: [`ICMP echo sweep with ${why}: Welchia (Nachi), patch MS03-026 and MS03-007`] };
    }
    return {
      worm: 'unknown',
      reasons: ['ICMP echo sweep: Welchia (Nachi) does this, but this paste has no packet sizes (Nachi pings are 92 bytes) and no TCP/135 follow-up to tell it from any ping sweep'],
    };
  }
  if (svc === 'tcp/135') {
    const blasterSigns = [...seenFollowUps(candidates.find((p) => p.worm === 'blaster')!, others).map((x) => `${x.toUpperCase()} flows`), ...(isSequential(s) ? ['consecutive targets'] : [])];
    const nachiSigns = (others.get('icmp') ?? 0) > 0 ? ['ICMP echoes first'] : [];
    if (blasterSigns.length && !nachiSigns.length) return { worm: 'blaster', reasons: [`TCP/135 sweep with ${blasterSigns.join(' and ')}: Blaster (patch MS03-026)`] };
    if (nachiSigns.length && !blasterSigns.length) return { worm: 'nachi', reasons: [`TCP/135 sweep with ${nachiSigns.join('')}: Welchia (Nachi), patch MS03-026`] };
    return {
      worm: 'unknown',
      reasons: [
        `TCP/135 sweep: Blaster or Welchia (Nachi), both MS03-026; ${blasterSigns.length || nachiSigns.length ? `signs of both (${[...blasterSigns, ...nachiSigns].join(', ')})` : 'neither TCP/4444 or UDP/69 (Blaster) nor an ICMP sweep (Nachi) seen'}, so not one named`,
      ],
    };
  }
  if (svc === 'tcp/445') {
    const sasserSigns = seenFollowUps(candidates.find((p) => p.worm === 'sasser')!, others);
    if (sasserSigns.length) return { worm: 'sasser', reasons: [`TCP/445 sweep followed by ${sasserSigns.map((x) => x.toUpperCase()).join(' and ')}: Sasser's shell and FTP stages (patch MS04-011)`] };
    if (answered > 0) {
      return {
        worm: 'conficker-or-wannacry',
        reasons: [
          `TCP/445 sweep with ${answered} answered ${answered === 1 ? 'contact' : 'contacts'} but no TCP/9996 or TCP/5554 after them (Sasser would open both): Conficker or WannaCry, which flow records cannot tell apart (patch MS08-067 and MS17-010)`,
        ],
      };
    }
    return { worm: 'unknown', reasons: [`TCP/445 sweep with no answered contact yet: ${names(candidates)}, which only differ after a hit`] };
  }
  if (candidates.length === 1) {
    const p = candidates[0]!;
    return { worm: p.worm, reasons: [`${words} sweep: ${p.name} (${p.patch})`] };
  }
  return { worm: 'unknown', reasons: [`${words} sweep: ${names(candidates)} both fit`] };
}
