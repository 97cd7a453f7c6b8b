// Code Red II: TCP/80, targets biased to its own /8 and /16 (the locality test in ../locality.ts), MS01-033.
import type { WormProfile } from './profile-types';

export const codeRedII: WormProfile = {
  worm: 'code-red-ii',
  name: 'Code Red II',
  // 1/2 same /8, 3/8 same /16, 1/8 random: the tech note; J. Nazario, "the view from a /32"
  // (http://www.monkey.org/~jose/worms/log-analysis/index.html).
  sweeps: ['tcp/80'],
  followUps: [],
  patch: 'MS01-033',
  tableClasses: ['TCP-WWW'],
};
