// Builds what makes the server start fast (part of `npm run build`; scripts/ensure-build.mjs runs it when
// `npm start` finds either out of date):
// - dist/server/: the server as JavaScript, bundled by esbuild, which bin/kehoach.mjs runs instead of the
//   TypeScript sources through tsx (the bundle loads in about a second, the sources through tsx in 2–3 s);
// - dist/pglite-empty: a migrated, empty PGlite data folder that a new data folder is copied from instead of
//   running initdb and the migrations in WebAssembly (about 8 s).
// `--bundle` or `--snapshot` builds only that one.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { loadMigrations } from '../server/db/migrate.ts';
import { makeSnapshot } from '../server/db/snapshot.ts';
import { ROOT, SERVER_OUT, SNAPSHOT } from './build-state.mjs';

/**
 * Each source keeps its own `import.meta.url` in the bundle (as a URL relative to the bundle, so the folder
 * can move): the migrations, the demo plans, package.json and the import worker are found next to the
 * sources as when they run through tsx.
 */
const ownImportMetaUrl = (outdir: string): esbuild.Plugin => ({
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.m?ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const own = relative(outdir, args.path).split(sep).join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`), loader: 'ts' };
    });
  },
});

/**
 * Packages stay in node_modules, loaded as when the sources run (PGlite finds its WebAssembly and extensions
 * next to its own files), except three of plain JavaScript spread over hundreds of small modules, whose
 * loading one by one costs about 0.4 s of CPU at each start (typebox and drizzle-orm, exceljs and its dependencies):
 * in the bundle they load as one file. server/bundle.test.ts runs the bundle through them.
 */
const INLINED = ['typebox', 'drizzle-orm', 'exceljs'];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
const direct = new Set(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }));
const packageOf = (path: string) => path.split('/').slice(0, path.startsWith('@') ? 2 : 1).join('/');
const externalPackages: esbuild.Plugin = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageOf(args.path);
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      if (INLINED.includes(name)) return undefined;
      // What an inlined package requires goes with it, unless kehoach depends on it itself (drizzle-orm's PGlite).
      if (args.importer.includes(`${sep}node_modules${sep}`) && !direct.has(name)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Bundles the server's CLI (and through it the server) into `outdir`, with the list of its sources and their
 * times. It is built beside `outdir`, at the same depth (the bundle finds the sources by relative URLs), then
 * takes its place: builds may run at once (`npm start`, the browser tests), and a bundle is never seen half made.
 */
export async function buildBundle(outdir = SERVER_OUT) {
  const building = `${outdir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['server/cli.ts'],
      outdir: building,
      bundle: true,
      splitting: true, // the CLI's commands load their modules on demand, as they do from the sources
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // The inlined CommonJS packages require Node's modules (and dayjs) at run time.
      banner: { js: "import { createRequire as __kehoachCreateRequire } from 'node:module'; const require = __kehoachCreateRequire(import.meta.url);" },
      sourcemap: true,
      metafile: true,
      logLevel: 'warning',
      plugins: [externalPackages, ownImportMetaUrl(outdir)],
    });
    // This script too: a change to how the bundle is made makes it out of date. Of the inlined packages'
    // thousand files, only npm's record of node_modules, which every install rewrites: each start checks the list.
    const files = [
      ...Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/')),
      relative(ROOT, fileURLToPath(import.meta.url)).split(sep).join('/'),
      ...(existsSync(join(ROOT, 'node_modules', '.package-lock.json')) ? ['node_modules/.package-lock.json'] : []),
    ];
    const inputs = Object.fromEntries(files.map((f) => [f, statSync(join(ROOT, f)).mtimeMs]));
    writeFileSync(join(building, 'inputs.json'), JSON.stringify({ inputs }, null, 1) + '\n');
    rmSync(outdir, { recursive: true, force: true });
    renameSync(building, outdir);
    console.log(`Đã dựng máy chủ vào ${relative(ROOT, outdir)} (${Object.keys(result.metafile.outputs).length} tệp).`);
  } catch (e) {
    // Another build put its bundle there meanwhile: that one stays.
    if (!['ENOTEMPTY', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

export async function buildSnapshot() {
  const migrations = loadMigrations();
  console.log('Đang tạo cơ sở dữ liệu trống đã migrate (PGlite, khoảng 10 giây)…');
  await makeSnapshot(SNAPSHOT, migrations);
  console.log(`Đã tạo ${relative(ROOT, SNAPSHOT)} (${migrations.length} migration).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const only = process.argv.slice(2);
  if (!only.length || only.includes('--bundle')) await buildBundle();
  if (!only.length || only.includes('--snapshot')) await buildSnapshot();
}
