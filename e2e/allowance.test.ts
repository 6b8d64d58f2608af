// The monthly support allowance of Resolution 07/2026/NQ-HĐND in real Chromium, on the demo's draft list of
// the current month (Vietnam time) of Bệnh viện Thanh Nhàn: IT redrafts it, sees why a person is refused,
// excludes another with a reason and proposes; HR returns it with a comment; IT proposes again; HR approves it
// on a phone; finance records the payment. Only Đoàn Minh Khôi (full-time, 3.000.000 đ) is paid in the end.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openAs } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

// The month under way in Vietnam (UTC+7), as the demo drafts it and as the page writes it.
const vn = new Date(Date.now() + 7 * 3600_000).toISOString();
const MONTH = vn.slice(0, 7);
const LABEL = `${MONTH.slice(5, 7)}/${MONTH.slice(0, 4)}`;
const COMMENT = 'Bổ sung giấy nghỉ ốm của chị Hạnh.';

const open = (user: string, phone = false) => openAs(browser, baseUrl, user, phone);

const status = (page: Page) => page.locator('#trang-thai').textContent();
const HALF = `${MONTH.slice(0, 4)}-H${Number(MONTH.slice(5)) <= 6 ? 1 : 2}`;
const digits = (s: string | null) => Number((s ?? '').replace(/\D/g, ''));

/**
 * What Thanh Nhàn's semi-annual report of seed 000 for the half under way shows (as leadership opens it, read-only):
 * person-months and money paid, taken from the paid lists.
 */
async function semiAnnual(): Promise<{ months: number; spent: number }> {
  const [context, page] = await open('hn.lanhdao');
  const schedules = await (await page.request.get(`${baseUrl}/api/report-schedules`)).json();
  const schedule = schedules.items.find((x: { title: string }) => x.title.startsWith('Báo cáo 6 tháng, năm thực hiện Nghị quyết số 07/2026'));
  const units = await (await page.request.get(`${baseUrl}/api/org/units`)).json();
  const unit = units.items.find((u: { name: string }) => u.name === 'Bệnh viện Thanh Nhàn');
  await page.goto(`${baseUrl}/bao-cao/${schedule.id}/ky/${HALF}/don-vi/${unit.id}`);
  await expect.poll(() => page.locator('#rp-values-allowanceSpent').isVisible()).toBe(true);
  const figures = { months: digits(await page.locator('#rp-values-monthsPaid').textContent()), spent: digits(await page.locator('#rp-values-allowanceSpent').textContent()) };
  await context.close();
  return figures;
}
const total = (page: Page) => page.locator('#tong-tien').textContent();

