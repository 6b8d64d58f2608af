// `npm run audit:deps`: npm's advisory check of the packages the server runs with (dev tools left out), failing on
// a high or critical finding. npm audit asks the registry's advisory service; a machine that cannot reach it is
// told so plainly and exits 2, so "not checked" is never read as "no findings".
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = `${run.stdout}\n${run.stderr}`.match(/(\d{3} [A-Za-z ]+|ENOTFOUND|ECONNREFUSED|ETIMEDOUT)/)?.[0].trim() ?? 'không rõ lý do';
  console.error(`Không kiểm tra được: dịch vụ cảnh báo bảo mật của npm không trả lời (${reason}). Chạy lại trên máy có mạng tới registry.npmjs.org.`);
  process.exit(2);
}
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  console.log(`${v.severity.padEnd(9)} ${name} ${v.range ?? ''} ${[v.via].flat().map((x) => (typeof x === 'string' ? x : x.url)).join(', ')}`);
}
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`);
process.exit(serious ? 1 : 0);
