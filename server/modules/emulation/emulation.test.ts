// Emulation and commendation through the API on PGlite and PostgreSQL (clock frozen at 23/11/2026): the demo's
// 2025–2030 movement of Sở Y tế Hà Nội with its 2025 round decided; a nomination from Bệnh viện Xanh Pôn returned
// for a missing document, completed, passed by the council and decided by the Director; who may do each step; the
// duplicate check across commendations and task rewards; the hospitals' block scored from data, explained.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
const c: Record<string, Client> = {};
const u: Record<string, string> = {};
let movementId: string;

beforeAll(async () => {
  t = await testApp();
  for (const n of ['hn.xanhpon', 'hn.thanhnhan.tdkt', 'hn.tccb', 'hn.lanhdao', 'hn.cntt', 'hn.thanhtra', 'dt.lanhdao']) c[n] = await signIn(t.app, n);
  for (const [k, name] of Object.entries({ xanhpon: 'Bệnh viện Đa khoa Xanh Pôn', thanhnhan: 'Bệnh viện Thanh Nhàn', ducgiang: 'Bệnh viện Đa khoa Đức Giang' })) u[k] = await unitId(c['hn.lanhdao'], name);
  movementId = (await c['hn.lanhdao'].get('/api/emulation/movements')).body.items[0].id;
});
afterAll(async () => { await t.close(); });

const evidence = async (who: Client, name: string) => (await who.upload('/api/files', [{ name, content: `%PDF-1.4 ${name}` }])).body.items[0].id as string;
const personOf = async (unit: string, name: string) => ((await c['hn.lanhdao'].get(`/api/org/people?unitId=${unit}`)).body.items as { id: string; fullName: string }[]).find((p) => p.fullName === name)!.id;

describe('the demo movement of Sở Y tế Hà Nội (seed 001)', () => {
  it('runs 2025–2030 in two phases with criteria for collectives and individuals and six award forms', async () => {
    const mv = (await c['hn.xanhpon'].get(`/api/emulation/movements/${movementId}?year=2026`)).body;
    expect(mv).toMatchObject({ number: '3764/KH-SYT', startYear: 2025, endYear: 2030, ownerUnitName: 'Phòng Tổ chức cán bộ', councilMembers: 9 });
    expect(mv.phases.map((p: { fromYear: number; toYear: number }) => `${p.fromYear}-${p.toYear}`)).toEqual(['2025-2027', '2027-2030']);
    expect(mv.forms.map((f: { name: string; decidedBySo: boolean }) => [f.name, f.decidedBySo])).toContainEqual(['Giấy khen của Giám đốc Sở Y tế', true]);
    expect(mv.forms.find((f: { code: string }) => f.code === 'bang_khen_ttg')).toMatchObject({ decider: 'Thủ tướng Chính phủ', proposer: expect.stringMatching(/Chủ tịch UBND Thành phố/) });
    const weights = mv.criteria.filter((x: { subject: string }) => x.subject === 'collective').reduce((s: number, x: { weight: number }) => s + x.weight, 0);
    expect(weights).toBe(100);
    expect(mv.criteria.filter((x: { subject: string }) => x.subject === 'individual')).toHaveLength(3);
    expect(mv.registrations.map((r: { unitName: string }) => r.unitName)).toEqual(['Bệnh viện Đa khoa Xanh Pôn', 'Bệnh viện Thanh Nhàn']);
    expect(mv.can).toMatchObject({ manage: false, nominate: true, decide: false });
  });

  it('has the 2025 round decided: three Giấy khen under Quyết định 1250/QĐ-SYT, a city Bằng khen recorded, one not passed', async () => {
    const { items } = (await c['hn.lanhdao'].get(`/api/emulation/movements/${movementId}/nominations?year=2025`)).body;
    expect(items.filter((n: { status: string }) => n.status === 'decided').map((n: { nominee: string; decisionNo: string }) => `${n.nominee} ${n.decisionNo}`).sort((a: string, b: string) => a.localeCompare(b, 'vi'))).toEqual([
      'Bệnh viện Thanh Nhàn 1836/QĐ-UBND', 'Đoàn Minh Khôi 1250/QĐ-SYT', 'Phan Văn Tú 1250/QĐ-SYT', 'Phòng Công nghệ thông tin - Bệnh viện Đa khoa Xanh Pôn 1250/QĐ-SYT',
    ]);
    expect(items.find((n: { nominee: string }) => n.nominee === 'Hà Thị Quỳnh')).toMatchObject({ status: 'failed', votes: '4/9' });
    // A hospital sees its own nominations only.
    const own = (await c['hn.thanhnhan.tdkt'].get(`/api/emulation/movements/${movementId}/nominations`)).body.items;
    expect(new Set(own.map((n: { unitName: string }) => n.unitName))).toEqual(new Set(['Bệnh viện Thanh Nhàn']));
    const history = (await c['hn.lanhdao'].get('/api/emulation/history?q=phan van tu')).body.items;
    expect(history).toEqual([expect.objectContaining({ name: 'Phan Văn Tú', form: 'Giấy khen của Giám đốc Sở Y tế', decisionNo: '1250/QĐ-SYT', decisionDate: '2025-12-19', year: 2025 })]);
    expect((await c['dt.lanhdao'].get(`/api/emulation/movements/${movementId}`)).status).toBe(404);
  });
});

