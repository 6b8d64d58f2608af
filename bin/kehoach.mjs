#!/usr/bin/env node
// Entry for `npx kehoach`: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
