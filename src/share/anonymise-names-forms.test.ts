// The names a red team found surviving an anonymised link (round 13-17): usernames in logs, logins and tables,
// descriptions after a prompt or in a table, call-home contacts and e-mail addresses, neighbours' and servers' host
// names, certificate subjects, serial numbers in tables, domains under more suffixes. Each gets a pseudonym or is
// replaced; the words a parser reads stay.
import { describe, expect, it } from 'vitest';
import { createNameAnonymiser } from './anonymise-names';

const KEY = [2, 7, 1, 8, 2, 8, 1, 8];

function anonymise(text: string): string[] {
  const names = createNameAnonymiser(KEY);
  names.learn(text);
  const out = names.text(text);
  expect(out.split('\n')).toHaveLength(text.split('\n').length);
  return out.split('\n');
}

describe('usernames wherever a router prints them', () => {
  // [line, the user in it]
  const FORMS: [string, string][] = [
    ['! Last configuration change at 10:22:33 UTC Mon Dec 6 2026 by jsmith', 'jsmith'],
    ['! NVRAM config last updated at 10:22:34 UTC Mon Dec 6 2026 by jsmith2', 'jsmith2'],
    ['*Dec  6 03:12:01.123: %PARSER-5-CFGLOG_LOGGEDCMD: User:alice1  logged command:interface Gi0/1', 'alice1'],
    ["*Dec  6 03:12:03.123: %SSH-5-SSH2_USERAUTH: User 'alice3' authentication for SSH2 Session from 10.1.1.1 (tty = 0) Succeeded", 'alice3'],
    ["*Dec  6 03:12:04.123: %SSH-5-SSH2_CLOSE: SSH2 Session from 10.1.1.1 (tty = 0) for user 'alice4' using crypto cipher 'aes256-ctr' closed", 'alice4'],
    ['*Dec  6 03:12:05.123: %SYS-6-LOGOUT: User alice5 has exited tty session 2(10.1.1.1)', 'alice5'],
    ['*Dec  6 03:12:07.123: %SYS-6-TTY_EXPIRE_TIMER: (exec timer expired, tty 2 (10.1.1.1)), user alice7', 'alice7'],
    ['2022 Dec  6 03:12:08 n9k %VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by alice8 on 10.1.1.1@pts/0', 'alice8'],
    ['2022 Dec  6 03:12:09 n9k %AUTHPRIV-6-SYSTEM_MSG: pam_unix(sshd:session): session opened for user alice9 by (uid=0)', 'alice9'],
    ["RP/0/RSP0/CPU0:Dec  6 03:12:10.123 UTC: config[65734]: %MGBL-CONFIG-6-DB_COMMIT : Configuration committed by user 'alice10'. Use 'show configuration commit changes 1000000001' to view the changes.", 'alice10'],
    ["RP/0/RSP0/CPU0:Dec  6 03:12:11.123 UTC: exec[65734]: %SECURITY-LOGIN-6-AUTHEN_SUCCESS : Successfully authenticated user 'alice11' from '10.1.1.1' on 'vty0'", 'alice11'],
    ["Dec  6 2022 03:12:12: %ASA-5-111008: User 'alice12' executed the 'enable' command.", 'alice12'],
    ['Dec  6 2022 03:12:13: %ASA-6-605005: Login permitted from 10.1.1.1/51234 to inside:10.1.1.2/ssh for user "alice13"', 'alice13'],
    ['Dec  6 2022 03:12:14: %ASA-4-113019: Group = VPN, Username = alice14, IP = 198.51.100.7, Session disconnected.', 'alice14'],
    ['*  2 vty 0     alice16    idle                 00:00:00 10.1.1.1', 'alice16'],
    ['    1     1        alice17@vty0          |logging enable', 'alice17'],
    ['R1#ssh -l alice18 10.1.1.2', 'alice18'],
    ['login as: alice19', 'alice19'],
    ["alice20@10.1.1.2's password:", 'alice20'],
    ['1    1000000001            alice21   vty0:node0_RSP0_CPU0 CLI         Tue Dec  6 03:12:01 2022', 'alice21'],
    ['Tue Dec  6 03:12:01 2022:type=update:id=10.1.1.1@pts/0:user=alice22:cmd=configure terminal', 'alice22'],
    ['Username: jdoe', 'jdoe'],
    ['R1(config)#username jbloggs privilege 15 secret 0 <removed>', 'jbloggs'],
    ['R1(config)#usern kwhite pri 15 sec 0 <removed>', 'kwhite'],
    ['    1     1        admin@vty0          |username lgreen secret 0 <removed>', 'lgreen'],
    ['*Dec  6 03:12:01.123: %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:username mblack secret *****', 'mblack'],
    ['ip http client username nuser1', 'nuser1'],
    ['ip ftp username nuser2', 'nuser2'],
    ['vpdn username nuser3 password 0 <removed>', 'nuser3'],
    ['wlccp ap username nuser6 password 7 <removed>', 'nuser6'],
  ];
  it.each(FORMS)('%s', (line, user) => {
    // The same user elsewhere (a config's username line) gets the same pseudonym.
    const [out, other] = anonymise(`${line}\nping ${user}`);
    expect(out).not.toContain(user);
    const p = /^ping (user-[0-9a-f]{6})$/.exec(other!)?.[1];
    expect(p, other).toBeDefined();
    expect(out).toContain(p);
  });

  it('keeps the words where no user stands, and generic accounts that name nobody', () => {
    const text = [
      '   0 con 0                idle                 00:00:00',
      '*Dec  6 03:12:06.123: %SYS-5-CONFIG_I: Configured from console by console',
      'username admin privilege 15 secret 5 <removed>',
      'ip ftp username ftp',
      ' authentication open',
      'spanning-tree vlan 1 root primary',
      'ip inspect name X ftp',
      'Gi0/2   admin down   down',
    ];
    expect(anonymise(text.join('\n'))).toEqual(text);
  });
});

