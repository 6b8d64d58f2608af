// A plan's life in real Chromium: a division drafts and issues a plan with a monthly task for a hospital,
// the hospital's focal point reports progress with a PDF from a phone-sized screen, and the leader sees it.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayInVietnam } from '../core/schedule/dates.ts';
import { launch, logIn } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const TITLE = 'Kế hoạch thử nghiệm báo cáo hằng tháng';
const TASK = 'Gửi báo cáo tình hình ứng dụng công nghệ thông tin';
const [year, month] = todayInVietnam().split('-').map(Number);
const MONTH_LABEL = `Tháng ${month}/${year}`;

async function logOut(page: Page) {
  await page.locator('#user-menu').click();
  await page.getByText('Đăng xuất').click();
  await page.waitForURL(/\/dang-nhap/);
}

describe('plans in the browser', () => {
  let planUrl = '';

  it('a division drafts a plan with a "Hằng tháng" task for a hospital and issues it', async () => {
    const page = await browser.newPage();
    await logIn(page, baseUrl, 'dt.vanphong');
    await page.goto(`${baseUrl}/ke-hoach`);
    await expect.poll(() => page.getByText('Thực hiện Nghị quyết số 57-NQ/TW', { exact: false }).first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#title').fill(TITLE);
    await dialog.getByRole('button', { name: /Lưu/ }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    planUrl = page.url();
    await expect.poll(() => page.getByText('Dự thảo').first().isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    const task = page.getByRole('dialog');
    await task.locator('#content').fill(TASK);
    await task.locator('#leadUnitIds').click();
    await page.keyboard.type('quan dan y');
    await page.locator('.ant-select-tree-title', { hasText: 'Bệnh viện Quân dân y Đồng Tháp' }).click();
    await page.keyboard.press('Escape');
    await task.locator('#deadlineText').fill('Hằng tháng');
    await expect.poll(() => task.getByText('Định kỳ').first().isVisible()).toBe(true);
    await task.getByRole('button', { name: /Lưu/ }).click();
    await expect.poll(() => task.isVisible()).toBe(false);
    await expect.poll(() => page.getByText(TASK).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Ban hành' }).click();
    await page.getByRole('button', { name: 'Ban hành' }).last().click();
    await expect.poll(() => page.getByText('Đang thực hiện').first().isVisible()).toBe(true);
    await logOut(page);
    await page.close();
  });

  it('the hospital’s focal point reports progress with a PDF on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'dt.bvqdy');
    await page.waitForURL(/\/nhiem-vu-don-vi/);
    await expect.poll(() => page.getByText(TASK).first().isVisible()).toBe(true);
    await page.getByText(TASK).first().click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByText('Cập nhật tiến độ').isVisible()).toBe(true);
    await drawer.getByText('Đã hoàn thành', { exact: true }).click();
    await drawer.locator('#note').fill('Đã gửi báo cáo tháng kèm số liệu.');
    const dir = mkdtempSync(join(tmpdir(), 'kehoach-e2e-'));
    const pdf = join(dir, 'Báo cáo tháng.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% kehoach e2e\n%%EOF\n');
    await drawer.locator('input[type=file]').setInputFiles(pdf);
    await expect.poll(() => drawer.locator('.ant-upload-list-item-done').count()).toBe(1);
    await drawer.getByRole('button', { name: 'Lưu cập nhật' }).click();
    await expect.poll(() => page.getByText('Đã cập nhật tiến độ.').isVisible()).toBe(true);
    await expect.poll(() => drawer.getByText('Báo cáo tháng.pdf').isVisible()).toBe(true);
    await context.close();
  });

  it('the leader sees the hospital’s report, on time, with its evidence', async () => {
    const page = await browser.newPage();
    await logIn(page, baseUrl, 'dt.lanhdao');
    await page.goto(planUrl);
    await expect.poll(() => page.getByText(TASK).isVisible()).toBe(true);
    await page.getByText(TASK).click();
    await page.waitForURL(/\/nhiem-vu\//);
    const row = page.locator('tr', { hasText: MONTH_LABEL });
    await expect.poll(() => row.getByText('Hoàn thành đúng hạn').isVisible()).toBe(true);
    await row.click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByText('Báo cáo tháng.pdf').isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByText('Báo cáo tháng.pdf').click()]);
    expect(download.suggestedFilename()).toBe('Báo cáo tháng.pdf');
    expect(await drawer.getByText('Cập nhật tiến độ').count()).toBe(0);
    await page.close();
  });

  it('the Hải Phòng leader sees which of the 33 tasks are overdue, and by which units', async () => {
    const page = await browser.newPage();
    await logIn(page, baseUrl, 'hp.lanhdao');
    await page.waitForURL(/\/tong-quan/);
    await expect.poll(() => page.getByText('Tổng quan thực hiện kế hoạch').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Phòng Tổ chức - Hành chính').first().isVisible()).toBe(true);
    await page.getByRole('tab', { name: /Quá hạn/ }).click();
    await expect.poll(() => page.locator('[role=tabpanel]:not([aria-hidden=true]) tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    // The appendix, as the document lays it out, and as an Excel sheet.
    await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
    // The dashboard names the plan too (chart labels, their text alternative): click it on the plans list only.
    await page.waitForURL(/\/ke-hoach$/);
    await page.getByRole('link', { name: 'Cải cách hành chính năm 2026' }).first().click();
    await expect.poll(() => page.getByText('Phụ lục nhiệm vụ (33)').isVisible()).toBe(true);
    const [excel] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Xuất Excel/ }).click()]);
    expect(excel.suggestedFilename()).toBe('Phụ lục - Cải cách hành chính năm 2026.xlsx');
    await page.close();
  });
  it('a unit’s task list comes a page at a time: fifty rows, then "Xem thêm" brings the rest, the tab counts the whole', async () => {
    const page = await browser.newPage();
    // The leader's default unit is the Sở: with its units below, Hà Nội's demo has more than one page.
    await logIn(page, baseUrl, 'hn.lanhdao');
    await page.goto(`${baseUrl}/nhiem-vu-don-vi?xem=tat-ca`);
    await page.getByRole('switch').click();
    const rows = page.locator('[role=tabpanel]:not([aria-hidden=true]) tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(50);
    const more = page.getByRole('button', { name: /Xem thêm/ });
    const total = Number((await more.textContent())!.match(/\/ ([\d.]+)/)![1].replace(/\./g, ''));
    expect(total).toBeGreaterThan(50);
    const allTab = page.getByRole('tab').filter({ hasText: 'Tất cả' });
    await expect.poll(async () => (await allTab.textContent())?.replace(/\D/g, '')).toBe(String(total));
    await more.click();
    await expect.poll(() => rows.count()).toBe(Math.min(total, 100));
    await page.close();
  });
});
