/**
 * The demo utility's household electricity tariffs (G11, G12, G12W, G13) with their zones, hours and made-up but
 * plausible prices per kWh, and the estimate of a year's cost on each from a point's last 12 months of
 * consumption. One module for the reference server (demo/server/tariffs.ts) and the MSW mocks, so both answer
 * `getTariffOptions` alike.
 */
import { addDays } from '../../src/i18n/calendar.js';
import type { Schemas } from './types.js';

type Lang = 'pl' | 'en';

interface ZonePlan {
  readonly zone: string;
  readonly hours: Readonly<Record<Lang, string>>;
  /** Gross PLN per kWh, in grosze. */
  readonly price: number;
}

interface TariffPlan {
  readonly name: Readonly<Record<Lang, string>>;
  readonly summary: Readonly<Record<Lang, string>>;
  readonly zones: readonly ZonePlan[];
}

/** The tariffs offered to household electricity points, in the order a customer reads them. */
export const HOUSEHOLD_TARIFFS: Readonly<Record<'G11' | 'G12' | 'G12W' | 'G13', TariffPlan>> = {
  G11: {
    name: { pl: 'Całodobowa', en: 'Single rate' },
    summary: { pl: 'Jedna cena przez całą dobę.', en: 'One price all day.' },
    zones: [{ zone: 'all', hours: { pl: 'cała doba', en: 'all day' }, price: 100 }],
  },
  G12: {
    name: { pl: 'Dwustrefowa (dzień i noc)', en: 'Two zones (day and night)' },
    summary: { pl: 'Tańsza strefa 22–6 i 13–15.', en: 'Cheaper 10 pm–6 am and 1–3 pm.' },
    zones: [
      { zone: 'day', hours: { pl: '6:00–13:00 i 15:00–22:00', en: '6 am–1 pm and 3–10 pm' }, price: 112 },
      { zone: 'night', hours: { pl: '22:00–6:00 i 13:00–15:00', en: '10 pm–6 am and 1–3 pm' }, price: 62 },
    ],
  },
  G12W: {
    name: { pl: 'Dwustrefowa z tańszym weekendem', en: 'Two zones with a cheaper weekend' },
    summary: { pl: 'Tańsza strefa 22–6 i 13–15 oraz przez cały weekend i święta.', en: 'Cheaper 10 pm–6 am and 1–3 pm, and all weekend and on holidays.' },
    zones: [
      { zone: 'peak', hours: { pl: 'dni robocze 6:00–13:00 i 15:00–22:00', en: 'working days 6 am–1 pm and 3–10 pm' }, price: 118 },
      { zone: 'offpeak', hours: { pl: '22:00–6:00 i 13:00–15:00, cały weekend i święta', en: '10 pm–6 am and 1–3 pm, all weekend and holidays' }, price: 66 },
    ],
  },
  G13: {
    name: { pl: 'Trzystrefowa', en: 'Three zones' },
    summary: { pl: 'Najdrożej w dni robocze po południu, najtaniej w nocy i w weekendy.', en: 'Dearest on working-day afternoons, cheapest at night and at weekends.' },
    zones: [
      { zone: 'morning_peak', hours: { pl: 'dni robocze 7:00–13:00', en: 'working days 7 am–1 pm' }, price: 110 },
      { zone: 'afternoon_peak', hours: { pl: 'dni robocze 16:00–21:00 (zimą), 19:00–22:00 (latem)', en: 'working days 4–9 pm (winter), 7–10 pm (summer)' }, price: 155 },
      { zone: 'rest', hours: { pl: 'pozostałe godziny, cały weekend i święta', en: 'the other hours, all weekend and holidays' }, price: 70 },
    ],
  },
};

export type HouseholdTariff = keyof typeof HOUSEHOLD_TARIFFS;

export function isHouseholdTariff(tariff: string): tariff is HouseholdTariff {
  return Object.prototype.hasOwnProperty.call(HOUSEHOLD_TARIFFS, tariff);
}

/** One zone's consumption in one month (`month` is its first day, `YYYY-MM-DD`). */
export interface ZoneUsage {
  readonly zone: string;
  readonly month: string;
  readonly value: number;
  readonly estimated: boolean;
}

/** Share of a household's use in G12's cheaper hours when the meter does not tell (a single-zone meter). */
const TYPICAL_CHEAP_SHARE = 0.3;

