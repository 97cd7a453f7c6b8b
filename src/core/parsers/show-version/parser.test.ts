// Tests for `show version` on real captures: generation, version, platform, processor, memory, uptime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseDetailed } from '../../diagnose';
import { sectionsOf } from '../../sections';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function read(text: string) {
  const d = diagnoseDetailed([{ source: 'x.txt', text }]);
  return { input: d.diagnosis.inputs[0]!, inputs: d.diagnosis.inputs, data: sectionsOf(d.sections, 'show version')[0]?.data };
}

describe('show version: real captures', () => {
  // version / hw from MANIFEST.tsv (ntc-templates "hw" is the chassis model of the hardware line: our platform;
  // genieparser "platform" is the family on the software line: our softwarePlatform). The rest read by hand.
  it.each([
    ['ntc-1.txt', 'ios', '12.2(54)SG1', 'WS-C4948E', 'MPC8548', 1048576, 'router1'],
    ['ntc-2.txt', 'ios-xe', '03.06.05E', 'WS-C3850-48U', 'MIPS', 4194304, 'city-building-4-sw'],
    ['ntc-3.txt', 'ios', '15.8(3)M2', 'IOSv', undefined, 460137, 'rtr-01'],
    ['ntc-4.txt', 'ios-xe', '16.9.5', 'C9500-40X', 'X86', 1419496, 'AKBTESTW01'],
    ['genie-1.txt', 'ios', '15.1(4)M8', 'CISCO1941/K9', undefined, 491520, 'C1900'],
    ['genie-2.txt', 'ios', '12.2(18)SXF7', 'WS-C6503-E', 'R7000', 983008, 'cat6k_tb1'],
    ['genie-3.txt', 'ios', '15.6(3)M2', 'IOSv', undefined, 435457, 'N95_1'],
    ['genie-4.txt', 'ios', '12.3(6f)', '2611XM', 'MPC860P', 126976, 'CON-82-24'],
    ['genie-5.txt', 'ios-xe', '16.3.20170410:103306', 'ASR1006', 'RP2', 4138965, 'PE1'],
    ['genie-6.txt', 'ios-xe', '16.4.20170410:165034', 'WS-C3850-24P', 'MIPS', 862498, 'R1'],
    ['napalm-1.txt', 'ios', '12.1(22)EA13', 'WS-C2950T-48-SI', 'RC32300', 19912, 'c2950'],
    ['ansible-1.txt', 'ios', '12.1(14)EA1', 'WS-C3750-24TS', 'PowerPC405', 120822, '3750RJ'],
    ['marius-1.txt', 'ios-xe', '17.3.8a', 'CSR1000V', 'VXE', 1104920, 'VTEP1'],
    ['ccna60d-1.txt', 'ios', '12.1(17)', '2500', '68030', 14336, 'Router'],
  ])('%s: %s %s on %s (%s), %iK, host %s', (name, generation, version, platform, processor, memoryKb, hostname) => {
    const { input, inputs, data } = read(fixture(name));
    expect(inputs).toHaveLength(1);
    expect(input).toMatchObject({ kind: 'show version', records: 1 });
    expect(data).toMatchObject({ generation, version, platform, memoryKb, hostname });
    expect(data!.processor).toBe(processor);
  });

  it.each([
    ['genie-1.txt', 'C1900'],
    ['genie-2.txt', 's72033_rp'],
    ['genie-3.txt', 'IOSv'],
    ['genie-4.txt', 'C2600'],
    ['genie-5.txt', 'ASR1000'],
    ['genie-6.txt', 'Catalyst L3 Switch'],
  ])('%s: software family %s, as genieparser reports it', (name, family) => {
    expect(read(fixture(name)).data!.softwarePlatform).toBe(family);
  });

  it('skips only the known boilerplate: every capture reads without warnings except two honest ones', () => {
    const names = ['ntc-2.txt', 'ntc-3.txt', 'ntc-4.txt', 'genie-1.txt', 'genie-2.txt', 'genie-3.txt', 'genie-4.txt', 'genie-5.txt', 'genie-6.txt', 'napalm-1.txt', 'ansible-1.txt', 'marius-1.txt'];
    for (const n of names) expect(read(fixture(n)).input.warnings, n).toEqual([]);
    // A platform-specific hardware line we cannot vouch for is reported, not hidden.
    expect(read(fixture('ntc-1.txt')).input.warnings).toEqual([{ line: 8, message: 'line not understood: "Hobgoblin Revision 20, Fortooine Revision 1.22"' }]);
    // The book transcription merged two lines into one; it is reported.
    expect(read(fixture('ccna60d-1.txt')).input.warnings.map((w) => w.line)).toEqual([4]);
  });

  it('genie-2: memory split into main and I/O, uptime and where each fact was read', () => {
    expect(read(fixture('genie-2.txt')).data).toMatchObject({
      memoryKb: 983008, ioMemoryKb: 65536, uptime: '10 weeks, 5 days, 5 hours, 16 minutes', line: 4, uptimeLine: 13, platformLine: 34,
      image: 's72033_rp-ADVENTERPRISEK9_WAN-M',
    });
  });

  it('ntc-4: the IOS line gives the version, not the "Cisco IOS XE Software" build tag above it', () => {
    expect(read(fixture('ntc-4.txt')).data).toMatchObject({ version: '16.9.5', line: 2 });
  });
});

