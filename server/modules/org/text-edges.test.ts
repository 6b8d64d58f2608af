// Vietnamese text at its edges (issue 9), through the API on both engines: a name typed with combining marks and
// one typed precomposed are the same name and are found by the same searches; zero-width characters and
// right-to-left marks pasted from elsewhere do not survive; a 10,000-character name is refused, naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let focal: Client;
let unit: string;

beforeAll(async () => {
  t = await testApp();
  focal = await signIn(t.app, 'dt.bvqdy');
  unit = await unitId(focal, 'Bệnh viện Quân dân y Đồng Tháp');
});
afterAll(async () => { await t.close(); });

const add = (fullName: string) => focal.post('/api/org/people', { unitId: unit, fullName, title: 'Điều dưỡng', position: 'Điều dưỡng' });
const find = async (q: string) => ((await focal.get(`/api/org/people?unitId=${unit}&q=${encodeURIComponent(q)}`)).body.items as { id: string; fullName: string }[]);

describe('names typed in different ways', () => {
  it('stores “Hòa” the same whether typed precomposed or with combining marks, and finds it either way', async () => {
    const nfd = 'Lê Thị Hòa'.normalize('NFD');
    expect(nfd).not.toBe('Lê Thị Hòa'.normalize('NFC'));
    const res = await add(nfd);
    expect(res.status).toBe(201);
    expect(res.body.fullName).toBe('Lê Thị Hòa'.normalize('NFC'));
    for (const q of ['Hòa'.normalize('NFC'), 'Hòa'.normalize('NFD'), 'hoa', 'HOA', 'le thi hoa']) {
      expect((await find(q)).map((p) => p.id), q).toContain(res.body.id);
    }
  });

  it('drops zero-width characters and right-to-left marks, and collapses spaces', async () => {
    const res = await add('\u200fTrần\u200b   Văn\u2060 \u202eBình\ufeff');
    expect(res.body.fullName).toBe('Trần Văn Bình');
    expect((await find('tran van binh')).map((p) => p.id)).toContain(res.body.id);
  });

  it('refuses a name made only of invisible characters', async () => {
    const res = await add('\u200b\u200f \ufeff');
    expect(res.status).toBe(400);
    expect(res.body.details.fullName).toBeTruthy();
  });

  it('refuses a 10,000-character name, naming the field, and writes nothing', async () => {
    const before = (await find('')).length;
    const res = await add('Nguyễn '.repeat(1430));
    expect(res.status).toBe(400);
    expect(res.body.details.fullName).toMatch(/Họ và tên/);
    expect((await find('')).length).toBe(before);
  });
});
