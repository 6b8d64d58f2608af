// Builds the Fastify app (tests call this with their own database; main.ts adds listening).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type RouteOptions } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { JobsState } from './modules/notify/jobs.ts';
import { AppError, errors, type ErrorBody } from './http/errors.ts';
import { registerReadRouting } from './http/routing.ts';
import { validationDetails } from './http/validation.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { registerAuthHooks } from './modules/auth/hooks.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { dashboardRoutes } from './modules/dashboard/routes.ts';
import { fileRoutes } from './modules/files/routes.ts';
import { planImportRoutes } from './modules/imports/routes.ts';
import { orgRoutes } from './modules/org/routes.ts';
import { notifyRoutes } from './modules/notify/routes.ts';
import { planExcelRoutes } from './modules/plans/excel.routes.ts';
import { planRoutes } from './modules/plans/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { targetRoutes } from './modules/targets/routes.ts';
import { allowanceRoutes } from './modules/allowance/routes.ts';
import { allowanceDossierRoutes } from './modules/allowance/dossier.routes.ts';
import { rewardRoutes } from './modules/rewards/routes.ts';
import { inspectionRoutes } from './modules/inspections/routes.ts';
import { emulationRoutes } from './modules/emulation/routes.ts';
import { tenantRoutes } from './modules/org/tenants.routes.ts';
import { VERSION, WEB_DIST } from './paths.ts';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean;
  /** Observes every route as it registers (the authorization coverage test lists them this way). */
  onRoute?: (route: RouteOptions) => void;
  /** The scheduled jobs' state, shown by /api/health (the process that runs them passes it). */
  jobs?: JobsState;
}

/** Maps database and framework errors to the one error shape; anything else is a 500 with a request id. */
function toAppError(err: FastifyError & { code?: string }): AppError | null {
  if (err instanceof AppError) return err;
  if (err.validation) return errors.validation(validationDetails(err.validation));
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return new AppError(413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn.');
    case 'FST_REQ_FILE_TOO_LARGE': return new AppError(413, 'payload_too_large', 'Tệp vượt quá dung lượng cho phép.');
    case 'FST_FILES_LIMIT': case 'FST_PARTS_LIMIT': case 'FST_FIELDS_LIMIT': return errors.field('file', 'Gửi quá nhiều tệp trong một lần (tối đa 10).');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE': return errors.field('file', 'Vui lòng chọn tệp để tải lên.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return new AppError(415, 'unsupported_media_type', 'Chỉ chấp nhận dữ liệu dạng JSON.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return new AppError(400, 'invalid_json', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
    case '23505': return errors.conflict('Dữ liệu bị trùng với một bản ghi đã có.');
    case '23503': return errors.validation({ _: 'Bản ghi liên quan không tồn tại hoặc đang được sử dụng.' });
    case '22P02': case '22001': case '22021': return errors.validation({ _: 'Giá trị không hợp lệ.' });
  }
  if (err.statusCode === 429) return errors.tooManyRequests('Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.');
  if (err instanceof SyntaxError || (err.statusCode === 400 && err.code?.startsWith('FST_ERR_CTP'))) {
    return new AppError(400, 'invalid_json', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
  return null;
}

export async function buildApp({ config, database, logger = false, onRoute, jobs }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    ajv: { customOptions: { allErrors: true, verbose: true, coerceTypes: 'array', removeAdditional: false } },
  });
  app.decorate('kh', { database, config });

  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(rateLimit, { global: false });
  // Uploads (evidence, Excel imports): one parser for the whole app, so every capability's routes can use it.
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 10, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'kehoach API', version: VERSION, description: 'API của kehoach — quản lý kế hoạch ngành Y tế.' },
      tags: [
        { name: 'auth', description: 'Đăng nhập, phiên làm việc' },
        { name: 'org', description: 'Tổ chức: Sở, đơn vị, cán bộ, tài khoản, phân quyền' },
        { name: 'plans', description: 'Kế hoạch, nhiệm vụ, tiến độ' },
        { name: 'files', description: 'Tệp minh chứng' },
        { name: 'notify', description: 'Nhắc việc, thông báo, lịch' },
        { name: 'targets', description: 'Chỉ tiêu: số liệu của đơn vị, tổng hợp, bảng điểm' },
        { name: 'audit', description: 'Nhật ký kiểm toán' },
        { name: 'system', description: 'Hệ thống' },
      ],
    },
  });
  registerAuthHooks(app);
  registerReadRouting(app);
  if (onRoute) app.addHook('onRoute', onRoute); // after the auth hook, which completes route config
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const known = toAppError(err);
    if (known) {
      const body: ErrorBody = { error: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) };
      return reply.code(known.status).send(body);
    }
    req.log.error({ err, reqId: req.id }, 'unhandled error');
    if (!app.log.level || !logger) console.error(`[${req.id}]`, err);
    return reply.code(500).send({ error: 'internal_error', message: `Đã có lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên (mã yêu cầu ${req.id}).`, requestId: String(req.id) });
  });

  app.get('/api/health', {
    schema: { tags: ['system'], summary: 'Tình trạng dịch vụ' },
    config: { authz: 'public' },
  }, async () => ({
    status: 'ok', db: database.engine, version: VERSION,
    ...(database.replica ? { readReplica: (await database.replica.state()).up ? 'ok' : 'unavailable' } : {}),
    ...(jobs ? { jobs } : {}),
  }));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { authz: 'public' } }, async () => app.swagger());

  await app.register(authRoutes);
  await app.register(orgRoutes);
  await app.register(tenantRoutes);
  await app.register(auditRoutes);
  await app.register(planRoutes);
  await app.register(planExcelRoutes);
  await app.register(fileRoutes);
  await app.register(planImportRoutes);
  await app.register(notifyRoutes);
  await app.register(reportRoutes);
  await app.register(targetRoutes);
  await app.register(allowanceRoutes);
  await app.register(allowanceDossierRoutes);
  await app.register(rewardRoutes);
  await app.register(inspectionRoutes);
  await app.register(emulationRoutes);
  await app.register(dashboardRoutes);

  const webDist = WEB_DIST;
  if (existsSync(join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !existsSync(join(webDist, 'index.html'))) {
      return reply.code(404).send({ error: 'not_found', message: 'Không tìm thấy địa chỉ yêu cầu.' });
    }
    return reply.sendFile('index.html'); // client-side routes
  });
  return app;
}
