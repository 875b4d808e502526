import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { CaseworkSuite } from '@casework/devkit';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: browsers cannot be downloaded here (`npx playwright install` has no network). */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** A page in a context of its own (axe-core opens its helper pages in the same context). */
export async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The inbox's origin (the api serves it at /), failing with the fix when the page was not built. */
export async function inboxOrigin(suite: CaseworkSuite): Promise<string> {
  const origin = suite.apiUrl.replace(/\/api\/v1$/, '');
  const index = await fetch(`${origin}/`);
  if (index.status !== 200) throw new Error(`the api does not serve the inbox at / (${index.status}): npm run build:web`);
  return origin;
}

export interface WebUser {
  id: string;
  token: string;
}

/** A user made over the API by the suite's admin, with a personal token for the sign-in field. */
export async function createWebUser(suite: Pick<CaseworkSuite, 'api'>, user: { email: string; name: string; role: string; locale?: string; timeZone?: string }): Promise<WebUser> {
  const created = await suite.api<{ id: string }>('/users', { method: 'POST', body: user });
  if (created.status !== 201) throw new Error(`creating ${user.email}: ${created.status} ${JSON.stringify(created.body)}`);
  const token = await suite.api<{ token: string }>(`/users/${created.body.id}/tokens`, { method: 'POST', body: { name: 'browser' } });
  return { id: created.body.id, token: token.body.token };
}

/** Signs in through the page as a newcomer would: the token field and the button. */
export async function signIn(page: Page, origin: string, token: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Queues' }).waitFor();
}

/** axe-core's serious and critical findings on the page as it is now (none is the bar). */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
