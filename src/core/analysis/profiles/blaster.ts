// Blaster (MSBlast/Lovsan): TCP/135 in sequential sweeps, then a shell on TCP/4444 and TFTP on UDP/69; MS03-026.
import type { WormProfile } from './profile-types';

export const blaster: WormProfile = {
  worm: 'blaster',
  name: 'Blaster',
  // "port 135 TCP, port 4444 TCP, and port 69 UDP were used": Cisco, Blaster worm mitigation
  // (http://cisco.com/web/offer/worm/blasterworm_lp_hard.html).
  sweeps: ['tcp/135'],
  followUps: ['tcp/4444', 'udp/69'],
  // "fixed 1st~3rd octet and monotonically increases 4th octet": Hitachi HIRT-PUB07004
  // (http://www-hitachi-com.itdweb.ext.hitachi.co.jp/hirt/publications/hirt-pub07004/07004-2.html).
  sequential: true,
  // RPC/DCOM buffer overrun: Microsoft Security Bulletin MS03-026.
  patch: 'MS03-026',
  tableClasses: ['TCP-other'],
};
