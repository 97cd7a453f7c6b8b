// Devices whose configs this tool reads but writes no commands for (ASA, IOS XR): how their findings say so.
import type { Finding } from '../types';

/** How a finding's first caveat opens when its device is one this tool writes no commands for. */
export const PLANLESS_OPENING = 'This is ';

/** The system named when a finding's fix was left out because its device is an ASA or IOS XR (no plan at all). */
export function planlessSystem(f: Finding): string | undefined {
  const first = f.remedy.caveats[0] ?? '';
  for (const p of Object.values(PLANLESS)) if (first.startsWith(`${PLANLESS_OPENING}${p.what}:`)) return p.device;
  return undefined;
}

/** Systems whose configs this tool reads but writes no commands for, in words. */
export const PLANLESS = {
  asa: { what: 'an ASA configuration', device: 'an ASA', how: 'ASDM or the ASA CLI' },
  'ios-xr': { what: 'an IOS XR configuration', device: 'IOS XR', how: 'IOS XR syntax, committed with commit confirmed' },
} as const;
