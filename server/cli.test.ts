import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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
