// Posters' elisions and arrow notes, and hand-masked addresses: what counts, and what must not (IOS's own text).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { isElisionLine, splitAnnotation, takeFieldNotes } from './field-notes';
import { MASK } from './mask-mark';
import { isMaskedAddressPort, isMaskedIPv4 } from './masked-address';

describe('elision lines', () => {
  it.each(['[...]', '...', '. . .', '\u2026', '<snip>', '(snip)', '--- output omitted ---', '<output omitted>', '...output truncated...', '[ some output removed ]', '<rest of output snipped>'])(
    '%s is an elision',
    (l) => expect(isElisionLine(`  ${l}  `)).toBe(true),
  );
  it.each(['.....', '!!!!!', 'Building configuration...', 'Type escape sequence to abort.', '!', 'snip snap', '', 'Router#'])(
    '%s is not',
    (l) => expect(isElisionLine(l)).toBe(false),
  );
});

describe('elision lines, whatever the line', () => {
  // The rule as it read before its quick rejections (a regex a character, every line lower-cased and matched), kept
  // here as the reference: isElisionLine must answer as it did on any line.
  const WORDS =
    /^(?:(?:some|rest of|remaining|more|other) )?(?:(?:output|lines|entries|rows|text|processes|flows) )?(?:omitted|truncated|snipped|snip|removed|cut|deleted|skipped|trimmed)(?: (?:for brevity|here))?$/;
  const word = (c: string) => /[A-Za-z0-9]/.test(c);
  function reference(line: string): boolean {
    if (line.length > 60 && line.charCodeAt(0) !== 32) return false;
    const t = line.trim();
    if (t === '' || t.length > 60 || t === MASK) return false;
    let a = 0;
    let b = t.length;
    while (a < b && !word(t[a]!)) a++;
    while (b > a && !word(t[b - 1]!)) b--;
    const core = t.slice(a, b);
    if (core === '') {
      const dots = t.replace(/[^.\u2026]/g, '');
      const rest = t.replace(/[.\u2026\s[\](){}<>]/g, '');
      return rest === '' && (t.includes('\u2026') || dots.length === 3 || dots.length === 4);
    }
    return WORDS.test(core.toLowerCase().replace(/\s+/g, ' '));
  }
  // Whole elision phrases (any case), near-misses among them, so that every ending of the rule is met.
  const phrase = fc
    .tuple(
      fc.constantFrom('', 'some ', 'rest of ', 'remaining ', 'more ', 'other '),
      fc.constantFrom('', 'output ', 'lines ', 'entries ', 'rows ', 'text ', 'processes ', 'flows '),
      fc.constantFrom('omitted', 'truncated', 'snipped', 'snip', 'removed', 'cut', 'deleted', 'skipped', 'trimmed', 'snips', 'cuts'),
      fc.constantFrom('', ' for brevity', ' here', ' here1', ' there'),
      fc.boolean(),
    )
    .map(([a, b, c, d, upper]) => (upper ? `${a}${b}${c}${d}`.toUpperCase() : `${a}${b}${c}${d}`));
  const piece = fc.oneof(
    phrase,
    fc.constantFrom('some ', 'rest of ', 'Remaining ', 'OUTPUT ', 'lines ', 'flows ', 'omitted', 'Truncated', 'snip', 'SNIPPED', 'cut', 'here', ' for brevity', 'cutting'),
    fc.constantFrom('[', ']', '<', '>', '(', ')', '-', '.', '\u2026', ' ', '  ', '\t', ':', '#', '0', '9', 'x', 'Z', '\u00e9', '\u00c0', '\u0161', MASK),
    fc.string({ maxLength: 6 }),
  );
  it('answers as the rule did on any line of elision words, punctuation and other characters', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        expect(isElisionLine(line)).toBe(reference(line));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('arrow notes', () => {
  it('splits the row from the note, whatever arrow the poster drew', () => {
    expect(splitAnnotation('  30 1 2 3 19.51% 16.34% 16.71% 0 Cat4k Mgmt LoPri    <\u2014 this one')).toEqual({
      text: '  30 1 2 3 19.51% 16.34% 16.71% 0 Cat4k Mgmt LoPri',
      fragment: '<\u2014 this one',
    });
    expect(splitAnnotation('   81106 active, 48430 inactive   \u2014> 81106 TCP flows were active')?.fragment).toBe('\u2014> 81106 TCP flows were active');
    expect(splitAnnotation('Internet 10.1.1.1 5 0011.2233.4455 ARPA Vlan1 <-- this')?.fragment).toBe('<-- this');
    expect(splitAnnotation('Internet 10.1.1.1 5 0011.2233.4455 ARPA Vlan1 <<< why')?.fragment).toBe('<<< why');
    expect(splitAnnotation('--> 20 1137746364 460512309 2470 12.89% 12.78% 12.81% 0 ARP Input')).toEqual({
      text: '    20 1137746364 460512309 2470 12.89% 12.78% 12.81% 0 ARP Input',
      fragment: '-->',
    });
  });

  it("never takes IOS's own arrows and brackets for a note", () => {
    for (const l of [
      '  61          49    275169          0  0.00%  0.00%  0.00%   0 hrpc <- response',
      '  60          24    275169          0  0.00%  0.00%  0.00%   0 hrpc -> request',
      '%SEC-6-IPACCESSLOGP: list 150 denied tcp 193.23.45.35(3999) -> 2.34.56.12(80), 1 packet',
      'Console> (enable) show mls entry',
      '<Router> => ok',
      '----------------------- ---------- ------',
    ]) {
      expect(splitAnnotation(l), l).toBeNull();
    }
  });

  it('leaves a config banner and descriptions alone, arrows and all', () => {
    const banner = ['banner motd ^C', '<<<< AUTHORISED USE ONLY >>>>', '...', '^C', 'Internet 10.1.1.1 5 0011.2233.4455 ARPA Vlan1 <-- gw'];
    const { lines, notes } = takeFieldNotes([...banner.slice(0, 4), ' description <-- uplink to core', banner[4]!]);
    expect(lines.slice(0, 5)).toEqual([...banner.slice(0, 4), ' description <-- uplink to core']);
    expect(notes.map((n) => n.index)).toEqual([5]);
  });

  it('takes notes out of a paste once and says where they were', () => {
    const { lines, notes } = takeFieldNotes(['Router#show ip arp', 'Internet 10.1.1.1 5 0011.2233.4455 ARPA Vlan1 <-- gw', '<snip>', 'Router#']);
    expect(lines).toEqual(['Router#show ip arp', 'Internet 10.1.1.1 5 0011.2233.4455 ARPA Vlan1', '', 'Router#']);
    expect(notes.map((n) => [n.index, n.kind, n.fragment])).toEqual([[1, 'annotation', '<-- gw'], [2, 'elision', '<snip>']]);
    const same = ['a', 'b'];
    expect(takeFieldNotes(same).lines).toBe(same);
  });

  it('in a diagnosis: the row is read, the note is one warning quoting only the note', () => {
    const d = diagnose([{ source: 'p', text: 'R1#show ip arp\nInternet  10.1.1.1   5   0011.2233.4455  ARPA   Vlan1   <-- the gateway\n[...]\n' }]);
    expect(d.inputs.map((i) => [i.kind, i.records])).toEqual([['show ip arp', 1]]);
    expect(d.inputs[0]!.warnings).toEqual([
      { line: 2, message: 'note added by the poster, not read: "<-- the gateway"' },
      { line: 3, message: 'output left out by the poster here, not read: "[...]"' },
    ]);
  });
});

describe('masked addresses', () => {
  it.each(['x.x.x.x', 'X.X.X.X', 'Y.Y.Y.Y', 'a.b.c.d', 'A.B.C.D', 'W.X.Y.Z', 'w.x.y.z', '10.x.x.x', '192.168.1.xxx', '10.10.*.*', '172.16.x.1'])('%s is masked', (t) => {
    expect(isMaskedIPv4(t)).toBe(true);
  });
  it.each(['10.1.1.1', '0.0.0.0', 'x.x.x', 'e.f.g.h', 'Vlan1', '10.1.1.256', 'xxxx.xxxx.xxxx', 'www.cisco.com', '1.2.3.4.5'])('%s is not', (t) => {
    expect(isMaskedIPv4(t)).toBe(false);
  });
  it('with a port, as NAT prints them', () => {
    expect(isMaskedAddressPort('x.x.x.x:80')).toBe(true);
    expect(isMaskedAddressPort('10.x.x.x:1024')).toBe(true);
    expect(isMaskedAddressPort('10.1.1.1:80')).toBe(false);
    expect(isMaskedAddressPort('x.x.x.x:http')).toBe(false);
  });
  it('never become hosts: a scan whose source is masked yields no host, its rows still counted', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `Vl1           x.x.x.x         Vl3           2.34.${i}.12      06 0F9F  0050     1`);
    const d = diagnose([{ source: 'p', text: `Router#show ip cache flow\nSrcIf         SrcIPaddress    DstIf         DstIPaddress    Pr SrcP  DstP  Pkts\n${rows.join('\n')}\n` }]);
    expect(d.inputs[0]!.records).toBe(30);
    expect(d.hosts).toEqual([]);
    expect(d.findings.filter((f) => f.id === 'scanning-host')).toEqual([]);
  });
});

describe('a mail quote (takeFieldNotes)', () => {
  const lines = ['> router#sh ver', '> Cisco IOS Software', '>> uptime is 2 weeks', 'plain', '> a', '> b'];

  it('takes the marks off a run of three or more quoted lines, one note for the run; shorter runs are left to the arrow notes', () => {
    const { lines: out, notes } = takeFieldNotes(lines);
    expect(out).toEqual(['router#sh ver', 'Cisco IOS Software', 'uptime is 2 weeks', 'plain', '> a', '> b']);
    expect(notes.filter((n) => n.kind === 'quote')).toEqual([{ index: 0, last: 2, fragment: '>', text: 'router#sh ver', kind: 'quote' }]);
  });

  it('reads the same with `only` listing every line, and a gap in `only` (rows read as bytes) ends a run', () => {
    expect(takeFieldNotes(lines, [0, 1, 2, 3, 4, 5]).lines).toEqual(takeFieldNotes(lines).lines);
    const gapped = ['> a', '> b', '', '> c', '> d', '> e'];
    expect(takeFieldNotes(gapped, [0, 1, 3, 4, 5]).lines).toEqual(['> a', '> b', '', 'c', 'd', 'e']);
  });
});

describe('a comment typed as in code (splitAnnotation)', () => {
  it('takes " // ..." off a row, or a line that is one, and leaves a URL alone', () => {
    expect(splitAnnotation('Internet  192.168.10.99  0  aabb.cc00.2000  ARPA  Ethernet0/0.10  // learnt')).toEqual({
      text: 'Internet  192.168.10.99  0  aabb.cc00.2000  ARPA  Ethernet0/0.10',
      fragment: '// learnt',
    });
    expect(splitAnnotation('// the busy one is below')).toEqual({ text: '', fragment: '// the busy one is below' });
    expect(splitAnnotation('Technical Support: http://www.cisco.com/techsupport')).toBeNull();
    expect(splitAnnotation('Fa0/0  10.1.1.1  //')).toBeNull();
  });
});

describe('HTML markup around pasted output (takeFieldNotes)', () => {
  it('takes formatting tags off with one note a line, and leaves <cr>, the masker\'s mark and placeholders alone', () => {
    const lines = ['<pre><code><strong>R1#show adjacency summary ', '</strong>Adjacency Table has 1 adjacency', 'R1#show ?', '  <cr>', `password ${MASK}`, '</code></pre>'];
    const { lines: out, notes } = takeFieldNotes(lines);
    expect(out).toEqual(['R1#show adjacency summary ', 'Adjacency Table has 1 adjacency', 'R1#show ?', '  <cr>', `password ${MASK}`, '']);
    expect(notes.map((n) => [n.index, n.kind, n.fragment])).toEqual([
      [0, 'markup', '<pre>, <code>, <strong>'],
      [1, 'markup', '</strong>'],
      [5, 'markup', '</code>, </pre>'],
    ]);
  });

  it('reads the output inside: the adjacency summary is read, each tagged line said once', () => {
    const d = diagnose([{ source: 'p', text: '<pre><code><strong>R1#show adjacency summary\n</strong>Adjacency Table has 1 adjacency\n  Table epoch: 0 (1 entry at this epoch)\n\n  Interface                 Adjacency Count\n  FastEthernet0/0           1\n</code></pre>\n' }]);
    expect(d.inputs[0]).toMatchObject({ kind: 'show adjacency summary', records: 1 });
    expect(d.inputs[0]!.warnings.map((w) => w.message)).toEqual([
      'HTML markup taken off (<pre>, <code>, <strong>): the line read as the router printed it',
      'HTML markup taken off (</strong>): the line read as the router printed it',
      'HTML markup taken off (</code>, </pre>): the line read as the router printed it',
    ]);
  });
});

describe('HTML markup, whatever the line', () => {
  const tag = fc.constantFrom('<pre>', '</pre>', '<code>', '</code>', '<strong>', '</strong>', '<b>', '</b>', '<br>', '<br/>', '<span class="x">', '</span>');
  const text = fc.string({ maxLength: 40 }).filter((s) => !s.includes('\n') && !s.includes('\r'));

  it('takes off exactly the formatting tags put into a line, and every other character stays in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.option(tag, { nil: undefined })), { minLength: 1, maxLength: 6 }), (parts) => {
        const line = parts.map(([t, g]) => t + (g ?? '')).join('');
        const plain = parts.map(([t]) => t).join('');
        // Text that itself spells a tag is not told from one: leave those draws aside.
        fc.pre(!/<\/?(?:pre|code|strong|b|em|i|tt|kbd|samp|span|p|div|br|font)(?:\s[^<>]*)?\/?>/i.test(plain) && !/</.test(plain));
        const { lines: out } = takeFieldNotes([line]);
        expect(out[0]).toBe(plain);
      }),
      { seed: 20010719, numRuns: 300 },
    );
  });
});