describe('the monthly support allowance in the browser', () => {
  let listUrl = '';
  let before = { months: 0, spent: 0 };

  it('leadership reads Thanh Nhàn’s semi-annual figures before the month is paid', async () => {
    before = await semiAnnual();
    expect(before.spent).toBe(before.months * 4_500_000 / 2); // two people a month so far: 3.000.000 + 1.500.000
  });

  it('IT opens the month’s list, redrafts it, sees why a person is refused and excludes another with a reason', async () => {
    const [context, page] = await open('hn.thanhnhan');
    await page.getByRole('menuitem', { name: 'Hỗ trợ chuyển đổi số' }).click();
    await page.waitForURL(/\/ho-tro$/);
    // Its own hospital only, this month, with the amounts marked as examples.
    await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await page.locator('#chon-thang').inputValue()).toBe(`Tháng ${LABEL}`);
    expect(await page.locator('#muc-minh-hoa').textContent()).toContain('Mức hỗ trợ là số liệu minh họa');
    await page.getByRole('link', { name: 'Bệnh viện Thanh Nhàn', exact: true }).click();
    await page.waitForURL(new RegExp(`/ho-tro/[0-9a-f-]{36}/${MONTH}$`));
    listUrl = page.url();
    await expect.poll(() => page.locator('#tieu-de-danh-sach').textContent()).toBe(`Danh sách hưởng hỗ trợ tháng ${LABEL} — Bệnh viện Thanh Nhàn`);
    expect(await status(page)).toBe('Đang lập');

    await page.getByRole('button', { name: 'Lập lại từ hồ sơ' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lập lại' }).click();
    await expect.poll(() => page.locator('.ant-timeline').getByText('Lập lại danh sách từ hồ sơ', { exact: true }).count()).toBe(1);
    expect(await total(page)).toBe('4.500.000 đ');

    // Refused for a duplicate benefit: the engine's reason is shown at once, marked ✗.
    const refused = page.locator('.kh-al-no', { hasText: 'Đang hưởng hỗ trợ khác cho cùng nhiệm vụ' });
    await expect.poll(() => refused.isVisible()).toBe(true);
    expect(await refused.getByRole('img', { name: 'Không đạt' }).count()).toBe(1);
    expect(await page.locator('tr.kh-al-line', { hasText: 'Trần Quốc Bảo' }).getByText('Không đủ điều kiện').isVisible()).toBe(true);

    // Taking an eligible person off the list needs a reason: an empty one is refused in the dialog.
    await page.getByRole('switch', { name: 'Lương Thị Hạnh trong danh sách' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#reason').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Đưa ra khỏi danh sách' }).click();
    await expect.poll(() => dialog.getByText('Nêu lý do đưa cán bộ ra khỏi danh sách.').isVisible()).toBe(true);
    await dialog.locator('#reason').fill('Nghỉ ốm dài ngày cả tháng');
    await dialog.getByRole('button', { name: 'Đưa ra khỏi danh sách' }).click();
    await expect.poll(() => total(page)).toBe('3.000.000 đ');
    expect(await page.getByRole('switch', { name: 'Lương Thị Hạnh trong danh sách' }).getAttribute('aria-checked')).toBe('false');
    expect(await page.getByText('Nghỉ ốm dài ngày cả tháng').first().isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Đề xuất duyệt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đề xuất duyệt' }).click();
    await expect.poll(() => status(page)).toBe('Chờ duyệt');
    expect(await page.getByRole('switch').count()).toBe(0); // locked for IT while HR decides
    await context.close();
  });

  it('HR returns it with a comment, which cannot be empty', async () => {
    const [context, page] = await open('hn.thanhnhan.tccb');
    await page.goto(listUrl);
    await page.getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#comment').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => dialog.getByText('Nêu ý kiến để bộ phận lập danh sách biết cần sửa gì.').isVisible()).toBe(true);
    await dialog.locator('#comment').fill(COMMENT);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => status(page)).toBe('Bị trả lại');
    await context.close();
  });

  it('IT reads the comment and proposes the list again', async () => {
    const [context, page] = await open('hn.thanhnhan');
    await page.goto(listUrl);
    await expect.poll(() => page.locator('#y-kien-tra-lai').textContent()).toContain(COMMENT);
    await page.getByRole('button', { name: 'Đề xuất duyệt' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Đề xuất duyệt' }).click();
    await expect.poll(() => status(page)).toBe('Chờ duyệt');
    await context.close();
  });

  it('HR approves it on a phone with the decision’s number', async () => {
    const [context, page] = await open('hn.thanhnhan.tccb', true);
    await page.goto(listUrl);
    await expect.poll(() => total(page)).toBe('3.000.000 đ');
    // The phone layout: no sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Phê duyệt' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#decisionNo').isVisible()).toBe(true);
    await dialog.locator('#decisionNo').fill('125/QĐ-BVTN');
    // Wait for the server's answer, so that a refusal fails here with its message rather than as a status that never changes.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/approve')),
      dialog.getByRole('button', { name: 'Phê duyệt' }).click(),
    ]);
    expect(answer.status(), await answer.text()).toBe(200);
    await expect.poll(() => status(page)).toBe('Đã duyệt');
    expect(await page.getByText('Quyết định số 125/QĐ-BVTN').first().isVisible()).toBe(true);
    // Nothing left for HR to decide (the dialog's own button goes as it fades out).
    await expect.poll(() => page.getByRole('button', { name: 'Phê duyệt', exact: true }).count()).toBe(0);
    await context.close();
  });

  it('finance records the payment of the approved total; the list reads paid', async () => {
    const [context, page] = await open('hn.thanhnhan.ketoan');
    await page.goto(listUrl);
    await page.getByRole('button', { name: 'Ghi nhận chi trả' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#amount').inputValue()).toBe('3.000.000');
    expect(await dialog.locator('#payPeriod').inputValue()).toBe(`Kỳ lương tháng ${Number(MONTH.slice(5))}/${MONTH.slice(0, 4)}`);
    await dialog.getByRole('button', { name: 'Ghi nhận chi trả' }).click();
    await expect.poll(() => status(page)).toBe('Đã chi trả');
    expect(await total(page)).toBe('3.000.000 đ');
    expect(await page.locator('#so-nguoi').textContent()).toBe('1 người');
    for (const step of ['Đưa cán bộ ra khỏi danh sách', 'Đề xuất duyệt', 'Trả lại, đề nghị chỉnh sửa', 'Phê duyệt danh sách', 'Ghi nhận chi trả']) {
      expect(await page.locator('.ant-timeline').getByText(step, { exact: true }).count(), step).toBeGreaterThan(0);
    }
    expect(await page.locator('.ant-timeline').getByText(COMMENT).count()).toBe(1);
    const excel = page.getByRole('link', { name: /Tải danh sách chi trả \(Excel\)/ });
    expect(await excel.getAttribute('href')).toMatch(/\/api\/allowance\/lists\/[0-9a-f-]{36}\/payroll\.xlsx$/);
    expect(await page.getByRole('link', { name: /Tải quyết định phê duyệt \(Word\)/ }).getAttribute('href')).toMatch(/\/decision\.docx$/);
    await context.close();
  });

  it('leadership sees the semi-annual figures move by the month just paid', async () => {
    expect(await semiAnnual()).toEqual({ months: before.months + 1, spent: before.spent + 3_000_000 });
  });
});
