// Welchia/Nachi: 92-byte ICMP echo to find live hosts, then TCP/135 (MS03-026) and TCP/80 WebDAV (MS03-007).
import type { WormProfile } from './profile-types';

export const nachi: WormProfile = {
  worm: 'nachi',
  name: 'Welchia (Nachi)',
  // "each of these echo requests are 92 byte pings": NANOG, "Increase in traffic to/from DSL subs since August?",
  // Nov 2003 (https://lists.nanog.org/archives/list/test@lists.nanog.org/message/HS2L5EJXDZW5XDITWIU4DZICTYKITDPJ);
  // ping first, then TCP/135 or TCP/80: DK-CERT, 27 Aug 2003 (https://cert.dk/da/node/653).
  sweeps: ['icmp'],
  followUps: ['tcp/135', 'tcp/80'],
  probeBytes: 92,
  // RPC/DCOM (MS03-026) and WebDAV (MS03-007): UC Davis IET notice (https://iet.ucdavis.edu/content/campus-identifies-nachi-aka-welchia-internet-worm).
  patch: 'MS03-026 and MS03-007',
  tableClasses: ['ICMP'],
};
