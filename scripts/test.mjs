// `npm test`: core unit tests, API tests on PGlite, the same API tests on PostgreSQL when
// TEST_DATABASE_URL is set (required in CI), and browser tests in Chromium. Fails loudly on anything missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const problems = [];
if (!existsSync(chromium)) problems.push(`Chromium không có tại ${chromium}: cài bằng "apt-get install -y chromium fonts-liberation2" hoặc đặt CHROMIUM_PATH.`);
const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
if (!onPath('soffice')) {
  const hint = 'LibreOffice không có: cài bằng "apt-get install -y libreoffice-writer-nogui poppler-utils" (kiểm thử mở văn bản Word bằng LibreOffice).';
  if (process.env.CI) problems.push(hint); else console.warn(`! ${hint}`);
}
if (process.env.CI && !onPath('pdftotext')) problems.push('pdftotext không có: cài bằng "apt-get install -y poppler-utils".');
if (process.env.CI && !process.env.TEST_DATABASE_URL) problems.push('CI phải chạy cả kiểm thử trên PostgreSQL: hãy đặt TEST_DATABASE_URL.');
if (problems.length) {
  console.error(problems.map((p) => `✗ ${p}`).join('\n'));
  process.exit(1);
}
if (!process.env.TEST_DATABASE_URL) {
  console.warn('! TEST_DATABASE_URL chưa đặt: bỏ qua kiểm thử API trên PostgreSQL (chỉ chạy trên PGlite).');
}
const result = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
