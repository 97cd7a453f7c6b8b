// Tests for `show ip arp` / `show arp` on real captures: ages "-", incomplete entries, missing interfaces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseDetailed } from '../../diagnose';
import { sectionsOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function read(text: string) {
  const d = diagnoseDetailed([{ source: 'x.txt', text }]);
  return { input: d.diagnosis.inputs[0]!, inputs: d.diagnosis.inputs, data: sectionsOf(d.sections, 'show ip arp')[0]?.data };
}

describe('show ip arp / show arp: real captures', () => {
  // Peer counts from MANIFEST.tsv. One disagreement: arp-genie-4, where genieparser counts 3 but the capture has
  // 4 rows; its first row (10.169.197.93, line 7) has no interface and genieparser's row pattern needs one.
  // napalm (arp-napalm-2, first row) and ntc-templates (ntc-1, the SRP-A row) both count such rows, and so do we.
  it.each([
    ['ntc-1.txt', 7],
    ['genie-1.txt', 4],
    ['genie-2.txt', 2],
    ['genie-3.txt', 3],
    ['genie-4.txt', 3],
    ['marius-1.txt', 4],
    ['marius-2.txt', 5],
    ['marius-3.txt', 11],
    ['arp-ntc-1.txt', 5],
    ['arp-genie-1.txt', 2],
    ['arp-genie-2.txt', 3],
    ['arp-genie-3.txt', 4],
    ['arp-genie-4.txt', 4],
    ['arp-genie-5.txt', 1],
    ['arp-napalm-1.txt', 8],
    ['arp-napalm-2.txt', 8],
  ])('%s: %i entries, nothing unread', (name, rows) => {
    const { input, inputs } = read(fixture(name));
    expect(inputs).toHaveLength(1);
    expect(input).toMatchObject({ kind: 'show ip arp', records: rows, warnings: [] });
  });

  it('ntc-1: "Age(min)" header, age "-" is null, a row without interface', () => {
    const { data } = read(fixture('ntc-1.txt'));
    expect(data!.entries[0]).toEqual({ address: '172.16.233.229', ageMinutes: null, mac: '0000.0c59.f892', interface: 'Ethernet0/0', line: 2, type: 'ARPA' });
    expect(data!.entries[5]).toMatchObject({ address: '172.16.168.254', ageMinutes: 9, line: 7 });
    expect(data!.entries[6]).toEqual({ address: '10.0.0.0', ageMinutes: null, mac: 'aabb.cc03.8200', interface: '', line: 8, type: 'SRP-A' });
  });

  it('arp-ntc-1: an incomplete entry has no MAC', () => {
    const { data } = read(fixture('arp-ntc-1.txt'));
    expect(data!.entries[1]).toEqual({ address: '10.100.88.199', ageMinutes: 0, mac: '', interface: '', line: 3, type: 'ARPA', incomplete: true });
  });

  it('arp-genie-4: the exec timestamp lines are known; genie-4 (squeezed columns): "Vlan201 pv 202" kept whole', () => {
    expect(read(fixture('arp-genie-4.txt')).data!.entries.map((e) => [e.address, e.interface, e.line])).toEqual([
      ['10.169.197.93', '', 7],
      ['10.169.197.94', 'GigabitEthernet2', 8],
      ['10.169.197.97', 'GigabitEthernet4', 9],
      ['10.169.197.98', 'GigabitEthernet4', 10],
    ]);
    expect(read(fixture('genie-4.txt')).data!.entries[1]).toMatchObject({ address: '192.168.1.201', ageMinutes: 3, interface: 'Vlan201 pv 202' });
    expect(read(fixture('arp-genie-5.txt')).data!.entries[0]).toMatchObject({ type: '802.1Q', interface: 'Vlan111' });
  });

  it('marius-3: the proxy-ARP pattern, nine addresses answered by one MAC on Gi0/0', () => {
    const { data } = read(fixture('marius-3.txt'));
    const byMac = data!.entries.filter((e) => e.mac === '5254.00a6.05b1');
    expect(byMac).toHaveLength(9);
    expect(byMac.every((e) => e.interface === 'GigabitEthernet0/0')).toBe(true);
  });

  it('reads TAB-separated rows (a re-typed capture) like aligned ones', () => {
    const { input, data } = read('R1#sh arp\nProtocol\tAddress\tAge (min)\tHardware Addr\tType\tInterface\nInternet\t10.1.1.1\t-\t0000.0c07.ac00\tARPA\tVlan1\n');
    expect(input).toMatchObject({ kind: 'show ip arp', records: 1, warnings: [] });
    expect(data!.entries[0]).toMatchObject({ address: '10.1.1.1', ageMinutes: null, interface: 'Vlan1', line: 3 });
  });
});

describe('show ip arp: bad input', () => {
  it('reports rows with a bad address or MAC, with line numbers, and keeps the good ones', () => {
    const { input } = read([
      'show ip arp',
      'Protocol  Address          Age (min)  Hardware Addr   Type   Interface',
      'Internet  10.1.1.1                -   5254.00c7.6ac6  ARPA   GigabitEthernet0/1',
      'Internet  10.1.1.300              1   5254.00c7.6ac6  ARPA   GigabitEthernet0/1',
      'Internet  10.1.1.3                1   5254.00c7       ARPA   GigabitEthernet0/1',
      'garbage',
    ].join('\n'));
    expect(input.records).toBe(1);
    expect(input.warnings.map((w) => w.line)).toEqual([4, 5, 6]);
  });
});

describe('show ip arp: field forms (issue 13)', () => {
  const paste = [
    'Router#sh ip arp',
    'Protocol  Address          Age (min)  Hardware Addr   Type   Interface',
    'Internet  x.x.x.x                 5   0011.2233.4455  ARPA   Vlan1',
    'Internet  10.x.x.x                -   0011.2233.4456  ARPA   Vlan1',
    'Internet                          0   Incomplete      ARPA',
    'Internet  192.168.1.xxx           12  Incomplete      ARPA',
    'Internet  10.1.1.9             1200011.2233.4457  ARPA   Vlan1',
  ].join('\n');

  it('masked or blank addresses: every row counted with its age, MAC and interface, the address unknown and warned', () => {
    const { input, data } = read(paste);
    expect(input.records).toBe(5);
    expect(data!.entries.map((e) => [e.address, e.hiddenAddress, e.ageMinutes, e.mac, e.interface, e.incomplete ?? false])).toEqual([
      ['', 'x.x.x.x', 5, '0011.2233.4455', 'Vlan1', false],
      ['', '10.x.x.x', null, '0011.2233.4456', 'Vlan1', false],
      ['', '', 0, '', '', true],
      ['', '192.168.1.xxx', 12, '', '', true],
      ['10.1.1.9', undefined, 120, '0011.2233.4457', 'Vlan1', false],
    ]);
    expect(input.warnings.map((w) => w.line)).toEqual([3, 4, 5, 6]);
    expect(input.warnings[2]!.message).toBe('address left blank by the poster: row read, address unknown');
  });
});

describe('show ip arp: a comment typed after a row (a real capture)', () => {
  it('takes "// ..." off the row as a poster\'s note: the interface stays Ethernet0/0.10, the note is reported on its line', () => {
    const { input, data } = read(fixture('field/fortigate-notes-router1-comment.txt'));
    expect(input).toMatchObject({ kind: 'show ip arp', records: 5 });
    expect(input.warnings).toEqual([{ line: 6, message: 'note added by the poster, not read: "// arp可以学习到"' }]);
    expect(data!.entries.map((e) => e.interface)).toEqual(['Ethernet0/0', 'Ethernet0/0', 'Ethernet0/0.10', 'Ethernet0/0.10', 'Ethernet0/0.20']);
  });
});

describe('show ip arp on NX-OS (real captures from ntc-templates issues)', () => {
  it('reads the NX-OS layout: hh:mm:ss ages in minutes, INCOMPLETE, the interface (not the physical one); its legend, context and count are known lines', () => {
    const { input, data } = read(fixture('field/ntc-templates-851-nxos-detail.txt'));
    expect(input).toMatchObject({ kind: 'show ip arp', records: 15, warnings: [] });
    expect(data!.entries[0]).toEqual({ address: '146.118.1.91', ageMinutes: 0, mac: '', interface: 'Vlan701', line: 4, incomplete: true });
    expect(data!.entries[1]).toMatchObject({ mac: 'b40c.25e0.4011', interface: 'Vlan701' });
    // An age printed as seconds with a fraction, and one of ten minutes.
    expect(data!.entries[2]).toMatchObject({ ageMinutes: 0, incomplete: true });
    expect(data!.entries[6]).toMatchObject({ address: '146.118.64.5', ageMinutes: 10 });
  });

  it('with the flags legend and a flag after a row, after an echo whose hostname was taken off', () => {
    const { input, data } = read(fixture('field/ntc-templates-1923-nxos-detail.txt'));
    expect(input).toMatchObject({ kind: 'show ip arp', records: 6, warnings: [], command: 'show ip arp detail' });
    expect(data!.entries.at(-1)).toMatchObject({ address: '10.10.11.20', interface: 'Vlan11', ageMinutes: 0 });
  });
});

describe('show ip arp on NX-OS: vrf all, flags, VRF names (real captures from ntc-templates and Genie tests)', () => {
  it('reads the VRF Name and Flags columns and the whole legend as known; the interface stays the interface', () => {
    const { input, data } = read(fixture('field/ntc-templates-nxos-detail-vrf-all.txt'));
    expect(input).toMatchObject({ kind: 'show ip arp', records: 40, warnings: [] });
    expect(data!.entries[1]).toMatchObject({ address: '10.255.0.1', interface: 'mgmt0', ageMinutes: 17 });
    expect(data!.entries[6]).toMatchObject({ address: '10.233.6.6', interface: 'Vlan3' });
  });

  it('a static row with "-" for its age and physical interface', () => {
    const { input, data } = read(fixture('field/genie-nxos-detail-vrf-all-2.txt'));
    expect(input).toMatchObject({ kind: 'show ip arp', records: 4, warnings: [] });
    expect(data!.entries[3]).toMatchObject({ address: '172.16.10.1', ageMinutes: null, mac: '0000.0cff.9129', interface: 'Vlan393' });
  });
});

describe('show ip arp: a paste that stops inside its last row (no line end after it)', () => {
  /** The capture cut `keep` characters into its last row, with no line end after it (a copy cut short). */
  const cutLast = (text: string, keep: (row: string) => number) => {
    const lines = text.replace(/\r?\n$/, '').split('\n');
    const row = lines[lines.length - 1]!.replace(/\r$/, '');
    lines[lines.length - 1] = row.slice(0, keep(row)).trimEnd();
    return lines.join('\n');
  };
  const nx = fixture('field/genie-nxos-detail-vrf-all-3.txt');

  it('NX-OS detail row cut after "Vlan2" (of Vlan240, its physical interface and VRF lost): reported as cut, not read as interface Vlan2', () => {
    const { input, data } = read(cutLast(nx, (r) => r.indexOf('Vlan240') + 5));
    expect(input.records).toBe(6);
    expect(input.warnings).toEqual([{ line: 19, message: 'the paste ends inside this row (no line end after it, and shorter than the rows\' layout): cut, not read: "192.168.240.62  00:12:56  a2b6.9300.0003  Vlan2"' }]);
    expect(data!.entries.some((e) => e.interface === 'Vlan2')).toBe(false);
  });

  it('at any length a cut NX-OS detail row is reported or read as the router printed it, never misread', () => {
    const whole = read(nx).data!.entries.at(-1)!;
    const row = nx.trimEnd().split('\n').at(-1)!;
    for (let k = 1; k < row.length; k++) {
      const { input, data } = read(cutLast(nx, () => k));
      const last = data!.entries.at(-1)!;
      if (input.records === 7) expect(last, `cut at ${k}`).toEqual(whole);
      else expect(input.warnings.map((w) => w.line), `cut at ${k}`).toEqual([19]);
    }
  });

  it('a whole last row with no line end after it is read, and a short one with a line end after it is read as printed', () => {
    expect(read(nx.trimEnd()).input).toMatchObject({ records: 7, warnings: [] });
    const ended = read(`${cutLast(nx, (r) => r.indexOf('Vlan240') + 5)}\n`);
    expect(ended.input).toMatchObject({ records: 7, warnings: [] });
  });

  it('an IOS row cut before its interface (the rows above name theirs) is reported; an incomplete entry with none is not', () => {
    const ios = ['R1#show ip arp', 'Protocol  Address          Age (min)  Hardware Addr   Type   Interface', 'Internet  10.1.1.1               5   0011.2233.4455  ARPA   FastEthernet0/0', 'Internet  10.1.1.2               7   0011.2233.4466  ARPA'].join('\n');
    expect(read(ios).input).toMatchObject({ records: 1, warnings: [{ line: 4, message: expect.stringMatching(/^the paste ends inside this row/) }] });
    expect(read(`${ios}\n`).input).toMatchObject({ records: 2, warnings: [] });
    const incomplete = ios.replace(/0011\.2233\.4466  ARPA$/, 'Incomplete      ARPA');
    expect(read(incomplete).input).toMatchObject({ records: 2, warnings: [] });
  });
});
