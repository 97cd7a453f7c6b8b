// Flow rows whose addresses a poster hid (`x.x.x.x`): counted and kept, but apart from the flow table.
//
// The flow table feeds host verdicts, where every address is a real one; a hidden address must never get there,
// so such rows live in their own list with the rest of what they say.
import { ipToInt } from '../../text/lines';
import { isMaskedIPv4 } from '../../text/masked-address';

export interface MaskedFlowRow {
  line: number;
  /** Real addresses as numbers; undefined where the poster hid it. */
  src?: number;
  dst?: number;
  /** The fields hidden, in words ("source address"), and what the poster put there. */
  hidden: { field: string; posted: string }[];
  srcIf?: string;
  dstIf?: string;
  proto?: number;
  srcPort?: number;
  dstPort?: number;
  packets?: number;
  bytes?: number;
}

/** An address column that is real or hidden: the number, or undefined for hidden; null when it is neither. */
export function addressOrHidden(token: string): number | undefined | null {
  const n = ipToInt(token);
  if (n >= 0) return n;
  return isMaskedIPv4(token) ? undefined : null;
}
