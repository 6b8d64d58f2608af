// Excel export of a plan's appendix, and import of tasks from such a sheet (all or nothing).
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError, errors } from '../../http/errors.ts';
import { mutate, read, today } from '../../http/request.ts';
import { IdParams, withErrors } from '../../http/schemas.ts';
import { contentDisposition } from '../files/routes.ts';
import { managedPlan } from './access.ts';
import { planToWorkbook, SheetError, validateRows, workbookToRows } from './excel.ts';
import { getPlan } from './plans.service.ts';
import { createSection, createTask } from './tasks.service.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function planExcelRoutes(app: FastifyInstance) {
  app.get('/api/plans/:id/export.xlsx', {
    schema: { tags: ['plans'], summary: 'Xuất phụ lục nhiệm vụ ra Excel (theo các cột của phụ lục)', params: IdParams },
    config: { authz: 'plan.read' },
  }, async (req, reply) => {
    const plan = await read(req, (tx, user) => getPlan(tx, user, (req.params as { id: string }).id, today(req)));
    const buffer = await planToWorkbook(plan);
    const name = `Phụ lục - ${plan.title}`.slice(0, 120).replace(/[\\/:*?"<>|]/g, ' ');
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(`${name}.xlsx`)).send(buffer);
  });

  app.post('/api/plans/:id/import', {
    schema: {
      tags: ['plans'], summary: 'Nhập nhiệm vụ từ Excel: báo lỗi theo dòng và cột, không lưu gì nếu có dòng sai', params: IdParams, consumes: ['multipart/form-data'],
      response: withErrors({ 201: Type.Object({ sections: Type.Integer(), tasks: Type.Integer(), warnings: Type.Array(Type.String()) }) }),
    },
    config: { authz: 'plan.manage' },
  }, async (req, reply) => {
    const planId = (req.params as { id: string }).id;
    // 403/404 before the upload is read: parsing a workbook is work only the plan's managers may cause.
    await read(req, (tx, user) => managedPlan({ tx, user }, planId));
    if (!req.isMultipart()) throw errors.field('file', 'Vui lòng chọn tệp Excel (.xlsx) để nhập.');
    const part = await req.file({ limits: { fileSize: MAX_BYTES } });
    if (!part) throw errors.field('file', 'Vui lòng chọn tệp Excel (.xlsx) để nhập.');
    const buffer = await part.toBuffer().catch((e: { code?: string }) => {
      if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'payload_too_large', 'Tệp Excel vượt quá 5 MB.');
      throw e;
    });
    if (!/\.xlsx$/i.test(part.filename) || buffer.subarray(0, 4).toString('binary') !== 'PK\x03\x04') {
      throw errors.field('file', `Tệp “${part.filename}” không phải bảng tính Excel (.xlsx).`);
    }
    const rows = await workbookToRows(buffer).catch((e) => { throw e instanceof SheetError ? errors.field('file', e.message) : e; });
    const problems = validateRows(rows);
    if (Object.keys(problems).length) throw errors.validation(problems);
    const result = await mutate(req, async (m) => {
      let sectionId: string | null = null;
      const counts = { sections: 0, tasks: 0, warnings: [] as string[] };
      for (const r of rows) {
        if (r.kind === 'section') {
          sectionId = (await createSection(m, planId, { code: r.code, title: r.title })).id;
          counts.sections++;
          continue;
        }
        const task = await createTask(m, planId, {
          sectionId, number: r.number, content: r.content, leadText: r.lead, coordinatorText: r.coordinators,
          deadlineText: r.deadline, product: r.product, note: r.note,
        });
        counts.tasks++;
        const which = `nhiệm vụ ${r.number || `“${r.content.slice(0, 40)}”`}`;
        if (!task.leadCount) counts.warnings.push(`Dòng ${r.row}: chưa xác định được đơn vị chủ trì “${r.lead}” trong cơ cấu tổ chức; hãy chọn đơn vị cho ${which}.`);
        if (task.schedule.kind === 'unspecified') {
          counts.warnings.push(r.deadline ? `Dòng ${r.row}: chưa hiểu được thời hạn “${r.deadline}”; hãy đặt thời hạn cho ${which}.` : `Dòng ${r.row}: chưa có thời hạn; hãy đặt thời hạn cho ${which}.`);
        }
      }
      return counts;
    });
    return reply.code(201).send(result);
  });
}
