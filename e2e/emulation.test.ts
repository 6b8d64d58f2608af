// Emulation and commendation (thi đua – khen thưởng, seed 001) in real Chromium: Bệnh viện Xanh Pôn nominates
// Nguyễn Thu Trang for the Director's Giấy khen with the letter and the report but no evidence and sends it; Phòng
// TCCB sees the evidence missing and returns it with the comment the page writes for it; the hospital, on a phone,
// reads the comment, adds the evidence and sends it again; TCCB checks it complete and records the council's vote
// (7 of 9 members for); the Director decides it with Quyết định 1399/QĐ-SYT and takes the decision in Word.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { todayInVietnam } from '../core/schedule/dates.ts';
import { launch, openAs } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const PERSON = 'Nguyễn Thu Trang';
// Its own task, so that nothing else in the register matches this achievement.
const TASK = 'Số hóa hồ sơ cán bộ, viên chức của bệnh viện — thử nghiệm trình duyệt';
const TITLE = 'Số hóa 100% hồ sơ cán bộ, viên chức và kết nối cơ sở dữ liệu ngành';
const EVIDENCE = 'Minh chứng thành tích (sản phẩm, sáng kiến, giải pháp được áp dụng)';
const DECISION = '1399/QĐ-SYT';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const today = todayInVietnam();
const vi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const open = (user: string, phone = false) => openAs(browser, baseUrl, user, phone);

