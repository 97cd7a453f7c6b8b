// The words of a step's checks that build-plan writes for routes and policies: what must hold before a route step
// is pasted (a next hop filled in by hand, or worked out by the tool), and where a policy the plan joins also applies.
import type { ConfigModel } from './config-model';

/** A policy-map bound on other interfaces too: the class added to it applies there as well, in words. */
export function sharedPolicyWords(model: ConfigModel, policy: string, here: string): string {
  const others = Object.values(model.interfaces).flatMap((x) =>
    (['input', 'output'] as const).filter((d) => x.policies[d] === policy && x.name !== here).map((d) => `${x.name} ${d}`),
  );
  return others.length ? ` ${policy} is also applied on ${others.join(', ')}: the class marks the worm's requests there too.` : '';
}

/** What must hold before a route step whose next hop the engineer fills in is pasted. */
export function routeGate(dhcp: boolean, ifName: string, vrf: string | undefined, isDefault: boolean): string {
  const ping = `ping that address${vrf ? ` in VRF ${vrf}` : ''}`;
  const what = dhcp
    ? `Fill in dhcp if show version shows IOS 12.3(8)T or later, else the gateway show dhcp lease names, and ${ping} (the gateway) first`
    : `Fill in the address of the router beyond ${ifName} that the pre-checks name (never this router's own address on it), and ${ping} first`;
  return `${what}: paste it only if the ping answers. The old route goes out in the same paste, so a next hop that does not answer would take the ${isDefault ? 'default ' : ''}route with it, and a session that comes in that way.`;
}

/** What must hold before a route step whose next hop the tool worked out (from ARP, or a point-to-point subnet) is pasted. */
export function knownHopGate(hop: string, why: string | undefined, ifName: string, vrf: string | undefined, isDefault: boolean): string {
  return (
    `${hop} is the tool's reading of what was pasted${why ? ` (${why.replace(/^Next hop from /, 'from ').replace(/\.$/, '')})` : ''}: ` +
    `confirm it is the router beyond ${ifName} (show cdp neighbors ${ifName} detail, or the circuit's records) and that ping ${vrf ? `vrf ${vrf} ` : ''}${hop} answers; paste it only then. ` +
    `The old route goes out in the same paste, so a wrong next hop would take the ${isDefault ? 'default ' : ''}route with it, and a session that comes in that way.`
  );
}
