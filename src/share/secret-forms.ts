// The secret-forms corpus (fixtures/secret-forms.tsv) for tests: each form with its secrets planted, after a prefix.
// Test support only (imported by *.test.ts), kept out of the app bundle by never being imported by app code.

export interface SecretForm {
  platform: string;
  /** The form's lines, `{S}`/`{H}`/`{B}` still in place. */
  lines: string[];
  /** A block form (certificate, key material, a table): prefixes go on its first line only. */
  block: boolean;
}

export function parseSecretForms(tsv: string): SecretForm[] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const tab = l.indexOf('\t');
      const lines = l.slice(tab + 1).split('\\n').map((x) => x.replace(/\\t/g, '\t'));
      return { platform: l.slice(0, tab), lines, block: /\{H\}|\{B\}|Preshared Key|SecName|Community-String|Group \/ Access|SNMP Community Value/.test(l) };
    });
}

/** Where a line may sit: bare, after prompts, `--More--` leftovers, syslog, archive logs, indentation, NBSP. */
export const PREFIXES: readonly string[] = [
  '',
  'R1(config)#',
  'R1(config-line)#',
  'R1#',
  'core-gw1>',
  '--More-- ',
  ` --More-- ${'\b'.repeat(9)}${' '.repeat(9)}`,
  '*Mar  1 00:01:02.123: %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:',
  '  12    1 admin@vty0     |',
  '\t',
  '\u00a0\u00a0',
  'cfg.txt:12  ',
];

export interface Planted {
  lines: string[];
  secrets: string[];
}

/** Plant secrets into a form: `next()` gives the secret for each `{S}` (and hex/base64 for `{H}`/`{B}`). */
export function plant(form: SecretForm, prefix: string, next: (kind: 'S' | 'H' | 'B') => string): Planted {
  const secrets: string[] = [];
  const lines = form.lines.map((line, i) => {
    const withSecrets = line.replace(/\{([SHB])\}/g, (_m, k: 'S' | 'H' | 'B') => {
      const s = next(k);
      secrets.push(s);
      return s;
    });
    return !form.block || i === 0 ? `${prefix}${withSecrets}` : withSecrets;
  });
  return { lines, secrets };
}
