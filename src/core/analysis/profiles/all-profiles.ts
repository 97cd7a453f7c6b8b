// Every worm profile, in the order reports list candidates.
import { blaster } from './blaster';
import { codeRed } from './code-red';
import { codeRedII } from './code-red-ii';
import { confickerOrWannacry } from './conficker-or-wannacry';
import { mirai } from './mirai';
import { nachi } from './nachi';
import { nimda } from './nimda';
import type { WormProfile } from './profile-types';
import { sasser } from './sasser';
import { slammer } from './slammer';

export const PROFILES: readonly WormProfile[] = [codeRed, codeRedII, nimda, slammer, blaster, nachi, sasser, confickerOrWannacry, mirai];

export function profileOf(worm: string): WormProfile | undefined {
  return PROFILES.find((p) => p.worm === worm);
}

/** Profiles that sweep this service first. */
export function profilesSweeping(service: string): WormProfile[] {
  return PROFILES.filter((p) => p.sweeps.includes(service));
}
