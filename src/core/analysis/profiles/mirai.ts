// Mirai: telnet sweeps on TCP/23 and TCP/2323 (about one in ten on 2323) with default passwords; no patch, change them.
import type { WormProfile } from './profile-types';

export const mirai: WormProfile = {
  worm: 'mirai',
  name: 'Mirai',
  // "open telnet servers running on either port 23 or port 2323 ... port 23 vs. 2323 in a 1/10th ratio": M. Rash,
  // Extreme Networks, "Detecting Mirai Botnet Scans" (https://uk.extremenetworks.com/extreme-networks-blog/detecting-mirai-botnet-scans).
  sweeps: ['tcp/23', 'tcp/2323'],
  followUps: [],
  patch: 'no bulletin: change the devices\' default telnet passwords and turn telnet off',
  tableClasses: ['TCP-Telnet', 'TCP-other'],
};
