// Sasser: TCP/445 to random and nearby addresses, then a shell on TCP/9996 and FTP on TCP/5554; MS04-011.
import type { WormProfile } from './profile-types';

export const sasser: WormProfile = {
  worm: 'sasser',
  name: 'Sasser',
  // "scans random IP addresses, targeting TCP port 445 ... shell that listens on TCP port 9996 ... FTP connection at
  // TCP port 5554": F-Secure weblog, 1 May 2004 (https://www.f-secure.com/weblog/archives/00000155.html).
  sweeps: ['tcp/445'],
  followUps: ['tcp/9996', 'tcp/5554'],
  // LSASS buffer overrun: Microsoft Security Bulletin MS04-011.
  patch: 'MS04-011',
  tableClasses: ['TCP-other'],
};
