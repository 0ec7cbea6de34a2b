/** The customer's points of delivery and contracts (the profile: profile.ts; consents: consents.ts; notification preferences: notifications.ts). */
import { ApiError } from './problem.ts';
import { json, type Ctx, type Handler } from './core.ts';
import { pageOf } from './paging.ts';

interface CustomerRow {
  id: string;
  number: string;
  kind: 'person' | 'business';
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  national_id_type: 'pesel' | 'nip';
  national_id: string;
  address: Record<string, unknown>;
  e_invoice: boolean;
  terms_version: string | null;
  terms_accepted_at: Date | null;
  consents_updated_at: Date;
  notification_prefs: { email: Record<string, boolean>; sms: Record<string, boolean>; dueDateReminderDays?: number };
}

export async function customerOf(ctx: Ctx): Promise<CustomerRow> {
  const row = (await ctx.db.query<CustomerRow>('SELECT * FROM customers WHERE id = $1', [ctx.user!.customer_id]))[0];
  if (!row) throw new ApiError('not_found');
  return row;
}

// ---------- points and contracts ----------
interface PointRow {
  id: string;
  kind: string;
  code: string;
  code_type: string;
  name: string;
  address: Record<string, unknown>;
  tariff: string;
  contract_id: string | null;
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
    `SELECT id, kind, code, code_type, name, address, tariff, contract_id FROM points WHERE customer_id = $1 ${pointId ? 'AND id = $2' : ''} ORDER BY kind, code`,
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
    return { id: p.id, kind: p.kind, code: p.code, codeType: p.code_type, name: p.name, address: p.address, tariff: p.tariff, contractId: p.contract_id, meters };
  });
}

export const listPoints: Handler = async (ctx) => json(200, pageOf(ctx, await pointsOf(ctx)));

export const getPoint: Handler = async (ctx) => {
  const [p] = await pointsOf(ctx, ctx.params.pointId);
  if (!p) throw new ApiError('not_found');
  return json(200, p);
};

export const listContracts: Handler = async (ctx) => {
  const rows = await ctx.db.query<{ id: string; number: string; kind: string; product: string; tariff: string; start_date: string; end_date: string | null; status: string; point_ids: string[] | null }>(
    `SELECT c.id, c.number, c.kind, c.product, c.tariff, to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.status,
       ARRAY(SELECT p.id FROM points p WHERE p.contract_id = c.id ORDER BY p.code) AS point_ids
     FROM contracts c WHERE c.customer_id = $1
     ORDER BY CASE c.status WHEN 'active' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, c.start_date DESC, c.id`,
    [ctx.user!.customer_id],
  );
  const items = rows.map((r) => ({
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
  return json(200, pageOf(ctx, items));
};

export function customerHandlers(): Record<string, Handler> {
  return {
    listPoints,
    getPoint,
    listContracts,
  };
}
