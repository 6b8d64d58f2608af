// A unit's task page read a page at a time: walking every page of a tab gives exactly the tab's periods of
// the whole list, in the tab's order, once each; the counts are the tabs' sizes; a bad cursor is refused
// by name. Both engines run it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inView, UNIT_VIEWS, type UnitView } from '../../../core/plans/views.ts';
import { signIn, testApp, unitId, type Client, type TestContext } from '../../test/harness.ts';
import { TEST_NOW } from '../../test/engines.ts';
import { todayInVietnam } from '../../../core/schedule/dates.ts';

type Item = { id: string; dueOn: string | null; completedOn: string | null };

let t: TestContext;
let cntt: Client;
let root: string;
const today = todayInVietnam(TEST_NOW);

/** Every page of a tab, following `next` until there is none. */
async function walk(query: string, limit: number) {
  const seen: Item[] = [];
  let after: string | null = null;
  let counts: Record<UnitView, number> | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const res = await cntt.get(`/api/unit-tasks?${query}&limit=${limit}${after ? `&after=${after}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    seen.push(...res.body.items);
    counts ??= res.body.counts;
    after = res.body.next;
    if (!after) return { seen, counts: counts! };
    expect(res.body.items.length).toBe(limit);
  }
  throw new Error('no end of pages');
}

beforeAll(async () => {
  t = await testApp();
  cntt = await signIn(t.app, 'hn.cntt');
  root = await unitId(cntt, 'Sở Y tế Hà Nội');
  // A period due this month done early, so "this month" holds done periods too (counted apart from the summary).
  const month = (await cntt.get(`/api/occurrences?unitId=${root}&subtree=true&from=${today.slice(0, 8)}01&to=${today.slice(0, 8)}30`)).body.items as (Item & { can: { record: boolean } })[];
  const open = month.find((o) => !o.completedOn && o.can.record);
  expect(open, 'an open period this month the division may record').toBeTruthy();
  expect((await cntt.post(`/api/occurrences/${open!.id}/progress`, { state: 'done', completedOn: today })).status).toBe(201);
});
afterAll(async () => { await t.close(); });

describe('a unit’s task page, one page at a time', () => {
  for (const search of ['', 'chuyen doi so']) {
    it(`every tab's pages make up the tab exactly, in its order${search ? ', with a search' : ''}`, async () => {
      const base = `unitId=${root}&subtree=true${search ? `&q=${encodeURIComponent(search)}` : ''}`;
      const whole = (await cntt.get(`/api/occurrences?${base}`)).body.items as Item[];
      expect(whole.length).toBeGreaterThan(search ? 5 : 40);
      const sizes: number[] = [];
      for (const view of UNIT_VIEWS) {
        const { seen, counts } = await walk(`${base}&view=${view}`, 2);
        const expected = whole.filter((o) => inView(o, view, today));
        expect(counts[view], view).toBe(expected.length);
        // Without a search the counts come from the summary, where this month's done periods are counted apart.
        if (view === 'thang-nay' && !search) expect(expected.some((o) => o.completedOn) && expected.some((o) => !o.completedOn), 'done and open periods this month').toBe(true);
        sizes.push(expected.length);
        if (view === 'hoan-thanh') {
          expect(seen.map((o) => o.id).sort()).toEqual(expected.map((o) => o.id).sort());
          const keys = seen.map((o) => `${o.completedOn}|${o.id}`);
          expect(keys, 'newest first').toEqual([...keys].sort().reverse());
        } else {
          // The whole list is in the same order (due date, task order, id), so the pages are a filter of it.
          expect(seen.map((o) => o.id), view).toEqual(expected.map((o) => o.id));
        }
      }
      // More than one page in most tabs, so the cursor is exercised, not just the first page.
      expect(sizes.filter((n) => n > 2).length, sizes.join()).toBeGreaterThanOrEqual(search ? 1 : 3);
    });
  }

  it('counts every tab on each page, and shows this month by default', async () => {
    const res = await cntt.get(`/api/unit-tasks?unitId=${root}&subtree=true`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.counts).sort()).toEqual([...UNIT_VIEWS].sort());
    expect(res.body.items.every((o: Item) => inView(o, 'thang-nay', today))).toBe(true);
    expect(res.body.counts['tat-ca']).toBeGreaterThanOrEqual(res.body.counts['thang-nay']);
  });

  it('refuses a cursor that is not one, or one of another tab, naming the field', async () => {
    const first = await cntt.get(`/api/unit-tasks?unitId=${root}&subtree=true&view=tat-ca&limit=2`);
    expect(first.body.next).toBeTruthy();
    for (const [view, after] of [['tat-ca', 'khong-hop-le'], ['hoan-thanh', first.body.next], ['tat-ca', Buffer.from('["2026-01-01",1,"x"]').toString('base64url')]]) {
      const res = await cntt.get(`/api/unit-tasks?unitId=${root}&subtree=true&view=${view}&after=${after}`);
      expect(res.status).toBe(400);
      expect(res.body.details.after).toMatch(/trang tiếp theo/i);
    }
    const bad = await cntt.get(`/api/unit-tasks?unitId=${root}&view=sap-toi`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Danh sách/);
    const tooMany = await cntt.get(`/api/unit-tasks?unitId=${root}&limit=1000`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toMatch(/Số dòng mỗi trang/);
  });
});
