/**
 * One headless Chromium per test file, from the machine's Debian package (`/usr/bin/chromium`),
 * driven by playwright-core. When no Chromium is installed the browser tests are skipped with a
 * printed reason, never silently.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.WEGWIJS_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(`\n[console-web] SKIPPING browser tests: no Chromium at ${CHROMIUM} (install it with "apt-get install -y chromium", or set WEGWIJS_CHROMIUM).\n`);
}

export async function launch(): Promise<{ browser: Browser; close(): Promise<void> }> {
  // playwright gives launch() a fresh temporary --user-data-dir of its own (and refuses one in args).
  const profile = mkdtempSync(join(tmpdir(), 'wegwijs-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, TMPDIR: profile },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (injected by the test driver, not by the page: the CSP allows no scripts). */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe.run())) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
