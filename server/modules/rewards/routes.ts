// Routes of the task rewards of Resolution 07 (seed 000 II.4) and the register of achievements they rest on.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CRITERIA, SUBJECTS } from '../../../core/rewards/register.ts';
import { mutate, read, today } from '../../http/request.ts';
import { IdParams, isoDate, oneOf, requiredText, text, uuid, withErrors } from '../../http/schemas.ts';
import { listRewards, proposeReward, resubmitReward, reviewReward, rewardView, type DecisionInput, type ProposalInput } from './rewards.service.ts';

const tags = ['rewards'];
const ok = withErrors({ 200: Type.Unknown() });
type Id = { id: string };

const ProposalFields = Type.Object({
  unitId: uuid('Đơn vị đề nghị'),
  subject: oneOf(SUBJECTS, 'Đối tượng đề nghị thưởng'),
  personId: Type.Optional(Type.Union([uuid('Cá nhân'), Type.Null()])),
  collectiveName: Type.Optional(text('Tên tập thể', { max: 300 })),
  taskId: Type.Optional(Type.Union([uuid('Nhiệm vụ trong kế hoạch'), Type.Null()])),
  taskText: requiredText('Nhiệm vụ', 2000),
  title: requiredText('Thành tích', 500),
  output: requiredText('Sản phẩm, kết quả đầu ra', 4000),
  period: requiredText('Kỳ', 10),
  criteria: Type.Array(oneOf(CRITERIA, 'Tiêu chí'), { title: 'Tiêu chí đáp ứng', maxItems: 3, uniqueItems: true }),
  proposedAmount: Type.Integer({ title: 'Số tiền đề nghị thưởng', minimum: 1, maximum: 10_000_000_000 }),
  fileIds: Type.Optional(Type.Array(uuid('Tệp minh chứng'), { title: 'Tệp minh chứng', maxItems: 20 })),
});
const ReviewFields = Type.Object({
  action: oneOf(['return', 'approve', 'reject'] as const, 'Kết quả thẩm định'),
  comment: Type.Optional(text('Ý kiến', { max: 2000 })),
  decisionNo: Type.Optional(text('Số quyết định thưởng', { max: 100 })),
  decisionDate: Type.Optional(isoDate('Ngày quyết định')),
  amount: Type.Optional(Type.Integer({ title: 'Số tiền thưởng', minimum: 1, maximum: 10_000_000_000 })),
});
const ResubmitFields = Type.Object({
  output: Type.Optional(text('Sản phẩm, kết quả đầu ra', { max: 4000 })),
  fileIds: Type.Optional(Type.Array(uuid('Tệp minh chứng'), { title: 'Tệp minh chứng', maxItems: 20 })),
});

export async function rewardRoutes(app: FastifyInstance) {
  app.get('/api/rewards', { schema: { tags, summary: 'Hồ sơ đề nghị xét thưởng', response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => listRewards(tx, user)));
  app.post('/api/rewards', { schema: { tags, summary: 'Đề nghị thưởng một thành tích (ghi vào sổ thành tích)', body: ProposalFields, response: withErrors({ 201: Type.Unknown() }) }, config: { authz: 'allowance.prepare' } },
    async (req, reply) => {
      const row = await mutate(req, (m) => proposeReward(m, req.body as ProposalInput, req.server.kh.config.now()));
      return reply.code(201).send(await read(req, (tx, user) => rewardView(tx, user, row.id)));
    });
  app.get('/api/rewards/:id', { schema: { tags, summary: 'Một hồ sơ: thành tích, minh chứng, kiểm tra trùng lặp', params: IdParams, response: ok }, config: { authz: 'allowance.read' } },
    async (req) => read(req, (tx, user) => rewardView(tx, user, (req.params as Id).id)));
  app.post('/api/rewards/:id/review', { schema: { tags, summary: 'Thẩm định: trả lại, quyết định thưởng hoặc không thưởng', params: IdParams, body: ReviewFields, response: ok }, config: { authz: 'allowance.prepare', wholeTenant: true } },
    async (req) => {
      await mutate(req, (m) => reviewReward(m, (req.params as Id).id, req.body as DecisionInput, today(req)));
      return read(req, (tx, user) => rewardView(tx, user, (req.params as Id).id));
    });
  app.post('/api/rewards/:id/resubmit', { schema: { tags, summary: 'Bổ sung và gửi lại hồ sơ bị trả lại', params: IdParams, body: ResubmitFields, response: ok }, config: { authz: 'allowance.prepare' } },
    async (req) => {
      await mutate(req, (m) => resubmitReward(m, (req.params as Id).id, req.body as { output?: string; fileIds?: string[] }, req.server.kh.config.now()));
      return read(req, (tx, user) => rewardView(tx, user, (req.params as Id).id));
    });
}
