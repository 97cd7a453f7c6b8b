// Test support: the same flows printed as every flow command we read, so verdicts can be compared across formats.
import type { GenFlow } from './worm-traffic';

const ip = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');
const pad = (s: string | number, w: number) => {
  const t = String(s);
  return t.length >= w ? `${t} ` : t + ' '.repeat(w - t.length);
};
const bytes = (f: GenFlow) => f.packets * f.bytesPerPacket;

export type FlowFormat = (flows: readonly GenFlow[]) => string;

export const asCacheFlow: FlowFormat = (flows) =>
  [
    'R1#show ip cache flow',
    'SrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP DstP  Pkts',
    ...flows.map((f) => `${pad(f.srcIf, 14)}${pad(ip(f.src), 16)}${pad(f.dstIf, 14)}${pad(ip(f.dst), 16)}${hex(f.proto, 2)} ${hex(f.srcPort, 4)} ${hex(f.dstPort, 4)} ${String(f.packets).padStart(5)}`),
  ].join('\n');

const CACHE_HEADER = (n: number) => [
  '  Cache type:                               Normal',
  '  Cache size:                               200000',
  `  Current entries:                       ${String(n).padStart(6)}`,
  `  High Watermark:                        ${String(n).padStart(6)}`,
  '',
  `  Flows added:                           ${String(n).padStart(6)}`,
  '  Flows aged:                                    0',
  '',
];

/** The default record format: about 9 lines a flow. */
export function fnfRecord(f: GenFlow): string {
  return [
    `IPV4 SOURCE ADDRESS:       ${ip(f.src)}`,
    `IPV4 DESTINATION ADDRESS:  ${ip(f.dst)}`,
    `TRNS SOURCE PORT:          ${f.srcPort}`,
    `TRNS DESTINATION PORT:     ${f.dstPort}`,
    `INTERFACE INPUT:           ${f.srcIf}`,
    `IP PROTOCOL:               ${f.proto}`,
    `counter bytes:             ${bytes(f)}`,
    `counter packets:           ${f.packets}`,
    '',
  ].join('\n');
}

export const asFnfRecord: FlowFormat = (flows) => ['R1#show flow monitor MON cache', ...CACHE_HEADER(flows.length), ...flows.map(fnfRecord)].join('\n');

export const asFnfTable: FlowFormat = (flows) =>
  [
    'R1#show flow monitor MON cache format table',
    ...CACHE_HEADER(flows.length),
    'IPV4 SRC ADDR    IPV4 DST ADDR    TRNS SRC PORT  TRNS DST PORT  INTF INPUT            IP PROT             pkts long',
    '===============  ===============  =============  =============  ====================  =======  ====================',
    ...flows.map(
      (f) => `${pad(ip(f.src), 17)}${pad(ip(f.dst), 17)}${String(f.srcPort).padStart(13)}  ${String(f.dstPort).padStart(13)}  ${pad(f.srcIf, 22)}${String(f.proto).padStart(7)}  ${String(f.packets).padStart(20)}`,
    ),
  ].join('\n');

export const asFnfCsv: FlowFormat = (flows) =>
  [
    'R1#show flow monitor MON cache format csv',
    ...CACHE_HEADER(flows.length),
    'IPV4 SRC ADDR,IPV4 DST ADDR,TRNS SRC PORT,TRNS DST PORT,INTF INPUT,IP PROT,pkts,bytes',
    ...flows.map((f) => `${ip(f.src)},${ip(f.dst)},${f.srcPort},${f.dstPort},${f.srcIf},${f.proto},${f.packets},${bytes(f)}`),
  ].join('\n');

/** Top talkers sorted by packets, every flow shown (so the sample is the whole cache). */
export const asTopTalkers: FlowFormat = (flows) =>
  [...asCacheFlow(flows).replace('show ip cache flow', 'show ip flow top-talkers').split('\n'), `${flows.length} of ${flows.length} top talkers shown. ${flows.length} flows processed.`].join('\n');

export const asVerboseFlow: FlowFormat = (flows) =>
  [
    'R1#show ip cache verbose flow',
    'SrcIf          SrcIPaddress    DstIf          DstIPaddress    Pr TOS Flgs  Pkts',
    'Port Msk AS                    Port Msk AS    NextHop              B/Pk  Active',
    ...flows.flatMap((f) => [
      `${pad(f.srcIf, 15)}${pad(ip(f.src), 16)}${pad(f.dstIf, 15)}${pad(ip(f.dst), 16)}${hex(f.proto, 2)} 00  ${hex(f.packets > 3 ? 0x1b : 0x02, 2)} ${String(f.packets).padStart(8)}`,
      `${hex(f.srcPort, 4)} /0  0                     ${hex(f.dstPort, 4)} /0  0     0.0.0.0         ${String(f.bytesPerPacket).padStart(9)} ${'1.0'.padStart(7)}`,
    ]),
  ].join('\n');

export const asMlsNetflow: FlowFormat = (flows) =>
  [
    'R1#show mls netflow ip',
    'Displaying Netflow entries in Supervisor Earl',
    'DstIP           SrcIP           Prot:SrcPort:DstPort  Src i/f         :AdjPtr',
    '--------------------------------------------------------------------------------',
    'Pkts         Bytes         Age   LastSeen  Attributes',
    '---------------------------------------------------',
    ...flows.flatMap((f) => [
      `${pad(ip(f.dst), 16)}${pad(ip(f.src), 16)}${pad(f.proto, 4)}:${pad(f.srcPort, 7)}:${pad(f.dstPort, 9)} ${pad(f.srcIf, 16)}:0x0`,
      `${pad(f.packets, 13)}${pad(bytes(f), 14)}${pad(12, 6)}11:47:08  L3 - Dynamic`,
    ]),
  ].join('\n');

/** NX-OS prints no interface names (an if_id), so hosts there have none. */
export const asNxosFlowCache: FlowFormat = (flows) =>
  [
    'switch# show flow cache',
    'IPV4 Entries',
    'SIP             DIP             BD ID S-Port  D-Port  Protocol  Byte Count    Packet Count  TCP FLAGS  if_id       flowStart   flowEnd',
    ...flows.map((f) => `${pad(ip(f.src), 16)}${pad(ip(f.dst), 16)}${pad(4097, 6)}${pad(f.srcPort, 8)}${pad(f.dstPort, 8)}${pad(f.proto, 10)}${pad(bytes(f), 14)}${pad(f.packets, 14)}${pad('0x2', 11)}${pad('0x1a000000', 12)}${pad(1432, 12)}1433`),
  ].join('\n');

export const MODERN_FORMATS: Record<string, FlowFormat> = {
  'show flow monitor cache (record)': asFnfRecord,
  'show flow monitor cache (table)': asFnfTable,
  'show flow monitor cache (csv)': asFnfCsv,
  'show ip flow top-talkers': asTopTalkers,
  'show ip cache verbose flow': asVerboseFlow,
  'show mls netflow ip': asMlsNetflow,
  'show flow cache': asNxosFlowCache,
};
