import { msg, str } from '@lit/localize';
import type { components } from '../api/schema.js';

/**
 * Points of delivery and their meters' registers as a customer tells them apart: a point by its name, meter number
 * and medium; a register by its tariff zone as the meter and the bill write it ("Strefa dzienna"). For every widget
 * that shows points, registers or consumption by zone (the meter reading, the consumption chart).
 */
type Point = components['schemas']['PointOfDelivery'];

const MEDIUM: Record<Point['kind'], () => string> = {
  electricity: () => msg('prąd'),
  gas: () => msg('gaz'),
  water: () => msg('woda'),
  heat: () => msg('ciepło'),
};

/** A point as a customer tells it apart: its name (address), the meter's number and the medium. */
export function pointText(point: Point): string {
  const meter = point.meters[0]?.serialNumber;
  const medium = MEDIUM[point.kind]();
  return meter ? msg(str`${point.name}, licznik nr ${meter} (${medium})`) : `${point.name} (${medium})`;
}
export type ZoneLabel = 'all' | 'day' | 'night' | 'peak' | 'offpeak' | 'morning_peak' | 'afternoon_peak' | 'rest' | 'other';
const ZONES: readonly ZoneLabel[] = ['all', 'day', 'night', 'peak', 'offpeak', 'morning_peak', 'afternoon_peak', 'rest'];

/** The zone of a register as the widgets name it (`other` for a special tariff's own zone name). */
export function zoneOf(zone: string): ZoneLabel {
  return (ZONES as readonly string[]).includes(zone) ? (zone as ZoneLabel) : 'other';
}

/** A register's name: its zone, and "fed into the grid" for a prosumer's feed-in register. */
export function registerName(register: { zone: string; direction: 'consumption' | 'feed_in' }): string {
  const zone = zoneOf(register.zone);
  const names: Record<ZoneLabel, string> = {
    all: msg('Wskazanie licznika'),
    day: msg('Strefa dzienna'),
    night: msg('Strefa nocna'),
    peak: msg('Strefa szczytowa'),
    offpeak: msg('Strefa pozaszczytowa'),
    morning_peak: msg('Szczyt przedpołudniowy'),
    afternoon_peak: msg('Szczyt popołudniowy'),
    rest: msg('Pozostałe godziny doby'),
    other: msg(str`Strefa ${register.zone}`),
  };
  return register.direction === 'feed_in' ? msg(str`Energia oddana do sieci: ${names[zone].toLowerCase()}`) : names[zone];
}
