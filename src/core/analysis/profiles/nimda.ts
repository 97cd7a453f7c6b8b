// Nimda: TCP/80 against IIS with its own locality mix (1/2 same /16, 1/4 same /8, 1/4 random), MS00-078 / MS01-020.
import { P_FORBIDDEN_RANDOM, type LocalityModel, UNIFORM_SHARES as U } from '../locality';
import type { WormProfile } from './profile-types';

/**
 * Target choice: 50% same first two octets, 25% same first octet, 25% random. J. Falciola (IBM MSS), "Re: Anyone
 * know this tool?", incidents list, 29 Jul 2003 (http://lists.jammed.com/incidents/2003/07/0264.html); Hitachi
 * HIRT-PUB07004 ("changing the 3rd~4th octet randomly while fixing the 1st~2nd octet").
 */
export const NIMDA_MIX = { same16: 1 / 2, same8: 1 / 4, other: 1 / 4 } as const;

/** Where a Nimda target falls (locality.ts classes); its random quarter can land anywhere, "forbidden" octets too. */
export const NIMDA_MODEL: LocalityModel = {
  same16: (NIMDA_MIX.same16 + NIMDA_MIX.same8 / 256 + NIMDA_MIX.other * U.same16) * (1 - NIMDA_MIX.other * P_FORBIDDEN_RANDOM),
  same8: (NIMDA_MIX.same8 * (1 - 1 / 256) + NIMDA_MIX.other * U.same8) * (1 - NIMDA_MIX.other * P_FORBIDDEN_RANDOM),
  other: NIMDA_MIX.other * U.other * (1 - P_FORBIDDEN_RANDOM),
  forbidden: NIMDA_MIX.other * P_FORBIDDEN_RANDOM,
};

export const nimda: WormProfile = {
  worm: 'nimda',
  name: 'Nimda',
  sweeps: ['tcp/80'],
  // Copies itself over file shares too (TCP/139, 445): Hitachi HIRT-PUB07004
  // (http://www-hitachi-com.itdweb.ext.hitachi.co.jp/hirt/publications/hirt-pub07004/07004-2.html).
  followUps: ['tcp/139', 'tcp/445'],
  // IIS directory traversal (MS00-078) and MIME header execution (MS01-020).
  patch: 'MS00-078 and MS01-020',
  tableClasses: ['TCP-WWW'],
};
