/**
 * Points of delivery and contracts (seed 004 "Punkty poboru", "Umowy"): the points with their meters, registers,
 * contracted power, reading mode and distributor; the contracts with their points; one contract with its documents,
 * and each document as a real PDF. Another customer's point, contract or document answers 404, as a missing one.
 */
import { ApiError } from './problem.ts';
import { json, type Ctx, type Handler } from './core.ts';
import type { Queryable } from './db.ts';
import { pageOf } from './paging.ts';
import { contractDocumentPdf } from './pdf.ts';
import { contractDocumentFileName, demoWorld, PERSONA_KEYS } from '../personas/index.ts';

interface PointRow {
  id: string;
  kind: string;
  code: string;
  code_type: string;
  name: string;
  address: Record<string, unknown>;
  tariff: string;
  contract_id: string | null;
  contracted_power: string | null;
  reading_mode: string | null;
  reading_cycle_months: number | null;
  distributor: string | null;
}

interface RegisterRow {
  id: string;
  point_id: string;
  meter_serial: string;
  smart: boolean;
  meter_kind: string;
  zone: string;
  obis_code: string | null;
  unit: string;
  direction: string;
  conversion_factor: number | null;
  digits: number;
  decimals: number;
}

export async function pointsOf(ctx: Ctx, pointId?: string) {
  const points = await ctx.db.query<PointRow>(
    `SELECT id, kind, code, code_type, name, address, tariff, contract_id, contracted_power, reading_mode, reading_cycle_months, distributor
     FROM points WHERE customer_id = $1 ${pointId ? 'AND id = $2' : ''} ORDER BY kind, code`,
    pointId ? [ctx.user!.customer_id, pointId] : [ctx.user!.customer_id],
  );
  if (points.length === 0) return [];
  const regs = await ctx.db.query<RegisterRow>(
    `SELECT r.id, r.point_id, r.meter_serial, m.smart, m.kind AS meter_kind, r.zone, r.obis_code, r.unit, r.direction, r.conversion_factor, r.digits, r.decimals
     FROM registers r JOIN meters m ON m.serial_number = r.meter_serial JOIN points p ON p.id = r.point_id
     WHERE p.customer_id = $1 ORDER BY r.point_id, r.meter_serial, r.position`,
    [ctx.user!.customer_id],
  );
  return points.map((p) => {
    const meters: { serialNumber: string; kind: string; smart: boolean; registers: unknown[] }[] = [];
    for (const r of regs.filter((x) => x.point_id === p.id)) {
      let m = meters.find((x) => x.serialNumber === r.meter_serial);
      if (!m) {
        m = { serialNumber: r.meter_serial, kind: r.meter_kind, smart: r.smart, registers: [] };
        meters.push(m);
      }
      m.registers.push({
        id: r.id,
        zone: r.zone,
        obisCode: r.obis_code,
        unit: r.unit,
        direction: r.direction,
        conversionFactor: r.conversion_factor === null ? null : Number(r.conversion_factor),
        digits: r.digits,
        decimals: r.decimals,
      });
    }
    return {
      id: p.id,
      kind: p.kind,
      code: p.code,
      codeType: p.code_type,
      name: p.name,
      address: p.address,
      tariff: p.tariff,
      contractId: p.contract_id,
      meters,
      contractedPower: p.kind === 'electricity' ? p.contracted_power : null,
      // A point nobody described reads as the customer's own reading, which every point allows.
      readingMode: p.reading_mode ?? (meters.some((m) => m.smart) ? 'remote' : 'self'),
      readingCycleMonths: p.reading_cycle_months,
      distributor: p.distributor,
    };
  });
}

export const listPoints: Handler = async (ctx) => json(200, pageOf(ctx, await pointsOf(ctx)));

export const getPoint: Handler = async (ctx) => {
  const [p] = await pointsOf(ctx, ctx.params.pointId);
  if (!p) throw new ApiError('not_found');
  return json(200, p);
};

interface ContractRow {
  id: string;
  number: string;
  kind: string;
  product: string;
  tariff: string;
  start_date: string;
  end_date: string | null;
  status: string;
  point_ids: string[] | null;
}

