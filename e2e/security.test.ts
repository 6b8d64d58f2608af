// Stored text is shown as text (issue 9): a task, a person and a nomination named with script payloads are saved
// as typed and displayed literally on their pages — no dialog opens, no element is created from them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openAs } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });


const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert("xss")</script>';

/** Calls the API from inside the page, with the session's cookie and CSRF token, as the web client does. */
async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(async ([m, p, b]) => {
    const me = await (await fetch('/api/auth/me')).json();
    const res = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: b === undefined ? undefined : JSON.stringify(b) });
    return { status: res.status, body: await res.json() };
  }, [method, path, body] as const) as Promise<{ status: number; body: T }>;
}

/** Fails the test if anything on the page opens a dialog or an element appears with the payload's handler. */
function watch(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  return {
    dialogs,
    injected: () => page.evaluate(() => document.querySelectorAll('img[src="x"], img[onerror], script:not([src])').length),
  };
}

describe('script payloads in stored text', () => {
  it('a task named with a payload is shown as its text on the plan page', async () => {
    const [context, page] = await openAs(browser, baseUrl, 'dt.vanphong');
    const guard = watch(page);
    const units = (await call<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/org/units')).body.items;
    const owner = units.find((u) => u.name === 'Văn phòng Sở')!;
    const plan = await call<{ id: string }>(page, 'POST', '/api/plans', { ownerUnitId: owner.id, issuer: 'Sở Y tế Đồng Tháp', title: `Kế hoạch ${SCRIPT}`, periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    expect(plan.status).toBe(201);
    const task = await call<{ content: string }>(page, 'POST', `/api/plans/${plan.body.id}/tasks`, { content: `Nhiệm vụ ${IMG}`, deadlineText: 'Quý IV/2026' });
    expect(task.status).toBe(201);
    await page.goto(`${baseUrl}/ke-hoach/${plan.body.id}`);
    await expect.poll(() => page.getByText(`Nhiệm vụ ${IMG}`).first().isVisible()).toBe(true);
    expect(await page.getByText(`Kế hoạch ${SCRIPT}`).first().isVisible()).toBe(true);
    expect(await guard.injected()).toBe(0);
    expect(guard.dialogs).toEqual([]);
    await context.close();
  });

  it('a person and a nomination with payloads are shown as text, and found by search', async () => {
    const [context, page] = await openAs(browser, baseUrl, 'hn.xanhpon');
    const guard = watch(page);
    const unit = (await call<{ items: { id: string; name: string }[] }>(page, 'GET', '/api/org/units')).body.items.find((u) => u.name === 'Bệnh viện Đa khoa Xanh Pôn')!;
    const person = await call<{ id: string }>(page, 'POST', '/api/org/people', { unitId: unit.id, fullName: `Nguyễn ${IMG}`, title: 'Kỹ sư', position: 'Công nghệ thông tin' });
    expect(person.status).toBe(201);
    const movement = (await call<{ items: { id: string }[] }>(page, 'GET', '/api/emulation/movements')).body.items[0];
    const nomination = await call<{ id: string }>(page, 'POST', `/api/emulation/movements/${movement.id}/nominations`, {
      roundKind: 'annual', year: 2026, unitId: unit.id, subject: 'individual', personId: person.body.id, taskText: 'Chuyển đổi số',
      title: `Thành tích ${SCRIPT}`, output: `Tóm tắt ${IMG}`, form: 'giay_khen_so',
    });
    expect(nomination.status).toBe(201);
    await page.goto(`${baseUrl}/thi-dua/ho-so/${nomination.body.id}`);
    await expect.poll(() => page.getByText(`Tóm tắt ${IMG}`).first().isVisible()).toBe(true);
    expect(await page.getByText(`Thành tích ${SCRIPT}`).first().isVisible()).toBe(true);
    await page.goto(`${baseUrl}/can-bo`);
    await page.getByPlaceholder(/Tìm theo họ tên/).fill('nguyen img onerror');
    await expect.poll(() => page.getByText(`Nguyễn ${IMG}`).first().isVisible()).toBe(true);
    expect(await guard.injected()).toBe(0);
    expect(guard.dialogs).toEqual([]);
    await context.close();
  });
});
