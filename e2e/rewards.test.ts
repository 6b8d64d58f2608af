// Task rewards of Resolution 07 (seed 000 II.4) and the budget in real Chromium: Bệnh viện Thanh Nhàn's IT section
// proposes a collective's achievement with evidence — refused on its field until the "nhân rộng" criterion is
// met — the Sở's IT division finds no duplicate and returns it, the hospital adds a document on a phone and sends
// it again, the division decides the reward; the same achievement proposed again is flagged by the register and
// its reward refused with the server's words. Xanh Pôn's accountant reads the year's budget and takes the dossier.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayInVietnam } from '../core/schedule/dates.ts';
import { launch, openAs } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

// Its own collective and task, so that nothing else the demo or other tests record can match it in the register.
const COLLECTIVE = 'Tổ bệnh án điện tử (thử nghiệm trình duyệt)';
const TASK = 'Triển khai bệnh án điện tử toàn viện — thử nghiệm trình duyệt';
const TITLE = 'Hoàn thành bệnh án điện tử trước thời hạn 3 tháng';
const COMMENT = 'Bổ sung báo cáo đánh giá hiệu quả nhân rộng.';
const DECISION = '245/QĐ-SYT';
const today = todayInVietnam();
const year = today.slice(0, 4);

const open = (user: string, phone = false) => openAs(browser, baseUrl, user, phone);

