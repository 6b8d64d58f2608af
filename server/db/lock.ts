// PGlite has no lock between processes: one kehoach process per data folder, held by a lock file.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {}

/** Lock files this process holds; a file naming our pid that we do not hold is a stale one from a reused pid. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take the lock or throw; a lock left by a process that no longer runs is taken over. Returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'kehoach.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      held.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          if (JSON.parse(readFileSync(file, 'utf8')).pid === process.pid) unlinkSync(file);
        } catch { /* already gone */ }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number } = {};
      try { holder = JSON.parse(readFileSync(file, 'utf8')); } catch { /* half-written: treat as stale */ }
      const ours = holder.pid === process.pid;
      if (holder.pid && ((ours && held.has(file)) || (!ours && alive(holder.pid)))) {
        throw new DataDirLockedError(
          `Thư mục dữ liệu ${dataDir} đang được một tiến trình kehoach khác sử dụng (PID ${holder.pid}). ` +
            'Cơ sở dữ liệu nhúng chỉ cho phép một tiến trình: hãy dừng tiến trình kia hoặc dùng DATA_DIR khác.',
        );
      }
      unlinkSync(file); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`Không lấy được khóa thư mục dữ liệu ${dataDir}.`);
}
