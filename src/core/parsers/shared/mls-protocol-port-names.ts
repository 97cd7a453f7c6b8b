// Protocol and port names MLS tables (`show mls ip`, `show mls entry`) print instead of numbers ("tcp", "www"), and the test for an absent field.

// Maps, not objects: a field is pasted text, and `constructor` or `__proto__` looked up in an object literal found its
// prototype's members (a port that was a function).
export const PROTOCOLS: ReadonlyMap<string, number> = new Map(Object.entries({ icmp: 1, igmp: 2, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, eigrp: 88, ospf: 89, pim: 103 }));

export const PORTS: ReadonlyMap<string, number> = new Map(Object.entries({
  'ftp-data': 20, ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, bootps: 67, bootpc: 68, tftp: 69, www: 80,
  http: 80, pop3: 110, sunrpc: 111, ntp: 123, 'netbios-ns': 137, 'netbios-dgm': 138, 'netbios-ss': 139, imap: 143,
  snmp: 161, snmptrap: 162, bgp: 179, https: 443, isakmp: 500, syslog: 514, rip: 520,
}));

/** "-", "--" and an empty field all mean the flow mask did not keep this field. */
export function isAbsent(field: string | undefined): boolean {
  return field === undefined || field === '' || /^-+$/.test(field);
}

/** Protocol number, undefined when absent (or 0: MLS prints 0 when the flow mask drops the protocol), null when unknown. */
export function protocolNumber(field: string | undefined): number | undefined | null {
  if (isAbsent(field)) return undefined;
  if (/^\d+$/.test(field!)) return +field! === 0 ? undefined : +field! <= 255 ? +field! : null;
  return PROTOCOLS.get(field!.toLowerCase()) ?? null;
}

/** Port number, undefined when absent, null when the name is not one we know. */
export function portNumber(field: string | undefined): number | undefined | null {
  if (isAbsent(field)) return undefined;
  if (/^\d+$/.test(field!)) return +field! <= 65535 ? +field! : null;
  return PORTS.get(field!.toLowerCase()) ?? null;
}
