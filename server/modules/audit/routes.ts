import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { and, count, desc, eq, gte, ilike, like, lte, or, type SQL } from 'drizzle-orm';
import { auditActionLabel, ENTITY_LABELS } from '../../../core/audit/labels.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { read } from '../../http/request.ts';
import { text, withErrors } from '../../http/schemas.ts';
import { verifyAuditChain } from './service.ts';

const Event = Type.Object({
  id: Type.Integer(), seq: Type.Integer(), createdAt: Type.String(), actorName: Type.String(), action: Type.String(), actionLabel: Type.String(),
  entityType: Type.String(), entityLabel: Type.String(), entityId: Type.String(), summary: Type.String(),
  before: Type.Unknown(), after: Type.Unknown(), requestId: Type.String(), ip: Type.String(),
});

const date = (title: string) => Type.String({ title, format: 'date' });

export async function auditRoutes(app: FastifyInstance) {
  app.get('/api/audit/events', {
    schema: {
      tags: ['audit'], summary: 'Nhật ký kiểm toán của Sở đang làm việc',
      querystring: Type.Object({
        q: Type.Optional(text('Từ khóa', { max: 200 })),
        action: Type.Optional(text('Thao tác', { max: 100 })),
        entityId: Type.Optional(text('Mã bản ghi', { max: 100 })),
        from: Type.Optional(date('Từ ngày')), to: Type.Optional(date('Đến ngày')),
        page: Type.Optional(Type.Integer({ title: 'Trang', minimum: 1, maximum: 100000 })),
        pageSize: Type.Optional(Type.Integer({ title: 'Số dòng mỗi trang', minimum: 1, maximum: 200 })),
      }),
      response: withErrors({ 200: Type.Object({ items: Type.Array(Event), total: Type.Integer() }) }),
    },
    config: { authz: 'audit.read', wholeTenant: true },
  }, async (req) => {
    const q = req.query as { q?: string; action?: string; entityId?: string; from?: string; to?: string; page?: number; pageSize?: number };
    const where: SQL[] = [];
    if (q.action) where.push(like(auditEvents.action, `${q.action.replace(/[%_]/g, '')}%`));
    if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
    // Dates are the local day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).
    if (q.from) where.push(gte(auditEvents.createdAt, new Date(`${q.from}T00:00:00+07:00`)));
    if (q.to) where.push(lte(auditEvents.createdAt, new Date(`${q.to}T23:59:59.999+07:00`)));
    if (q.q) {
      const pattern = `%${q.q.replace(/[%_]/g, '')}%`;
      where.push(or(ilike(auditEvents.actorName, pattern), ilike(auditEvents.summary, pattern))!);
    }
    const pageSize = q.pageSize ?? 50;
    const page = q.page ?? 1;
    return read(req, async (tx) => {
      const cond = where.length ? and(...where) : undefined;
      const rows = await tx.select().from(auditEvents).where(cond).orderBy(desc(auditEvents.seq)).limit(pageSize).offset((page - 1) * pageSize);
      const [{ n }] = await tx.select({ n: count() }).from(auditEvents).where(cond);
      return {
        total: n,
        items: rows.map((r) => ({
          id: r.id, seq: r.seq, createdAt: r.createdAt.toISOString(), actorName: r.actorName, action: r.action,
          actionLabel: auditActionLabel(r.action), entityType: r.entityType, entityLabel: ENTITY_LABELS[r.entityType] ?? r.entityType,
          entityId: r.entityId, summary: r.summary, before: r.before, after: r.after, requestId: r.requestId, ip: r.ip,
        })),
      };
    });
  });

  app.get('/api/audit/verify', {
    schema: {
      tags: ['audit'], summary: 'Kiểm tra tính toàn vẹn của chuỗi nhật ký',
      response: withErrors({ 200: Type.Object({ ok: Type.Boolean(), events: Type.Integer(), message: Type.String(), brokenSeq: Type.Union([Type.Integer(), Type.Null()]) }) }),
    },
    config: { authz: 'audit.read', wholeTenant: true },
  }, async (req) => {
    const tenantId = req.session!.tenantId;
    const result = await verifyAuditChain(app.kh.database.db, tenantId);
    return {
      ok: !result.broken, events: result.events, brokenSeq: result.broken?.seq ?? null,
      message: result.broken
        ? `Nhật ký đã bị can thiệp: sự kiện số ${result.broken.seq} — ${result.broken.reason}.`
        : `Toàn vẹn: ${result.events} sự kiện, chuỗi băm khớp.`,
    };
  });
}
