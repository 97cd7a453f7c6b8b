import { describe, expect, it } from 'vitest';
import { configLabel } from './config-label';

describe('configLabel', () => {
  it('names an ACL by its interface and direction', () => {
    expect(configLabel(['access-list 150 deny tcp any any eq www', 'access-list 150 permit ip any any', 'interface FastEthernet0/0', ' ip access-group 150 in'], 'scanning-host'))
      .toBe('ACL 150 for FastEthernet0/0 (inbound)');
  });
  it('names a route change', () => {
    expect(configLabel(['ip route 0.0.0.0 0.0.0.0 10.0.0.1', 'no ip route 0.0.0.0 0.0.0.0 Vlan3'], 'default-route-to-broadcast-interface')).toBe('the route change');
  });
  it('falls back to the finding in words, never its id', () => {
    expect(configLabel(['no ip http server'], 'http-server-enabled')).toBe("the config for the router's own HTTP server");
  });
});
