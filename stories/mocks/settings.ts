/**
 * The mock API's side of "My data" settings: the notification matrix's topics and the tariff change requests
 * (`getTariffOptions` from the same catalogue and estimate as the reference server, demo/personas/tariffs.ts).
 */
import type { components } from '../../src/api/schema.js';
import { addDays, warsawDate, warsawIso } from '../../src/i18n/calendar.js';
import { isHouseholdTariff, pointsOf, tariffOptions, type Persona } from '../../demo/personas/index.js';

type S = components['schemas'];
export type TariffChangeRequest = S['TariffChangeRequest'];

/** Every topic of the notification matrix, in the contract's order. */
export const NOTIFICATION_TOPICS = ['new_invoice', 'due_date', 'planned_works', 'reading_window', 'collection', 'security'] as const;

interface TariffState {
  tariffChanges: TariffChangeRequest[];
  sequence: number;
}

const today = (now: Date): string => warsawDate(now);

/** A request's status at `now`: accepted becomes effective on its first day. */
function statusAt(request: TariffChangeRequest, now: Date): TariffChangeRequest {
  return request.status === 'accepted' && request.effectiveFrom !== null && request.effectiveFrom <= today(now) ? { ...request, status: 'effective' } : request;
}

/** The point's tariff now: the persona's, or the last effective request's. */
export function tariffOf(state: Pick<TariffState, 'tariffChanges'>, point: { id: string; tariff: string }, now: Date): string {
  const applied = state.tariffChanges.find((r) => r.pointId === point.id && statusAt(r, now).status === 'effective');
  return applied?.toTariff ?? point.tariff;
}

export function tariffOptionsOf(persona: Persona, point: S['PointOfDelivery'], empty: boolean, now: Date, lang: 'pl' | 'en'): S['TariffOptions'] {
  const zones = new Map(pointsOf(persona).flatMap((p) => p.meters.flatMap((m) => m.registers.filter((r) => r.direction === 'consumption').map((r) => [r.id, r.zone] as const))));
  const usage = empty
    ? []
    : persona
        .consumption()
        .filter((c) => c.pointId === point.id && zones.has(c.registerId))
        .map((c) => ({ zone: zones.get(c.registerId)!, month: c.month, value: c.value, estimated: c.estimated }));
  return tariffOptions(point, usage, today(now), lang);
}

/** Files a request, or says why not: `not_allowed` (not offered, or the current tariff), `pending` (one is waiting). */
export function fileTariffChange(state: TariffState, point: S['PointOfDelivery'], tariff: string, now: Date): TariffChangeRequest | 'not_allowed' | 'pending' {
  if (point.kind !== 'electricity' || !isHouseholdTariff(point.tariff) || !isHouseholdTariff(tariff) || tariff === point.tariff) return 'not_allowed';
  if (state.tariffChanges.some((r) => r.pointId === point.id && r.status === 'submitted')) return 'pending';
  const request: TariffChangeRequest = {
    id: `tcr_mock_${String(++state.sequence).padStart(4, '0')}`,
    pointId: point.id,
    fromTariff: point.tariff,
    toTariff: tariff,
    status: 'submitted',
    submittedAt: warsawIso(now),
    decidedAt: null,
    effectiveFrom: null,
    decisionReason: null,
  };
  state.tariffChanges.unshift(request);
  return request;
}

export function tariffChangesOf(state: Pick<TariffState, 'tariffChanges'>, pointId: string | null, now: Date): TariffChangeRequest[] {
  return state.tariffChanges.filter((r) => pointId === null || r.pointId === pointId).map((r) => statusAt(r, now));
}

/**
 * A request as the utility decided it, for stories and tests: `accepted` from the first day of next month,
 * `effective` since yesterday, `rejected` with a reason, or `submitted` (no decision yet).
 */
export function decidedTariffChange(status: S['TariffChangeStatus'], now: Date, fields: Partial<TariffChangeRequest> = {}): TariffChangeRequest {
  const day = today(now);
  const nextMonth = `${addDays(`${day.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;
  const decided = status !== 'submitted';
  return {
    id: `tcr_story_${status}`,
    pointId: 'pt_e_0001',
    fromTariff: 'G12',
    toTariff: 'G12W',
    status,
    submittedAt: warsawIso(new Date(now.getTime() - 6 * 86_400_000)),
    decidedAt: decided ? warsawIso(new Date(now.getTime() - 2 * 86_400_000)) : null,
    effectiveFrom: status === 'accepted' ? nextMonth : status === 'effective' ? addDays(day, -1) : null,
    decisionReason: status === 'rejected' ? 'Zmiana taryfy wymaga wymiany licznika, której operator sieci nie może teraz wykonać.' : null,
    ...fields,
  };
}
