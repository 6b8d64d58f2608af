// PGlite has no lock between processes: one kehoach process per data folder, held by a lock file.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {}

/** Lock files this process holds; a file naming our pid that we do not hold is a stale one from a reused pid. */
const held = new Set<string>();

/**
 * Whether the process that wrote the lock still runs. On Linux two cases signal 0 gets wrong are told apart through
 * /proc: a killed process its parent has not reaped yet (a zombie, state Z), and a pid reused by a process that
 * started after the lock was written — either would refuse a restart after kill -9 forever.
 */
function alive(pid: number, lockedAt?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) ": state is the first
    if (fields[0] === 'Z') return false;
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const startedAt = (bootSeconds + Number(fields[19]) / 100) * 1000; // field 22, in clock ticks (100 a second on Linux)
    const locked = lockedAt ? Date.parse(lockedAt) : NaN;
    if (Number.isFinite(startedAt) && Number.isFinite(locked) && startedAt > locked + 5000) return false;
  } catch { /* no /proc (not Linux): signal 0 is all we know */ }
  return true;
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
        // A process that locks and releases the folder many times (tests, scripts/crash.mts) must not pile up exit listeners.
        process.removeListener('exit', release);
        try {
          if (JSON.parse(readFileSync(file, 'utf8')).pid === process.pid) unlinkSync(file);
        } catch { /* already gone */ }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number; startedAt?: string } = {};
      try { holder = JSON.parse(readFileSync(file, 'utf8')); } catch { /* half-written: treat as stale */ }
      const ours = holder.pid === process.pid;
      if (holder.pid && ((ours && held.has(file)) || (!ours && alive(holder.pid, holder.startedAt)))) {
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
