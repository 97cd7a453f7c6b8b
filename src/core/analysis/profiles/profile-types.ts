// The shape of a worm profile: what it sweeps, what follows a hit, how it picks targets, and the bulletin to patch.
import type { Worm } from '../../types';

export interface WormProfile {
  worm: Exclude<Worm, 'unknown'>;
  /** Human name for reports ("Code Red II", "Conficker or WannaCry"). */
  name: string;
  /** Services it sweeps for victims, as `proto/port` (`icmp` for echo sweeps). */
  sweeps: readonly string[];
  /** Services it opens once a probe is answered (the exploit's second stage). */
  followUps: readonly string[];
  /** Bytes per probe packet (IP header included) when the worm's probe has one fixed size. */
  probeBytes?: number;
  /** Consecutive target addresses (a sweep of its own /24 first). */
  sequential?: boolean;
  /** The Microsoft bulletin (or the fix) that closes the hole it uses. */
  patch: string;
  /** The `show ip cache flow` protocol-table classes its probes are counted under. */
  tableClasses: readonly string[];
}
