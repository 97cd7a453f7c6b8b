// Nothing lost: reload keeps pastes, answers and view; "Start over" clears and says so; damaged storage never blanks.
import { expect, test, type Page } from '@playwright/test';
import { appRunning, pasteBox, readStored, sample, waitForAnalysis } from './helpers';

/** Write a raw value where the store keeps its work (IndexedDB), as a damaged or older copy would be. */
async function writeStored(page: Page, value: unknown): Promise<void> {
  // Let the app start (it starts after the first paint, later on a busy machine) and its own batched write land
  // first, so ours is the last one.
  await appRunning(page);
  await page.waitForTimeout(500);
  await page.evaluate(
    (v) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('code-red-triage', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onsuccess = () => {
          const tx = req.result.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(v, 'code-red-triage');
          tx.oncomplete = () => { req.result.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
        req.onerror = () => reject(req.error);
      }),
    value,
  );
}

test('a reload keeps the pastes, the answers and the results', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('radio', { name: 'High at interrupt level (e.g. 99%/98%)' }).check();
  await page.goto('./#/paste');
  const flows = sample('seed_show_ip_cache_flow.txt');
  await pasteBox(page).fill(flows);
  await waitForAnalysis(page);
  await page.waitForTimeout(400); // the store batches writes (200 ms)
  await page.reload();
  await expect(pasteBox(page)).toHaveValue(flows.replace(/\r\n/g, '\n'));
  await page.goto('./#/report');
  await expect(page.locator('[data-host-ip="193.23.45.35"]')).toHaveAttribute('data-verdict', 'infected');
  await page.goto('./');
  await expect(page.getByRole('radio', { name: 'High at interrupt level (e.g. 99%/98%)' })).toBeChecked();
});

test('start over clears everything and says so, also after a reload', async ({ page }) => {
  await page.goto('./#/paste');
  await pasteBox(page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(page);
  page.on('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Started over' })).toBeVisible();
  await expect(pasteBox(page)).toHaveValue('');
  await page.waitForTimeout(400);
  await page.reload();
  await expect(pasteBox(page)).toHaveValue('');
  await page.goto('./#/report');
  await expect(page.getByText('Nothing to report yet')).toBeVisible();
});

