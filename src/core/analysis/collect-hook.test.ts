// The analysis asks for a collection where it has let a big capture's tables go (collect-hook.ts), and only then.
import { afterEach, describe, expect, it } from 'vitest';
import { FlowColumns } from '../parsers/show-ip-cache-flow/flow-columns';
import { COLLECT_MIN_BYTES, released, setCollector } from './collect-hook';
import { analyseFanOut } from './fan-out';

afterEach(() => setCollector(undefined));

/** `sources` sources, `each` TCP/80 flows apiece (one row per flow, each to a destination of its own). */
function capture(sources: number, each: number) {
  const c = new FlowColumns(sources * each);
  const Fa = c.ifIndexOfName('Fa0/0');
  const Se = c.ifIndexOfName('Se0/0');
  for (let k = 0; k < sources * each; k++) {
    c.src[k] = 0x0a000001 + (k % sources);
    c.dst[k] = 0xc0000201 + k;
    c.srcIf[k] = Fa;
    c.dstIf[k] = Se;
    c.proto[k] = 6;
    c.srcPort[k] = 2000 + (k & 0x7fff);
    c.dstPort[k] = 80;
    c.packets[k] = 5;
    c.bytes[k] = NaN;
    c.line[k] = k + 1;
  }
  c.n = sources * each;
  return [{ source: 'f', kind: 'show ip cache flow' as const, flows: c.finish().table }];
}

describe('collections where the analysis lets tables go', () => {
  it('runs the collector for a quarter of a big peak or more, never for less, and nothing when none is set', () => {
    let calls = 0;
    released(COLLECT_MIN_BYTES * 4);
    setCollector(() => calls++);
    released(COLLECT_MIN_BYTES - 1);
    expect(calls).toBe(0);
    released(COLLECT_MIN_BYTES);
    released(COLLECT_MIN_BYTES * 10);
    expect(calls).toBe(2);
  });

  it('asks once the verdicts are made for a capture of 300,000 sources, never for a few thousand', () => {
    let calls = 0;
    setCollector(() => calls++);
    expect(analyseFanOut(capture(5_000, 2)).length).toBe(5_000);
    expect(calls).toBe(0);
    // (600,000 rows: their tables are under a collection's worth; the hosts' 64 bytes each, 19 MB, are over it.)
    const hosts = analyseFanOut(capture(300_000, 2));
    expect(hosts.length).toBe(300_000);
    expect(calls).toBe(1);
    // What it lets go first is what it hands on: every host still reads as it should.
    expect(hosts.every((h) => h.flows === 2 && h.verdict === 'clean')).toBe(true);
  });
});
