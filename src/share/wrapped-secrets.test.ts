// A secret wrapped onto the next line (a terminal at 80 or 132 columns cuts anywhere, even inside the secret or its
// keyword; a mail client wraps at a space after the keyword): no piece of it survives, and lines that merely follow
// a long line are kept.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import type { Answers, Paste } from '../core/types';
import { buildShareLink } from './build-share';
import { decodePayload } from './codec';
import { MASK, redactDiagnosis, redactSecrets } from './redact-secrets';
import { reportMarkdown } from './report-markdown';
import { payloadFromHash } from './share-route';
import { PREFIXES, parseSecretForms } from './secret-forms';

const SEED = Number(process.env.FUZZ_SEED) || 20261202;
const RUNS = Math.floor(Number(process.env.FUZZ_RUNS)) || 300;
// Single-line forms whose secret ends the line (the wrap then falls inside or right before the secret).
const forms = parseSecretForms(readFileSync(new URL('./fixtures/secret-forms.tsv', import.meta.url), 'utf8')).filter(
  (f) => f.lines.length === 1 && !f.block && f.lines[0]!.trimEnd().endsWith('{S}') && f.lines[0]!.split('{S}').length === 2 && f.platform !== 'output',
);
// Upper-case letters and digits: a piece of the secret never matches a keyword or a prompt by chance.
const secretArb = fc.array(fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789$'), { minLength: 10, maxLength: 40 }).map((a) => `QZ${a.join('')}`);

/** Hard-wrap a line as a terminal does: every `width` characters, whatever they are. */
const hardWrap = (line: string, width: number) => Array.from({ length: Math.ceil(line.length / width) }, (_, i) => line.slice(i * width, (i + 1) * width));

describe('a secret wrapped by a terminal', () => {
  it('has at least 100 single-line forms to wrap', () => {
    expect(forms.length).toBeGreaterThan(100);
  });

  it('leaves no piece of 4 characters or more, wherever the wrap falls', () => {
    fc.assert(
      fc.property(
        fc.nat(forms.length - 1),
        fc.nat(PREFIXES.length - 1),
        secretArb,
        fc.constantFrom(79, 80, 132),
        fc.nat(60),
        (f, p, secret, width, shift) => {
          const head = `${PREFIXES[p]}${forms[f]!.lines[0]!.replace('{S}', '').trimEnd()}`;
          // Pad the command with spaces inside it so that the wrap lands at `shift` characters into (or before) the secret.
          const line = `${head} ${secret}`;
          const target = Math.max(width, Math.ceil(line.length / width) * width) - shift;
          const padded = target > line.length && head.includes(' ') ? head.replace(' ', ' '.repeat(target - line.length + 1)) : head;
          const wrapped = hardWrap(`${padded} ${secret}`, width);
          // Known gap: an indented line wrapped right before a space reads as the next row of a table or section
          // (`show processes memory` rows fill 80 columns and hold `Key chain ...`): such pairs are not joined.
          fc.pre(!wrapped.some((l, i) => i > 0 && /^\s/.test(l) && /^\s/.test(wrapped[i - 1]!)));
          const text = ['hostname edge', ...wrapped, '!', 'end', ''].join('\n');
          const out = redactSecrets(text);
          for (const piece of wrapped.map((l) => l.slice(Math.max(0, l.indexOf('QZ')))).filter(Boolean)) {
            const inSecret = [...Array(Math.max(0, piece.length - 3)).keys()].map((i) => piece.slice(i, i + 4)).filter((x) => secret.includes(x));
            for (const x of inSecret) expect(out, `${x} of ${secret} in\n${out}`).not.toContain(x);
          }
          expect(out.split('\n')).toHaveLength(text.split('\n').length);
          expect(out.endsWith('\n!\nend\n')).toBe(true);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it.each([
    ['inside the secret', 'username administrator privilege 15 algorithm-type scrypt secret 9 $9$nhEmQVczB7', 'dqsOXHnA12'],
    ['inside the keyword', 'username administrator privilege 15 view operationsXYZ algorithm-type scrypt sec', 'ret 9 $9$nhEmQVczB7dq'],
    ['right before a space', 'username administrator privilege 15 view operations algorithm-type scrypt secret', ' 9 $9$nhEmQVczB7dq'],
    ['between two keys', 'snmp-server user monitoring NETWORK-MONITORING-GROUP v3 auth sha AuthKeyPart1XYW', 'Z priv aes 128 PrivKey99'],
  ])('%s', (_name, first, second) => {
    expect(first).toHaveLength(80);
    const out = redactSecrets(`hostname r\n${first}\n${second}\n!`).split('\n');
    expect(out[2]).toBe(MASK);
    expect(out[3]).toBe('!');
  });
});

describe('a secret wrapped by a mail client, at a space after its keyword', () => {
  it.each([
    ['username administrator privilege 15 view operations algorithm-type scrypt secret', '9 $9$nhEmQVczB7dqsOXHnA'],
    ['snmp-server user monitoring-user NETWORK-MONITORING-GROUP v3 auth sha', 'AuthKey99 priv aes 128 PrivKey99'],
    ['radius-server host 10.10.10.10 auth-port 1812 acct-port 1813 timeout 5 key 7', '0822455D0A16544541'],
  ])('%s', (first, second) => {
    const out = redactSecrets(`hostname r\n${first}\n${second}\n!`).split('\n');
    expect(out[2]).toBe(MASK);
  });
});

describe('a line after a long line is kept when it cannot be the tail of a secret', () => {
  const secretLine = 'username administrator privilege 15 algorithm-type scrypt secret 9 $9$nhEmQVczB7';
  it.each([
    ['a command', 'interface FastEthernet0/0'],
    ['an indented line after an indented line', ' ip access-group 150 in'],
    ['a prompt', 'R1#show ip cache flow'],
    ['a comment line', '!'],
    ['an access list entry', 'access-list 150 deny tcp any any eq www log'],
  ])('%s', (_name, next) => {
    const first = next.startsWith(' ') ? ` ip ospf message-digest-key 1 md5 ${'K'.repeat(80 - 34)}` : secretLine;
    expect(first).toHaveLength(80);
    const out = redactSecrets(`hostname r\n${first}\n${next}\n!`).split('\n');
    expect(out[1]).toContain(MASK);
    expect(out[2]).toBe(next);
  });
});

describe('a wrapped secret leaves through no channel', () => {
  // Inside a `show logging` buffer and a config: the continuation line carries no keyword of its own.
  const logging = readFileSync(new URL('./fixtures/seed_show_logging.txt', import.meta.url), 'utf8').split('\n');
  const flows = readFileSync(new URL('./fixtures/seed_show_ip_cache_flow.txt', import.meta.url), 'utf8');
  const first = 'username administrator privilege 15 algorithm-type scrypt secret 9 $9$nhEmQVczB7';
  const pieces = ['$9$nhEmQVczB7', 'Wr4pTa1lXyZ'];
  const logged = `*Mar  1 00:01:03.123: %PARSER-5-CFGLOG_LOGGEDCMD: User:bob  logged command:enable secret 0 Wr4p`;
  const pastes: Paste[] = [
    { source: 'cfg.txt', text: ['R1#show running-config', 'hostname r', first, 'Wr4pTa1lXyZ', 'end'].join('\n') },
    { source: 'log.txt', text: [...logging.slice(0, 6), logged.padEnd(132, 'Q'), 'Ta1lXyZ0', ...logging.slice(6)].join('\n') },
    { source: 'flows.txt', text: flows },
  ];
  it('masks the pieces in the link, its payload, the Markdown and the shown report', () => {
    expect(first).toHaveLength(80);
    const answers: Answers = { cpu: 'interrupt' };
    const diagnosis = diagnose(pastes, answers);
    const link = buildShareLink({ pageUrl: 'https://noc.example.net/codered/', pastes, answers, diagnosis, anonymiseKey: null });
    const r = decodePayload(payloadFromHash(new URL(link.url).hash) ?? '');
    if (!r.ok) throw new Error(r.message);
    const shown = redactDiagnosis(diagnosis, pastes);
    const channels = [link.url, JSON.stringify(r.payload), reportMarkdown(shown, answers, new Date(0)), JSON.stringify(shown)];
    expect(JSON.stringify(r.payload)).toContain('CFGLOG_LOGGEDCMD'); // the paste itself travelled, masked
    for (const c of channels) for (const p of [...pieces, 'Ta1lXyZ0', 'QQQQ']) expect(c).not.toContain(p);
  });
});
