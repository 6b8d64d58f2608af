// Configuration from the environment: a value that cannot be right stops the start with its variable named.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-config-'));
afterEach(() => { vi.unstubAllEnvs(); });

describe('configuration', () => {
  it('sizes the embedded buffer pool from PGLITE_SHARED_BUFFERS, and names the variable when it is not a size', () => {
    expect(loadConfig({ dataDir, sessionSecret: 'x' }).pgliteSharedBuffers).toBeUndefined();
    vi.stubEnv('PGLITE_SHARED_BUFFERS', '1GB');
    expect(loadConfig({ dataDir, sessionSecret: 'x' }).pgliteSharedBuffers).toBe('1GB');
    vi.stubEnv('PGLITE_SHARED_BUFFERS', '512 mb');
    expect(() => loadConfig({ dataDir, sessionSecret: 'x' })).toThrow('PGLITE_SHARED_BUFFERS phải là dung lượng như 64MB hoặc 1GB (đang là "512 mb").');
    rmSync(dataDir, { recursive: true, force: true });
  });
});
