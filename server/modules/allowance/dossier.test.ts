// The audit dossier of seed 000 II.5 on the demo (clock frozen at 23/11/2026): Bệnh viện Đa khoa Xanh Pôn's
// July–October paid and November drafted, downloaded by the Sở's leader as one .zip; its index, manifest and
// SHA256SUMS; a tampered copy caught by verifyDossier; an uploaded assignment decision carried byte for byte;
// who may take it; and the export's own trace in the audit log.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { AUDIT_JSONL, INDEX, MANIFEST, SUMS, verifyDossier } from './dossier.ts';

let t: TestContext;
let leader: Client;
let xanhpon: string;

beforeAll(async () => {
  t = await testApp();
  leader = await signIn(t.app, 'hn.lanhdao');
  xanhpon = await unitId(leader, 'Bệnh viện Đa khoa Xanh Pôn');
});
afterAll(async () => { await t.close(); });

const download = (who: Client, query: string, unit = xanhpon) =>
  t.app.inject({ method: 'GET', url: `/api/allowance/units/${unit}/dossier.zip?${query}`, headers: { cookie: who.cookie } });
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const rowsOf = async (xlsx: Uint8Array, sheet: string) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return wb.getWorksheet(sheet)!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
};

describe('the dossier of Bệnh viện Đa khoa Xanh Pôn, July–November 2026', () => {
  let zip: Uint8Array;
  let files: Record<string, Uint8Array>;

  beforeAll(async () => {
    const res = await download(leader, 'from=2026-07&to=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Hồ sơ hỗ trợ - Bệnh viện Đa khoa Xanh Pôn - 2026-07 đến 2026-11.zip')}`);
    zip = new Uint8Array(res.rawPayload);
    files = unzipSync(zip);
  });

  it('holds the index, the manifest and SHA256SUMS over every other file, in a fixed order', () => {
    const names = Object.keys(files);
    expect(names[0]).toBe(INDEX);
    expect(names.slice(-2)).toEqual([MANIFEST, SUMS]);
    const sums = strFromU8(files[SUMS]).trimEnd().split('\n').map((l) => l.split('  '));
    expect(sums.map(([, p]) => p).sort()).toEqual(names.filter((n) => n !== SUMS).sort());
    for (const [hash, path] of sums) expect(sha256(files[path]), path).toBe(hash);
    const manifest = JSON.parse(strFromU8(files[MANIFEST]));
    expect(manifest).toMatchObject({ unit: { id: xanhpon, name: 'Bệnh viện Đa khoa Xanh Pôn' }, from: '2026-07', to: '2026-11', generatedAt: '2026-11-23T03:00:00.000Z', generatedBy: expect.stringContaining('hn.lanhdao') });
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(names.filter((n) => n !== MANIFEST && n !== SUMS));
    const index = strFromU8(files[INDEX]);
    expect(index).toContain('HỒ SƠ PHỤC VỤ KIỂM TRA, GIÁM SÁT, THANH TRA, KIỂM TOÁN');
    expect(index).toMatch(/Tháng 10\/2026: Đã chi trả, Quyết định số .*9\.725\.806 đồng/);
    expect(index).toMatch(/Tháng 11\/2026: Đang lập.*DỰ THẢO/);
    for (const f of manifest.files) expect(index, f.path).toContain(f.path);
  });

  it('has one payroll per list and one approval decision per approved list; the November draft only as a marked draft', async () => {
    const months = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
    for (const m of months) {
      const inMonth = Object.keys(files).filter((n) => n.startsWith(`1. Danh sách hằng tháng/${m}/`));
      expect(inMonth.filter((n) => n.endsWith('.xlsx')), m).toHaveLength(1);
      expect(inMonth.filter((n) => n.endsWith('.docx')), m).toHaveLength(m === '2026-11' ? 0 : 1);
      expect(inMonth, m).toContain(`1. Danh sách hằng tháng/${m}/Lịch sử danh sách.csv`);
    }
    const draft = Object.keys(files).find((n) => n.startsWith('1. Danh sách hằng tháng/2026-11/'))!;
    expect(draft).toBe('1. Danh sách hằng tháng/2026-11/DỰ THẢO - Danh sách hỗ trợ tháng 11-2026 - Bệnh viện Đa khoa Xanh Pôn.xlsx');
    expect((await rowsOf(files[draft], 'Tháng 11-2026'))[0][0]).toBe('DỰ THẢO — DANH SÁCH CHI HỖ TRỢ THÁNG 11/2026');
    const october = await rowsOf(files['1. Danh sách hằng tháng/2026-10/Danh sách hỗ trợ tháng 10-2026 - Bệnh viện Đa khoa Xanh Pôn.xlsx'], 'Tháng 10-2026');
    expect(october.at(-1)![8]).toBe(9_725_806);
    const history = files['1. Danh sách hằng tháng/2026-10/Lịch sử danh sách.csv'];
    expect([...history.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs to read UTF-8
    expect(strFromU8(history)).toMatch(/^Thời điểm,Bước,Người thực hiện,Nội dung\r\n.*Phê duyệt danh sách.*\r\n.*Ghi nhận chi trả,.*Kỳ lương tháng 10\/2026/s);
  });

  it('has the assignments of the three people, their ratings, and the payments month by month', async () => {
    const records = files['2. Hồ sơ xác định đối tượng/Hồ sơ xác định đối tượng.xlsx'];
    const assignments = await rowsOf(records, 'Quyết định phân công');
    const header = assignments.findIndex((r) => r[0] === 'STT');
    expect(assignments[header]).toEqual(['STT', 'Họ và tên', 'Số quyết định', 'Ngày quyết định', 'Người ký', 'Nhiệm vụ được giao', 'Sản phẩm đầu ra', 'Hình thức', 'Vị trí việc làm', 'Từ ngày', 'Đến ngày', 'Dừng hưởng sau ngày', 'Lý do dừng', 'Tệp quyết định trong hồ sơ']);
    const people = assignments.slice(header + 1);
    expect(people.map((r) => r[1]).sort()).toEqual(['Hà Thị Quỳnh', 'Lý Thị Mai', 'Phan Văn Tú']);
    // The demo's decisions are open-ended: the "Đến ngày" cell is empty.
    expect(people.find((r) => r[1] === 'Hà Thị Quỳnh')!.slice(2, 13)).toEqual(['1025/QĐ-BVXP', '25/06/2026', 'Giám đốc bệnh viện', expect.any(String), expect.any(String), 'Kiêm nhiệm', 'Kiêm nhiệm chuyển đổi số', '01/07/2026', undefined, '15/10/2026', expect.stringMatching(/^Điều động về Khoa Nội tổng hợp/)]);
    const ratings = await rowsOf(records, 'Xếp loại tháng');
    const late = ratings.find((r) => r[1] === '09/2026' && r[2] === 'Phan Văn Tú')!;
    expect(late.slice(3, 6)).toEqual(['Hoàn thành tốt nhiệm vụ', 'Bổ sung kết quả xếp loại tháng 9 (nộp muộn)', 'Nguyễn Thu Trang']);
    const payments = await rowsOf(files['3. Hồ sơ chi trả/Chi trả.xlsx'], 'Chi trả');
    const oct = payments.find((r) => r[1] === '10/2026')!;
    expect(oct.slice(2, 12)).toEqual(['Đã chi trả', expect.stringMatching(/QĐ-BV$/), expect.stringMatching(/^25\/10\/2026/), 'Nguyễn Thu Trang', 3, 9_725_806, 'Kỳ lương tháng 10/2026', '05/11/2026', 9_725_806, 'Đinh Văn Long']);
    expect(payments.find((r) => r[1] === '11/2026')!.slice(2, 3)).toEqual(['Đang lập']);
  });

  it('extracts the audit log of the lists, assignments and ratings with seq, prev_hash and hash that recompute', async () => {
    const events = strFromU8(files[AUDIT_JSONL]).trimEnd().split('\n').map((l) => JSON.parse(l));
    const octId = (await leader.get(`/api/allowance/units/${xanhpon}/lists/2026-10`)).body.list.id;
    const actions = events.filter((e) => e.entityId === octId).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['allowance.list.generate', 'allowance.list.propose', 'allowance.list.approve', 'allowance.list.pay']));
    expect(events.some((e) => e.action === 'allowance.assignment.stop')).toBe(true);
    expect(events.some((e) => e.action === 'allowance.ratings.save' && e.entityId === xanhpon)).toBe(true);
    expect(events.some((e) => e.action === 'allowance.policy.create')).toBe(true);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && /^[0-9a-f]{64}$/.test(e.prevHash))).toBe(true);
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(strFromU8(files['4. Nhật ký kiểm toán/Nhật ký kiểm toán.csv'])).toContain('allowance.list.pay');
    // Thanh Nhàn's lists are not Xanh Pôn's business.
    const thanhnhan = await unitId(leader, 'Bệnh viện Thanh Nhàn');
    expect(events.some((e) => e.entityId === thanhnhan)).toBe(false);
  });

  it('verifies, and names the file when one byte of it changes, one goes missing or one is slipped in', () => {
    expect(verifyDossier(zip)).toEqual({ ok: true, files: Object.keys(files).length - 1, mismatches: [] });
    const target = '3. Hồ sơ chi trả/Chi trả.xlsx';
    const changed = { ...files, [target]: files[target].slice() };
    changed[target][200] ^= 1;
    const result = verifyDossier(zipSync(changed));
    expect(result.ok).toBe(false);
    expect(result.mismatches).toEqual([`${target}: mã SHA-256 không khớp`]);
    const { [target]: _dropped, ...fewer } = files;
    expect(verifyDossier(zipSync({ ...fewer, 'thêm.txt': new Uint8Array([1]) })).mismatches).toEqual([`${target}: thiếu trong hồ sơ`, 'thêm.txt: không có trong SHA256SUMS']);
  });

  it('records the export in the audit log with the hash of its SHA256SUMS', async () => {
    const { body } = await leader.get('/api/audit/events?action=allowance.dossier.export');
    const mine = body.items.find((e: { entityId: string }) => e.entityId === xanhpon);
    expect(mine).toMatchObject({ actorName: expect.stringContaining('hn.lanhdao'), summary: expect.stringMatching(/Bệnh viện Đa khoa Xanh Pôn, tháng 07\/2026 đến tháng 11\/2026/) });
    expect(mine.after).toMatchObject({ from: '2026-07', to: '2026-11', lists: 5, sha256sums: sha256(files[SUMS]), zipSha256: sha256(zip) });
  });
});

describe('an uploaded assignment decision', () => {
  it('is carried in the dossier byte for byte, under its decision number', async () => {
    const hr = await signIn(t.app, 'hn.xanhpon.tccb');
    const focal = await signIn(t.app, 'hn.xanhpon'); // uploads need progress.record
    const pdf = Buffer.from('%PDF-1.4\n% Quyết định 1150/QĐ-BVXP\n%%EOF\n');
    const uploaded = (await focal.upload('/api/files', [{ name: 'QĐ 1150 phân công.pdf', content: pdf }])).body.items[0];
    const mai = (await hr.get(`/api/allowance/units/${xanhpon}/ratings?month=2026-11`)).body.items.find((p: { fullName: string }) => p.fullName === 'Lý Thị Mai');
    const created = await hr.post(`/api/allowance/units/${xanhpon}/assignments`, {
      personId: mai.personId, decisionNo: '1150/QĐ-BVXP', decisionDate: '2026-11-10', signer: 'Giám đốc bệnh viện', task: 'Triển khai ký số hồ sơ bệnh án',
      output: 'Hồ sơ bệnh án được ký số', category: 'part_time', jobPosition: 'Kiêm nhiệm chuyển đổi số', startOn: '2026-11-15', fileId: uploaded.id,
    });
    expect(created.status).toBe(201);
    const res = await download(leader, 'from=2026-11&to=2026-11');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const path = '2. Hồ sơ xác định đối tượng/Tệp quyết định phân công/1150-QĐ-BVXP - QĐ 1150 phân công.pdf';
    expect(Buffer.from(files[path]).equals(pdf)).toBe(true);
    expect(strFromU8(files[SUMS])).toContain(`${uploaded.sha256}  ${path}\n`); // the hash it was stored under at upload
    const rows = await rowsOf(files['2. Hồ sơ xác định đối tượng/Hồ sơ xác định đối tượng.xlsx'], 'Quyết định phân công');
    expect(rows.find((r) => r[2] === '1150/QĐ-BVXP')![13]).toBe(path);
    expect(verifyDossier(new Uint8Array(res.rawPayload)).ok).toBe(true);
  });
});

describe('who may take it, and for which period', () => {
  it('refuses a period backwards or longer than 24 months, naming the field', async () => {
    const backwards = await download(leader, 'from=2026-11&to=2026-07');
    expect(backwards.statusCode).toBe(400);
    expect(JSON.parse(backwards.body).details.to).toMatch(/Đến tháng \(07\/2026\) phải cùng hoặc sau Từ tháng \(11\/2026\)/);
    expect(JSON.parse((await download(leader, 'from=2025-01&to=2027-01')).body).details.to).toMatch(/tối đa 24 tháng/);
    expect(JSON.parse((await download(leader, 'from=2026-13&to=2027-01')).body).details.from).toBeTruthy();
  });

  it('refuses another hospital’s IT (403) and another tenant (404)', async () => {
    expect((await download(await signIn(t.app, 'hn.thanhnhan'), 'from=2026-07&to=2026-11')).statusCode).toBe(403);
    expect((await download(await signIn(t.app, 'dt.lanhdao'), 'from=2026-07&to=2026-11')).statusCode).toBe(404);
    // Neither refusal leaves an export event behind.
    const { body } = await leader.get('/api/audit/events?action=allowance.dossier.export');
    expect(body.items.every((e: { actorName: string }) => e.actorName.includes('hn.lanhdao'))).toBe(true);
  });
});
