// Operator commands: `npx kehoach <command>`.
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { verifyAllChains } from './modules/audit/service.ts';
import { listTenants } from './modules/org/tenants.service.ts';

const HELP = `kehoach — quản lý kế hoạch ngành Y tế

Cách dùng: npx kehoach <lệnh>

Lệnh:
  start          Khởi động máy chủ (như npm start)
  migrate        Áp dụng các migration còn thiếu rồi thoát
  audit:verify   Kiểm tra chuỗi băm của nhật ký kiểm toán; mã thoát khác 0 và nêu sự kiện
                 đầu tiên bị sửa hoặc xóa nếu nhật ký đã bị can thiệp
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
    case 'migrate': {
      const database = await openDatabase(loadConfig());
      console.log(`Đã áp dụng migration trên ${database.describe}.`);
      await database.close();
      return 0;
    }
    case 'audit:verify': {
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

main(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exit(code); },
  (e: Error) => { console.error(`Lỗi: ${e.message}`); process.exit(1); },
);
