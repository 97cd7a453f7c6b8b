import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { diagnose } from '../diagnose';
const SEED = readFileSync('/work/wt/qaplan/src/features/example/samples/seed_show_ip_cache_flow.txt', 'utf8');
const cfg = (body: string[]) => ['version 12.4', 'hostname R', '!', ...body, 'end'].join('\n');
const flows = (ifs: string, host: string) => SEED.replace(/Vl1(\s+)193\.23\.45\.35/g, (_m, sp: string) => `${ifs}${sp}${host}`);
const cases: Record<string, [string, string, string]> = {
  subif: [cfg(['interface FastEthernet0/0', ' no ip address', '!', 'interface FastEthernet0/0.10', ' encapsulation dot1Q 10', ' ip address 10.1.10.1 255.255.255.0', ' ip access-group VLAN10-IN in', ' ip nat inside', '!', 'interface Dialer0', ' ip address negotiated', ' ip access-group 101 in', ' ip nat outside', ' ip inspect FW out', '!', 'ip access-list extended VLAN10-IN', ' remark users', ' permit ip 10.1.10.0 0.0.0.255 any', '!', 'access-list 101 permit tcp any any established', 'access-list 101 deny ip any any log', 'ip route 0.0.0.0 0.0.0.0 Dialer0', 'ip nat inside source list NAT interface Dialer0 overload', 'ip access-list standard NAT', ' permit 10.1.10.0 0.0.0.255', '!']), 'Fa0/0.10', '10.1.10.55'],
  vaccess: [cfg(['interface FastEthernet0/0', ' ip address 192.168.1.1 255.255.255.0', '!', 'interface Virtual-Template1', ' ip unnumbered FastEthernet0/0', ' ip access-group 120 in', '!', 'access-list 120 permit ip any any', 'ip route 0.0.0.0 0.0.0.0 FastEthernet0/0']), 'Vi3', '192.168.1.77'],
  dhcpwan: [cfg(['interface FastEthernet0/0', ' ip address dhcp', ' ip nat outside', '!', 'interface Vlan1', ' ip address 192.168.1.1 255.255.255.0', ' ip nat inside', '!', 'ip route 0.0.0.0 0.0.0.0 FastEthernet0/0']), 'Vl1', '192.168.1.77'],
  vrf: [cfg(['ip vrf CUST', ' rd 1:1', '!', 'interface FastEthernet0/0', ' ip address 198.51.100.2 255.255.255.0', '!', 'interface FastEthernet0/1', ' ip vrf forwarding CUST', ' ip address 10.2.2.1 255.255.255.0', '!', 'ip route 0.0.0.0 0.0.0.0 198.51.100.1', 'ip route vrf CUST 0.0.0.0 0.0.0.0 FastEthernet0/1']), 'Fa0/1', '10.2.2.77'],
  stdacl: [cfg(['interface Ethernet0', ' ip address 10.3.3.1 255.255.255.0', ' ip access-group 10 in', '!', 'access-list 10 remark allowed', 'access-list 10 permit 10.3.3.0 0.0.0.255 log', 'access-list 10 deny any']), 'Et0', '10.3.3.77'],
  seqacl: [cfg(['interface GigabitEthernet0/0', ' ip address 10.4.4.1 255.255.255.0', ' ip access-group IN in', '!', 'ip access-list extended IN', ' 5 permit tcp host 10.4.4.9 any eq 22', ' 10 permit ip any any']), 'Gi0/0', '10.4.4.77'],
  objgrp: [cfg(['object-group network LAN', ' 10.5.5.0 255.255.255.0', '!', 'interface GigabitEthernet0/0', ' ip address 10.5.5.1 255.255.255.0', ' ip access-group OG in', ' ipv6 traffic-filter V6IN in', ' zone-member security inside', ' service-policy input QOS', '!', 'ip access-list extended OG', ' permit ip object-group LAN any', ' dynamic LOCK timeout 10 permit ip any any', '!', 'policy-map QOS', ' class class-default', '  set dscp default']), 'Gi0/0', '10.5.5.77'],
};
for (const [name, [c, ifs, host]] of Object.entries(cases)) it(name, () => {
  const d = diagnose([{ source: name, text: c }, { source: 'flows.txt', text: flows(ifs, host) }]);
  const out = [`# ${name}`, `findings: ${d.findings.map((f) => f.id).join(', ')}`];
  for (const f of d.findings) out.push(`[${f.id}] ${f.title}`, ...f.remedy.caveats.map((c) => `  caveat: ${c}`));
  for (const p of d.plans ?? []) {
    out.push('precheck:', ...p.precheck);
    for (const s of p.steps) out.push(`-- ${s.mode} [${s.findings}] ${s.why}`, ...s.commands);
    out.push('rollback:', ...p.rollback.flatMap((s) => s.commands));
  }
  writeFileSync(`/tmp/qaplan-probe/${name}.case`, out.join('\n'));
});