describe('show version: the tech note era', () => {
  it('a 7206VXR with an NPE400 running 12.0 (format of the period)', () => {
    const { input, data } = read([
      'Router#sh ver',
      'Cisco Internetwork Operating System Software ',
      'IOS (tm) 7200 Software (C7200-JS-M), Version 12.0(7)T,  RELEASE SOFTWARE (fc2)',
      'Copyright (c) 1986-1999 by cisco Systems, Inc.',
      'Compiled Tue 07-Dec-99 02:21 by phanguye',
      'BOOTFLASH: 7200 Software (C7200-BOOT-M), Version 12.0(7)T,  RELEASE SOFTWARE (fc2)',
      '',
      'Router uptime is 2 weeks, 3 days, 5 hours, 36 minutes',
      'cisco 7206VXR (NPE400) processor (revision A) with 262144K/32768K bytes of memory.',
      '6 slot VXR midplane, Version 2.1',
      'Configuration register is 0x2102',
    ].join('\r\n'));
    expect(input).toMatchObject({ kind: 'show version', command: 'sh ver', records: 1, warnings: [] });
    expect(data).toMatchObject({ generation: 'ios', version: '12.0(7)T', platform: '7206VXR', processor: 'NPE400', memoryKb: 262144, ioMemoryKb: 32768 });
  });

  it('a 7500 RSP4 and a CatOS supervisor', () => {
    expect(read('show version\ncisco RSP4 (R5000) processor with 131072K/2072K bytes of memory.\n').data).toMatchObject({ platform: 'RSP4', processor: 'R5000', memoryKb: 131072 });
    const cat = read('WS-C6509 Software, Version NmpSW: 8.4(5)\nUptime is 56 days, 1 hour, 37 minutes\n');
    expect(cat.input.kind).toBe('show version');
    expect(cat.data).toMatchObject({ generation: 'catos', platform: 'WS-C6509', version: '8.4(5)', uptime: '56 days, 1 hour, 37 minutes' });
  });
});

describe('show version: lines cut at the terminal width', () => {
  it('joins a cut hardware line, and takes the tail of a cut software line as part of it', () => {
    const software = 'Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)';
    const hardware = 'cisco WS-C3750-24TS (PowerPC405) processor (revision A0) with 120822K/10240K bytes of memory.';
    const { input, data } = read(['show version', software.slice(0, 80), software.slice(80), hardware.slice(0, 80), hardware.slice(80)].join('\n'));
    expect(input.warnings).toEqual([]);
    expect(data).toMatchObject({ version: '15.1(4)M8', line: 2, platform: 'WS-C3750-24TS', memoryKb: 120822, platformLine: 4 });
  });
});

describe('show version: exec prompt timestamp', () => {
  it('knows the "Load for five secs" / "Time source is" lines printed above the output', () => {
    const { input } = read(['PE1#show version', 'Load for five secs: 1%/0%; one minute: 1%; five minutes: 1%', 'Time source is NTP, 00:41:33.830 EST Thu Jun 20 2019', 'Cisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)'].join('\n'));
    expect(input).toMatchObject({ records: 1, warnings: [] });
  });
});

describe('show version: bad input', () => {
  it('reports prose it does not know, with line numbers, and reads what it can', () => {
    const { input, data } = read('show version\nCisco IOS Software, C1900 Software (C1900-UNIVERSALK9-M), Version 15.1(4)M8, RELEASE SOFTWARE (fc2)\nmy router is great\n\nsomething else entirely\n');
    expect(data).toMatchObject({ generation: 'ios', version: '15.1(4)M8' });
    expect(input.warnings.map((w) => w.line)).toEqual([3, 5]);
  });

  it('says generation unknown when nothing identifies the software', () => {
    const { input, data } = read('show version\nhello\n');
    expect(data!.generation).toBe('unknown');
    expect(input.warnings.map((w) => w.line)).toEqual([2]);
  });
});

describe('show version: boilerplate of the 12.x routers of the period', () => {
  it('knows the feature list and boot history lines', () => {
    const { input } = read([
      'show version',
      'IOS (tm) C2600 Software (C2600-IS-M), Version 12.1(5)T, RELEASE SOFTWARE (fc1)',
      'System was restarted by reload at 10:02:11 UTC Mon Jul 16 2001',
      'Running default software',
      'Basic Rate ISDN software, Version 1.1.',
      'X.25 software, Version 3.0.0.',
      'Bridging software.',
      '1 Channelized T1/PRI port',
    ].join('\n'));
    // The last line is hardware we do not claim to know: reported.
    expect(input.warnings.map((w) => w.line)).toEqual([8]);
  });
});

