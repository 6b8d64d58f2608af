// The jobs as main.ts starts them: two processes' worth on one database deliver each reminder once; a failing
// run is logged, not thrown; stopping waits for the run in progress.
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/client.ts';
import { signIn, testApp, unitId, type TestContext } from '../../test/harness.ts';
import { newJobsState, startJobs } from './jobs.ts';
import { giveEmail, startSmtp, type SmtpListener } from './testing.ts';

let t: TestContext;
let mail: SmtpListener;

beforeAll(async () => {
  mail = await startSmtp();
  t = await testApp();
  const admin = await signIn(t.app, 'hp.quantri');
  const tchc = await signIn(t.app, 'hp.tchc');
  const hospital = await unitId(admin, 'Bệnh viện Hữu nghị Việt Tiệp');
  await giveEmail(admin, 'hp.viettiep', hospital, 'Cao Xuân Trường', 'truong.cx@viettiep.vn');
  const plan = (await tchc.post('/api/plans', { ownerUnitId: await unitId(admin, 'Phòng Tổ chức - Hành chính'), issuer: 'Sở Y tế Hải Phòng', title: 'Kế hoạch chạy nền', periodStart: '2026-01-01', periodEnd: '2026-12-31' })).body;
  await tchc.post(`/api/plans/${plan.id}/tasks`, { number: '1', content: 'Báo cáo tổng kết năm', leadUnitIds: [hospital], deadlineText: 'Trước 30/11/2026' });
  await tchc.post(`/api/plans/${plan.id}/status`, { status: 'active' });
});
afterAll(async () => {
  await t?.close();
  await mail?.close();
});

const logger = () => ({ error: vi.fn(), debug: vi.fn() });
const asLog = (l: ReturnType<typeof logger>) => l as unknown as FastifyBaseLogger;

describe('jobs', () => {
  it('in two processes on one database, remind once and send the e-mail once, right after queuing it', async () => {
    const config = { ...t.app.kh.config, smtp: mail.smtp, publicUrl: 'https://kehoach.test' };
    const logs = [logger(), logger()];
    const stops = logs.map((l) => startJobs(t.database, config, asLog(l)));
    // Well before the 30-second tick: the reminder job hands what it queued to the sender at once.
    await vi.waitFor(() => expect(mail.inbox).toHaveLength(1), { timeout: 10_000, interval: 50 });
    await Promise.all(stops.map((stop) => stop()));
    expect(mail.inbox).toHaveLength(1);
    expect(mail.inbox[0]).toMatchObject({ to: 'truong.cx@viettiep.vn', subject: '[kehoach] Còn 7 ngày đến hạn: 1 Báo cáo tổng kết năm — Hạn 30/11/2026' });
    expect(mail.inbox[0].messageId).toMatch(/^<reminder-.+-before-7-2026-11-30@kehoach>$/);
    const viettiep = await signIn(t.app, 'hp.viettiep');
    const titles = (await viettiep.get('/api/notifications')).body.items.map((n: { title: string }) => n.title);
    expect(titles.filter((x: string) => x.includes('Báo cáo tổng kết năm'))).toHaveLength(1);
    for (const l of logs) expect(l.error).not.toHaveBeenCalled();
  });

  it('log a failing run instead of crashing, and stop only once the run in progress has ended', async () => {
    let release!: () => void;
    const broken = {
      db: { transaction: () => new Promise((_, reject) => { release = () => reject(new Error('mất kết nối')); }) },
    } as unknown as Database;
    const log = logger();
    const state = newJobsState();
    const stop = startJobs(broken, { ...t.app.kh.config, smtp: undefined }, asLog(log), state);
    expect(state.reminders).toMatchObject({ running: true, runs: 0 });
    let stopped = false;
    const stopping = stop().then(() => { stopped = true; });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false); // the reminder run is still waiting for the database
    release();
    await stopping;
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0][1]).toBe('reminders failed');
    // What /api/health shows of it.
    expect(state.reminders).toMatchObject({ running: false, runs: 1, lastError: 'mất kết nối' });
    expect(state.reminders.lastRunMs).toBeGreaterThanOrEqual(0);
  });
});
