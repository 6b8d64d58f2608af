// Importing a plan from its document in real Chromium: a division uploads the Word plan, reviews the draft
// beside the source, fixes a deadline kehoach could not read, confirms, and lands on the new plan; the PDF
// of another plan shows its four contradictions; the review page fits a phone.
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, logIn } from './browser.ts';

const baseUrl = inject('baseUrl');
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function uploadOnStartPage(page: Page, file: string) {
  await page.locator('.ant-upload input[type=file]').setInputFiles(fixture(file));
}

describe('plan import in the browser', () => {
  let reviewUrl004 = '';

  it('a division imports the Word plan, fixes a deadline, confirms, and sees the plan with its tasks', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, baseUrl, 'dt.vanphong');
    await page.goto(`${baseUrl}/ke-hoach`);
    await page.getByRole('button', { name: 'Nhập từ văn bản' }).click();
    await page.waitForURL(/\/nhap-ke-hoach$/);
    await expect.poll(() => page.getByText('Bản nhập đang chờ rà soát').isVisible()).toBe(true);

    // A scanned PDF is refused with the server's Vietnamese reason; nothing to review.
    await uploadOnStartPage(page, 'scanned.pdf');
    await expect.poll(() => page.locator('.ant-alert-error').textContent()).toMatch(/bản quét/);

    await uploadOnStartPage(page, 'seed-003.docx');
    await page.waitForURL(/\/nhap-ke-hoach\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('24 nhiệm vụ trong 7 phần').isVisible()).toBe(true);
    expect(await page.locator('#imp-title').inputValue()).toMatch(/^Thực hiện Nghị quyết số 57-NQ\/TW/);
    // Units matched to the org tree.
    const unitRow = (name: string) => page.locator('.kh-imp-units tr', { hasText: name }).first();
    await expect.poll(() => unitRow('Bệnh viện Quân dân y').getByText('Khớp').isVisible()).toBe(true);
    expect(await unitRow('Phòng Tổ chức cán bộ').textContent()).toContain('Khớp');
    expect(await page.locator('.kh-imp-units').getByText('Chưa khớp').count()).toBe(0);

    // Task 05: a deadline kehoach cannot read is flagged amber; the fix clears the flag and reads as a quarter.
    const deadline05 = () => page.getByRole('button', { name: /^Thời gian hoàn thành nhiệm vụ 05:/ });
    const editDeadline = async (text: string) => {
      await deadline05().click();
      const editor = page.getByRole('textbox', { name: 'Thời gian hoàn thành nhiệm vụ 05' });
      await editor.fill(text);
      await editor.press('Enter');
    };
    await editDeadline('Khi nào có điều kiện');
    await expect.poll(() => deadline05().getAttribute('class')).toContain('kh-imp-doubt');
    // Clicking the row showed its line in the source pane.
    await expect.poll(() => page.locator('.kh-imp-source .kh-imp-line-current').count()).toBe(1);
    // Escape cancels an edit.
    await deadline05().click();
    await page.getByRole('textbox', { name: 'Thời gian hoàn thành nhiệm vụ 05' }).fill('Bỏ đi');
    await page.keyboard.press('Escape');
    await expect.poll(() => deadline05().textContent()).toContain('Khi nào có điều kiện');
    await editDeadline('Quý II/2026');
    await expect.poll(() => deadline05().textContent()).toContain('Trong quý II/2026');
    expect(await deadline05().getAttribute('class')).not.toContain('kh-imp-doubt');

    // A new task left empty: the server's refusal names it, and its cell turns red.
    await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
    await expect.poll(() => page.getByText('25 nhiệm vụ trong 7 phần').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect.poll(() => page.getByText(/Nhiệm vụ thứ 25 .*chưa có nội dung/).first().isVisible()).toBe(true);
    expect(await page.locator('.kh-imp-table .kh-imp-error').count()).toBe(1);
    await page.getByRole('button', { name: /^Xóa nhiệm vụ/ }).last().click();
    await expect.poll(() => page.getByText('24 nhiệm vụ trong 7 phần').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await expect.poll(() => page.getByText('Đã lưu bản nháp.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Xác nhận tạo kế hoạch' }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('Đã tạo kế hoạch với 24 nhiệm vụ').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: /Thực hiện Nghị quyết số 57-NQ\/TW/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Phụ lục nhiệm vụ (24)').isVisible()).toBe(true);
    const task05 = page.locator('tr.ant-table-row', { hasText: 'Nâng cấp đường truyền Internet' });
    await expect.poll(() => task05.getByText('Quý II/2026').isVisible()).toBe(true);
    expect(await task05.getByText('Trong quý').isVisible()).toBe(true);
    expect(await page.getByText('Ngày cụ thể').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('the PDF of the Hải Phòng plan shows its four contradictions, each place shown in the source', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, baseUrl, 'dt.vanphong');
    await page.goto(`${baseUrl}/nhap-ke-hoach`);
    await uploadOnStartPage(page, 'seed-004.pdf');
    await page.waitForURL(/\/nhap-ke-hoach\/[0-9a-f-]{36}$/);
    reviewUrl004 = page.url();
    await expect.poll(() => page.getByText('33 nhiệm vụ trong 7 phần').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Văn bản tự mâu thuẫn (4)').isVisible()).toBe(true);
    const finding = (code: string) => page.locator(`.kh-imp-finding[data-code=${code}]`);
    expect(await finding('conflicting_report_due').textContent()).toMatch(/Báo cáo hằng quý có hai hạn khác nhau/);
    expect(await finding('conflicting_target').textContent()).toMatch(/80%.*30%/);
    const swapped = finding('swapped_columns');
    expect(await swapped.count()).toBe(2);
    const ii4 = swapped.nth(0).getByRole('button', { name: /nhiệm vụ II\.4/ });
    expect(await ii4.isVisible()).toBe(true);
    expect(await swapped.nth(1).getByRole('button', { name: /nhiệm vụ II\.5/ }).isVisible()).toBe(true);
    // The swapped cells are flagged amber in the table.
    expect(await page.locator('.kh-imp-table .kh-imp-doubt').count()).toBeGreaterThanOrEqual(4);
    const line = /dòng (\d+)/.exec((await ii4.textContent()) ?? '')![1];
    await ii4.click();
    await expect.poll(() => page.locator('.kh-imp-source').getAttribute('data-current-line')).toBe(line);
    await expect.poll(() => page.locator(`#kh-src-${line}`).getAttribute('class')).toContain('kh-imp-line-current');
    await page.close();
  });

  it('the review page fits a phone (390 wide) without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'dt.vanphong');
    await page.goto(reviewUrl004);
    await expect.poll(() => page.getByText('33 nhiệm vụ trong 7 phần').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.getByRole('tab', { name: 'Văn bản gốc' }).click();
    await expect.poll(() => page.locator('.kh-imp-source').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
