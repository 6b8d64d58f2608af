// Word → PDF through LibreOffice, for the "PDF" download and for tests that check how a document really prints.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice binary on PATH, or null; looked up on disk because `soffice --version` takes a second or more. */
export function sofficePath(): string | null {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return join(dir, name);
      } catch { /* not in this directory */ }
    }
  }
  return null;
}

export const hasSoffice = () => sofficePath() !== null;

/**
 * Converts a .docx to PDF. Each call gets its own temp folder and LibreOffice profile: two conversions sharing a
 * profile make the second one exit at once without output.
 */
export async function convertToPdf(docx: Buffer, { timeoutMs = 60_000 } = {}): Promise<Buffer> {
  const bin = sofficePath();
  if (!bin) throw new Error('Không tìm thấy LibreOffice (soffice) để chuyển văn bản sang PDF.');
  const dir = await mkdtemp(join(tmpdir(), 'kehoach-pdf-'));
  try {
    const input = join(dir, 'document.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run(bin, ['--headless', '--norestore', '--nologo', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, input], timeoutMs);
    try {
      return await readFile(join(dir, 'document.pdf'));
    } catch {
      // soffice exits 0 even when it could not read the file, so a missing output is the only sign.
      throw new Error('LibreOffice không tạo được tệp PDF từ văn bản.');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(bin: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // A process group of its own, so a timeout also ends soffice.bin, which the soffice launcher starts as a child.
    const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
      } catch { /* already gone */ }
      reject(new Error(`LibreOffice không chuyển xong văn bản sang PDF trong ${Math.round(timeoutMs / 1000)} giây.`));
    }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`LibreOffice dừng với mã ${code}: ${stderr.trim().slice(0, 500)}`));
    });
  });
}