describe('descriptions in every place they are typed or shown', () => {
  it('after a prompt, on a BGP neighbour, in the archive log', () => {
    const out = anonymise(['R1(config-if)#description Link to ACME-HQ', ' neighbor 10.1.1.1 description ACME-ISP', '    2     1        bob@vty0          |description circuit ACME-CKT'].join('\n'));
    expect(out[0]).toMatch(/^router-[0-9a-f]{6}\(config-if\)#description \[description removed\]$/);
    expect(out[1]).toBe(' neighbor 10.1.1.1 description [description removed]');
    expect(out[2]).toMatch(/^ {4}2 {5}1 {8}user-[0-9a-f]{6}@vty0 {10}\|description \[description removed\]$/);
  });

  it('show interfaces description (IOS, NX-OS, and a row pasted without its heading): the columns before the text stay', () => {
    const text = [
      'R1#show interfaces description',
      'Interface                      Status         Protocol Description',
      'Gi0/0                          up             up       Link to ACME',
      'Gi0/1                          admin down     down     ACME spare',
      'Gi0/2                          down           down',
      '',
      'N9K# show interface description',
      '-------------------------------------------------------------------------------',
      'Port          Type   Speed   Description',
      '-------------------------------------------------------------------------------',
      'Eth1/1        eth    10G     ACME-DC uplink',
      '',
      'Gi0/3                          up             up       Link to ACME-DC-NYC',
    ];
    const out = anonymise(text.join('\n'));
    expect(out.join('\n')).not.toContain('ACME');
    expect(out[2]).toBe('Gi0/0                          up             up       [description removed]');
    expect(out[3]).toBe('Gi0/1                          admin down     down     [description removed]');
    expect(out[4]).toBe(text[4]);
    expect(out[10]).toBe('Eth1/1        eth    10G     [description removed]');
    expect(out[12]).toBe('Gi0/3                          up             up       [description removed]');
  });

  it('a banner typed in a config session', () => {
    const text = ['R1(config)#banner motd ^', "Enter TEXT message.  End with the character '^'.", 'Property of ACME Corporation', '^', 'R1(config)#'];
    const out = anonymise(text.join('\n'));
    expect(out.slice(1)).toEqual([text[1], '[banner removed]', '^', out[4]]);
    expect(out[0]).toMatch(/^router-[0-9a-f]{6}\(config\)#banner motd \^$/);
  });
});

describe('call-home, contacts and e-mail addresses', () => {
  it('replaces IOS and NX-OS call-home contacts and ids, and the person in an e-mail address', () => {
    const text = [
      'call-home',
      ' contact-email-addr john.smith@acme.com',
      ' phone-number +1-617-555-0123',
      ' street-address "123 Main Street, Boston MA 02110"',
      ' customer-id ACMECORP',
      ' site-id BOSTON-HQ',
      ' contract-id 91234567',
      '  destination address email attach@cisco.com',
      'callhome',
      '  email-contact noc@acme-corp.co.za',
      '  phone-contact +27-11-555-0123',
      '  streetaddress 1 Long Street Cape Town',
      '  transport email from r1@acme-corp.co.za',
      'System Contact................................... jane.doe@acme.com',
      'see jane.doe and john.smith',
    ];
    const out = anonymise(text.join('\n')).join('\n');
    for (const gone of ['john.smith', 'jane.doe', '555-0123', 'Main Street', 'Long Street', 'ACMECORP', 'BOSTON', '91234567', 'acme', 'r1@']) expect(out, out).not.toContain(gone);
    expect(out).toContain(' contact-email-addr [contact removed]');
    expect(out).toContain(' site-id [id removed]');
    expect(out).toContain('  destination address email attach@cisco.com');
    expect(out).toMatch(/transport email from user-[0-9a-f]{6}@domain-[0-9a-f]{6}\.example/);
    expect(out).toMatch(/^see user-[0-9a-f]{6} and user-[0-9a-f]{6}$/m);
  });
});

describe("neighbours' and servers' names, certificates, licences", () => {
  it('learns CDP, LLDP, WLC, syslog-server and config host names as hosts, and replaces ids and subjects', () => {
    const text = [
      '*Dec  6 03:12:01.123: %CDP-4-NATIVE_VLAN_MISMATCH: Native VLAN mismatch discovered on GigabitEthernet0/1 (1), with ACME-SW3 GigabitEthernet1/0/1 (10).',
      'Dec  6 03:12:01 acme-bos-r2 123: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to up',
      'ip host acme-fs01 10.1.1.1',
      'ntp server acme-ntp1',
      'logging host acme-syslog1',
      'snmp-server chassis-id ACME-BOS-R1',
      'logging origin-id string ACME-BOS-R1-origin',
      '(ACME-WLC1) >show sysinfo',
      'System Name...................................... ACME-WLC1',
      'Device ID: ACME-SW2',
      'System Name: ACME-N9K',
      'Device ID        Local Intrfce     Holdtme    Capability  Platform  Port ID',
      'ACME-SW4         Gig 0/1           150           S I      WS-C3750X Gig 1/0/1',
      'Total cdp entries displayed : 1',
      '    cn=ACME Issuing CA 1',
      '    o=ACME Corporation',
      '    ou=Boston Network Ops',
      'R1(ca-trustpoint)#subject-name CN=r1.acme.com,O=ACME Corporation,L=Boston,ST=MA,C=US',
      '  Smart Account: ACME Corporation',
      '  Virtual Account: ACME-Boston-DC',
      'seen: ACME-SW3 acme-bos-r2 acme-fs01 acme-ntp1 acme-syslog1 ACME-WLC1 ACME-SW2 ACME-N9K ACME-SW4',
    ];
    const out = anonymise(text.join('\n'));
    expect(out.join('\n'), out.join('\n')).not.toMatch(/acme|boston/i);
    expect(out[20]).toMatch(/^seen: (?:router-[0-9a-f]{6} ?){9}$/);
    expect(out[5]).toBe('snmp-server chassis-id [id removed]');
    expect(out[13]).toBe(text[13]);
  });

  it("an ASA log's tunnel group, named like a config's", () => {
    const out = anonymise(['Dec  6 2022 03:12:14: %ASA-4-113019: Group = ACME-VPN, Username = alice14, IP = 198.51.100.7, Session disconnected.', 'Dec  6 2022 03:12:15: %ASA-6-113039: Group <ACME-RA> User <bob> IP <198.51.100.8> AnyConnect parent session started.', 'tunnel-group ACME-VPN type remote-access'].join('\n'));
    expect(out.join('\n')).not.toMatch(/ACME|alice|bob/);
    expect(out[0]).toContain(`Group = ${/peer-[0-9a-f]{6}/.exec(out[2]!)![0]}, Username = user-`);
  });

  it("does not take an ASA's interface, a keyword or a time zone for a host", () => {
    const text = ['logging host inside 10.1.1.1', 'logging host inside syslog1', 'ntp server 10.1.1.1 prefer', 'Dec  6 03:12:01 UTC %SYS-5-CONFIG_I: x', 'interface inside', 'Total entries'];
    expect(anonymise(text.join('\n'))).toEqual(text);
  });
});

describe('serial numbers in tables', () => {
  it('show version license UDI, show license udi, show module, a CDP Device ID: one pseudonym a serial', () => {
    const text = [
      'Processor board ID FTX1234ABCE',
      'Device#\t  PID\t\t\tSN',
      '*0  \t  CISCO2921/K9          FTX1234ABCE     ',
      'SlotID   PID                    SN              UDI',
      '*        ISR4451-X/K9           FOC12345ABC     ISR4451-X/K9:FOC12345ABC',
      '  1   48  48-port 10/100/1000 RJ45 EtherModule   WS-X6748-GE-TX     SAL1234ABCD',
      'Device ID: ACME-NYC-N9K(FDO1234ABCD)',
    ];
    const out = anonymise(text.join('\n'));
    for (const gone of ['FTX1234ABCE', 'FOC12345ABC', 'SAL1234ABCD', 'FDO1234ABCD', 'ACME']) expect(out.join('\n')).not.toContain(gone);
    const p = /SN-[0-9A-F]{6}/.exec(out[0]!)![0];
    expect(out[2]).toBe(`*0  \t  CISCO2921/K9          ${p}     `);
    expect(out[4]).toMatch(/^\* {8}ISR4451-X\/K9 {11}(SN-[0-9A-F]{6}) {5}ISR4451-X\/K9:\1$/);
    expect(out[5]).toMatch(/WS-X6748-GE-TX {5}SN-[0-9A-F]{6}$/);
    expect(out[6]).toMatch(/^Device ID: router-[0-9a-f]{6}\(SN-[0-9A-F]{6}\)$/);
  });
});

describe('domains under more suffixes', () => {
  it('co.za, .ie, .tech, .sg and a domain typed after a prompt; not versions, files or interfaces', () => {
    const text = [
      'ntp server time.acme.co.za',
      'logging host syslog.acme.ie',
      'ip host fileserver.acme.tech 10.1.1.1',
      'ip name-server dns1.acme.sg',
      'R1(config)#ip domain name acmebank.example',
      'see acmebank.example',
      'Version 03.03.02.SG RELEASE SOFTWARE',
      'boot system flash:c2900-universalk9-mz.SPA.157-3.M8.bin',
      'interface GigabitEthernet0/0.100',
      'Version 15.2(4)M',
    ];
    const out = anonymise(text.join('\n'));
    expect(out.slice(0, 6).join('\n')).not.toMatch(/acme/);
    expect(out[0]).toMatch(/^ntp server name-[0-9a-f]{6}\.domain-[0-9a-f]{6}\.example$/);
    expect(out.slice(6)).toEqual(text.slice(6));
  });
});

describe('the new forms are linear', () => {
  it('400,000-character lines after each form cost a linear scan', () => {
    const heads = ['! Last configuration change at ', 'User:', "user '", '  1 vty 0 ', '    1     1        ', 'Device ID: ', 'Dec  6 03:12:01 ', '%CDP-4-X: ', 'ntp server ', 'a@', 'Interface ', 'R1#ssh ', 'x.'];
    const fills = [' ', 'a', '.', '-', '0', 'a.', ' with '];
    const t0 = performance.now();
    for (const head of heads) for (const fill of fills) anonymise(`${head}${fill.repeat(Math.ceil(400_000 / fill.length))}!`);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe('an NX-OS virtual device context', () => {
  it('is named after the switch as often as not: its name is a host\'s', () => {
    const names = createNameAnonymiser([5, 4, 3, 2, 1, 9, 8, 7]);
    const text = 'vdc DCE-200-N7010-01 id 1\n  limit-resource vlan minimum 16 maximum 4094\nDCE-200-N7010-01# show version';
    names.learn(text);
    const out = names.text(text);
    expect(out).not.toContain('DCE-200-N7010-01');
    expect(out).toMatch(/^vdc router-[0-9a-f]{6} id 1$/m);
  });
});
