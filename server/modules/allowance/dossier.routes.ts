// The audit dossier of a paying unit (seed 000 II.5) as one .zip download. Reading the records is a read, but an
// export of personal and payment data must leave a trace: the archive is built first, then its audit event is
// committed with the hash of its SHA256SUMS, and only then is it sent — no dossier leaves without its event.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { currentUser, mutate, read } from '../../http/request.ts';
import { isoMonth, uuid } from '../../http/schemas.ts';
import { contentDisposition } from '../files/routes.ts';
import { buildDossier, checkPeriod, dossierData } from './dossier.ts';
import { monthLabel } from './list-steps.ts';

const DossierParams = Type.Object({ unitId: uuid('Đơn vị chi trả') });
const DossierQuery = Type.Object({ from: isoMonth('Từ tháng'), to: isoMonth('Đến tháng') });

export async function allowanceDossierRoutes(app: FastifyInstance) {
  app.get('/api/allowance/units/:unitId/dossier.zip', {
    schema: {
      tags: ['allowance'], summary: 'Hồ sơ phục vụ kiểm tra, giám sát, thanh tra, kiểm toán của đơn vị chi trả trong khoảng tháng (.zip, có SHA256SUMS)',
      params: DossierParams, querystring: DossierQuery,
    },
    config: { authz: 'allowance.read' },
  }, async (req, reply) => {
    const { unitId } = req.params as { unitId: string };
    const { from, to } = req.query as { from: string; to: string };
    checkPeriod(from, to);
    const data = await read(req, (tx, user) => dossierData(tx, user, unitId, from, to));
    const user = currentUser(req);
    const dossier = await buildDossier(data, { filesDir: app.kh.config.filesDir, at: app.kh.config.now(), by: `${user.displayName} (${user.username})` });
    await mutate(req, (m) => m.audit({
      action: 'allowance.dossier.export', entityType: 'org_unit', entityId: unitId,
      summary: `Lập hồ sơ kiểm tra, thanh tra, kiểm toán của ${data.unit.name}, tháng ${monthLabel(from)} đến tháng ${monthLabel(to)} (${dossier.files} tệp)`,
      after: { from, to, lists: data.lists.length, files: dossier.files, sha256sums: dossier.sumsSha256, zipSha256: dossier.zipSha256, zipBytes: dossier.zip.length },
    }));
    return reply.header('content-type', 'application/zip').header('content-disposition', contentDisposition(dossier.name)).send(Buffer.from(dossier.zip));
  });
}