async function contractsOf(ctx: Ctx, contractId?: string) {
  const rows = await ctx.db.query<ContractRow>(
    `SELECT c.id, c.number, c.kind, c.product, c.tariff, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.status,
       ARRAY(SELECT p.id FROM points p WHERE p.contract_id = c.id ORDER BY p.code) AS point_ids
     FROM contracts c WHERE c.customer_id = $1 ${contractId ? 'AND c.id = $2' : ''}
     ORDER BY CASE c.status WHEN 'active' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, c.start_date DESC, c.id`,
    contractId ? [ctx.user!.customer_id, contractId] : [ctx.user!.customer_id],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    product: r.product,
    tariff: r.tariff,
    startDate: r.start_date,
    endDate: r.end_date,
    status: r.status,
    pointIds: r.point_ids ?? [],
  }));
}

export const listContracts: Handler = async (ctx) => json(200, pageOf(ctx, await contractsOf(ctx)));

interface DocumentRow {
  id: string;
  title: string;
  kind: string;
  signed_date: string | null;
}

async function documentsOf(ctx: Ctx, contractId: string): Promise<DocumentRow[]> {
  return ctx.db.query<DocumentRow>(
    `SELECT id, title, kind, to_char(signed_date, 'YYYY-MM-DD') AS signed_date FROM contract_documents WHERE contract_id = $1 ORDER BY position, id`,
    [contractId],
  );
}

/** The customer's contract, or 404 (another customer's contract is as missing as one that does not exist). */
async function ownContract(ctx: Ctx) {
  const [contract] = await contractsOf(ctx, ctx.params.contractId);
  if (!contract) throw new ApiError('not_found');
  return contract;
}

export const getContract: Handler = async (ctx) => {
  const contract = await ownContract(ctx);
  const documents = (await documentsOf(ctx, contract.id)).map((d) => ({ id: d.id, title: d.title, kind: d.kind, signedDate: d.signed_date }));
  return json(200, { ...contract, documents });
};

export const getContractDocumentPdf: Handler = async (ctx) => {
  const contract = await ownContract(ctx);
  const document = (await documentsOf(ctx, contract.id)).find((d) => d.id === ctx.params.documentId);
  if (!document) throw new ApiError('not_found');
  const customer = (await ctx.db.query<{ number: string; name: string }>(`SELECT number, COALESCE(company_name, concat_ws(' ', first_name, last_name)) AS name FROM customers WHERE id = $1`, [ctx.user!.customer_id]))[0]!;
  const points = await ctx.db.query<{ code: string; name: string }>('SELECT code, name FROM points WHERE contract_id = $1 ORDER BY code', [contract.id]);
  const pdf = await contractDocumentPdf({ utilityName: ctx.utility.name, title: document.title, kind: document.kind, signedDate: document.signed_date, contract, customer, points });
  const name = contractDocumentFileName(contract, document);
  return {
    status: 200,
    raw: pdf,
    contentType: 'application/pdf',
    headers: { 'Content-Disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}` },
  };
};

/**
 * The points' supply details and the contracts' documents from the personas seeded at `seededAt`: at the seed, and at
 * every start for a database seeded before migration 008 (only what is missing; nothing the database has is changed).
 */
export async function fillPointsAndContracts(db: Queryable, seededAt: Date): Promise<void> {
  const missing = await db.query(
    `SELECT 1 WHERE EXISTS (SELECT 1 FROM points WHERE reading_mode IS NULL)
       OR EXISTS (SELECT 1 FROM contracts c WHERE NOT EXISTS (SELECT 1 FROM contract_documents d WHERE d.contract_id = c.id))`,
  );
  if (missing.length === 0) return;
  const world = demoWorld(seededAt);
  for (const key of PERSONA_KEYS) {
    const persona = world.personas[key];
    for (const { point: p } of persona.points) {
      await db.query('UPDATE points SET contracted_power = $2, reading_mode = $3, reading_cycle_months = $4, distributor = $5 WHERE id = $1 AND reading_mode IS NULL', [
        p.id,
        p.contractedPower,
        p.readingMode,
        p.readingCycleMonths,
        p.distributor,
      ]);
    }
    for (const c of persona.contracts) {
      for (const [i, d] of c.documents.entries()) {
        await db.query(
          `INSERT INTO contract_documents (id, contract_id, position, title, kind, signed_date)
           SELECT $1, $2, $3, $4, $5, $6::date WHERE EXISTS (SELECT 1 FROM contracts WHERE id = $2) ON CONFLICT (id) DO NOTHING`,
          [d.id, c.id, i, d.title, d.kind, d.signedDate],
        );
      }
    }
  }
}

export function pointHandlers(): Record<string, Handler> {
  return { listPoints, getPoint, listContracts, getContract, getContractDocumentPdf };
}
