// Inspections (kiểm tra, giám sát) in real Chromium: Hải Phòng's leader reads the 2026 plan at 37,5% against a
// 30% minimum; the Phòng TCHC team adds an inspection of Bệnh viện Trẻ em, records a finding with a corrective
// action, concludes it and sees the coverage move to 4/8; reports the correction for the hospital — refused on its
// field without evidence — on a phone; the inspector closes it and the action reads "Đã đóng".
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayInVietnam } from '../core/schedule/dates.ts';
import { launch, openAs } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const PLAN = 'Kiểm tra công tác cải cách hành chính năm 2026';
const HOSPITAL = 'Bệnh viện Trẻ em Hải Phòng';
const FINDING = 'Chưa công khai số điện thoại đường dây nóng (thử nghiệm trình duyệt)';
const ACTION = 'Công khai đường dây nóng tại bộ phận một cửa';
const today = todayInVietnam();
const vi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const inTwoWeeks = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);

const open = (user: string, phone = false) => openAs(browser, baseUrl, user, phone);

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`) });

/** Types into an antd Select (Enter takes the option) or a DatePicker (Tab leaves it with the date typed). */
async function pick(page: Page, selector: string, text: string, key = 'Enter') {
  const dialog = page.getByRole('dialog');
  await dialog.locator(selector).click();
  await page.keyboard.type(text);
  await page.keyboard.press(key);
}

describe('inspections in the browser', () => {
  let planUrl = '';
  let inspectionUrl = '';

  it('the leader reads the plan at 37,5% against the 30% minimum, without buttons to change it', async () => {
    const [context, page] = await open('hp.lanhdao');
    await page.getByRole('menuitem', { name: 'Kiểm tra, giám sát' }).click();
    await page.waitForURL(`${baseUrl}/kiem-tra`);
    const list = page.locator('#ke-hoach-kiem-tra');
    await expect.poll(() => list.textContent()).toContain(PLAN);
    const text = await list.textContent();
    expect(text).toContain('3/8 đơn vị đã có kết luận — 37,5% / chỉ tiêu tối thiểu 30%');
    expect(text).toContain('Đạt chỉ tiêu');
    expect(text).toContain('Phòng Tổ chức - Hành chính');
    expect(await page.getByRole('button', { name: 'Lập kế hoạch kiểm tra' }).count()).toBe(0);
    await page.getByRole('link', { name: PLAN }).click();
    await page.waitForURL(/\/kiem-tra\/[0-9a-f-]{36}$/);
    planUrl = page.url();
    await expect.poll(() => page.locator('#don-vi-kiem-tra').textContent()).toContain('Bệnh viện Kiến An');
    expect(await page.getByRole('button', { name: 'Thêm cuộc kiểm tra' }).count()).toBe(0);
    await context.close();
  });

  it('Phòng TCHC adds an inspection of Bệnh viện Trẻ em, records a finding, concludes it, and the coverage reaches 4/8', async () => {
    const [context, page] = await open('hp.tchc');
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Thêm cuộc kiểm tra' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#unitId').isVisible()).toBe(true);
    expect(await dialog.locator('#startOn').inputValue()).toBe(vi(today));
    await pick(page, '#unitId', HOSPITAL);
    await dialog.locator('#team').fill('Trưởng đoàn: Mạc Văn Toàn, Phó Trưởng phòng TCHC');
    await dialog.locator('#scope').fill('Bộ phận một cửa, công khai thủ tục hành chính');
    await dialog.getByRole('button', { name: 'Ghi cuộc kiểm tra' }).click();
    await page.waitForURL(/\/kiem-tra\/cuoc\/[0-9a-f-]{36}$/);
    inspectionUrl = page.url();
    await expect.poll(() => page.getByRole('heading', { name: `Kiểm tra ${HOSPITAL}` }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Ghi phát hiện' }).click();
    await expect.poll(() => dialog.locator('#text').isVisible()).toBe(true);
    await dialog.locator('#text').fill(FINDING);
    await dialog.locator('#description').fill(ACTION);
    await pick(page, '#dueOn', vi(inTwoWeeks), 'Tab');
    expect(await dialog.locator('#dueOn').inputValue()).toBe(vi(inTwoWeeks));
    await dialog.getByRole('button', { name: 'Ghi phát hiện' }).click();
    const findings = page.locator('#phat-hien');
    await expect.poll(() => findings.textContent()).toContain(FINDING);
    expect(await findings.textContent()).toContain(`${HOSPITAL} · hạn khắc phục ${vi(inTwoWeeks)}`);
    expect(await findings.textContent()).toContain('Đang khắc phục');

    await page.getByRole('button', { name: 'Ghi kết luận' }).click();
    await expect.poll(() => dialog.locator('#conclusionNo').isVisible()).toBe(true);
    expect(await dialog.locator('#conclusionDate').inputValue()).toBe(vi(today));
    await dialog.locator('#conclusionNo').fill('45/TB-SYT');
    await dialog.locator('#conclusion').fill(`Yêu cầu khắc phục trước ${vi(inTwoWeeks)}.`);
    await dialog.getByRole('button', { name: 'Ghi kết luận' }).click();
    await expect.poll(() => page.locator('#ket-luan').textContent()).toContain(`45/TB-SYT ngày ${vi(today)}`);
    await expect.poll(() => page.getByRole('button', { name: 'Ghi kết luận' }).count()).toBe(0);

    await page.goto(planUrl);
    await expect.poll(() => page.locator('#ty-le-kiem-tra').textContent()).toContain('4/8 đơn vị đã có kết luận — 50% / chỉ tiêu tối thiểu 30%');
    await context.close();
  });

  it('on a phone, Phòng TCHC reports the correction for the hospital: refused without evidence, accepted with it', async () => {
    const [context, page] = await open('hp.tchc', true);
    await page.goto(inspectionUrl);
    await page.getByRole('button', { name: 'Báo cáo khắc phục' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#note').isVisible()).toBe(true);
    await dialog.locator('#note').fill('Đã niêm yết số điện thoại đường dây nóng tại bộ phận một cửa.');
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => dialog.getByText('Đính kèm minh chứng đã khắc phục.').isVisible()).toBe(true);
    await dialog.locator('input[type=file]').setInputFiles(pdf('Ảnh bảng công khai.pdf'));
    await expect.poll(() => dialog.locator('.ant-upload-list-item-done').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => page.locator('#phat-hien').textContent()).toContain('Đã báo cáo khắc phục');
    // The page fits the phone's width: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });

  it('the inspector closes the action and it reads "Đã đóng"', async () => {
    const [context, page] = await open('hp.thanhtra');
    await page.goto(inspectionUrl);
    await page.locator('#phat-hien').getByRole('button', { name: 'Đóng' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#note').isVisible()).toBe(true);
    await dialog.locator('#note').fill('Đã kiểm tra minh chứng, đạt yêu cầu.');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: 'Đóng' }).click();
    const findings = page.locator('#phat-hien');
    await expect.poll(() => findings.textContent()).toContain('Đã đóng');
    expect(await findings.textContent()).toContain('Đã kiểm tra minh chứng, đạt yêu cầu.');
    await expect.poll(() => findings.getByRole('button', { name: 'Đóng' }).count()).toBe(0);
    await context.close();
  });
});
