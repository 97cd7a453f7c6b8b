// Slammer (Sapphire): one 404-byte UDP/1434 packet per random target, patched by MS02-039.
import type { WormProfile } from './profile-types';

export const slammer: WormProfile = {
  worm: 'slammer',
  name: 'Slammer',
  // The whole worm is a 376-byte UDP payload to port 1434 (404 bytes with IP and UDP headers), no reply awaited:
  // Moore, Paxson, Savage, Shannon, Staniford, Weaver, "Inside the Slammer Worm", IEEE Security & Privacy 1(4), 2003
  // (https://docslib.org/doc/7021336/inside-the-slammer-worm).
  sweeps: ['udp/1434'],
  followUps: [],
  probeBytes: 404,
  // SQL Server 2000 Resolution Service buffer overrun: Microsoft Security Bulletin MS02-039.
  patch: 'MS02-039',
  tableClasses: ['UDP-other'],
};