/** A small but real PDF, as a scanned decision would arrive. */
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`) });

async function attach(page: Page, name: string) {
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[type=file]').setInputFiles(pdf(name));
  await expect.poll(() => dialog.locator('.ant-upload-list-item-done', { hasText: name }).count()).toBe(1);
}

async function propose(page: Page, opts: { period?: string; withReplicable: boolean }) {
  await page.goto(`${baseUrl}/ho-tro/thuong`);
  await page.getByRole('button', { name: 'Đề nghị thưởng' }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.locator('#collectiveName').isVisible()).toBe(true); // "Tập thể" is the default subject
  await dialog.locator('#collectiveName').fill(COLLECTIVE);
  await dialog.locator('#taskText').fill(TASK);
  await dialog.locator('#title').fill(TITLE);
  await dialog.locator('#output').fill('Bệnh án điện tử được Sở Y tế công nhận; mô hình được 4 bệnh viện học tập.');
  if (opts.period) {
    await dialog.locator('#period').click();
    await page.keyboard.type(opts.period);
    await page.locator(`.ant-select-item-option[title="${opts.period} (${year})"]`).click();
  }
  await dialog.locator('#proposedAmount').fill('20.000.000');
  await dialog.getByLabel('Sản phẩm, giải pháp, kết quả đầu ra vượt yêu cầu').check();
  if (opts.withReplicable) await dialog.getByLabel('Có khả năng nhân rộng').check();
  await attach(page, 'Quyết định công nhận bệnh án điện tử.pdf');
}

describe('task rewards in the browser', () => {
  let firstUrl = '';
  let secondUrl = '';

  it('Thanh Nhàn proposes a collective’s reward: without "nhân rộng" the criteria field says why, with it the proposal is sent', async () => {
    const [context, page] = await open('hn.thanhnhan');
    await propose(page, { withReplicable: false });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await expect.poll(() => dialog.getByText('Chỉ xét thưởng khi kết quả có khả năng nhân rộng.').isVisible()).toBe(true);
    await dialog.getByLabel('Có khả năng nhân rộng').check();
    await dialog.getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.waitForURL(/\/ho-tro\/thuong\/[0-9a-f-]{36}$/);
    firstUrl = page.url();
    await expect.poll(() => page.getByText('Chờ thẩm định').first().isVisible()).toBe(true);
    expect(await page.locator('#minh-chung').textContent()).toContain('Quyết định công nhận bệnh án điện tử.pdf');
    // The unit cannot judge its own proposal.
    expect(await page.getByRole('button', { name: 'Quyết định thưởng' }).count()).toBe(0);
    await context.close();
  });

  it('the Sở’s IT division finds no duplicate in the register and returns it with a comment', async () => {
    const [context, page] = await open('hn.cntt');
    await page.goto(`${baseUrl}/ho-tro/thuong`);
    await page.getByRole('link', { name: TITLE }).first().click();
    await page.waitForURL(firstUrl);
    await expect.poll(() => page.locator('#kiem-tra-trung-lap').textContent()).toContain('Không phát hiện thành tích trùng');
    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#comment').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => dialog.getByText('Nêu tài liệu, nội dung đơn vị cần bổ sung.').isVisible()).toBe(true);
    await dialog.locator('#comment').fill(COMMENT);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => page.getByText('Bị trả lại').first().isVisible()).toBe(true);
    await context.close();
  });

  it('Thanh Nhàn reads the comment on a phone, adds a document and sends it again', async () => {
    const [context, page] = await open('hn.thanhnhan', true);
    await page.goto(firstUrl);
    await expect.poll(() => page.locator('#y-kien-tra-lai').textContent()).toContain(COMMENT);
    await page.getByRole('button', { name: 'Bổ sung và gửi lại' }).click();
    const dialog = page.getByRole('dialog');
    // Sent back unchanged it would only be returned again: the dialog asks for something new.
    await dialog.getByRole('button', { name: 'Gửi lại' }).click();
    await expect.poll(() => dialog.getByText('Bổ sung tệp minh chứng hoặc sửa kết quả đầu ra theo ý kiến thẩm định.').isVisible()).toBe(true);
    await attach(page, 'Báo cáo hiệu quả nhân rộng.pdf');
    await dialog.getByRole('button', { name: 'Gửi lại' }).click();
    await expect.poll(() => page.getByText('Chờ thẩm định').first().isVisible()).toBe(true);
    expect(await page.locator('#minh-chung').textContent()).toContain('Báo cáo hiệu quả nhân rộng.pdf');
    await context.close();
  });

  it('the division decides the reward: number, today’s date, amount', async () => {
    const [context, page] = await open('hn.cntt');
    await page.goto(firstUrl);
    await page.getByRole('button', { name: 'Quyết định thưởng' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#decisionNo').isVisible()).toBe(true);
    expect(await dialog.locator('#decisionDate').inputValue()).toBe(`${today.slice(8, 10)}/${today.slice(5, 7)}/${year}`);
    await dialog.locator('#decisionNo').fill(DECISION);
    await dialog.locator('#amount').fill('15.000.000');
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect.poll(() => page.getByText(`Đã quyết định thưởng theo Quyết định số ${DECISION}`).isVisible()).toBe(true);
    expect(await page.getByText('15.000.000 đồng', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Quyết định thưởng' }).count()).toBe(0);
    await context.close();
  });

  it('the same achievement proposed again, for the whole year, is flagged and cannot be rewarded twice', async () => {
    const [hospital, page] = await open('hn.thanhnhan');
    await propose(page, { period: `Năm ${year}`, withReplicable: true });
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi đề nghị' }).click();
    await page.waitForURL((url) => /\/ho-tro\/thuong\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== firstUrl);
    secondUrl = page.url();
    await hospital.close();

    const [context, reviewer] = await open('hn.cntt');
    await reviewer.goto(secondUrl);
    await expect.poll(() => reviewer.locator('#kiem-tra-trung-lap').textContent()).toContain(`Đã thưởng theo Quyết định số ${DECISION}`);
    expect(await reviewer.locator('#kiem-tra-trung-lap').textContent()).toContain('không thưởng trùng');
    await reviewer.getByRole('button', { name: 'Quyết định thưởng' }).click();
    const dialog = reviewer.getByRole('dialog');
    await expect.poll(() => dialog.locator('#decisionNo').isVisible()).toBe(true);
    await dialog.locator('#decisionNo').fill('250/QĐ-SYT');
    await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
    await expect.poll(() => dialog.locator('#loi-quyet-dinh').textContent()).toMatch(/đã được khen thưởng.*Không thưởng trùng/);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect(await reviewer.getByText('Chờ thẩm định').first().isVisible()).toBe(true);
    await context.close();
  });
});

describe('the budget in the browser', () => {
  it('Xanh Pôn’s accountant opens the year: the figures, the example-rates warning, the settlement and the audit dossier', async () => {
    const [context, page] = await open('hn.xanhpon.ketoan');
    await page.goto(`${baseUrl}/ho-tro/du-toan`);
    await page.waitForURL(/\/ho-tro\/du-toan\/[0-9a-f-]{36}$/); // the unit the accountant pays for
    await expect.poll(() => page.locator('#so-tong-du-toan').isVisible()).toBe(true);
    expect(await page.getByText(`Bệnh viện Đa khoa Xanh Pôn · năm ${year}`).isVisible()).toBe(true);
    expect(await page.locator('#muc-minh-hoa').isVisible()).toBe(true);
    for (const tile of ['du-toan-ho-tro', 'tong-du-toan', 'da-chi-ho-tro', 'con-lai']) {
      expect(await page.locator(`#so-${tile}`).textContent(), tile).toMatch(/\d{1,3}(\.\d{3})* đ/);
    }
    expect(await page.locator('#so-da-chi-ho-tro').textContent()).not.toContain(' 0 đ'); // July onward is paid
    expect(await page.getByRole('button', { name: 'Điều chỉnh dự toán' }).isVisible()).toBe(true);

    const link = page.locator('#ho-so-kiem-toan a', { hasText: 'Tải hồ sơ' });
    expect(await link.getAttribute('href')).toMatch(/\/api\/allowance\/units\/[0-9a-f-]{36}\/dossier\.zip\?from=\d{4}-\d{2}&to=\d{4}-\d{2}$/);
    expect(await page.locator('#ho-so-kiem-toan').textContent()).toContain('sha256sum -c SHA256SUMS');
    const [zip] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(zip.suggestedFilename()).toMatch(/^Hồ sơ hỗ trợ - Bệnh viện Đa khoa Xanh Pôn - .*\.zip$/);

    await page.getByRole('tab', { name: 'Quyết toán' }).click();
    await expect.poll(() => page.locator('#bang-quyet-toan').textContent()).toContain('Lý Thị Mai');
    expect(await page.getByRole('link', { name: /Tải Excel/ }).getAttribute('href')).toMatch(/\/settlement\/\d{4}\/xlsx$/);
    await context.close();
  });

  it('Thanh Nhàn’s budget counts the reward decided today as spent', async () => {
    const [context, page] = await open('hn.thanhnhan');
    await page.goto(`${baseUrl}/ho-tro/du-toan`);
    await page.waitForURL(/\/ho-tro\/du-toan\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.locator('#so-da-chi-thuong').textContent()).toContain('15.000.000 đ');
    // Its IT section reads the budget; only finance changes it.
    expect(await page.getByRole('button', { name: 'Điều chỉnh dự toán' }).count()).toBe(0);
    await context.close();
  });
});