test('a start over whose IndexedDB half never ran (the tab closed at once) still clears the work on the next load', async ({ page }) => {
  await page.goto('./#/paste');
  await pasteBox(page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(page);
  await page.waitForTimeout(400); // the store batches writes (200 ms)
  // What Start over leaves when the page goes before its IndexedDB transaction commits: the new mark in localStorage
  // (written at once), the work and the old mark still in IndexedDB.
  await page.evaluate(() => {
    localStorage.removeItem('code-red-triage');
    localStorage.setItem('code-red-triage:started-over', 'a-start-over-never-finished');
  });
  await page.reload();
  await appRunning(page);
  await expect(pasteBox(page)).toHaveValue('');
  await page.waitForTimeout(400);
  await page.reload();
  await expect(pasteBox(page)).toHaveValue('');
  // Work pasted after that is kept as usual.
  await pasteBox(page).fill(sample('seed_show_ip_accounting.txt'));
  await waitForAnalysis(page);
  await page.waitForTimeout(400);
  await page.reload();
  await expect(pasteBox(page)).not.toHaveValue('');
});

test('start over in one tab clears the work in the other tabs too, and it stays cleared', async ({ context, page }) => {
  const flows = sample('seed_show_ip_cache_flow.txt');
  await page.goto('./#/paste');
  await pasteBox(page).fill(flows);
  await waitForAnalysis(page);
  await page.waitForTimeout(400); // the store batches writes (200 ms)

  const other = await context.newPage();
  await other.goto('./#/paste');
  await expect(pasteBox(other)).toHaveValue(flows.replace(/\r\n/g, '\n'));
  other.once('dialog', (d) => void d.accept());
  await other.getByRole('button', { name: 'Start over' }).click();

  // The first tab is told at once, says so, and has nothing left to save.
  await expect(page.getByRole('status').filter({ hasText: 'Started over in another tab' })).toBeVisible();
  await expect(pasteBox(page)).toHaveValue('');
  await page.close(); // its last save on closing must not bring the work back
  await other.reload();
  await expect(pasteBox(other)).toHaveValue('');
  expect(await readStored(other)).not.toContain('193.23.45.35');
});

test('a tab that missed the start over finds it on saving and writes nothing back', async ({ context, page }) => {
  // This tab cannot hear the other tabs (as a browser without BroadcastChannel): only its save can find out.
  await page.addInitScript(() => {
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
  });
  await page.goto('./#/paste');
  await pasteBox(page).fill(sample('seed_show_ip_cache_flow.txt'));
  await waitForAnalysis(page);
  await page.waitForTimeout(400);

  const other = await context.newPage();
  await other.goto('./#/paste');
  other.once('dialog', (d) => void d.accept());
  await other.getByRole('button', { name: 'Start over' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Started over' })).toBeVisible();
  expect(await readStored(other)).not.toContain('193.23.45.35');

  // An edit in the tab that missed it: its save finds the start over, and the tab clears instead of writing.
  await pasteBox(page).fill(`${sample('seed_show_ip_cache_flow.txt')}\n`);
  await expect(page.getByRole('status').filter({ hasText: 'Started over in another tab' })).toBeVisible();
  await expect(pasteBox(page)).toHaveValue('');
  await page.waitForTimeout(400);
  expect(await readStored(other)).not.toContain('193.23.45.35');
  await other.reload();
  await expect(pasteBox(other)).toHaveValue('');
});

test('damaged stored work loads what it can and never blanks the page', async ({ page }) => {
  await page.goto('./');
  await writeStored(page, {
    version: 1,
    state: {
      pastes: [{ id: 'ok1', name: 'good', text: 'Router#show ip cache flow\n' }, 42, { name: 'no text' }],
      answers: { cpu: 'interrupt', bogus: 'x', memory: 'not-an-option' },
      hostSort: 'garbage',
      hostPage: -3,
    },
  });
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be restored');
  await expect(page.getByRole('radio', { name: 'High at interrupt level (e.g. 99%/98%)' })).toBeChecked();
  await page.goto('./#/paste');
  await expect(page.locator('[data-paste-name]')).toHaveCount(1);
  await expect(page.locator('[data-paste-name="good"]')).toBeVisible();
});

test('stored work that is not an object at all still gives a working page', async ({ page }) => {
  await page.goto('./');
  await writeStored(page, 'not json at all {');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('button', { name: "Load the tech note's example" }).click();
  await expect(page.locator('[data-finding-id="scanning-host"]').first()).toBeVisible();
});

test('an older (v0) stored copy is migrated', async ({ page }) => {
  await page.goto('./');
  await writeStored(page, { version: 0, state: { pastes: ['Router#show ip cache flow\nhello'], answers: { cpu: 'process' } } });
  await page.reload();
  await page.goto('./#/paste');
  await expect(pasteBox(page)).toHaveValue('Router#show ip cache flow\nhello');
  await page.goto('./');
  await expect(page.getByRole('radio', { name: 'High at process level' })).toBeChecked();
});

test('router secrets are masked in what is stored, and a reload shows them masked', async ({ page }) => {
  await page.goto('./#/paste');
  const config = 'Router#show running-config\nhostname r1\nenable secret 5 $1$Xy7z$SuperSecretHash\nsnmp-server community s3cr3tcomm RO\n';
  await pasteBox(page).fill(config);
  await waitForAnalysis(page);
  await page.waitForTimeout(400);
  const stored = await readStored(page);
  expect(stored).toContain('hostname r1');
  expect(stored).not.toContain('SuperSecretHash');
  expect(stored).not.toContain('s3cr3tcomm');
  await page.reload();
  await expect(pasteBox(page)).toHaveValue(/enable secret 5 <removed>/);
  await expect(pasteBox(page)).not.toHaveValue(/s3cr3tcomm/);
});
