// The hospitals' emulation block in real Chromium: Phòng TCCB (hn.tccb) opens Hà Nội's block scorecard for 2026, opens a
// score computed from kehoach's records and reads the records behind it; changes a hand-entered score of Bệnh viện Đa
// khoa Đức Giang from the keyboard and sees its total move by exactly the weighted difference; a leader reads the same
// scorecard as cards on a phone, without buttons to change it and without the page scrolling sideways.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openAs } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const BLOCK = 'Khối các bệnh viện đa khoa, chuyên khoa';
const DUC_GIANG = 'Bệnh viện Đa khoa Đức Giang';
const open = (user: string, phone = false) => openAs(browser, baseUrl, user, phone);

/** The block's page for 2026, found through the API with the page's own session. */
async function blockUrl(page: Page) {
  const movements = await (await page.request.get(`${baseUrl}/api/emulation/movements`)).json() as { items: { id: string }[] };
  const movement = await (await page.request.get(`${baseUrl}/api/emulation/movements/${movements.items[0].id}`)).json() as { blocks: { id: string; name: string }[] };
  const block = movement.blocks.find((b) => b.name === BLOCK)!;
  return `${baseUrl}/thi-dua/khoi/${block.id}?year=2026`;
}
/** "74,7" → 74.7 */
const num = (s: string) => Number(s.trim().replace(/\./g, '').replace(',', '.'));

describe('the emulation block scorecard in the browser', () => {
  let url = '';

  it('Phòng TCCB opens a score computed from the records and reads what made it', async () => {
    const [context, page] = await open('hn.tccb');
    url = await blockUrl(page);
    await page.goto(url);
    await expect.poll(() => page.getByRole('heading', { name: `Bảng điểm ${BLOCK} năm 2026` }).isVisible()).toBe(true);
    const card = page.locator('#bang-diem');
    expect(await card.textContent()).toContain('Tổng điểm = Σ(điểm tiêu chí × trọng số) ÷ tổng trọng số các tiêu chí có điểm');
    expect(await page.getByText(/Số liệu tính đến ngày \d{2}\/\d{2}\/\d{4}/).count()).toBe(1);

    // Đức Giang's on-time tasks: a score with its share "a/b" under it.
    const cell = card.locator(`[role=button][aria-label^="${DUC_GIANG} — Hoàn thành có chất lượng"]`);
    const share = (await cell.locator('.kh-blk-share').textContent())!;
    expect(share).toMatch(/^\d+\/\d+$/);
    const [counted, total] = share.split('/').map(Number);
    await cell.click();
    const drawer = page.locator('#giai-trinh-diem');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    const text = (await drawer.textContent())!;
    expect(text).toContain(DUC_GIANG);
    expect(text).toContain('Tỷ lệ kỳ nhiệm vụ hoàn thành đúng hạn');
    expect(text).toContain(`${counted}/${total} bản ghi đạt`);
    expect(await drawer.locator('tbody tr.ant-table-row').count()).toBe(total);
    // Failing records first, each marked.
    expect(await drawer.locator('tr.kh-blk-rec-fail').count()).toBe(total - counted);
    if (total > counted) expect(await drawer.locator('tbody tr.ant-table-row').first().getAttribute('class')).toContain('kh-blk-rec-fail');
    await context.close();
  });

  it('Phòng TCCB changes Đức Giang’s hand-entered score and its total moves by the weighted difference', async () => {
    const [context, page] = await open('hn.tccb');
    await page.goto(url);
    const row = page.locator('#bang-diem tr.ant-table-row', { hasText: DUC_GIANG });
    await expect.poll(() => row.isVisible()).toBe(true);
    const totalCell = row.locator('.kh-blk-total');
    const before = num((await totalCell.locator('b').textContent())!);
    const basis = (await totalCell.textContent())!.match(/Tính trên (\d+)\/100/);
    const weights = basis ? Number(basis[1]) : 100;
    const cell = row.locator('[role=button][aria-label^="' + DUC_GIANG + ' — Có nhiều sáng kiến"]');
    const old = num((await cell.locator('.kh-blk-score').textContent())!);

    // From the keyboard: focus the cell, Enter opens the explanation with the form.
    await cell.focus();
    await page.keyboard.press('Enter');
    const drawer = page.locator('#giai-trinh-diem');
    await expect.poll(() => drawer.locator('#score').isVisible()).toBe(true);
    expect(await drawer.textContent()).toContain('Khối thi đua chấm điểm');
    await drawer.locator('#score').fill('40');
    await drawer.locator('#note').fill('Biên bản họp khối (thử nghiệm trình duyệt)');
    await drawer.getByRole('button', { name: 'Lưu điểm' }).click();
    await expect.poll(() => drawer.textContent()).toContain('Biên bản họp khối (thử nghiệm trình duyệt)');
    expect(await drawer.textContent()).toContain('Lê Quang Đạt');
    await page.keyboard.press('Escape');

    const expected = Math.round(((before * weights) + 10 * (40 - old)) / weights * 10) / 10;
    await expect.poll(async () => num((await totalCell.locator('b').textContent())!)).toBeCloseTo(expected, 1);
    expect(num((await cell.locator('.kh-blk-score').textContent())!)).toBe(40);
    await context.close();
  });

  it('a leader reads the scorecard on a phone as cards, without the form, and nothing scrolls sideways', async () => {
    const [context, page] = await open('hn.lanhdao', true);
    await page.goto(url);
    const card = page.locator('#bang-diem .kh-blk-card', { hasText: DUC_GIANG });
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.textContent()).toContain('Tổng');
    await card.locator('[role=button][aria-label*="— Có nhiều sáng kiến"]').click();
    const drawer = page.locator('#giai-trinh-diem');
    await expect.poll(() => drawer.textContent()).toContain('Biên bản họp khối (thử nghiệm trình duyệt)');
    expect(await drawer.getByRole('button', { name: 'Lưu điểm' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });
});

describe('setting up a movement', () => {
  it('shows the server’s refusal of a phase on the phase’s own field', async () => {
    const [context, page] = await open('hn.tccb');
    await page.goto(`${baseUrl}/thi-dua`);
    await page.getByRole('button', { name: 'Lập phong trào thi đua' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#name').fill('Phong trào thử nghiệm');
    for (const box of await dialog.getByLabel('Nội dung tiêu chí').all()) await box.fill('Hoàn thành nhiệm vụ được giao');
    // The second phase starts a year late: the server names phases.1.fromYear.
    const second = dialog.getByLabel('Từ năm').nth(1);
    await second.fill(String(Number(await second.inputValue()) + 1));
    await dialog.getByRole('button', { name: 'Lập phong trào' }).click();
    const error = dialog.locator('.ant-form-item-explain-error', { hasText: 'phải bắt đầu từ năm' });
    await expect.poll(() => error.count()).toBe(1);
    // It sits under the second phase's "Từ năm", not at the top of the form.
    const [fieldBox, errorBox] = [await second.boundingBox(), await error.boundingBox()];
    expect(errorBox!.y).toBeGreaterThan(fieldBox!.y);
    expect(errorBox!.y - fieldBox!.y).toBeLessThan(80);
    await context.close();
  });
});