/** A small but real PDF, as a scanned document would arrive. */
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`) });

async function attach(page: Page, scope: string, name: string) {
  const dialog = page.getByRole('dialog');
  await dialog.locator(`${scope} input[type=file]`).setInputFiles(pdf(name));
  await expect.poll(() => dialog.locator(`${scope} .ant-upload-list-item-done`, { hasText: name }).count()).toBe(1);
}

describe('a nomination from Xanh Pôn to the Director’s decision, in the browser', () => {
  let movementUrl = '';
  let nominationUrl = '';

  it('Xanh Pôn drafts the nomination with two of the three documents and sends it to Phòng TCCB', async () => {
    const [context, page] = await open('hn.xanhpon');
    await page.getByRole('menuitem', { name: 'Thi đua, khen thưởng' }).click();
    await page.waitForURL(`${baseUrl}/thi-dua`);
    await page.getByRole('link', { name: /Cả nước thi đua đổi mới sáng tạo/ }).click();
    await page.waitForURL(/\/thi-dua\/[0-9a-f-]{36}\?year=\d{4}$/);
    movementUrl = page.url();
    await expect.poll(() => page.locator('#ho-so-de-nghi').textContent()).toContain('Lý Thị Mai'); // the demo's 2026 nomination

    await page.getByRole('button', { name: 'Lập hồ sơ đề nghị' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#personId').isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Bệnh viện Đa khoa Xanh Pôn');
    await dialog.locator('#personId').click();
    await page.keyboard.type('nguyen thu trang'); // found without the accents
    await page.locator('.ant-select-item-option', { hasText: PERSON }).click();
    await dialog.locator('#taskText').fill(TASK);
    await dialog.locator('#title').fill(TITLE);
    await dialog.locator('#output').fill('Số hóa 1.250 hồ sơ cán bộ, viên chức; tra cứu, báo cáo nhân sự trực tuyến từ tháng 8/2026.');
    expect(await dialog.locator('.ant-select:has(#form)').textContent()).toContain('Giấy khen của Giám đốc Sở Y tế');
    await attach(page, '#tai-lieu-letter', 'Tờ trình đề nghị khen thưởng.pdf');
    await attach(page, '#tai-lieu-report', 'Báo cáo thành tích.pdf');
    await dialog.getByRole('button', { name: 'Lập hồ sơ' }).click();
    await page.waitForURL(/\/thi-dua\/ho-so\/[0-9a-f-]{36}$/);
    nominationUrl = page.url();

    const dossier = page.locator('#thanh-phan-ho-so');
    await expect.poll(() => dossier.textContent()).toContain('Còn thiếu');
    expect(await dossier.textContent()).toContain('Báo cáo thành tích.pdf');
    await page.getByRole('button', { name: 'Gửi Phòng TCCB' }).click();
    // Sending with a document missing is asked first.
    await page.getByRole('button', { name: 'Vẫn gửi' }).click();
    await expect.poll(() => page.getByText('Chờ Phòng TCCB kiểm tra').first().isVisible()).toBe(true);
    await expect.poll(() => page.locator('#qua-trinh').textContent()).toContain('Gửi Phòng TCCB');
    await context.close();
  });

  it('Phòng TCCB sees the evidence missing and returns it with the comment the page writes', async () => {
    const [context, page] = await open('hn.tccb');
    await page.goto(nominationUrl);
    const dossier = page.locator('#thanh-phan-ho-so');
    await expect.poll(() => dossier.textContent()).toContain(EVIDENCE);
    expect(await dossier.locator('[data-kind=evidence]').textContent()).toContain('Còn thiếu');
    await page.locator('#thao-tac').getByRole('button', { name: 'Trả lại' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#comment').isVisible()).toBe(true);
    expect(await dialog.locator('#comment').inputValue()).toBe(`Hồ sơ còn thiếu: ${EVIDENCE}.`);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => page.getByText('Trả lại để bổ sung').first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Hồ sơ đủ, trình Hội đồng' }).count()).toBe(0);
    await context.close();
  });

  it('on a phone, Xanh Pôn reads the comment, adds the evidence and sends the dossier again', async () => {
    const [context, page] = await open('hn.xanhpon', true);
    await page.goto(nominationUrl);
    await expect.poll(() => page.locator('#y-kien-tra-lai').textContent()).toContain(`Hồ sơ còn thiếu: ${EVIDENCE}.`);
    await page.getByRole('button', { name: 'Bổ sung tài liệu' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#kind').isVisible()).toBe(true);
    expect(await dialog.locator('.ant-select:has(#kind)').textContent()).toContain(EVIDENCE); // the missing one is offered
    await attach(page, '', 'Quyết định công nhận phần mềm quản lý hồ sơ.pdf');
    await dialog.getByRole('button', { name: 'Bổ sung' }).click();
    await expect.poll(() => page.locator('#thanh-phan-ho-so').textContent()).toContain('Đủ thành phần');
    await page.getByRole('button', { name: 'Gửi lại' }).click();
    await expect.poll(() => page.getByText('Chờ Phòng TCCB kiểm tra').first().isVisible()).toBe(true);
    await expect.poll(() => page.locator('#qua-trinh').textContent()).toContain('Gửi lại');
    // The page fits the phone's width: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });

  it('Phòng TCCB checks it complete and records the council’s vote: 7 of 9 members for', async () => {
    const [context, page] = await open('hn.tccb');
    await page.goto(nominationUrl);
    await page.getByRole('button', { name: 'Hồ sơ đủ, trình Hội đồng' }).click();
    await expect.poll(() => page.getByText('Chờ Hội đồng xét').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Ghi kết quả Hội đồng' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#participants').isVisible()).toBe(true);
    expect(await dialog.locator('#members').inputValue()).toBe('9');
    expect(await dialog.locator('#councilDate').inputValue()).toBe(vi(today));
    expect(await dialog.textContent()).toContain('Cần ít nhất 2/3 thành viên tham gia; đạt khi quá nửa tổng số thành viên đồng ý');
    await dialog.locator('#participants').fill('8');
    await dialog.locator('#votesFor').fill('7');
    await dialog.locator('#votesAgainst').fill('1');
    await expect.poll(() => dialog.locator('#du-kien-ket-qua').textContent()).toContain('7/9 thành viên đồng ý (77,8% tổng số thành viên) — đạt');
    await dialog.getByRole('button', { name: 'Ghi kết quả' }).click();
    await expect.poll(() => page.getByText('Hội đồng đề nghị khen thưởng').first().isVisible()).toBe(true);
    expect(await page.locator('#hoi-dong').textContent()).toContain('8/9');
    // The Sở decides its own Giấy khen: nothing to forward, no dossier for a higher level.
    expect(await page.getByRole('button', { name: 'Trình cấp trên' }).count()).toBe(0);
    await context.close();
  });

  it('the Director decides it on the movement page and takes the decision in Word', async () => {
    const [context, page] = await open('hn.lanhdao');
    await page.goto(movementUrl);
    await expect.poll(() => page.locator('#ho-so-de-nghi').textContent()).toContain(PERSON);
    await page.getByRole('button', { name: /Quyết định khen thưởng/ }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#number').isVisible()).toBe(true);
    await dialog.getByRole('checkbox', { name: new RegExp(PERSON) }).check();
    await dialog.locator('#number').fill(DECISION);
    expect(await dialog.locator('#decisionDate').inputValue()).toBe(vi(today));
    expect(await dialog.locator('#signerName').inputValue()).toBe('Trần Văn Hưng');
    await dialog.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await page.waitForURL(/\/thi-dua\/quyet-dinh\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { name: `Quyết định số ${DECISION}` }).isVisible()).toBe(true);
    expect(await page.locator('#ca-nhan').textContent()).toContain(PERSON);
    expect(await page.textContent('body')).toContain(vi(today));

    const href = await page.getByRole('link', { name: /Tải quyết định \(Word\)/ }).getAttribute('href');
    expect(href).toMatch(/\/api\/emulation\/decisions\/[0-9a-f-]{36}\/decision\.docx$/);
    const word = await page.request.get(`${baseUrl}${href}`);
    expect(word.status()).toBe(200);
    expect(word.headers()['content-type']).toBe(DOCX);
    expect((await word.body()).subarray(0, 2).toString()).toBe('PK');

    // The nomination now reads as commended, with its decision.
    await page.goto(nominationUrl);
    await expect.poll(() => page.locator('#quyet-dinh').textContent()).toContain(`Quyết định số ${DECISION} ngày ${vi(today)}`);
    await context.close();
  });
});