describe('show version: pastes from other projects\' issue threads (real captures)', () => {
  it('an IOS-XE line with " - SMU-PATCHED" after the version is the software line, not unread', () => {
    for (const name of ['genieparser-871-c9k-smu.txt', 'genieparser-871-c9k-smu-2.txt']) {
      const { input, data } = read(fixture(join('field', name)));
      expect(input, name).toMatchObject({ kind: 'show version', records: 1, warnings: [] });
      expect(data!.version, name).toMatch(/^17\./);
    }
  });

  it('an echo whose hostname was taken off ("#sh ver") is the echo', () => {
    const { input } = read(fixture('field/napalm-ios-184-sup720-no-host.txt'));
    expect(input).toMatchObject({ kind: 'show version', records: 1, warnings: [], command: 'sh ver' });
  });
});

describe('show version on NX-OS (real captures from ntc-templates and Genie tests)', () => {
  it('reads the NXOS (else system) version, the chassis, memory, host name and kernel uptime; the license text and the sections\' indented lines are known', () => {
    const a = read(fixture('field/ntc-templates-nxos-n9k-fx3.txt'));
    expect(a.input).toMatchObject({ kind: 'show version', records: 1, warnings: [] });
    expect(a.data).toMatchObject({ generation: 'nx-os', version: '10.4(5)', platform: 'Nexus9000 C93180YC-FX3', memoryKb: 32802700, hostname: 'N9K-LAB-15', uptime: '60 day(s), 17 hour(s), 26 minute(s), 51 second(s)' });
    const b = read(fixture('field/genie-nxos-n3048.txt'));
    expect(b.input).toMatchObject({ kind: 'show version', records: 1, warnings: [] });
    expect(b.data).toMatchObject({ generation: 'nx-os', version: '6.0(2)U6(10)', platform: 'Nexus 3048', hostname: 'n3k' });
  });

  it('a paste that starts inside the license text reads whole too; a stray unindented line is still reported', () => {
    const text = fixture('field/ntc-templates-nxos-n5596.txt');
    expect(read(text).input.warnings).toEqual([]);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Kernel uptime'));
    const withJunk = [...lines.slice(0, at), '@@ junk 42', ...lines.slice(at)].join('\n');
    expect(read(withJunk).input.warnings).toEqual([{ line: at + 1, message: 'line not understood: "@@ junk 42"' }]);
  });

  it('on a Nexus, a config without `ip cef` is not taken for CEF turned off', () => {
    const config = ['Router#show running-config', 'version 10.4(5)', 'hostname N9K', 'interface Ethernet1/1', ' ip address 10.0.0.1 255.255.255.0', 'end'].join('\n');
    const nx = `N9K#show version\n${fixture('field/ntc-templates-nxos-n9k-fx3.txt')}`;
    const ids = (text: string) => diagnoseDetailed([{ source: 'x.txt', text }]).diagnosis.findings.map((f) => f.id);
    expect(ids(config)).toContain('cef-not-enabled');
    expect(ids(`${nx}\n${config}`)).not.toContain('cef-not-enabled');
  });
});

describe('the device as the questionnaire names it', () => {
  it('answered "Nexus" or "IOS-XE", a config without `ip cef` is not taken for CEF turned off either', () => {
    const config = ['Router#show running-config', 'version 10.4(5)', 'hostname N9K', 'interface Ethernet1/1', ' ip address 10.0.0.1 255.255.255.0', 'end'].join('\n');
    const ids = (platform?: string) => diagnoseDetailed([{ source: 'x.txt', text: config }], platform ? { platform } : {}).diagnosis.findings.map((f) => f.id);
    expect(ids()).toContain('cef-not-enabled');
    expect(ids('ios-router')).toContain('cef-not-enabled');
    expect(ids('nexus')).not.toContain('cef-not-enabled');
    expect(ids('ios-xe')).not.toContain('cef-not-enabled');
  });
});

describe('show version inside a show tech-support (field capture)', () => {
  it('is read from between its rules of dashes; show clock beside it is said with its line', () => {
    const text = readFileSync(join(__dirname, 'fixtures/field/show-tech-7200-clock-version.txt'), 'utf8');
    const d = diagnose([{ source: 'tech', text }]);
    expect(d.inputs.map((i) => [i.kind, i.command, i.records])).toEqual([
      ['unknown', 'show clock', 0],
      ['show version', 'show version', 1],
    ]);
    expect(d.inputs[0]!.warnings).toEqual([
      { line: 1, message: '"show clock" is recognised but not read by this tool' },
      { line: 4, message: 'not read: "*18:00:49.603 UTC Thu Jul 17 2025"' },
    ]);
    expect(d.inputs[1]!.warnings).toEqual([]);
  });
});
