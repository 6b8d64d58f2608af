// Builds the web client when dist/web is missing or older than its sources (so `npm start` just works).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
  const p = join(dir, e.name);
  return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
}, 0);

const index = 'dist/web/index.html';
const sources = Math.max(newest('web'), newest('core'), statSync('vite.config.ts').mtimeMs);
if (!existsSync(index) || statSync(index).mtimeMs < sources) {
  console.log('Đang dựng giao diện web (vite build)…');
  // Always a production build: under a test runner NODE_ENV=test would give React's development build.
  execSync('npx vite build', { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
