// Which parsed sections carry flows, and how to read each flow's outcome from what that source records.
import type { FlowTable } from '../parsers/flow-table';
import { contactService, NO_SERVICE } from './service';

export interface FlowSource {
  source: string;
  kind:
    | 'show ip cache flow'
    | 'show ip accounting'
    | 'show mls ip'
    | 'show mls entry'
    | 'show flow monitor cache'
    | 'show ip flow top-talkers'
    | 'show ip cache verbose flow'
    | 'show mls netflow ip'
    | 'show flow cache';
  flows: FlowTable;
  /** Set when the flows are a sample (top talkers, `sort ... top N`): named in the hosts' reasons. */
  sample?: string;
}

export const TCP = 6;
export const WWW = 80;

/** Bare SYNs (40-62 bytes a packet) in accounting: the worm's unanswered connection attempts. */
export const SYN_BYTES_MIN = 40;
export const SYN_BYTES_MAX = 62;
/** A unidirectional TCP flow of 1-3 packets (TCP/80 in the tech note) never got past the handshake. */
export const FAILED_MAX_PACKETS = 3;

/**
 * In a capture that shows no reply at all, a source's unanswered single UDP datagrams or ICMP echoes count as failed
 * first contacts only when it sent them to at least this many destinations: worms sweep hundreds (Slammer thousands a
 * second, Nachi a /16 at a time), a person pinging or a client querying a few dead servers does not, and without
 * replies nothing else tells them apart.
 */
export const BLIND_SWEEP_MIN = 10;

export type Outcome = 'failed' | 'ok' | 'ignore' | 'pending';
/** Numeric outcomes for hot loops, ordered so that a later answer overrides a failure: max(...) is the pair's. */
export const IGNORE = 0;
export const FAILED = 1;
export const OK = 2;
/** A UDP or ICMP probe: answered when the target sent anything back (resolved once every row is read). */
export const PENDING = 3;
/** Accounting has no protocol or ports: a bare-SYN-sized exchange is TCP to a port it does not record. */
export const SYN_SERVICE = 0xfffffffe;

/**
 * The fan-out's grouped rows (fan-out.ts pass 2) hold a row's service and its settled outcome (IGNORE, FAILED or OK)
 * in one word beside its destination, so that grouping a row writes one place, not three: the outcome in the top three
 * bits (word >>> OUTCOME_SHIFT), the service in the others (word & SERVICE_BITS). Every service a row can have fits:
 * contact services are TCP, UDP or ICMP ones, under 2^24 (contactService), and SYN_SERVICE and NO_SERVICE keep their
 * low 29 bits, above every contact service and in the same order. serviceOfBits gives the service back.
 */
export const OUTCOME_SHIFT = 29;
export const SERVICE_BITS = 0x1fffffff;
/** NO_SERVICE's bits in such a word. */
export const NO_SERVICE_BITS = 0x1fffffff;
const SYN_SERVICE_BITS = 0x1ffffffe;

/** The service whose bits (word & SERVICE_BITS) are `b`. */
export function serviceOfBits(b: number): number {
  return b >= SYN_SERVICE_BITS ? (b | 0xe0000000) >>> 0 : b;
}

/** The service a row opens as a first contact (service.ts), SYN_SERVICE for accounting, or NO_SERVICE. */
export function rowService(t: FlowTable, i: number): number {
  const proto = t.proto[i]!;
  if (proto >= 0) return contactService(proto, t.srcPort[i]!, t.dstPort[i]!);
  // (Bytes unknown: 0 or NaN, FlowTable.bytes.)
  return !(t.bytes[i]! > 0) || t.packets[i]! <= 0 ? NO_SERVICE : SYN_SERVICE;
}

/**
 * The outcome of one flow as evidence about scanning, given its service (rowService). TCP: 1-3 packets never got
 * past the handshake. UDP and ICMP: PENDING, settled by whether the target replied. Accounting (no ports): a few
 * bare-SYN-sized packets is a failed first contact, anything else a real exchange.
 */
export function flowOutcomeCode(t: FlowTable, i: number, service = rowService(t, i)): number {
  const proto = t.proto[i]!;
  const packets = t.packets[i]!;
  // NaN: the source printed no packet count (top talkers sorted by bytes), so the outcome is unknown.
  if (packets !== packets) return IGNORE;
  if (proto >= 0) {
    if (service === NO_SERVICE) return IGNORE;
    if (proto !== TCP) return PENDING;
    return packets <= FAILED_MAX_PACKETS ? FAILED : OK;
  }
  const bytes = t.bytes[i]!;
  if (!(bytes > 0) || packets <= 0) return IGNORE;
  const perPacket = bytes / packets;
  return packets <= FAILED_MAX_PACKETS && perPacket >= SYN_BYTES_MIN && perPacket <= SYN_BYTES_MAX ? FAILED : OK;
}

export function flowOutcome(t: FlowTable, i: number): Outcome {
  const c = flowOutcomeCode(t, i);
  return c === FAILED ? 'failed' : c === OK ? 'ok' : c === PENDING ? 'pending' : 'ignore';
}
