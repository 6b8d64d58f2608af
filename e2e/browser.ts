// Real Chromium through playwright-core (Debian's package; no browser download).
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function logIn(page: Page, baseUrl: string, username: string, password = 'Kehoach@2026') {
  await page.goto(`${baseUrl}/dang-nhap`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1366, height: 900 } };

/** A new context (phone or desktop) with `username` logged in: each person of a workflow in a browser of their own. */
export async function openAs(browser: Browser, baseUrl: string, username: string, phone = false): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext(phone ? PHONE : DESKTOP);
  const page = await context.newPage();
  await logIn(page, baseUrl, username);
  return [context, page];
}
