// Test helper: what a paste goes through on its way to a forum post, applied to clean captures (issue 13).
// Glued counters, names cut at the terminal width, addresses masked by hand, elisions and arrow notes, a filter
// that drops the header, prompts from several devices. Each works on normalised lines and says what it changed.

/** Tokens of a line with their offsets. */
function tokens(line: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], at: m.index });
  return out;
}

/**
 * Glue token k to token k+1 (drop the blanks between them), the way a long-uptime counter runs into the next
 * column. The line keeps its length by padding the end, so nothing else moves. Null when there is no token k+1.
 */
export function fuseTokens(line: string, k: number): string | null {
  const t = tokens(line);
  if (k + 1 >= t.length) return null;
  const end = t[k]!.at + t[k]!.text.length;
  const next = t[k + 1]!.at;
  return line.slice(0, end) + line.slice(next);
}

/** Cut a line at `width` as a terminal does: the first piece (trailing blanks trimmed) and the rest. */
export function cutAt(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  return [line.slice(0, width).trimEnd(), line.slice(width)];
}

/** Masks posters use; `keep` octets of the real address stay where the mask keeps them. */
export const MASKS: readonly ((ip: string) => string)[] = [
  () => 'x.x.x.x',
  () => 'X.X.X.X',
  () => 'Y.Y.Y.Y',
  () => 'a.b.c.d',
  () => 'W.X.Y.Z',
  (ip) => `${ip.split('.')[0]}.x.x.x`,
  (ip) => `${ip.split('.').slice(0, 3).join('.')}.xxx`,
];

const DOTTED = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])/g;

/** Replace the dotted quads of a line for which `pick` returns a mask (or '' to blank the column). */
export function maskAddresses(line: string, pick: (ip: string, n: number) => string | null): string {
  let n = 0;
  return line.replace(DOTTED, (ip) => {
    const m = pick(ip, n++);
    if (m === null) return ip;
    return m === '' ? ' '.repeat(ip.length) : m;
  });
}

/** Elision lines and arrow notes as posters write them. */
export const ELISIONS: readonly string[] = ['[...]', '...', '<snip>', '--- output omitted ---', '. . .', '<output omitted>', '(snip)'];
export const ANNOTATIONS: readonly string[] = ['<— this one', '<-- this', '<--- look here', '—> 81106 TCP flows were active', '<<< busiest', '==> why?', '// arp可以学习到', '// the busy one'];

/** Prompts of several devices, as one paste may mix them (the command abbreviated, in config mode via `do`). */
export const PROMPTS: readonly ((cmd: string) => string)[] = [
  (c) => `Core-Switch#${c}`,
  (c) => `Router#${c}`,
  (c) => `R1(config)#do ${c.replace(/^show /, 'sh ')}`,
  (c) => `edge-rtr-01>${c}`,
  (c) => `1720_UUNET_Frame>${c.replace(/^show /, 'sh ')}`,
  (c) => `#${c.replace(/^show /, 'sh ')}`,
  (c) => `SW2# ${c}`,
  (c) => `<hostname>#${c}`,
  (c) => `***#${c.replace(/^show /, 'sho ')}`,
];

/** Every number under a key named `line` (typed arrays too): where a parser read rows, entries and counters. */
export function lineNumbers(v: unknown, key = '', out: number[] = []): number[] {
  if (key === 'line' && typeof v === 'number') out.push(v);
  else if (key === 'line' && ArrayBuffer.isView(v)) out.push(...Array.from(v as unknown as ArrayLike<number>));
  else if (Array.isArray(v)) for (const x of v) lineNumbers(x, key === 'line' ? key : '', out);
  else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) for (const [k, x] of Object.entries(v)) lineNumbers(x, k, out);
  return out.sort((a, b) => a - b);
}

/** Facts with every line number mapped through `f` (numbers under keys named line, lines, *Line, *Lines). */
export function mapLines(v: unknown, f: (n: number) => number, key = ''): unknown {
  const lineish = /^(line|lines)$|Line$|Lines$/.test(key);
  if (typeof v === 'number') return lineish ? f(v) : v;
  if (ArrayBuffer.isView(v)) return mapLines(Array.from(v as unknown as ArrayLike<number>), f, key);
  if (Array.isArray(v)) return v.map((x) => mapLines(x, f, lineish ? key : ''));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapLines(x, f, k)]));
  return v;
}