/** The share of use in G12's cheaper hours, read from the zones the current meter has. */
function cheapShare(byZone: ReadonlyMap<string, number>, total: number): number {
  const share = (zone: string) => (byZone.get(zone) ?? 0) / total;
  if (byZone.has('night')) return share('night');
  // G12W's off-peak also holds the weekend's day hours (2 of 7 days).
  if (byZone.has('offpeak')) return Math.max(0, (share('offpeak') - 2 / 7) / (5 / 7));
  if (byZone.has('rest')) return Math.max(0, 1 - (1 - share('rest')) / 0.7);
  return TYPICAL_CHEAP_SHARE;
}

/** How a year of `total` kWh splits over a tariff's zones, given the share in G12's cheaper hours. */
function split(tariff: HouseholdTariff, total: number, cheap: number): Record<string, number> {
  const dear = 1 - cheap;
  switch (tariff) {
    case 'G11':
      return { all: total };
    case 'G12':
      return { day: total * dear, night: total * cheap };
    case 'G12W':
      return { peak: (total * dear * 5) / 7, offpeak: total * (cheap + (dear * 2) / 7) };
    case 'G13':
      return { morning_peak: total * dear * 0.45, afternoon_peak: total * dear * 0.25, rest: total * (1 - dear * 0.7) };
  }
}

const pln = (grosze: number): Schemas['Money'] => ({ amount: (Math.round(grosze) / 100).toFixed(2), currency: 'PLN' });

/**
 * `getTariffOptions` for a point: household electricity points get the four tariffs (the current one marked) and,
 * with 12 full months of consumption before `today`'s month, an estimated yearly cost of each; other points none.
 */
export function tariffOptions(point: { id: string; kind: Schemas['UtilityKind']; tariff: string }, usage: readonly ZoneUsage[], today: string, lang: Lang): Schemas['TariffOptions'] {
  if (point.kind !== 'electricity' || !isHouseholdTariff(point.tariff)) {
    return { pointId: point.id, kind: point.kind, currentTariff: point.tariff, options: [], estimateBasis: null };
  }
  const monthStart = `${today.slice(0, 7)}-01`;
  const from = `${String(Number(monthStart.slice(0, 4)) - 1)}${monthStart.slice(4)}`;
  const months = usage.filter((u) => u.month >= from && u.month < monthStart);
  const total = months.reduce((sum, u) => sum + u.value, 0);
  const complete = new Set(months.map((u) => u.month)).size === 12 && total > 0;
  const byZone = new Map<string, number>();
  for (const u of months) byZone.set(u.zone, (byZone.get(u.zone) ?? 0) + u.value);
  const cheap = complete ? cheapShare(byZone, total) : TYPICAL_CHEAP_SHARE;
  const cost = (tariff: HouseholdTariff): number => {
    const kwh = split(tariff, total, cheap);
    return HOUSEHOLD_TARIFFS[tariff].zones.reduce((sum, z) => sum + (kwh[z.zone] ?? 0) * z.price, 0);
  };
  const current = complete ? Math.round(cost(point.tariff)) : 0;
  const options = (Object.keys(HOUSEHOLD_TARIFFS) as HouseholdTariff[]).map((tariff): Schemas['TariffOption'] => {
    const plan = HOUSEHOLD_TARIFFS[tariff];
    const yearly = complete ? Math.round(cost(tariff)) : undefined;
    return {
      tariff,
      name: plan.name[lang],
      summary: plan.summary[lang],
      zones: plan.zones.map((z) => ({ zone: z.zone, hours: z.hours[lang], price: pln(z.price) })),
      current: tariff === point.tariff,
      estimatedYearlyCost: yearly === undefined ? null : pln(yearly),
      differenceFromCurrent: yearly === undefined ? null : pln(yearly - current),
    };
  });
  const note = {
    pl: 'Szacunek: Twoje zużycie z ostatnich 12 miesięcy pomnożone przez ceny energii za kWh z cennika. Bez opłat stałych i dystrybucyjnych. Podział zużycia na godziny innych taryf jest przybliżony.',
    en: 'An estimate: your consumption of the last 12 months times the energy prices per kWh. Fixed and distribution charges are left out. How your use splits over the hours of other tariffs is approximate.',
  };
  return {
    pointId: point.id,
    kind: point.kind,
    currentTariff: point.tariff,
    options,
    estimateBasis: complete
      ? { periodFrom: from, periodTo: addDays(monthStart, -1), consumption: Math.round(total), unit: 'kWh', includesEstimates: months.some((u) => u.estimated), note: note[lang] }
      : null,
  };
}
