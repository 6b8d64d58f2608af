// `npm run bench:data -- --scale small|province|nation [--engine pglite|postgres] [--dir D] [--url U]`
// Fills a new database with a benchmark dataset (see bench/README.md) and says what it made and how long
// it took. PGlite goes to bench/.data/<scale>-pglite (or --dir); PostgreSQL to a database
// kehoach_bench_<scale> created afresh on the server of --url (default BENCH_PG_URL or the local server).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { todayInVietnam } from '../core/schedule/dates.ts';
import { formatViNumber } from '../core/text/vietnamese.ts';
import { openPglite, openPostgres, type Database } from '../server/db/client.ts';
import { withSystem } from '../server/db/context.ts';
import { migrate } from '../server/db/migrate.ts';
import { DEMO_PASSWORD } from '../server/demo/seed.ts';
import { hashPassword } from '../server/modules/auth/passwords.ts';
import { insertBulk, type BulkCounts, type BulkSize } from './data/bulk.ts';
import { insertOrg, insertUsers, PROVINCES } from './data/org.ts';

export const SCALES = ['small', 'province', 'nation'] as const;
export type Scale = (typeof SCALES)[number];
type TenantSize = BulkSize & { subUnits: number; users: number };

const PROVINCE: TenantSize = { subUnits: 240, users: 3000, plans: 600, tasks: 100_000, values: 5_000_000, submissions: 20_000, schedules: 10, allowanceLines: 50_000 };
const TENTH: TenantSize = { subUnits: 24, users: 300, plans: 60, tasks: 10_000, values: 500_000, submissions: 2_000, schedules: 10, allowanceLines: 5_000 };
const SMALL: TenantSize = { subUnits: 20, users: 60, plans: 10, tasks: 1_000, values: 50_000, submissions: 200, schedules: 10, allowanceLines: 500 };

export function tenantsOf(scale: Scale): TenantSize[] {
  if (scale === 'small') return [SMALL];
  if (scale === 'province') return [PROVINCE];
  return [PROVINCE, ...Array(33).fill(TENTH)];
}

export interface Manifest {
  scale: Scale;
  engine: 'pglite' | 'postgres';
  /** PGlite: the DATA_DIR to start kehoach with; PostgreSQL: its DATABASE_URL. */
  dataDir?: string;
  databaseUrl?: string;
  today: string;
  password: string;
  seconds: number;
  tenants: ({ code: string; name: string; id: string; units: number; users: number } & BulkCounts)[];
}

export const manifestPath = (scale: Scale, engine: string) => resolve(`bench/.data/${scale}-${engine}.json`);

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function openTarget(scale: Scale, engine: 'pglite' | 'postgres'): Promise<{ database: Database; where: Pick<Manifest, 'dataDir' | 'databaseUrl'> }> {
  if (engine === 'pglite') {
    const dataDir = resolve(arg('dir') ?? `bench/.data/${scale}-pglite`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    return { database: await openPglite(join(dataDir, 'db')), where: { dataDir } };
  }
  const server = arg('url') ?? process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `kehoach_bench_${scale}`;
  const admin = await openPostgres(server, 1);
  await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  await admin.db.execute(sql.raw(`CREATE DATABASE ${name}`));
  await admin.close();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { database: await openPostgres(url.toString(), 1), where: { databaseUrl: url.toString() } };
}

export async function generate(scale: Scale, engine: 'pglite' | 'postgres', log = console.log): Promise<Manifest> {
  const started = performance.now();
  const { database, where } = await openTarget(scale, engine);
  try {
    await migrate(database.db);
    const today = todayInVietnam(new Date());
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const tenants: Manifest['tenants'] = [];
    for (const [i, size] of tenantsOf(scale).entries()) {
      const t0 = performance.now();
      const code = `t${String(i + 1).padStart(2, '0')}`;
      const made = await withSystem(database.db, async (tx) => {
        const t = await insertOrg(tx, code, PROVINCES[i], size.subUnits);
        await insertUsers(tx, t, size.users, passwordHash);
        const counts = await insertBulk(tx, t, size, today);
        return { code, name: t.name, id: t.id, units: t.subs.length + t.divisions.length + 2, users: t.users.length, ...counts };
      });
      tenants.push(made);
      log(`  ${made.code} ${made.name.padEnd(34)} ${n(made.units)} đơn vị, ${n(made.users)} tài khoản, ${n(made.plans)} kế hoạch, ${n(made.tasks)} nhiệm vụ, ` +
        `${n(made.occurrences)} kỳ thực hiện, ${n(made.progressUpdates)} cập nhật tiến độ, ${n(made.indicatorValues)} số liệu chỉ tiêu, ` +
        `${n(made.reportSubmissions)} báo cáo, ${n(made.allowanceLines)} dòng chi hỗ trợ — ${seconds(t0)} s`);
    }
    const t0 = performance.now();
    // Fresh statistics and visibility maps, as autovacuum would leave them on a database in use.
    await database.db.execute(sql.raw('VACUUM ANALYZE'));
    log(`  VACUUM ANALYZE — ${seconds(t0)} s`);
    const manifest: Manifest = { scale, engine, ...where, today, password: DEMO_PASSWORD, seconds: Number(seconds(started)), tenants };
    mkdirSync('bench/.data', { recursive: true });
    writeFileSync(manifestPath(scale, engine), JSON.stringify(manifest, null, 2));
    return manifest;
  } finally {
    await database.close();
  }
}

const n = (x: number) => formatViNumber(x);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = (arg('scale') ?? 'small') as Scale;
  if (!SCALES.includes(scale)) throw new Error(`--scale phải là ${SCALES.join(', ')}`);
  const engine = (arg('engine') ?? (scale === 'nation' ? 'postgres' : 'pglite')) as 'pglite' | 'postgres';
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--engine phải là pglite hoặc postgres');
  if (scale === 'nation' && engine === 'pglite') throw new Error('Quy mô nation chỉ chạy trên PostgreSQL (--engine postgres).');
  console.log(`Tạo dữ liệu đo tải quy mô ${scale} trên ${engine} …`);
  const m = await generate(scale, engine);
  const total = (k: keyof BulkCounts) => n(m.tenants.reduce((a, t) => a + t[k], 0));
  console.log(`Xong trong ${m.seconds} s: ${m.tenants.length} Sở, ${total('plans')} kế hoạch, ${total('tasks')} nhiệm vụ, ${total('occurrences')} kỳ thực hiện, ` +
    `${total('progressUpdates')} cập nhật tiến độ, ${total('indicatorValues')} số liệu chỉ tiêu, ${total('reportSubmissions')} báo cáo của đơn vị, ` +
    `${total('allowanceLines')} dòng chi hỗ trợ.`);
  console.log(`Dữ liệu: ${m.dataDir ?? m.databaseUrl} — mô tả ở ${manifestPath(scale, engine)}`);
}
