import type { components } from '../../api/schema.js';
import { toMinor } from '../../kit/money.js';

type S = components['schemas'];
export type Point = S['PointOfDelivery'];
export type TariffOptions = S['TariffOptions'];
export type TariffOption = S['TariffOption'];
export type TariffRequest = S['TariffChangeRequest'];

/** What the widget shows for one point: its options and its requests, newest first. */
export interface PointTariffs {
  options: TariffOptions;
  requests: TariffRequest[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isMoneyOrNull = (value: unknown): boolean => value === null || (isRecord(value) && isString(value['amount']) && isString(value['currency']));

function isOption(value: unknown): value is TariffOption {
  if (!isRecord(value) || !isString(value['tariff']) || !isString(value['name']) || !isString(value['summary']) || typeof value['current'] !== 'boolean') return false;
  const zones = value['zones'];
  return Array.isArray(zones) && zones.every((z) => isRecord(z) && isString(z['zone']) && isString(z['hours'])) && isMoneyOrNull(value['estimatedYearlyCost']) && isMoneyOrNull(value['differenceFromCurrent']);
}

export function isTariffOptions(value: unknown): value is TariffOptions {
  if (!isRecord(value) || !isString(value['currentTariff']) || !Array.isArray(value['options'])) return false;
  const basis = value['estimateBasis'];
  return value['options'].every(isOption) && (basis === null || (isRecord(basis) && isString(basis['periodFrom']) && isString(basis['periodTo']) && typeof basis['consumption'] === 'number'));
}

const STATUSES: readonly string[] = ['submitted', 'accepted', 'rejected', 'effective'];

export function isRequest(value: unknown): value is TariffRequest {
  return isRecord(value) && isString(value['id']) && isString(value['pointId']) && isString(value['fromTariff']) && isString(value['toTariff']) && STATUSES.includes(value['status'] as string) && isString(value['submittedAt']);
}

export function isRequestList(value: unknown): value is { items: TariffRequest[] } {
  return isRecord(value) && Array.isArray(value['items']) && value['items'].every(isRequest);
}

/** The point the widget is about: the one asked for, or the only one; undefined when the customer must choose. */
export function chosenPoint(points: readonly Point[], asked: string | undefined): Point | undefined {
  if (asked) return points.find((p) => p.id === asked);
  return points.length === 1 ? points[0] : undefined;
}

/** A request waiting for the utility's decision blocks a second one. */
export function pendingOf(requests: readonly TariffRequest[]): TariffRequest | undefined {
  return requests.find((r) => r.status === 'submitted');
}

export function currentOf(options: TariffOptions): TariffOption | undefined {
  return options.options.find((o) => o.current);
}

/** The tariffs the customer may choose (every offered one but the current). */
export function choices(options: TariffOptions): TariffOption[] {
  return options.options.filter((o) => !o.current);
}

/** How the estimate compares with now: cheaper, dearer, the same (within a złoty), or not known. */
export type Comparison = 'cheaper' | 'dearer' | 'same' | 'unknown';

export function comparisonOf(option: TariffOption): Comparison {
  const diff = toMinor(option.differenceFromCurrent?.amount);
  if (diff === undefined) return 'unknown';
  if (Math.abs(diff) < 100) return 'same';
  return diff < 0 ? 'cheaper' : 'dearer';
}

/** The difference's magnitude (the words say which way). */
export function differenceAmount(option: TariffOption): string | undefined {
  const amount = option.differenceFromCurrent?.amount;
  return amount === undefined ? undefined : amount.replace(/^-/, '');
}
