import { describe, expect, it } from 'vitest';
import { contactService, includeFilter, NO_SERVICE, serviceCode, serviceName, serviceWords } from './service';

const name = (proto: number, sport: number, dport: number) => serviceName(contactService(proto, sport, dport));

describe('contactService: which rows are first contacts, on which service', () => {
  it('a client to a well-known port is a contact on it; the server\'s reply is none', () => {
    expect(name(6, 0x0ed8, 445)).toBe('tcp/445');
    expect(contactService(6, 445, 0x0ed8)).toBe(NO_SERVICE);
    expect(name(17, 50000, 53)).toBe('udp/53');
    expect(contactService(17, 53, 50000)).toBe(NO_SERVICE);
  });

  it('TCP/80 always counts (the tech note\'s method, unchanged)', () => {
    expect(name(6, 80, 80)).toBe('tcp/80');
    expect(name(6, 20, 80)).toBe('tcp/80');
  });

  it('worm ports above 1023 count from any source port; other high ports only from a higher one', () => {
    expect(name(17, 1434, 1434)).toBe('udp/1434');
    expect(name(6, 1025, 2323)).toBe('tcp/2323');
    expect(name(6, 50000, 8080)).toBe('tcp/8080');
    expect(contactService(6, 8080, 50000)).toBe(NO_SERVICE);
  });

  it('ICMP: echo requests only (type 8 in the DstP column); replies and errors are answers', () => {
    expect(name(1, 0, 0x0800)).toBe('icmp');
    expect(contactService(1, 0, 0x0000)).toBe(NO_SERVICE);
    expect(contactService(1, 0, 0x0303)).toBe(NO_SERVICE);
  });

  it('no protocol (accounting) or another protocol: none', () => {
    expect(contactService(-1, -1, -1)).toBe(NO_SERVICE);
    expect(contactService(47, -1, -1)).toBe(NO_SERVICE);
  });
});

describe('service names and filters', () => {
  it('names, words and the | include filter in hex', () => {
    expect(serviceName(serviceCode(6, 445))).toBe('tcp/445');
    expect(serviceWords('udp/1434')).toBe('UDP port 1434');
    expect(serviceWords('icmp')).toBe('ICMP echo');
    expect(['tcp/80', 'tcp/445', 'tcp/135', 'udp/1434', 'tcp/23', 'icmp'].map(includeFilter)).toEqual(['0050', '01BD', '0087', '059A', '0017', '0000 0800']);
  });
});

describe('serviceName', () => {
  it('names a code the same way every time, past its cache of names too', () => {
    for (let round = 0; round < 2; round++) {
      for (let port = 0; port < 6000; port++) expect(serviceName(serviceCode(17, port))).toBe(`udp/${port}`);
      expect(serviceName(serviceCode(6, 445))).toBe('tcp/445');
      expect(serviceName(serviceCode(1, 0x0800))).toBe('icmp');
      expect(serviceName(serviceCode(89, 0))).toBe('proto/89');
      expect(serviceName(NO_SERVICE)).toBe('unknown');
    }
  });
});
