// The documents of a commendation on the demo's Quyết định 1250/QĐ-SYT (clock frozen at 23/11/2026): the award
// decision in the Nghị định 30 layout and the certificates, both opened by LibreOffice; a decided commendation is
// locked in the database whatever the code above does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, type Client, type TestContext } from '../../test/harness.ts';
import { convertToPdf, hasSoffice } from '../documents/soffice.ts';

let t: TestContext;
let leader: Client;
let decisionId: string;

beforeAll(async () => {
  t = await testApp();
  leader = await signIn(t.app, 'hn.lanhdao');
  const movementId = (await leader.get('/api/emulation/movements')).body.items[0].id;
  decisionId = (await leader.get(`/api/emulation/movements/${movementId}/decisions`)).body.find((d: { number: string }) => d.number === '1250/QĐ-SYT').id;
});
afterAll(async () => { await t.close(); });

const pdfText = async (path: string) => {
  const res = await t.app.inject({ method: 'GET', url: path, headers: { cookie: leader.cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-disposition']).toContain('attachment');
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-tdkt-'));
  writeFileSync(join(dir, 'out.pdf'), await convertToPdf(res.rawPayload));
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'out.pdf'), '-']).toString('utf8').normalize('NFC');
  return { text, flat: text.replace(/\s+/g, ' ') };
};

describe('the award decision and the certificates', () => {
  const soffice = hasSoffice();
  it.skipIf(!soffice && !process.env.CI)('gives the decision as Word in the Nghị định 30 layout: basis, Article 1 with the collectives and individuals, the signer', async () => {
    const { text, flat } = await pdfText(`/api/emulation/decisions/${decisionId}/decision.docx`);
    expect(text).toContain('SỞ Y TẾ HÀ NỘI');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(flat).toContain('Số: 1250/QĐ-SYT');
    expect(flat).toMatch(/ngày 19 tháng 12 năm 2025/);
    expect(flat).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022');
    expect(flat).toMatch(/Điều 1\. Tặng Giấy khen của Giám đốc Sở Y tế cho 1 tập thể và 2 cá nhân/);
    for (const words of ['a) Tập thể:', 'Triển khai bệnh án điện tử', 'b) Cá nhân:', 'Phan Văn Tú, Kỹ sư', 'Đoàn Minh Khôi', 'Bệnh viện Thanh Nhàn']) expect(flat).toContain(words);
    expect(flat).toContain('(khen thưởng hằng năm 2025)');
    expect(flat).not.toContain('Hà Thị Quỳnh'); // the council did not pass her
    expect(text).toContain('GIÁM ĐỐC SỞ');
    expect(text).toContain('Trần Văn Hưng');
  });

  it.skipIf(!soffice && !process.env.CI)('gives one certificate page per awardee', async () => {
    const { text, flat } = await pdfText(`/api/emulation/decisions/${decisionId}/certificates.docx`);
    expect(text.split('\f').filter((p) => p.trim())).toHaveLength(3);
    expect((flat.match(/GIẤY KHEN/g) ?? []).length).toBe(3);
    expect(flat).toContain('Phan Văn Tú');
    expect(flat).toContain('Quyết định số 1250/QĐ-SYT');
    expect(flat).toContain('GIÁM ĐỐC SỞ Y TẾ HÀ NỘI TẶNG');
  });

  it('keeps a decided commendation as it was decided, in the database too', async () => {
    await expect(t.database.db.execute(sql`UPDATE nominations SET form = 'bang_khen_ubnd' WHERE decision_id = ${decisionId}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM nomination_files WHERE nomination_id IN (SELECT id FROM nominations WHERE decision_id = ${decisionId})`)).rejects.toThrow();
  });
});
