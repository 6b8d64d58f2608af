// Builds what is missing or older than its sources, so that `npm start` just works: the web client (dist/web),
// and the server's bundle and empty-database snapshot (dist/server, dist/pglite-empty; see build-server.mts).
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freshServerBundle, ROOT, snapshotDue } from './build-state.mjs';

const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
  const p = join(dir, e.name);
  return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
}, 0);

process.chdir(ROOT);
const index = 'dist/web/index.html';
const sources = Math.max(newest('web'), newest('core'), statSync('vite.config.ts').mtimeMs);
if (!existsSync(index) || statSync(index).mtimeMs < sources) {
  console.log('Đang dựng giao diện web (vite build)…');
  // Always a production build: under a test runner NODE_ENV=test would give React's development build.
  execSync('npx vite build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

const parts = [...(freshServerBundle() ? [] : ['--bundle']), ...(snapshotDue() ? ['--snapshot'] : [])];
if (parts.length) {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-server.mts', ...parts], { stdio: 'inherit' });
  } catch {
    // Both only make the start faster: without them the server runs from the sources and makes its database by initdb.
    console.warn('! Không dựng được bản chạy nhanh của máy chủ (lỗi ở trên); máy chủ vẫn chạy từ mã nguồn, khởi động chậm hơn.');
  }
}
