// Conficker (MS08-067) and WannaCry (MS17-010): both sweep TCP/445; flow records alone cannot tell them apart.
import type { WormProfile } from './profile-types';

export const confickerOrWannacry: WormProfile = {
  worm: 'conficker-or-wannacry',
  name: 'Conficker or WannaCry',
  // WannaCry: SMB on TCP/445, MS17-010 (Rapid7 via The Register, 17 May 2017,
  // https://www.theregister.com/2017/05/17/wannacrypt_vuln_scanning/); Conficker: Server service RPC over SMB,
  // Microsoft Security Bulletin MS08-067.
  sweeps: ['tcp/445'],
  followUps: [],
  patch: 'MS08-067 (Conficker) and MS17-010 (WannaCry)',
  tableClasses: ['TCP-other'],
};
