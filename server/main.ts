// Starts kehoach: opens the database, migrates, bootstraps, listens, and says how to log in.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BootstrapResult } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';

export async function start() {
  const config = loadConfig();
  // The web server's modules (about a second) load while the database opens: a new embedded database is
  // copied on another thread meanwhile (db/snapshot.ts), PostgreSQL answers over the network.
  const modules = Promise.all([import('./app.ts'), import('./bootstrap.ts'), import('./modules/notify/jobs.ts')]);
  modules.catch(() => {}); // awaited below; a failure is reported there, not as an unhandled rejection
  // A new embedded database gets its administrator: the password is hashed meanwhile, not after it opens.
  const newEmbedded = !config.databaseUrl && !existsSync(join(config.dataDir, 'db'));
  const admin = newEmbedded ? modules.then(([, { hashAdminPassword }]) => hashAdminPassword(config)) : undefined;
  admin?.catch(() => {}); // awaited in bootstrap below
  let boot: BootstrapResult = { adminCreated: false, demoLogins: [] };
  const database = await openDatabase(config, async (d) => { boot = await (await modules)[1].bootstrap(d, config, await admin); });
  const [{ buildApp }, { DEMO_PASSWORD }, { startJobs, newJobsState }] = await modules;
  const jobs = newJobsState();
  const app = await buildApp({ config, database, logger: true, jobs });
  await app.listen({ port: config.port, host: config.host });
  const stopJobs = startJobs(database, config, app.log, jobs);

  const shutdown = async () => {
    await stopJobs(); // a run in progress finishes before the database closes
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const url = `http://localhost:${config.port}`;
  const lines = [
    '', `kehoach đang chạy tại ${url}`, `  Cơ sở dữ liệu: ${database.describe}`, `  Tài liệu API: ${url}/api/docs`,
  ];
  if (boot.generatedAdminPassword) {
    lines.push('', `  Tài khoản quản trị hệ thống: admin / ${boot.generatedAdminPassword}`, '  (mật khẩu chỉ hiện một lần — hãy lưu lại hoặc đặt KEHOACH_ADMIN_PASSWORD)');
  } else if (boot.adminCreated) {
    lines.push('', '  Tài khoản quản trị hệ thống: admin / (mật khẩu trong KEHOACH_ADMIN_PASSWORD)');
  } else {
    lines.push('', '  Tài khoản quản trị hệ thống: admin');
  }
  if (config.demo) {
    lines.push('', `  Tài khoản mẫu (mật khẩu ${DEMO_PASSWORD}):`);
    const demo = boot.demoLogins.length ? boot.demoLogins : null;
    if (demo) for (const l of demo) lines.push(`    ${l.username.padEnd(16)} ${l.role} — ${l.unit}, ${l.tenant}`);
    else lines.push('    hn.quantri, hn.lanhdao, hn.tccb, hn.cntt, hn.xanhpon, hn.thanhtra; dt.quantri, dt.bvqdy, dt.tytmyhiep …; hp.quantri, hp.viettiep …');
  }
  console.log(lines.join('\n') + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start().catch((e: Error) => {
    console.error(`\nKhông khởi động được kehoach: ${e.message}\n`);
    process.exit(1);
  });
}
