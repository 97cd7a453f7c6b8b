// Which parsed sections carry flows, and how to read each flow's outcome from what that source records.
import type { FlowTable } from '../parsers/flow-table';

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
/** A unidirectional flow of 1-3 packets to TCP/80 never got past the handshake. */
export const FAILED_MAX_PACKETS = 3;

export type Outcome = 'failed' | 'ok' | 'ignore';
/** Numeric outcomes for hot loops, ordered so that a later answer overrides a failure: max(...) is the pair's. */
export const IGNORE = 0;
export const FAILED = 1;
export const OK = 2;

/**
 * The outcome of one flow as evidence about scanning. Flows with ports: only TCP/80 counts. Accounting (no ports):
 * a few bare-SYN-sized packets is a failed first contact, anything else a real exchange.
 */
export function flowOutcomeCode(t: FlowTable, i: number): number {
  const proto = t.proto[i]!;
  const packets = t.packets[i]!;
  // NaN: the source printed no packet count (top talkers sorted by bytes), so the outcome is unknown.
  if (packets !== packets) return IGNORE;
  if (proto >= 0) {
    if (proto !== TCP || t.dstPort[i] !== WWW) return IGNORE;
    return packets <= FAILED_MAX_PACKETS ? FAILED : OK;
  }
  const bytes = t.bytes[i]!;
  if (Number.isNaN(bytes) || packets <= 0) return IGNORE;
  const perPacket = bytes / packets;
  return packets <= FAILED_MAX_PACKETS && perPacket >= SYN_BYTES_MIN && perPacket <= SYN_BYTES_MAX ? FAILED : OK;
}

export function flowOutcome(t: FlowTable, i: number): Outcome {
  const c = flowOutcomeCode(t, i);
  return c === FAILED ? 'failed' : c === OK ? 'ok' : 'ignore';
}
