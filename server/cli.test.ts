import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap.ts';
import { openPglite } from './db/client.ts';
import { migrate } from './db/migrate.ts';

const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' });

describe('npx kehoach audit:verify', () => {
  it('exits 0 on an intact log and non-zero naming the first altered event', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-cli-'));
    const database = await openPglite(join(dataDir, 'db'));
    await migrate(database.db);
    await bootstrap(database, { adminPassword: 'Admin12345', demo: true });
    await database.close();

    const ok = cli(dataDir, 'audit:verify');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/OK {4}Sở Y tế Đồng Tháp: 1 sự kiện/);

    const db2 = await openPglite(join(dataDir, 'db'));
    await db2.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await db2.db.execute(sql`UPDATE audit_events SET actor_name = 'Người khác' WHERE tenant_id IS NULL AND seq = 1`);
    await db2.close();

    const bad = cli(dataDir, 'audit:verify');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/HỎNG {2}hệ thống: sự kiện số 1 \(id \d+\) — nội dung đã bị thay đổi/);
  }, 60_000);

  it('prints help', () => {
    const res = cli(mkdtempSync(join(tmpdir(), 'kehoach-cli-')), '--help');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('audit:verify');
  });
});

describe('npx kehoach parse-deadline', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/kehoach.mjs', 'parse-deadline', ...args], { encoding: 'utf8' });

  it('prints the schedule and its occurrences as JSON', () => {
    const res = run('Quý III, IV/2026', '--year', '2026', '--json');
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({
      kind: 'quarter', value: '2026-Q3,2026-Q4', confidence: 0.95, quarterMode: 'span', occurrences: [{ label: 'Quý III, IV/2026', due: '2026-12-31' }],
    });
    const monthly = JSON.parse(run('Hằng tháng', '--year', '2026', '--start', '2026-07-01', '--json').stdout);
    expect(monthly).toMatchObject({ kind: 'recurring', value: 'FREQ=MONTHLY' });
    expect(monthly.occurrences.map((o: { due: string }) => o.due)).toEqual(['2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31']);
  });

  it('reads for people too, and refuses a missing text with exit code 2', () => {
    const res = run('Theo chỉ đạo của Thành phố', '--year', '2026');
    expect(res.stdout).toContain('Chưa có hạn cho đến khi có chỉ đạo của Thành phố');
    const missing = run();
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Thiếu thời hạn');
    const badDate = run('Hằng tháng', '--start', '2026-13-01');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--start phải là một ngày dạng yyyy-mm-dd');
  });

  it('dates a task after the plan is issued when --issued is given', () => {
    const res = run('Sau khi Kế hoạch được ban hành', '--year', '2026', '--issued', '2026-06-15', '--json');
    expect(JSON.parse(res.stdout)).toMatchObject({ kind: 'event', value: null, event: { kind: 'plan_issued' }, occurrences: [{ due: '2026-07-15' }] });
  });
});

describe('npx kehoach import', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['bin/kehoach.mjs', 'import', ...args], { encoding: 'utf8' });
  const expected = (seed: string) => JSON.parse(readFileSync(`fixtures/import/expected/seed-${seed}.json`, 'utf8'));

  it.each([
    ['000', 'txt'], ['000', 'docx'], ['000', 'pdf'], ['003', 'txt'], ['003', 'docx'], ['003', 'pdf'], ['004', 'txt'], ['004', 'docx'], ['004', 'pdf'],
  ])('prints the draft of seed %s (.%s) as JSON in the documented shape', (seed, ext) => {
    const res = run(`fixtures/import/seed-${seed}.${ext}`, '--json');
    expect(res.status, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    const want = expected(seed);
    expect(Object.keys(out)).toEqual(['header', 'tasks', 'targets', 'reporting', 'findings']);
    expect(Object.keys(out.header)).toEqual(['issuer', 'number', 'date', 'title', 'signer', 'legal_bases', 'replaces']);
    expect(out.header.title).toBe(want.header.title);
    expect(out.tasks.map((t: { section: string; no: string; title: string }) => `${t.section}.${t.no} ${t.title}`))
      .toEqual(want.tasks.map((t: { section: string; no: string; title: string }) => `${t.section}.${t.no} ${t.title}`));
    for (const t of out.tasks) expect(Object.keys(t.deadline)).toEqual(['kind', 'value']);
    expect(out.findings.map((f: { code: string }) => f.code).sort()).toEqual(want.findings.map((f: { code: string }) => f.code).sort());
  });

  it('reads the OCR seed 001 without a table', () => {
    const out = JSON.parse(run('fixtures/import/seed-001.txt', '--json').stdout);
    expect(out.header).toMatchObject({ number: '3764/KH-SYT', date: '2025-07-23' });
    expect(out.reporting).toContainEqual(expect.objectContaining({ frequency: 'annual', due: ['11-30'] }));
  });

  it('exits non-zero with a Vietnamese message when the file cannot be read', () => {
    const scanned = run('fixtures/import/scanned.pdf', '--json');
    expect(scanned.status).toBe(1);
    expect(scanned.stdout).toBe('');
    expect(scanned.stderr).toMatch(/bản quét/);
    const missing = run('fixtures/import/khong-co.docx');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/không tồn tại/);
    expect(run().status).toBe(2);
  });
});
