// Import boundaries (STYLE.md), checked on every test run: a lint rule in test form, so a wrong import fails CI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = __dirname;

interface Edge {
  file: string; // relative to src, e.g. core/rules/scanning-host.ts
  spec: string;
  /** Relative to src for local imports (e.g. core/text/lines), or the package name. */
  target: string;
  local: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'fixtures' ? [] : walk(p);
    return /\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n) ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

const edges: Edge[] = walk(SRC).flatMap((abs) => {
  const file = relative(SRC, abs);
  const text = readFileSync(abs, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    const local = spec.startsWith('.');
    const target = local ? relative(SRC, resolve(dirname(abs), spec)) : spec.startsWith('node:') ? spec : spec.split('/')[0]!.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
    return { file, spec, target, local };
  });
});

const area = (p: string) => p.split('/')[0]!;
const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);
const show = (es: Edge[]) => es.map((e) => `${e.file} imports ${e.spec}`);

describe('import boundaries', () => {
  it('reads a realistic number of imports (a broken scanner would make every rule below pass)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.file === 'core/diagnose.ts' && e.target === 'core/parsers/registry')).toBe(true);
  });

  it('core imports nothing outside core, and no package (test helpers in core/proof may use fast-check)', () => {
    const bad = edges.filter((e) => under(e.file, 'core') && (e.local ? area(e.target) !== 'core' : !(under(e.file, 'core/proof') && e.target === 'fast-check')));
    expect(show(bad)).toEqual([]);
  });

  it('a parser never imports another parser, a rule or the analysis', () => {
    const folder = (p: string) => /^core\/parsers\/(show-[^/]+)\//.exec(p)?.[1];
    const bad = edges.filter((e) => {
      const mine = folder(e.file);
      if (!mine || !e.local) return false;
      const theirs = folder(`${e.target}/`) ?? folder(e.target);
      return (theirs !== undefined && theirs !== mine) || under(e.target, 'core/rules') || under(e.target, 'core/analysis') || e.target === 'core/parsers/registry';
    });
    expect(show(bad)).toEqual([]);
  });

  it('rules read parsed facts: they never normalise or split raw pastes themselves', () => {
    const bad = edges.filter((e) => under(e.file, 'core/rules') && (e.target === 'core/text/normalise' || e.target === 'core/text/split'));
    expect(show(bad)).toEqual([]);
  });

  it('share is pure: core, share, fflate and valibot only', () => {
    const bad = edges.filter((e) => under(e.file, 'share') && (e.local ? !['core', 'share'].includes(area(e.target)) : !['fflate', 'valibot'].includes(e.target)));
    expect(show(bad)).toEqual([]);
  });

  it('the CLI imports core, share, itself and Node built-ins (the WebAssembly modules\' test support may use wabt)', () => {
    // Only tests import it (they are not among these edges), so wabt never reaches the bundle.
    const testSupport = (e: Edge) => e.file === 'cli/wasm-bytes.ts' && e.target === 'wabt';
    expect(show(edges.filter((e) => e.local && e.target === 'cli/wasm-bytes'))).toEqual([]);
    const bad = edges.filter((e) => under(e.file, 'cli') && (e.local ? !['core', 'share', 'cli'].includes(area(e.target)) : !e.target.startsWith('node:') && !testSupport(e)));
    expect(show(bad)).toEqual([]);
  });

  it('the worker imports core, share (to open links off the main thread) and itself only', () => {
    const bad = edges.filter((e) => under(e.file, 'worker') && (e.local ? !['core', 'share', 'worker'].includes(area(e.target)) : true));
    expect(show(bad)).toEqual([]);
  });

  it('features never import each other, nor the app', () => {
    const feature = (p: string) => /^features\/([^/]+)/.exec(p)?.[1];
    const bad = edges.filter((e) => {
      const mine = feature(e.file);
      if (!mine || !e.local) return false;
      const theirs = feature(e.target);
      return (theirs !== undefined && theirs !== mine) || area(e.target) === 'app';
    });
    expect(show(bad)).toEqual([]);
  });

  it('shared layers (ui, state, worker, share, core) never reach up into features or the app', () => {
    const bad = edges.filter((e) => ['ui', 'state', 'worker', 'share', 'core'].includes(area(e.file)) && e.local && ['features', 'app'].includes(area(e.target)));
    expect(show(bad)).toEqual([]);
  });

  it('recharts is imported only by the charts feature', () => {
    const bad = edges.filter((e) => e.target === 'recharts' && !under(e.file, 'features/charts'));
    expect(show(bad)).toEqual([]);
  });
});

describe('tests a clone can run', () => {
  it('no test reads a fixed path under /tmp (only this machine had the file: a debugging test once did)', () => {
    const tests = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) return n === 'fixtures' || n === 'node_modules' ? [] : tests(p);
        return /\.test\.tsx?$|\.spec\.ts$/.test(n) ? [p] : [];
      });
    const files = [...tests(SRC), ...tests(resolve(SRC, '../e2e'))];
    expect(files.length).toBeGreaterThan(100);
    const bad = files.filter((f) => /['"`]\/tmp\//.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(bad).toEqual([]);
  });
});
