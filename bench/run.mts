// `npm run bench [-- --quick] [--scale small|province|nation] [--engine pglite|postgres]
//                [--connections N] [--duration S] [--only 1,2,6] [--manifest FILE]`
// Starts kehoach as a separate process on a benchmark dataset (made by `npm run bench:data`, or made
// now for `small`), drives it over HTTP with autocannon from logged-in sessions, prints one line per
// scenario and saves everything to bench/results/<time>-<scale>-<engine>.json. See bench/README.md.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite, openPostgres } from '../server/db/client.ts';
import { generate, manifestPath, SCALES, type Manifest, type Scale } from './data.mts';
import { importBench } from './import.mts';
import { prepare } from './http/prepare.ts';
import { documents, loadScenario, logInAll, LOAD_SCENARIOS, surge, type ScenarioResult } from './http/scenarios.ts';
import { startServer } from './http/server.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const quick = argv.includes('--quick');
const scale = (quick ? 'small' : arg('scale') ?? 'small') as Scale;
if (!SCALES.includes(scale)) throw new Error(`--scale phải là ${SCALES.join(', ')}`);
const engine = (quick ? 'pglite' : arg('engine') ?? (scale === 'nation' ? 'postgres' : 'pglite')) as 'pglite' | 'postgres';
const connections = Number(arg('connections') ?? (quick ? 10 : engine === 'postgres' ? 100 : 20));
const duration = Number(arg('duration') ?? (quick ? 6 : 20));
const only = arg('only')?.split(',').map(Number) ?? (quick ? [1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8]);

const started = new Date();
console.log(`kehoach bench — ${started.toISOString()} — Node ${process.version}, ${cpus().length} nhân, ${Math.round(totalmem() / 2 ** 30)} GiB — ` +
  `dữ liệu ${scale} trên ${engine}, ${connections} kết nối đồng thời${quick ? ' (--quick)' : ''}`);

async function loadManifest(): Promise<Manifest> {
  // --manifest: a copy of a dataset (e.g. a database made with CREATE DATABASE … TEMPLATE) to run against.
  const file = arg('manifest') ?? manifestPath(scale, engine);
  if (existsSync(file)) {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    if (!m.dataDir || existsSync(m.dataDir)) return m;
  }
  if (scale !== 'small') throw new Error(`Chưa có dữ liệu ${scale} trên ${engine}: chạy "npm run bench:data -- --scale ${scale} --engine ${engine}" trước.`);
  console.log('Tạo dữ liệu small …');
  return generate(scale, engine, () => {});
}

const manifest = await loadManifest();
const results: ScenarioResult[] = [];
const extra: Record<string, unknown> = {};

// Start-up on a new, empty PGlite folder: migrations included, no demo data.
if (only.includes(0)) {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-bench-start-'));
  const fresh = await startServer({ DATA_DIR: dir });
  extra.startup = { freshPgliteMs: Math.round(fresh.startupMs), rssMb: Math.round(fresh.peakRssMb()) };
  await fresh.stop();
  rmSync(dir, { recursive: true, force: true });
  console.log(`Khởi động trên thư mục PGlite mới: ${Math.round(fresh.startupMs)} ms`);
}

const database = manifest.engine === 'pglite' ? await openPglite(join(manifest.dataDir!, 'db')) : await openPostgres(manifest.databaseUrl!, 2);
const plan = await prepare(database, manifest.today, 20, only.includes(6) ? 7000 : 0);
await database.close();

const scratch = mkdtempSync(join(tmpdir(), 'kehoach-bench-'));
const server = await startServer(manifest.engine === 'pglite'
  ? { DATA_DIR: manifest.dataDir! }
  : { DATABASE_URL: manifest.databaseUrl!, DATA_DIR: scratch });
extra.startupOnDataMs = Math.round(server.startupMs);
extra.firstRemindersMs = server.remindersMs;
console.log(`Khởi động trên dữ liệu đo tải: ${Math.round(server.startupMs)} ms; lần nhắc việc đầu tiên: ${server.remindersMs ?? '?'} ms\n`);
const peak = { reset: () => server.resetPeak(), read: () => server.peakRssMb() };
try {
  const sessions = await logInAll(server.base, plan, manifest.password);
  for (const s of LOAD_SCENARIOS) {
    if (!only.includes(s.id)) continue;
    const r = await loadScenario(server.base, s.id, plan, sessions, connections, duration, peak);
    results.push(r);
    console.log(line(r));
  }
  if (only.includes(6)) {
    const r = await surge(server.base, plan, Math.min(7000, plan.surge.length), peak);
    results.push(r);
    console.log(line(r));
  }
  if (only.includes(8)) {
    for (const r of await documents(server.base, plan, sessions, 5, peak)) {
      results.push(r);
      console.log(`${r.name.padEnd(20)} trung vị ${r.p50} ms, chậm nhất ${r.max} ms (${r.note}) RSS ${r.peakRssMb} MB`);
    }
  }
} finally {
  extra.peakRssMb = Math.round(server.peakRssMb());
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
}

if (only.includes(7)) {
  const figures = await importBench(quick);
  extra.import = figures;
  console.log('\nNhập kế hoạch (đọc tệp + dựng bản nháp, trong tiến trình), mili giây:');
  for (const f of figures) console.log(`${f.name.padEnd(26)} ${String(Math.round(f.bytes / 1024)).padStart(5)} KB ${String(f.tasks).padStart(5)} nhiệm vụ  trung vị ${f.medianMs}  chậm nhất ${f.maxMs}`);
}

function line(r: ScenarioResult) {
  return `${r.name.padEnd(20)} p50 ${fmt(r.p50)} p95 ${fmt(r.p95)} p99 ${fmt(r.p99)} ms  ${String(r.rps).padStart(7)} req/s  ${r.errors} lỗi  RSS ${r.peakRssMb} MB` +
    (r.errors ? `  ${JSON.stringify(r.statuses)} ${r.firstError ?? ''}` : '');
}
function fmt(x: number | undefined) { return String(x ?? '-').padStart(7); }

mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${started.toISOString().slice(0, 19).replace(/:/g, '-')}-${scale}-${engine}.json`;
writeFileSync(file, JSON.stringify({
  at: started.toISOString(), node: process.version, cpus: cpus().length, quick, scale, engine, connections, duration,
  dataset: { today: manifest.today, tenants: manifest.tenants }, ...extra, scenarios: results,
}, null, 2));
console.log(`\nĐã lưu ${file}. Máy chủ dùng tối đa ${extra.peakRssMb} MB RSS.`);
console.log('\nTóm tắt (name p50 p95 p99 rps errors):');
for (const r of results) console.log(`${r.name} ${r.p50} ${r.p95 ?? '-'} ${r.p99 ?? '-'} ${r.rps ?? '-'} ${r.errors ?? 0}`);
