import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../diagnose';
import { intToIp } from '../../text/lines';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('show ip cache flow: the tech note sample', () => {
  const d = diagnose([{ source: 'seed.txt', text: fixture('seed.txt') }]);

  it('reads the 10 rows under the garbled header and says the header was not recognised', () => {
    expect(d.inputs).toHaveLength(1);
    expect(d.inputs[0]).toMatchObject({ kind: 'show ip cache flow', records: 10, command: 'show ip cache flow | include 0050' });
    expect(d.inputs[0]!.warnings).toContainEqual({ line: 4, message: 'header not recognised, rows read by shape' });
  });

  it('calls 193.23.45.35 on Vl1 infected, Code Red', () => {
    const h = d.hosts.find((x) => x.ip === '193.23.45.35');
    expect(h).toMatchObject({ interface: 'Vl1', flows: 6, destinations: 6, port80Flows: 6, verdict: 'infected', variant: 'code-red' });
    expect(d.hosts[0]!.ip).toBe('193.23.45.35');
  });

  it('raises scanning-host with evidence lines and the port-80 ACL inbound on interface Vlan1', () => {
    const f = d.findings.find((x) => x.id === 'scanning-host');
    expect(f?.severity).toBe('critical');
    expect(f?.title).toBe('193.23.45.35 on Vl1 is scanning TCP port 80');
    expect(f?.evidence.map((e) => e.line)).toEqual([5, 7, 9, 11, 12, 13]);
    expect(f?.evidence[0]?.text).toContain('193.23.45.35');
    // No running-config pasted: the plan cannot see Vlan1's ACLs, so it inserts at the top of the list the
    // pre-check names, never binding a new list that would replace one in place (issue 11).
    expect(f?.remedy.commands).toEqual([
      'ip access-list extended <inbound ACL on Vlan1: show ip interface Vlan1 | include access list>',
      ' 1 deny tcp any any eq www',
    ]);
  });
});

describe('show ip cache flow: bad input', () => {
  it('reads nothing from text that is not router output, says so, and lists the lines', () => {
    const d = diagnose([{ source: 'junk.txt', text: 'hello world\nthis is not a router\n' }]);
    expect(d.inputs).toEqual([
      expect.objectContaining({ kind: 'unknown', records: 0 }),
    ]);
    const [first, ...unread] = d.inputs[0]!.warnings;
    expect(first!.message).toBe('no router output recognised');
    expect(unread.map((w) => w.line)).toEqual([1, 2]);
    expect(unread[1]!.message).toContain('this is not a router');
    expect(d.hosts).toEqual([]);
    expect(d.findings).toEqual([]);
  });

  it('says an empty paste holds no router output', () => {
    const d = diagnose([{ source: 'empty.txt', text: '' }]);
    expect(d.inputs[0]).toMatchObject({ kind: 'unknown', records: 0 });
    expect(d.inputs[0]!.warnings[0]!.message).toMatch(/no router output recognised/);
  });

  it('turns a row with an impossible address into a warning, not a flow', () => {
    const d = diagnose([{ source: 'x', text: 'show ip cache flow\nVl1  300.1.1.1  Vl3  2.3.4.5  06 0F9F 0050 2\n' }]);
    expect(d.inputs[0]!.records).toBe(0);
    expect(d.inputs[0]!.warnings[0]).toMatchObject({ line: 2 });
  });
});

it('intToIp round-trips', () => {
  expect(intToIp(0xc1172d23)).toBe('193.23.45.35');
});

it('two pastes with one name quote their own lines as evidence (the second is renamed "name (2)")', () => {
  const flow = fixture('seed.txt');
  const d = diagnose([
    { source: 'show.txt', text: flow },
    { source: 'show.txt', text: 'hello\n' },
  ]);
  expect(d.inputs.map((i) => i.source)).toEqual(['show.txt', 'show.txt (2)']);
  const f = d.findings.find((x) => x.id === 'scanning-host')!;
  expect(f.evidence[0]).toMatchObject({ source: 'show.txt', line: 5 });
  expect(f.evidence[0]!.text).toContain('193.23.45.35');
});
