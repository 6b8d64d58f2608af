// A new administrator's first minutes, and a unit focal point at another unit's door — in real Chromium.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, logIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('org administration in the browser', () => {
  it('shows a Vietnamese log-in page', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/dang-nhap/);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expect.poll(() => page.getByRole('button', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    await page.locator('#username').fill('dt.quantri');
    await page.locator('#password').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').isVisible()).toBe(true);
    await page.close();
  });

  it('logs in, sees the Đồng Tháp tree, adds a unit with an alias, finds it without diacritics, logs out', async () => {
    const page = await browser.newPage();
    await logIn(page, baseUrl, 'dt.quantri');
    await page.goto(`${baseUrl}/to-chuc`);
    await expect.poll(() => page.getByText('Bệnh viện Quân dân y Đồng Tháp').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Phòng Kế hoạch – Tài chính').first().isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#name').fill('Trung tâm Y tế khu vực Châu Thành');
    await dialog.locator('#shortName').fill('TTYT Châu Thành');
    await dialog.locator('#aliases').fill('Trung tâm Y tế Châu Thành');
    await dialog.locator('#aliases').press('Enter');
    await dialog.getByRole('button', { name: /Lưu/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const search = page.getByPlaceholder(/Tìm đơn vị/);
    await search.fill('chau thanh');
    await expect.poll(() => page.getByText('Trung tâm Y tế khu vực Châu Thành').first().isVisible()).toBe(true);
    await search.fill('trung tam y te chau thanh');
    await expect.poll(() => page.getByText('Trung tâm Y tế khu vực Châu Thành').first().isVisible()).toBe(true);

    await page.getByText('Quản trị Sở Y tế Đồng Tháp').first().click();
    await page.getByText('Đăng xuất').click();
    await page.waitForURL(/\/dang-nhap/);
    await page.goto(`${baseUrl}/to-chuc`);
    await page.waitForURL(/\/dang-nhap/);
    await page.close();
  });

  it('a unit focal point cannot open another unit’s admin page', async () => {
    const page = await browser.newPage();
    await logIn(page, baseUrl, 'dt.bvqdy');
    const units = await page.evaluate(async () => (await fetch('/api/org/units')).json());
    const other = units.items.find((u: { name: string }) => u.name === 'Bệnh viện Đa khoa Sa Đéc');
    await page.goto(`${baseUrl}/to-chuc/${other.id}`);
    await expect.poll(() => page.getByText('Bạn không có quyền xem trang quản trị của đơn vị này.').isVisible()).toBe(true);
    const own = units.items.find((u: { name: string }) => u.name === 'Bệnh viện Quân dân y Đồng Tháp');
    await page.goto(`${baseUrl}/to-chuc/${own.id}`);
    await expect.poll(() => page.getByText('Đinh Công Minh').isVisible()).toBe(true);
    await page.close();
  });
});
