// `npm run fuzz [-- --runs 10000 --seed 1]`: the importer fed mutated seed documents (core/import/mutate.ts), the
// nightly-sized version of the 2,000-document property test. A crash or a document read in more than 2 s is a
// failure; the last line states documents, failures and the slowest time, and the exit code is non-zero on any.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { draftFromText, toCliJson } from '../core/import/draft.ts';
import { mutateDocument, type Mutation } from '../core/import/mutate.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) { console.error(`--${name} phải là số nguyên dương`); process.exit(2); }
  return v;
};
const runs = arg('runs', 10_000);
const seed = arg('seed', Date.now() % 1_000_000);
const LIMIT_MS = 2000;
const sources = ['000', '001', '003', '004'].map((n) => readFileSync(new URL(`../fixtures/import/seed-${n}.txt`, import.meta.url), 'utf8'));

const cases = fc.sample(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat(), fc.nat()), { maxLength: 12 })), { numRuns: runs, seed });
let crashes = 0, slow = 0, slowest = 0;
const started = performance.now();
for (const [n, [which, ops]] of cases.entries()) {
  const at = performance.now();
  try {
    toCliJson(draftFromText(mutateDocument(sources[which], ops as Mutation[])).draft);
  } catch (err) {
    crashes++;
    console.error(`crash on case ${n} (seed ${seed}, source ${which}, ops ${JSON.stringify(ops)}): ${(err as Error).stack ?? err}`);
  }
  const took = performance.now() - at;
  if (took > LIMIT_MS) { slow++; console.error(`case ${n} took ${Math.round(took)} ms (seed ${seed}, source ${which}, ops ${JSON.stringify(ops)})`); }
  slowest = Math.max(slowest, took);
  if ((n + 1) % 1000 === 0) console.log(`${n + 1}/${runs}…`);
}
console.log(`fuzz: ${runs} documents, seed ${seed}, ${crashes} crashes, ${slow} over ${LIMIT_MS} ms, slowest ${Math.round(slowest)} ms, ${Math.round((performance.now() - started) / 1000)} s in all`);
process.exit(crashes || slow ? 1 : 0);
