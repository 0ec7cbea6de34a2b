/**
 * Public planned and ongoing interruptions of supply near the demo customers, laid out by calendar day around
 * `now` (never by the hour of `now`, so the seed and the mocks agree all day).
 */
import type { DayClock } from './clock.js';
import type { PersonaOutage } from './types.js';

export function outages(clock: DayClock): PersonaOutage[] {
  const { at } = clock;
  return [
    {
      id: 'out_e_001',
      kind: 'electricity',
      area: { municipality: 'Gliwice', locality: 'Gliwice', postalCodes: ['44-100'] },
      streets: ['ul. Zwycięstwa 1–30', 'ul. Dworcowa'],
      startsAt: at(1, 8),
      endsAt: at(1, 14),
      reason: { pl: 'Planowane prace konserwacyjne sieci energetycznej.', en: 'Planned maintenance of the power network.' },
    },
    {
      id: 'out_g_001',
      kind: 'gas',
      area: { municipality: 'Zabrze', locality: 'Zabrze', postalCodes: ['41-800'] },
      streets: ['ul. Wolności 200–260'],
      startsAt: at(-1, 21, 40),
      endsAt: null,
      reason: { pl: 'Awaria gazociągu – trwa usuwanie usterki.', en: 'Gas pipeline failure – repair in progress.' },
    },
    {
      id: 'out_w_001',
      kind: 'water',
      area: { municipality: 'Gliwice', locality: 'Sośnica', postalCodes: ['44-109'] },
      streets: ['ul. Daszyńskiego', 'ul. Przyszowska'],
      startsAt: at(5, 9),
      endsAt: at(5, 15),
      reason: { pl: 'Wymiana zasuwy na sieci wodociągowej.', en: 'Replacement of a valve in the water network.' },
    },
    {
      id: 'out_e_002',
      kind: 'electricity',
      area: { municipality: 'Kraków', locality: 'Kraków – Stare Miasto', postalCodes: ['31-147', '31-148'] },
      streets: ['ul. Długa'],
      startsAt: at(12, 7),
      endsAt: at(12, 12),
      reason: { pl: 'Modernizacja stacji transformatorowej.', en: 'Upgrade of a transformer station.' },
    },
    {
      id: 'out_e_003',
      kind: 'electricity',
      area: { municipality: 'Katowice', locality: 'Katowice', postalCodes: ['40-092'] },
      streets: [],
      startsAt: at(-2, 10),
      endsAt: at(-2, 13),
      reason: { pl: 'Usunięta awaria linii kablowej.', en: 'A cable line failure (repaired).' },
    },
    {
      id: 'out_e_004',
      kind: 'electricity',
      area: { municipality: 'Toszek', locality: 'Pławniowice', postalCodes: ['44-171'] },
      streets: ['ul. Jeziorna', 'ul. Parkowa'],
      startsAt: at(19, 7, 30),
      endsAt: at(19, 13),
      reason: { pl: 'Przyłączenie nowej stacji transformatorowej.', en: 'Connection of a new transformer station.' },
    },
  ];
}
