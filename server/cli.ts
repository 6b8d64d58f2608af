// Operator commands: `npx kehoach <command>`. Database modules load only for the commands that need them.
import { parseArgs } from 'node:util';
import { occurrencesOf } from '../core/schedule/occurrences.ts';
import { parseDeadline } from '../core/schedule/parse.ts';
import { formatViDate, isValidDate, todayInVietnam } from '../core/schedule/dates.ts';
import { SCHEDULE_KIND_LABELS } from '../core/schedule/types.ts';

const HELP = `kehoach — quản lý kế hoạch ngành Y tế

Cách dùng: npx kehoach <lệnh>

Lệnh:
  start          Khởi động máy chủ (như npm start)
  migrate        Áp dụng các migration còn thiếu rồi thoát
  audit:verify   Kiểm tra chuỗi băm của nhật ký kiểm toán; mã thoát khác 0 và nêu sự kiện
                 đầu tiên bị sửa hoặc xóa nếu nhật ký đã bị can thiệp
  parse-deadline "<thời hạn>" [--year 2026] [--start yyyy-mm-dd] [--end yyyy-mm-dd]
                 [--issued yyyy-mm-dd] [--json]
                 Cho biết kehoach hiểu một thời hạn viết trong kế hoạch thế nào, và các kỳ
                 thực hiện sinh ra từ đó; ví dụ: parse-deadline "Quý III, IV/2026" --json
  import FILE [--json] [--year 2026]
                 Đọc văn bản kế hoạch (.docx, .pdf, .txt) thành bản nháp: thông tin văn bản,
                 nhiệm vụ, chỉ tiêu, chế độ báo cáo và các chỗ văn bản tự mâu thuẫn
  backup FILE [--allow-missing-files]
                 Sao lưu toàn bộ dữ liệu và các tệp đã tải lên vào một tệp, dùng được cho cả PGlite
                 lẫn PostgreSQL. PGlite: dừng máy chủ trước; PostgreSQL: sao lưu được khi đang chạy.
                 --allow-missing-files: vẫn sao lưu khi trên đĩa thiếu tệp (ghi rõ tệp nào)
  restore FILE [--force]
                 Khôi phục bản sao lưu vào cơ sở dữ liệu đang cấu hình (DATA_DIR hoặc DATABASE_URL),
                 kể cả từ PGlite sang PostgreSQL, trong một giao dịch: chỉ ghi khi số dòng và mã băm
                 từng bảng khớp bản sao lưu. Từ chối nếu đã có dữ liệu, trừ khi có --force (thay hết)
  help           In hướng dẫn này

Cấu hình qua biến môi trường (xem README): PORT, DATA_DIR, DATABASE_URL, SESSION_SECRET,
KEHOACH_DEMO, KEHOACH_ADMIN_PASSWORD, SESSION_IDLE_MINUTES, SECURE_COOKIES, LOG_LEVEL.
`;

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'help';
  switch (command) {
    case 'help': case '--help': case '-h':
      console.log(HELP);
      return 0;
    case 'start': {
      const { start } = await import('./main.ts');
      await start();
      return -1; // keeps running
    }
    case 'parse-deadline': return parseDeadlineCommand(argv.slice(1));
    case 'backup': return (await import('./backup/commands.ts')).backupCommand(argv.slice(1));
    case 'restore': return (await import('./backup/commands.ts')).restoreCommand(argv.slice(1));
    case 'import': return importCommand(argv.slice(1));
    case 'migrate': {
      const { loadConfig } = await import('./config.ts');
      const { openDatabase } = await import('./db/open.ts');
      const database = await openDatabase(loadConfig());
      console.log(`Đã áp dụng migration trên ${database.describe}.`);
      await database.close();
      return 0;
    }
    case 'audit:verify': {
      const { loadConfig } = await import('./config.ts');
      const { openDatabase } = await import('./db/open.ts');
      const { verifyAllChains } = await import('./modules/audit/service.ts');
      const { listTenants } = await import('./modules/org/tenants.service.ts');
      const database = await openDatabase(loadConfig());
      try {
        const results = await verifyAllChains(database.db);
        const names = new Map((await listTenants(database.db)).map((t) => [t.id, t.name]));
        let bad = 0;
        for (const r of results) {
          const chain = r.chain === 'system' ? 'hệ thống' : `${names.get(r.chain) ?? r.chain}`;
          if (r.broken) {
            bad++;
            console.error(`HỎNG  ${chain}: sự kiện số ${r.broken.seq}${r.broken.eventId ? ` (id ${r.broken.eventId})` : ''} — ${r.broken.reason}`);
          } else {
            console.log(`OK    ${chain}: ${r.events} sự kiện`);
          }
        }
        console.log(bad ? `\nNhật ký kiểm toán đã bị can thiệp ở ${bad} chuỗi.` : `\nNhật ký kiểm toán toàn vẹn (${results.length} chuỗi).`);
        return bad ? 1 : 0;
      } finally {
        await database.close();
      }
    }
    default:
      console.error(`Lệnh không xác định: ${command}\n\n${HELP}`);
      return 2;
  }
}

function parseDeadlineCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { year: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, issued: { type: 'string' }, json: { type: 'boolean' } },
  });
  const text = positionals.join(' ').trim();
  if (!text) {
    console.error('Thiếu thời hạn cần đọc. Ví dụ: npx kehoach parse-deadline "Quý III, IV/2026" --year 2026 --json');
    return 2;
  }
  const year = Number(values.year ?? values.start?.slice(0, 4) ?? todayInVietnam().slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    console.error(`--year phải là một năm từ 2000 đến 2100 (đang là "${values.year}").`);
    return 2;
  }
  for (const name of ['start', 'end', 'issued'] as const) {
    const v = values[name];
    if (v !== undefined && !isValidDate(v)) {
      console.error(`--${name} phải là một ngày dạng yyyy-mm-dd, ví dụ 2026-07-01 (đang là "${v}").`);
      return 2;
    }
  }
  const ctx = { year, periodStart: values.start, periodEnd: values.end, issuedOn: values.issued };
  const schedule = parseDeadline(text, ctx);
  const occurrences = occurrencesOf(schedule, ctx).map((o) => ({ label: o.label, due: o.due }));
  if (values.json) {
    const { kind, value, confidence, explanation, ...rest } = schedule;
    console.log(JSON.stringify({ kind, value, confidence, explanation, ...rest, occurrences }));
    return 0;
  }
  console.log(`Thời hạn:   ${schedule.text}\nLoại:       ${SCHEDULE_KIND_LABELS[schedule.kind]} (${schedule.kind})\nGiá trị:    ${schedule.value ?? '—'}`);
  console.log(`Độ tin cậy: ${schedule.confidence}${schedule.confidence < 0.8 ? ' — cần người kiểm tra' : ''}\nCách hiểu:  ${schedule.explanation}`);
  console.log(occurrences.length ? `Các kỳ:\n${occurrences.map((o) => `  ${o.label.padEnd(24)} hạn ${formatViDate(o.due)}`).join('\n')}` : 'Các kỳ:     chưa có (chờ đặt hạn hoặc ghi nhận sự kiện)');
  return 0;
}

async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, year: { type: 'string' } } });
  const file = positionals[0];
  if (!file) {
    console.error('Thiếu tệp cần đọc. Ví dụ: npx kehoach import ke-hoach.docx --json');
    return 2;
  }
  const { readFileSync, statSync } = await import('node:fs');
  const { readPlanFile } = await import('./modules/imports/read/index.ts');
  const { toCliJson } = await import('../core/import/draft.ts');
  const { ImportError } = await import('../core/import/types.ts');
  let buffer: Buffer;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    buffer = readFileSync(file);
  } catch {
    console.error(`Không đọc được tệp “${file}”: tệp không tồn tại hoặc không có quyền đọc.`);
    return 1;
  }
  const fallbackYear = values.year ? Number(values.year) : Number(todayInVietnam().slice(0, 4));
  try {
    const { draft } = await readPlanFile(buffer, file, { fallbackYear });
    const out = toCliJson(draft);
    if (values.json) console.log(JSON.stringify(out, null, 2));
    else {
      console.log(`${out.header.title || '(không rõ tên kế hoạch)'}\n${out.tasks.length} nhiệm vụ, ${out.targets.length} chỉ tiêu, ${out.reporting.length} chế độ báo cáo.`);
      for (const f of out.findings) console.log(`! ${f.message} — ${f.where.join('; ')}`);
      for (const w of draft.warnings) console.log(`! ${w}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exit(code); },
  (e: Error) => { console.error(`Lỗi: ${e.message}`); process.exit(1); },
);
