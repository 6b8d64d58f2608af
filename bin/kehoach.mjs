#!/usr/bin/env node
// Entry for `npx kehoach` and `npm start`: runs the CLI from the JavaScript bundle that `npm run build` makes
// (dist/server, about 2 s faster to load), or from the TypeScript sources through tsx when the bundle is
// missing or older than the sources.
import { freshServerBundle } from '../scripts/build-state.mjs';

const bundle = freshServerBundle();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli.ts');
}
