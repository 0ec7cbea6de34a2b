import { msg } from '@lit/localize';
import type { components } from '../api/schema.js';

/**
 * What `<ebok-outages>` and the dashboard's outages card share: the areas of the customer's points of delivery (the
 * postal codes the outages are searched by) and the words of an interruption (its kind, status and place).
 */
export type Outage = components['schemas']['Outage'];
export type UtilityKind = components['schemas']['UtilityKind'];
type Point = components['schemas']['PointOfDelivery'];

/** The postal codes of the customer's points, each once, in the order of the points. */
export function pointAreas(points: readonly Point[]): string[] {
  const codes = points.map((p) => p.address?.postalCode).filter((code): code is string => typeof code === 'string' && /^\d{2}-\d{3}$/.test(code));
  return [...new Set(codes)];
}

export function kindText(kind: UtilityKind): string {
  switch (kind) {
    case 'gas':
      return msg('Gaz');
    case 'water':
      return msg('Woda');
    case 'heat':
      return msg('Ciepło');
    default:
      return msg('Prąd');
  }
}

export function statusText(status: Outage['status']): string {
  if (status === 'ongoing') return msg('Trwa teraz');
  if (status === 'ended') return msg('Zakończone');
  return msg('Planowane');
}

/** "Gliwice, Sośnica (44-109)": the locality named only when it is not the municipality itself. */
export function areaText(area: Outage['area']): string {
  const place = area.locality && area.locality !== area.municipality ? `${area.municipality}, ${area.locality}` : area.municipality;
  return area.postalCodes.length ? `${place} (${area.postalCodes.join(', ')})` : place;
}