describe('setting up and joining a movement', () => {
  const movement = async (over: Record<string, unknown> = {}) => ({
    number: '12/KH-SYT', name: 'Phong trào thi đua thử nghiệm', startYear: 2026, endYear: 2030, ownerUnitId: await unitId(c['hn.lanhdao'], 'Phòng Tổ chức cán bộ'), councilMembers: 7, forms: ['giay_khen_so'],
    phases: [{ name: 'Giai đoạn 1', fromYear: 2026, toYear: 2028, review: 'so_ket' }, { name: 'Giai đoạn 2', fromYear: 2028, toYear: 2030, review: 'tong_ket' }],
    criteria: [{ subject: 'collective', text: 'Nhiệm vụ đúng hạn', weight: 70, measure: 'tasks_on_time' }, { subject: 'collective', text: 'Sáng kiến', weight: 30, measure: 'manual' }, { subject: 'individual', text: 'Hoàn thành tốt nhiệm vụ', weight: 0, measure: 'manual' }],
    ...over,
  });
  it('is set up by Phòng TCCB only, each mistake refused on its field and nothing written', async () => {
    const post = async (who: string, over: Record<string, unknown> = {}) => c[who].post('/api/emulation/movements', await movement(over));
    expect((await post('hn.xanhpon')).status).toBe(403);
    expect((await post('hn.tccb', { phases: [{ name: 'Giai đoạn 1', fromYear: 2026, toYear: 2028, review: 'so_ket' }, { name: 'Giai đoạn 2', fromYear: 2029, toYear: 2030, review: 'tong_ket' }] })).body.details['phases.1.fromYear']).toMatch(/phải bắt đầu từ năm 2028/);
    expect((await post('hn.tccb', { criteria: [{ subject: 'collective', text: 'A', weight: 60, measure: 'manual' }, { subject: 'individual', text: 'B', weight: 0, measure: 'manual' }] })).body.details.criteria).toMatch(/phải bằng 100 \(hiện là 60\)/);
    expect((await post('hn.tccb', { criteria: [{ subject: 'collective', text: 'A', weight: 100, measure: 'manual' }] })).body.details.criteria).toMatch(/cá nhân/);
    expect((await post('hn.tccb', { criteria: [{ subject: 'collective', text: 'A', weight: 100, measure: 'manual' }, { subject: 'individual', text: 'B', weight: 10, measure: 'manual' }] })).body.details['criteria.1.weight']).toMatch(/trọng số 0/);
    expect((await post('hn.tccb', { forms: [] })).body.details.forms).toBeTruthy();
    expect((await c['hn.lanhdao'].get('/api/emulation/movements')).body.items).toHaveLength(1);
    const made = await post('hn.tccb');
    expect(made.status).toBe(201);
    expect((await c['hn.tccb'].post(`/api/emulation/movements/${made.body.id}/blocks`, { name: 'Khối thử', unitIds: [await unitId(c['hn.lanhdao'], 'Phòng Tổ chức cán bộ')] })).body.details['unitIds.0']).toMatch(/đơn vị trực thuộc Sở/);
  });

  it('is joined once a year by a unit, for itself only', async () => {
    const reg = { unitId: u.xanhpon, year: 2027, pledge: 'Hoàn thành 100% nhiệm vụ chuyển đổi số' };
    expect((await c['hn.thanhnhan.tdkt'].post(`/api/emulation/movements/${movementId}/registrations`, reg)).status).toBe(403);
    expect((await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/registrations`, { ...reg, year: 2031 })).body.details.year).toMatch(/2025 đến năm 2030/);
    expect((await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/registrations`, reg)).status).toBe(201);
    const again = await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/registrations`, reg);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/đã đăng ký thi đua năm 2027/);
  });
});

describe('a nomination from unit to Director', () => {
  let id: string;
  const body = async (over: Record<string, unknown> = {}) => ({
    roundKind: 'annual', year: 2026, unitId: u.xanhpon, subject: 'individual', personId: await personOf(u.xanhpon, 'Trịnh Văn Khải'),
    taskText: 'Chỉ đạo chuyển đổi số bệnh viện', title: 'Chỉ đạo triển khai bệnh viện không giấy tờ', output: 'Bệnh viện không dùng phim, không dùng giấy từ tháng 6/2026.',
    form: 'giay_khen_so', files: [{ kind: 'letter', fileId: await evidence(c['hn.xanhpon'], 'Tờ trình.pdf') }, { kind: 'report', fileId: await evidence(c['hn.xanhpon'], 'Báo cáo thành tích.pdf') }], ...over,
  });

  it('is refused with the field named when it does not fit, and by units that do not own it', async () => {
    expect((await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/nominations`, await body({ form: 'co_thi_dua_ubnd' }))).body.details.form).toMatch(/chỉ tặng cho tập thể/);
    expect((await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/nominations`, await body({ personId: await personOf(u.thanhnhan, 'Vi Thị Hồng') }))).body.details.personId).toMatch(/thuộc Bệnh viện Đa khoa Xanh Pôn/);
    expect((await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/nominations`, await body({ roundKind: 'so_ket' }))).body.details.year).toMatch(/sơ kết/);
    expect((await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/nominations`, await body({ year: 2031 }))).body.details.year).toMatch(/2025 đến năm 2030/);
    expect((await c['hn.thanhnhan.tdkt'].post(`/api/emulation/movements/${movementId}/nominations`, await body())).status).toBe(403);
    expect((await c['hn.tccb'].post(`/api/emulation/movements/${movementId}/nominations`, await body())).status).toBe(403);
  });

  it('stores names as one text however they were typed: combining marks, zero-width characters', async () => {
    const typed = 'Tổ Hòa giải\u200b   số hóa'.normalize('NFD');
    const res = await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/nominations`, await body({ subject: 'collective', personId: null, collectiveName: typed, title: 'Hòa mạng dữ liệu'.normalize('NFD'), files: [] }));
    expect(res.status).toBe(201);
    expect(res.body.nominee).toBe('Tổ Hòa giải số hóa');
    expect(res.body.achievement.title).toBe('Hòa mạng dữ liệu'.normalize('NFC'));
  });

  it('is submitted, refused by TCCB while a required document is missing, returned, completed and checked', async () => {
    const res = await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/nominations`, await body());
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body.missing).toEqual(['Minh chứng thành tích (sản phẩm, sáng kiến, giải pháp được áp dụng)']);
    expect((await c['hn.xanhpon'].post(`/api/emulation/nominations/${id}/submit`, {})).body.status).toBe('submitted');
    expect((await c['hn.xanhpon'].post(`/api/emulation/nominations/${id}/check`, {})).status).toBe(403);
    const refused = await c['hn.tccb'].post(`/api/emulation/nominations/${id}/check`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/còn thiếu: Minh chứng thành tích/);
    expect((await c['hn.tccb'].post(`/api/emulation/nominations/${id}/return`, { comment: '' })).body.details.comment).toBeTruthy();
    const returned = await c['hn.tccb'].post(`/api/emulation/nominations/${id}/return`, { comment: 'Bổ sung minh chứng thành tích.' });
    expect(returned.body).toMatchObject({ status: 'returned', returnComment: 'Bổ sung minh chứng thành tích.' });
    expect(returned.body.can).toMatchObject({ check: false, return: false });
    await c['hn.xanhpon'].post(`/api/emulation/nominations/${id}/files`, { files: [{ kind: 'evidence', fileId: await evidence(c['hn.xanhpon'], 'Quyết định công nhận.pdf') }] });
    expect((await c['hn.xanhpon'].post(`/api/emulation/nominations/${id}/submit`, {})).body.missing).toEqual([]);
    expect((await c['hn.xanhpon'].post(`/api/emulation/nominations/${id}/files`, { files: [{ kind: 'report', fileId: await evidence(c['hn.xanhpon'], 'x.pdf') }] })).status).toBe(409);
    const checked = await c['hn.tccb'].post(`/api/emulation/nominations/${id}/check`, {});
    expect(checked.body.status).toBe('checked');
    expect(checked.body.events.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'files', 'resubmit', 'check']);
  });

  it('goes through the council by its vote rule and is decided by the Director only', async () => {
    const vote = (v: Record<string, unknown>) => c['hn.tccb'].post(`/api/emulation/nominations/${id}/vote`, { councilDate: '2026-11-20', ...v });
    expect((await vote({ participants: 5, votesFor: 5, votesAgainst: 0 })).body.details.participants).toMatch(/2\/3/); // 5 of 9 is not a quorum
    expect((await vote({ participants: 8, votesFor: 7, votesAgainst: 3 })).body.details.votesFor).toMatch(/không được lớn hơn số thành viên tham gia/);
    expect((await vote({ participants: 8, votesFor: 5, votesAgainst: 3, councilDate: '2026-11-24' })).body.details.councilDate).toBeTruthy();
    expect((await vote({ members: 7, participants: 7, votesFor: 4, votesAgainst: 3 })).body.details.members).toMatch(/9 thành viên theo phong trào/); // a smaller council cannot be typed in
    const passed = await vote({ participants: 8, votesFor: 5, votesAgainst: 3 });
    expect(passed.body).toMatchObject({ status: 'passed', councilResult: '5/9 thành viên đồng ý (55,6% tổng số thành viên) — đạt' });
    const decision = { nominationIds: [id], number: '1388/QĐ-SYT', decisionDate: '2026-11-23', signerName: 'Trần Văn Hưng', signerTitle: 'Giám đốc Sở' };
    expect((await c['hn.tccb'].post('/api/emulation/decisions', decision)).status).toBe(403);
    expect((await c['hn.lanhdao'].post('/api/emulation/decisions', { ...decision, number: '1250/QĐ-SYT' })).body.details.number).toMatch(/đã được dùng/);
    const res = await c['hn.lanhdao'].post('/api/emulation/decisions', decision);
    expect(res.status).toBe(201);
    expect(res.body.awardees).toEqual([expect.objectContaining({ name: 'Trịnh Văn Khải', form: 'Giấy khen của Giám đốc Sở Y tế', unitName: 'Bệnh viện Đa khoa Xanh Pôn' })]);
    expect((await c['hn.xanhpon'].get(`/api/emulation/nominations/${id}`)).body).toMatchObject({ status: 'decided', decisionNo: '1388/QĐ-SYT', decisionSigner: 'Trần Văn Hưng' });
    expect((await c['hn.tccb'].post(`/api/emulation/nominations/${id}/return`, { comment: 'x' })).status).toBe(409);
    expect((await c['hn.lanhdao'].post('/api/emulation/decisions', { ...decision, number: '1389/QĐ-SYT' })).status).toBe(409); // decided once
  });

  it('a higher form is forwarded with its dossier, never decided by the Director, and its decision recorded', async () => {
    const n = (await c['hn.xanhpon'].post(`/api/emulation/movements/${movementId}/nominations`, await body({
      subject: 'collective', personId: null, nomineeUnitId: u.xanhpon, form: 'bang_khen_ubnd', title: 'Bệnh viện không giấy tờ',
      files: await Promise.all((['letter', 'report', 'minutes', 'evidence'] as const).map(async (kind) => ({ kind, fileId: await evidence(c['hn.xanhpon'], `${kind}-bk.pdf`) }))),
    }))).body;
    await c['hn.xanhpon'].post(`/api/emulation/nominations/${n.id}/submit`, {});
    await c['hn.tccb'].post(`/api/emulation/nominations/${n.id}/check`, {});
    expect((await c['hn.tccb'].post(`/api/emulation/nominations/${n.id}/vote`, { councilDate: '2026-11-20', participants: 9, votesFor: 9, votesAgainst: 0 })).body.status).toBe('passed');
    expect((await c['hn.lanhdao'].post('/api/emulation/decisions', { nominationIds: [n.id], number: '1400/QĐ-SYT', decisionDate: '2026-11-23', signerName: 'Trần Văn Hưng', signerTitle: 'Giám đốc Sở' })).body.message).toMatch(/Chủ tịch UBND Thành phố quyết định/);
    expect((await c['hn.tccb'].post(`/api/emulation/nominations/${n.id}/forward`, {})).body.status).toBe('forwarded');
    const zip = await t.app.inject({ method: 'GET', url: `/api/emulation/nominations/${n.id}/dossier.zip`, headers: { cookie: c['hn.tccb'].cookie } });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-disposition']).toContain('attachment');
    const { unzipSync, strFromU8 } = await import('fflate');
    const entries = unzipSync(new Uint8Array(zip.rawPayload));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['MUCLUC.txt', 'SHA256SUMS', '01 Tờ trình của Sở Y tế.docx']));
    expect(Object.keys(entries).filter((p) => p.endsWith('.pdf'))).toHaveLength(4);
    expect(strFromU8(entries['MUCLUC.txt'])).toContain('Cấp quyết định: Chủ tịch UBND Thành phố');
    const recorded = await c['hn.tccb'].post(`/api/emulation/nominations/${n.id}/record`, { decisionNo: '2001/QĐ-UBND', decisionDate: '2026-11-22', signer: '' });
    expect(recorded.body).toMatchObject({ status: 'decided', decisionSigner: 'Chủ tịch UBND Thành phố' });
  });
});

describe('one register of achievements', () => {
  it('refuses to reward an achievement already commended (Phan Văn Tú, 2025)', async () => {
    const tu = await personOf(u.xanhpon, 'Phan Văn Tú');
    const p = await c['hn.xanhpon'].post('/api/rewards', {
      unitId: u.xanhpon, subject: 'individual', personId: tu, taskText: 'Kết nối liên thông dữ liệu khám chữa bệnh', title: 'Cổng liên thông đơn thuốc điện tử',
      output: 'Liên thông 100% đơn thuốc', period: '2025-H2', criteria: ['exceeds', 'replicable'], proposedAmount: 5_000_000, fileIds: [await evidence(c['hn.xanhpon'], 'don-thuoc.pdf')],
    });
    expect(p.status).toBe(201);
    const view = (await c['hn.cntt'].get(`/api/rewards/${p.body.id}`)).body;
    expect(view.duplicates).toEqual([expect.objectContaining({ kind: 'commendation', status: 'decided', text: expect.stringMatching(/Giấy khen của Giám đốc Sở Y tế theo Quyết định số 1250\/QĐ-SYT/) })]);
    const decided = await c['hn.cntt'].post(`/api/rewards/${p.body.id}/review`, { action: 'approve', decisionNo: '77/QĐ-SYT', decisionDate: '2026-11-20', amount: 5_000_000 });
    expect(decided.status).toBe(409);
  });

  it('shows a rewarded achievement to TCCB before the council, and never commends one achievement twice', async () => {
    // Thanh Nhàn's collective reward of the demo's task rewards? None: make one and decide it.
    const hospital = await signIn(t.app, 'hn.thanhnhan');
    const reward = await hospital.post('/api/rewards', {
      unitId: u.thanhnhan, subject: 'individual', personId: await personOf(u.thanhnhan, 'Trần Quốc Bảo'), taskText: 'Kho dữ liệu dùng chung của bệnh viện', title: 'Kho dữ liệu dùng chung',
      output: 'Kho dữ liệu phục vụ 12 khoa', period: '2026-H2', criteria: ['impact', 'replicable'], proposedAmount: 3_000_000, fileIds: [await evidence(hospital, 'kho.pdf')],
    });
    expect((await c['hn.cntt'].post(`/api/rewards/${reward.body.id}/review`, { action: 'approve', decisionNo: '78/QĐ-SYT', decisionDate: '2026-11-20', amount: 3_000_000 })).status).toBe(200);
    const nominate = async () => (await c['hn.thanhnhan.tdkt'].post(`/api/emulation/movements/${movementId}/nominations`, {
      roundKind: 'annual', year: 2026, unitId: u.thanhnhan, subject: 'individual', personId: await personOf(u.thanhnhan, 'Trần Quốc Bảo'), taskText: 'kho du lieu dung chung cua benh vien',
      title: 'Kho dữ liệu', output: 'Kho dữ liệu phục vụ 12 khoa', form: 'giay_khen_so',
      files: await Promise.all((['letter', 'report', 'evidence'] as const).map(async (kind) => ({ kind, fileId: await evidence(c['hn.thanhnhan.tdkt'], `${kind}-kho.pdf`) }))),
    })).body;
    const first = await nominate();
    expect(first.duplicates.toSee).toEqual([expect.objectContaining({ kind: 'reward', status: 'approved', text: expect.stringMatching(/Quyết định số 78\/QĐ-SYT/) })]);
    await c['hn.thanhnhan.tdkt'].post(`/api/emulation/nominations/${first.id}/submit`, {});
    const unseen = await c['hn.tccb'].post(`/api/emulation/nominations/${first.id}/check`, {});
    expect(unseen.status).toBe(409);
    expect(unseen.body.message).toMatch(/Xác nhận đã xem/);
    const seen = await c['hn.tccb'].post(`/api/emulation/nominations/${first.id}/check`, { duplicatesSeen: true });
    expect(seen.body.duplicatesSeen).toEqual([expect.objectContaining({ kind: 'reward' })]);
    await c['hn.tccb'].post(`/api/emulation/nominations/${first.id}/vote`, { councilDate: '2026-11-20', participants: 9, votesFor: 9, votesAgainst: 0 });
    expect((await c['hn.lanhdao'].post('/api/emulation/decisions', { nominationIds: [first.id], number: '1401/QĐ-SYT', decisionDate: '2026-11-23', signerName: 'Trần Văn Hưng', signerTitle: 'Giám đốc Sở' })).status).toBe(201);
    // The same achievement nominated again (typed differently) is caught and cannot pass TCCB's check.
    const second = await nominate();
    expect(second.duplicates.blocking).toEqual([expect.objectContaining({ kind: 'commendation', status: 'decided' })]);
    await c['hn.thanhnhan.tdkt'].post(`/api/emulation/nominations/${second.id}/submit`, {});
    const refused = await c['hn.tccb'].post(`/api/emulation/nominations/${second.id}/check`, { duplicatesSeen: true });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/không khen thưởng hai lần/);
  });
});

describe('the hospitals’ emulation block', () => {
  let blockId: string;
  it('ranks its members on weighted criteria, computed from kehoach’s records or scored by hand', async () => {
    blockId = (await c['hn.lanhdao'].get(`/api/emulation/movements/${movementId}`)).body.blocks[0].id;
    const table = (await c['hn.lanhdao'].get(`/api/emulation/blocks/${blockId}?year=2025`)).body;
    expect(table.criteria.map((x: { weight: number }) => x.weight)).toEqual([10, 30, 15, 15, 10, 10, 10]);
    expect(table.rows).toHaveLength(4);
    for (const row of table.rows) {
      const counted = table.criteria.filter((x: { id: string }) => row.scores.find((s: { criterionId: string }) => s.criterionId === x.id).score !== null);
      const expected = counted.reduce((s: number, x: { id: string; weight: number }) => s + x.weight * row.scores.find((y: { criterionId: string }) => y.criterionId === x.id).score, 0) / counted.reduce((s: number, x: { weight: number }) => s + x.weight, 0);
      expect(row.total).toBeCloseTo(expected, 1);
    }
    expect(table.rows.map((r: { rank: number }) => r.rank)).toEqual([...table.rows.map((r: { rank: number }) => r.rank)].sort((a, b) => a - b));
  });

  it('explains a computed score down to its records, with the clock frozen on 23/11/2026', async () => {
    const table = (await c['hn.lanhdao'].get(`/api/emulation/blocks/${blockId}?year=2025`)).body;
    const reports = table.criteria.find((x: { measure: string }) => x.measure === 'reports_on_time');
    const explain = async (unit: string, year: number) => (await c['hn.tccb'].get(`/api/emulation/blocks/${blockId}/explain?year=${year}&unitId=${unit}&criterionId=${reports.id}`)).body;
    const late = (await explain(u.ducgiang, 2025)).records.find((r: { what: string }) => r.what.startsWith('Báo cáo kết quả phong trào'));
    expect(late).toMatchObject({ period: 'Năm 2025', due: '30/11/2025', done: '07/12/2025', ok: false });
    const xp = await explain(u.xanhpon, 2025);
    expect(xp.records.find((r: { what: string }) => r.what.startsWith('Báo cáo kết quả phong trào'))).toMatchObject({ ok: true });
    const cell = table.rows.find((r: { unitId: string }) => r.unitId === u.xanhpon).scores.find((s: { criterionId: string }) => s.criterionId === reports.id);
    expect(cell.share).toEqual({ counted: xp.records.filter((r: { ok: boolean }) => r.ok).length, total: xp.records.length });
    // Another hospital sees the block's scores, not the records behind Xanh Pôn's.
    expect((await c['hn.thanhnhan.tdkt'].get(`/api/emulation/blocks/${blockId}/explain?year=2025&unitId=${u.xanhpon}&criterionId=${reports.id}`)).status).toBe(403);
    expect((await c['hn.xanhpon'].get(`/api/emulation/blocks/${blockId}/explain?year=2025&unitId=${u.xanhpon}&criterionId=${reports.id}`)).status).toBe(200);
    // 2026's report is due on 30/11: on 23/11 Đức Giang still has time, so it is not counted against it yet.
    expect((await explain(u.ducgiang, 2026)).records.some((r: { what: string }) => r.what.startsWith('Báo cáo kết quả phong trào'))).toBe(false);
  });

  it('is scored by hand by TCCB only, for criteria not computed from data', async () => {
    const table = (await c['hn.tccb'].get(`/api/emulation/blocks/${blockId}?year=2026`)).body;
    const manual = table.criteria.find((x: { measure: string }) => x.measure === 'manual');
    const computed = table.criteria.find((x: { measure: string }) => x.measure === 'tasks_on_time');
    const score = { year: 2026, unitId: u.ducgiang, criterionId: manual.id, score: 60, note: 'Biên bản họp khối' };
    expect((await c['hn.xanhpon'].post(`/api/emulation/blocks/${blockId}/scores`, score)).status).toBe(403);
    expect((await c['hn.tccb'].post(`/api/emulation/blocks/${blockId}/scores`, { ...score, criterionId: computed.id })).body.details.criterionId).toMatch(/tính từ dữ liệu/);
    expect((await c['hn.tccb'].post(`/api/emulation/blocks/${blockId}/scores`, { ...score, score: 101 })).body.details.score).toBeTruthy();
    expect((await c['hn.tccb'].post(`/api/emulation/blocks/${blockId}/scores`, score)).status).toBe(200);
    const after = (await c['hn.tccb'].get(`/api/emulation/blocks/${blockId}?year=2026`)).body;
    expect(after.rows.find((r: { unitId: string }) => r.unitId === u.ducgiang).scores.find((s: { criterionId: string }) => s.criterionId === manual.id)).toMatchObject({ score: 60, source: 'manual' });
  });
});
