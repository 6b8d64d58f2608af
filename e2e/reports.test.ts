// The semi-annual report of seed 000 in real Chromium: the reviewing division sets up a schedule owed by
// two hospitals, Xanh Pôn's focal point fills it in on a phone and sends it, the division returns it with
// a comment, the hospital resubmits, the division approves, the period's completeness figures move, and the
// leader downloads the consolidated Word report.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openAs } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

// Its own schedule, so what other tests do to the demo's reports cannot change these figures.
const TITLE = 'Báo cáo 6 tháng thử nghiệm trên trình duyệt (NQ 07)';
const COMMENT = 'Bổ sung danh sách cá nhân được thưởng.';

const open = (user: string, phone = false) => openAs(browser, baseUrl, user, phone);

const field = (page: Page, key: string) => page.locator(`#rp-values-${key}`);
const card = (page: Page, key: 'phai' | 'gui' | 'dung-han' | 'duyet') => page.locator(`#ty-le-${key} .ant-statistic-content-value`);

async function pickUnit(page: Page, search: string, name: string) {
  await page.keyboard.type(search);
  await page.locator('.ant-select-tree-title', { hasText: new RegExp(`^${name}( \\(|$)`) }).click();
}

describe('periodic reports in the browser', () => {
  let scheduleUrl = '';
  let reportUrl = '';

  it('the division sets up a semi-annual report owed by two hospitals, the rule described as it is typed', async () => {
    const [context, page] = await open('hn.cntt');
    await page.getByRole('menuitem', { name: 'Báo cáo định kỳ' }).click();
    await page.waitForURL(/\/bao-cao$/);
    await page.getByRole('button', { name: 'Lập lịch báo cáo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#templateId').click();
    await page.locator('.ant-select-item-option', { hasText: 'Nghị quyết số 07' }).click();
    await dialog.locator('#title').fill(TITLE);
    // A date that does not exist is refused on its input, as typed.
    await dialog.locator('#dueDates').fill('10/6, 31/13');
    await expect.poll(() => dialog.getByText('Ngày “31/13” không có thật.').isVisible()).toBe(true);
    await dialog.locator('#dueDates').fill('10/6, 10/12');
    await dialog.locator('#lockDays').fill('60');
    await expect.poll(() => dialog.getByText('6 tháng, hạn 10/6 và 10/12').isVisible()).toBe(true);
    await dialog.getByText('Một số đơn vị').click();
    await dialog.locator('#assigneeList').click();
    await pickUnit(page, 'xanh pon', 'Bệnh viện Đa khoa Xanh Pôn');
    await pickUnit(page, 'thanh nhan', 'Bệnh viện Thanh Nhàn');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /Lưu/ }).click();
    await page.waitForURL(/\/bao-cao\/[0-9a-f-]{36}$/);
    scheduleUrl = page.url();
    await expect.poll(() => card(page, 'phai').textContent()).toBe('2');
    expect(await card(page, 'gui').textContent()).toBe('0');
    expect(await page.locator('tr.kh-report-row').count()).toBe(2);
    await context.close();
  });

  it('Xanh Pôn fills in its report on a phone: problems are shown on their inputs before anything is sent', async () => {
    const [context, page] = await open('hn.xanhpon', true);
    await page.goto(`${baseUrl}/bao-cao`);
    const mine = page.locator('.ant-card', { hasText: TITLE });
    await mine.getByRole('button', { name: 'Lập báo cáo' }).click();
    await page.waitForURL(/\/don-vi\//);
    reportUrl = page.url();
    await expect.poll(() => field(page, 'beneficiaries').isVisible()).toBe(true);
    const values: Record<string, string> = {
      beneficiaries: '12', monthsPaid: '100', allowanceSpent: '180.000.000', tasksProposed: '3', tasksRewarded: '2', collectivesProposed: '1',
      collectivesRewarded: '1', individualsProposed: '4', individualsRewarded: '3', rewardSpent: '25000000',
    };
    for (const [key, v] of Object.entries(values)) await field(page, key).fill(v);
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => page.locator('#loi-bao-cao').textContent()).toContain('Chưa nhập "Kết quả đạt được"');
    await field(page, 'results').fill('Chi trả đủ, đúng hạn cho 12 người.');
    await field(page, 'difficulties').fill('Chưa có hướng dẫn đánh giá mức độ vượt yêu cầu.');
    // The form's own rule: months paid cannot exceed beneficiaries × 6.
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => page.locator('#loi-bao-cao').textContent()).toContain('số đối tượng × 6');
    await field(page, 'monthsPaid').fill('60');
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    await field(page, 'rewardList-0-recipient').fill('Khoa Công nghệ thông tin');
    await field(page, 'rewardList-0-task').fill('Bệnh án điện tử');
    await field(page, 'rewardList-0-amount').fill('15000000');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => page.getByText('Đã gửi, chờ duyệt').first().isVisible()).toBe(true);
    // Read-only now, with money written the Vietnamese way.
    expect(await field(page, 'allowanceSpent').textContent()).toBe('180.000.000 đ');
    expect(await page.getByRole('button', { name: 'Lưu nháp' }).count()).toBe(0);
    await context.close();
  });

  it('the division sees it sent and returns it with a comment', async () => {
    const [context, page] = await open('hn.cntt');
    await page.goto(scheduleUrl);
    await expect.poll(() => card(page, 'gui').textContent()).toBe('1');
    expect(await card(page, 'duyet').textContent()).toBe('0');
    await page.getByRole('link', { name: 'Bệnh viện Đa khoa Xanh Pôn', exact: true }).click();
    await page.waitForURL(/\/don-vi\//);
    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    // As a person would: the dialog is open and its comment box shown before "Trả lại" is pressed in it.
    await expect.poll(() => dialog.locator('#comment').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => dialog.getByText('Ghi rõ nội dung cần đơn vị chỉnh sửa.').isVisible()).toBe(true);
    await dialog.locator('#comment').fill(COMMENT);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => page.getByText('Bị trả lại').first().isVisible()).toBe(true);
    await context.close();
  });

  it('Xanh Pôn reads the comment, adds the missing row and sends the report again', async () => {
    const [context, page] = await open('hn.xanhpon', true);
    await page.goto(reportUrl);
    await expect.poll(() => page.locator('#y-kien-tra-lai').textContent()).toContain(COMMENT);
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    await field(page, 'rewardList-1-recipient').fill('Nguyễn Văn A');
    await field(page, 'rewardList-1-task').fill('Bệnh án điện tử');
    await field(page, 'rewardList-1-amount').fill('10.000.000');
    await page.getByRole('button', { name: 'Gửi lại báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => page.getByText('Đã gửi, chờ duyệt').first().isVisible()).toBe(true);
    await context.close();
  });

  it('the division approves it; the history tells the story and the period’s figures move', async () => {
    const [context, page] = await open('hn.cntt');
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Duyệt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => page.getByText(/Báo cáo đã được duyệt lúc/).isVisible()).toBe(true);
    for (const step of ['Gửi báo cáo', 'Trả lại, đề nghị chỉnh sửa', 'Gửi lại báo cáo', 'Duyệt báo cáo']) {
      expect(await page.locator('.ant-timeline').getByText(step, { exact: true }).count()).toBe(1);
    }
    expect(await page.locator('.ant-timeline').getByText(COMMENT).count()).toBe(1);
    // Approved: nothing left to decide (the confirmation closes as it fades out).
    await expect.poll(() => page.getByRole('button', { name: 'Duyệt' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Trả lại' }).count()).toBe(0);

    await page.goto(scheduleUrl);
    await expect.poll(() => card(page, 'duyet').textContent()).toBe('1');
    expect(await card(page, 'gui').textContent()).toBe('1');
    expect(await page.locator('#ty-le-duyet').textContent()).toContain('50%');
    expect(await page.locator('tr.kh-report-row', { hasText: 'Bệnh viện Đa khoa Xanh Pôn' }).getByText('Đã duyệt').isVisible()).toBe(true);
    // "Chưa gửi" leaves the hospital that still owes its report.
    await page.getByText(/^Chưa gửi \(1\)$/).click();
    await expect.poll(() => page.locator('tr.kh-report-row').count()).toBe(1);
    expect(await page.locator('tr.kh-report-row').textContent()).toContain('Bệnh viện Thanh Nhàn');
    await context.close();
  });

  it('the leader sees the period’s figures and downloads the consolidated report as Word', async () => {
    const [context, page] = await open('hn.lanhdao');
    await page.goto(scheduleUrl);
    await expect.poll(() => card(page, 'duyet').textContent()).toBe('1');
    await page.getByRole('button', { name: /Báo cáo tổng hợp/ }).click();
    await page.waitForURL(/\/tong-hop$/);
    await expect.poll(() => page.getByText('Tổng hợp từ 1/2 báo cáo đã duyệt của các đơn vị').isVisible()).toBe(true);
    expect(await page.getByText('Chưa có báo cáo được duyệt: Bệnh viện Thanh Nhàn.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Lưu' }).count()).toBe(0); // leadership reads; the division edits
    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải Word/ }).click()]);
    expect(word.suggestedFilename()).toMatch(/^Báo cáo tổng hợp - .*\.docx$/);
    const { unzipSync, strFromU8 } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await word.path())!)))['word/document.xml']);
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Bệnh viện Đa khoa Xanh Pôn', 'Nơi nhận:']) expect(xml).toContain(s);
    await context.close();
  });
});
