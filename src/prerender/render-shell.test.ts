// The prerendered first screen (index.html) comes from the app's components and the example's figures from the core,
// computed when the build runs: nothing in it is written by hand, so it cannot drift from the app.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnose';
import { EXAMPLE_PASTES } from '../features/example/example-pastes';
import { disableControls } from './disable-controls';
import { renderShellInNode } from './prerender-plugin';
import type { Shell } from './render-shell';

// Rendered exactly as the build renders it (Vite's module runner, the plugin's stubs).
let shell: Shell;
beforeAll(async () => {
  shell = await renderShellInNode(fileURLToPath(new URL('../..', import.meta.url)));
}, 60_000);
const page = (name: string) => shell.pages.find((p) => p.name === name)!.html;

describe('the prerendered first screen', () => {
  it('holds the start, paste, report and example pages, each behind its address marker', () => {
    expect(shell.pages.map((p) => [p.name, p.marker])).toEqual([
      ['start', '/'],
      ['paste', '/paste'],
      ['report', '/report'],
      ['example', '/example'],
    ]);
    for (const p of shell.pages) {
      expect(shell.root).toContain(`<span class="shell-marker" id="${p.marker}" hidden=""></span>`);
      expect(shell.root).toContain(`<div class="route-page shell-page shell-${p.name}">`);
    }
    expect(page('start')).toContain('<h1>Router at 100% CPU? Check for Code Red</h1>');
    expect(page('paste')).toContain('<h1>Paste router output</h1>');
    expect(page('report')).toBe('<h1>Report</h1>');
  });

  it("shows the example's report as the core diagnoses the built-in example now", () => {
    const d = diagnose(EXAMPLE_PASTES.map((p) => ({ source: p.name, text: p.text })));
    const infected = d.hosts.filter((h) => h.verdict === 'infected').map((h) => h.ip);
    expect(infected.length).toBeGreaterThan(0);
    expect(shell.example).toEqual({ infected, findings: d.findings.length });
    const html = page('example');
    for (const ip of infected) expect(html).toContain(ip);
    for (const f of d.findings) expect(html).toContain(`data-finding-id="${f.id}"`);
    expect(html).toContain('<h2 id="plan-heading">Change plan</h2>');
    // It stops after the findings, as the app's first commit does: the hosts table and the rest follow in the app.
    expect(html).toContain('<h2 id="findings-heading">Findings</h2>');
    expect(html).not.toContain('hosts-heading');
  });

  it('links the way the hash router does, and offers the example as a link (it works before the app runs)', () => {
    expect(shell.root).toContain('href="#/paste"');
    expect(page('start')).toContain('<a class="button" href="#/example">Load the tech note&#x27;s example</a>');
    expect(shell.root).not.toMatch(/href="\/(paste|report|example)"/);
  });

  it('disables every control that needs the app, and nothing else changes', () => {
    expect(shell.root).not.toMatch(/<(button|input|select|textarea)(?![^>]*\sdisabled="")[^>]*>/);
    expect(disableControls('<p><button type="button">Copy</button><input type="checkbox" disabled=""/><a href="#/">x</a></p>')).toBe(
      '<p><button disabled="" data-prerender-disabled="" type="button">Copy</button><input type="checkbox" disabled=""/><a href="#/">x</a></p>',
    );
  });

  it('has no inline script or style and no id twice (renderShell refuses either)', () => {
    expect(shell.root).not.toMatch(/<script|\sstyle=/);
    const ids = [...shell.root.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
