// Checks an audit dossier downloaded from kehoach (seed 000 II.5) against its own SHA256SUMS, without a server or
// a database, so an inspector can run it on the copy they were handed. Exit 0 when intact, 1 on any mismatch.
// Run: npx tsx scripts/verify-dossier.mts "<hồ sơ>.zip"
import { readFileSync } from 'node:fs';
import { verifyDossier } from '../server/modules/allowance/dossier.ts';

const file = process.argv[2];
if (!file) {
  console.error('Cách dùng: npx tsx scripts/verify-dossier.mts <tệp hồ sơ .zip>');
  process.exit(2);
}
const result = verifyDossier(new Uint8Array(readFileSync(file)));
if (result.ok) {
  console.log(`✓ Toàn vẹn: ${result.files} tệp khớp SHA256SUMS.`);
} else {
  console.error(`✗ Hồ sơ không toàn vẹn (${result.mismatches.length} sai lệch trên ${result.files} tệp):`);
  for (const m of result.mismatches) console.error(`  - ${m}`);
}
process.exit(result.ok ? 0 : 1);
