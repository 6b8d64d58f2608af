// `npm run bench [-- --quick]`: runs the benchmarks that exist so far, prints one line per figure and
// saves them to bench/results/<date>.json. (The HTTP load scenarios come with the speed issue.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { importBench } from './import.mts';

const quick = process.argv.includes('--quick');
const started = new Date();
console.log(`kehoach bench — ${started.toISOString()} — Node ${process.version}, ${cpus().length} nhân, ${Math.round(totalmem() / 2 ** 30)} GiB${quick ? ' (--quick)' : ''}`);
console.log('\nNhập kế hoạch (đọc tệp + dựng bản nháp), mili giây:');
console.log('tệp                          KB   nhiệm vụ  trung vị   chậm nhất');
const figures = await importBench(quick);
for (const f of figures) {
  console.log(`${f.name.padEnd(26)} ${String(Math.round(f.bytes / 1024)).padStart(5)} ${String(f.tasks).padStart(9)} ${String(f.medianMs).padStart(9)} ${String(f.maxMs).padStart(10)}`);
}
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${started.toISOString().slice(0, 19).replace(/:/g, '-')}.json`;
writeFileSync(file, JSON.stringify({ at: started.toISOString(), node: process.version, cpus: cpus().length, quick, import: figures }, null, 2));
console.log(`\nĐã lưu ${file}`);
