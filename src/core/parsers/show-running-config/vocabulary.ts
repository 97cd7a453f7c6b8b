// First words of IOS global configuration commands: how the config parser tells config syntax from prose.
//
// A config holds hundreds of legitimate commands this tool does not model (aaa, snmp-server, dot11, ...); they
// are not warnings. What is a warning is a line that is not configuration at all: prose pasted with it, a mail
// signature, garbled text, the tail of a line a terminal wrapped. IOS writes every global command starting
// with one of these keywords (NX-OS's own, then ASA's, then IOS XR's follow the IOS ones), so an unknown first word at column 0 is a reliable sign of such a line. The list
// is broad on purpose (12.x to 17.x, Catalyst and voice included); inside a block (indented lines) the words
// are too many to list and only the shape is checked.
const GLOBAL_KEYWORDS = `
aaa access-list access-session alias alps appfw application archive arp async-bootp authentication auto autonomic
avc banner bba-group bfd boot boot-end-marker boot-start-marker bridge bsc bstun buffers cable call call-home
call-manager-fallback captive-portal-bypass card cdp chat-script class-map clock cns config-register
configuration control-plane controller crypto cts ctl-client default define device-sensor device-tracking
diagnostic dial-control-mib dial-peer dialer dialer-list do dot11 dot1x downward-compatible-config dspfarm eap
end energywise enable ephone ephone-dn ephone-dn-template ephone-template epm errdisable ethernet event exception
exit facility-alarm fax feature fhrp file firewall flow frame-relay gatekeeper gateway glbp hostname hw-module
hw-switch identity interface ip ipc ipv6 ipx isdn key kron l2tp l2tp-class lacp lane license line link lldp
location logging login mac mac-address-table macro map-class map-list mdns-sd memory memory-size menu mgcp
microcode mls mmi modemcap monitor mpls multilink mvr nbar netconf netconf-yang network-clock
network-clock-participate network-clock-select no ntp object-group onep parameter-map parser password
performance platform pnp policy-map port-channel power priority-list privilege process process-max-time property
qos queue-list radius radius-server redundancy rep resource restconf rmon route-map router rtr sampler sccp
scheduler scripting secure security segment-routing service service-policy set sip-ua snmp snmp-server sntp
source spanning-tree spd stack-mac stackwise stcapp stun subscriber switch system table-map tacacs
tacacs-server tag-switching telemetry telephony-service template tftp-server time-range track transceiver udld
upgrade username version virtual-service vlan voice voice-card vpdn vpdn-group vrf vtp warm-reboot webvpn wism
wlccp wrr-queue wsma x25 xconnect zone zone-pair
allocate callhome cfs cli copp device-alias evpn fabric fabricpath fcoe feature-set fex hardware hsrp install limit-resource
macsec nv nxapi port-profile poweroff ptp role sflow slot ssh switchname telnet terminal userpassphrase vdc vpc vsan
xml zoneset
aaa-server access-group anyconnect asdm auth-prompt ca console dhcpd dhcprelay dns dns-guard dynamic-access-policy-record
failover ftp global group-policy http icmp ipsec jumbo-frame management-access mtu names nat ntp object passwd pager
prompt route same-security-traffic ssl sysopt telnet threat-detection timeout tls-proxy tunnel-group user-identity
username vpn-addr-assign vpn-sessiondb webvpn
admin as-path-set call-home commit community-set domain end-policy end-set explicit-path grpc ipv4 l2vpn lpts
multicast-routing prefix-set route-policy rsvp sampler-map taskgroup tpa usergroup vty-pool
command-alias crashinfo domain-name filter name xlate
`;

export const GLOBAL_COMMANDS: ReadonlySet<string> = new Set(GLOBAL_KEYWORDS.split(/\s+/).filter(Boolean));

/** Lines IOS prints around a config that are not commands but are expected (show run / show startup headers). */
export const CONFIG_HEADER = /^(Building configuration\.*|Current configuration\s*:.*|Using \d+ out of \d+ bytes.*|Uncompressed configuration from .*)$/;

/** Syslog levels by number: `logging console 7` is shown back as `debugging`, so the rules see one spelling. */
export const LOG_LEVELS: readonly string[] = ['emergencies', 'alerts', 'critical', 'errors', 'warnings', 'notifications', 'informational', 'debugging'];
