/**
 * energia@example.com: Jan Kowalski, an electricity customer of Energia Przykład in Gliwice. A flat with a G12
 * day/night meter read by the customer (reading window open now) and a summer cottage with a smart meter
 * (G11, daily data), 24 months of history, and one overdue invoice of 245.67 PLN with three failed attempts
 * to pay it online. The Storybook mocks show this customer by default.
 */
import { addDays, daysBetween } from '../../src/i18n/calendar.js';
import { endOfMonth, type DayClock } from './clock.js';
import { account, address, attachment, contract, histories, message, once, plDate, preferences, terms, ticket, ticketMessage } from './common.js';
import { base64Bytes, makePdf, PNG_BASE64 } from './files.js';
import { buildPoint, correction, invoices, register, schedule, season, type PointProfile, type Sequence } from './history.js';
import { checkedPpe, makeGsrn, makePesel } from './identifiers.js';
import { money, pln } from './money.js';
import { ENERGIA, formatNrb } from './utilities.js';
import type { Persona, PersonaDocument, PersonaPayment } from './types.js';

/** Fixed ids the stories and tests of the energia persona name. */
export const ENERGIA_IDS = {
  flat: 'pt_e_0001',
  cottage: 'pt_e_0002',
  /** The overdue invoice (the only open document). */
  overdueInvoice: 'doc_energia_0001',
  tickets: { answered: 'tkt_e_0001', inProgress: 'tkt_e_0002', awaitingCustomer: 'tkt_e_0003', open: 'tkt_e_0004', closed: 'tkt_e_0005' },
  /** Payments in every final status, for the return page from the payment operator. */
  payments: { paid: 'pay_8Hq2Lm4Xr', declined: 'pay_3Dk9Vn2Tb', cancelled: 'pay_6Wm1Qz8Ha', expired: 'pay_9Yc4Rt7Lp' },
} as const;

const NAME = 'Jan Kowalski';
/** The distribution system operator (OSD) of the electricity points. */
const DISTRIBUTOR = 'Przykład Dystrybucja S.A.';
const HOME = address('ul. Zwycięstwa', '12', '4', '44-100', 'Gliwice');

export function energia(clock: DayClock): Persona {
  const { day, at } = clock;
  const flat: PointProfile = {
    id: ENERGIA_IDS.flat,
    kind: 'electricity',
    code: checkedPpe(makeGsrn(2)),
    codeType: 'ppe',
    name: 'Mieszkanie – Zwycięstwa 12/4',
    address: HOME,
    tariff: 'G12',
    contractId: 'ctr_e_0001',
    meter: { serialNumber: '93812744', smart: false },
    supply: { contractedPower: '7.0', readingMode: 'self', readingCycleMonths: 2, distributor: DISTRIBUTOR },
    window: [-2, 10, 61],
    registers: [
      register({ id: 'reg_e1_day', zone: 'day', obisCode: '1.8.1', unit: 'kWh' }, 10_240, season(230, 160), 0.98),
      register({ id: 'reg_e1_night', zone: 'night', obisCode: '1.8.2', unit: 'kWh' }, 4_410, season(120, 85), 0.62),
    ],
  };
  const cottage: PointProfile = {
    id: ENERGIA_IDS.cottage,
    kind: 'electricity',
    code: checkedPpe(makeGsrn(7312)),
    codeType: 'ppe',
    name: 'Dom letniskowy – Jeziorna 8',
    address: address('ul. Jeziorna', '8', null, '44-171', 'Pławniowice', 'Toszek'),
    tariff: 'G11',
    contractId: 'ctr_e_0002',
    meter: { serialNumber: 'AM550-0071123', smart: true },
    supply: { contractedPower: '4.0', readingMode: 'remote', readingCycleMonths: null, distributor: DISTRIBUTOR },
    window: [20, 10, 61],
    registers: [register({ id: 'reg_e2_all', zone: 'all', obisCode: '1.8.0', unit: 'kWh', digits: 6 }, 3_580, season(45, 150), 1.05)],
  };
  const history = histories([flat, cottage], clock);

  const billing = once(() => {
    const [flatHistory, cottageHistory] = history.all();
    const sequence: Sequence = { next: 0 };
    const flatPlans = schedule([{ issue: -24, due: -10, gross: 24_567, paid: false }], 23).map((p, i) => (i === 1 ? { ...p, paymentId: ENERGIA_IDS.payments.paid } : p));
    const flatBills = invoices({ key: 'energia', pointId: flat.id, kind: 'electricity', prefix: 'FV', unit: 'kWh', costs: flatHistory!.costs }, flatPlans, sequence, clock);
    const cottagePlans = schedule([], 12, { first: [-17, -3], spacing: 60.8 }).map((p, i, all) => (i === all.length - 1 ? { ...p, hasPdf: false } : p));
    const cottageBills = invoices({ key: 'energia', pointId: cottage.id, kind: 'electricity', prefix: 'FV', unit: 'kWh', periodDays: 60, costs: cottageHistory!.costs }, cottagePlans, sequence, clock);
    const disputed = flatBills.documents[2]!;
    const kor = day(-70);
    const note: PersonaDocument = {
      id: 'doc_energia_no1',
      number: `NO/${day(-130).slice(0, 4)}/${day(-130).slice(5, 7)}/000058`,
      type: 'interest_note',
      issueDate: day(-130),
      dueDate: day(-116),
      periodFrom: null,
      periodTo: null,
      net: 437,
      vat: 0,
      gross: 437,
      paid: 437,
      correctsId: null,
      hasPdf: true,
      pointIds: [],
      lines: [{ description: 'Odsetki ustawowe za opóźnienie w płatności', quantity: null, unit: null, net: money(437), vatRate: 'np', gross: money(437) }],
    };
    const overdue = flatBills.documents[0]!;
    const attempt = (id: string, status: 'declined' | 'cancelled' | 'expired', method: 'card' | 'blik' | null, offset: number, minutes: number): PersonaPayment => {
      const createdAt = at(offset, 19, 12);
      const expiresAt = new Date(createdAt.getTime() + 15 * 60_000);
      return { id, status, amount: overdue.gross, method, scope: 'documents', documentIds: [overdue.id], createdAt, completedAt: status === 'expired' ? expiresAt : new Date(createdAt.getTime() + minutes * 60_000), expiresAt, allocations: [] };
    };
    const documents = [
      ...flatBills.documents,
      ...cottageBills.documents,
      correction('doc_energia_kor1', `KOR/${kor.slice(0, 4)}/${kor.slice(5, 7)}/000412`, disputed, kor, -3_520, 'Korekta zużycia (odczyt rzeczywisty zamiast prognozy)', '-45', 'kWh'),
      note,
    ];
    const payments: PersonaPayment[] = [
      ...flatBills.payments,
      ...cottageBills.payments,
      { id: 'pay_energia_no1', status: 'paid', amount: 437, method: 'other', scope: 'external', documentIds: [note.id], createdAt: at(-118, 9), completedAt: at(-118, 9), expiresAt: null, allocations: [{ documentId: note.id, amount: 437, on: day(-118) }] },
      attempt(ENERGIA_IDS.payments.declined, 'declined', 'card', -6, 2),
      attempt(ENERGIA_IDS.payments.cancelled, 'cancelled', 'blik', -4, 1),
      attempt(ENERGIA_IDS.payments.expired, 'expired', null, -2, 15),
    ];
    return { documents, payments, disputed, overdue, lastPaid: flatBills.documents[1]! };
  });

  const png = base64Bytes(PNG_BASE64);
  const replyPdf = makePdf(['Energia Przyklad S.A. - odpowiedz na reklamacje.', 'Korekta faktury zostala wystawiona: -35,20 zl.']);
  const requestPdf = makePdf(['Wniosek o zmiane taryfy na G12W', `Klient: ${NAME}, punkt poboru ${flat.code}`]);
  const files = [
    attachment('att_e1_1', 'zdjecie-licznika.png', 'image/png', png),
    attachment('att_e1_2', 'odpowiedź-na-reklamację.pdf', 'application/pdf', replyPdf),
    attachment('att_e5_1', 'wniosek-zmiana-taryfy.pdf', 'application/pdf', requestPdf),
  ] as const;
  const year = (offset: number): string => day(offset).slice(0, 4);
  const { disputed, overdue, lastPaid } = billing();

  return {
    key: 'energia',
    what: 'prąd, taryfa G12 (dzień/noc), 24 miesiące historii, jedna faktura po terminie',
    worlds: 'server and mocks',
    utility: ENERGIA,
    account: account(clock, { userId: 'usr_energia', login: 'energia@example.com', phone: '+48601234567' }),
    customer: {
      id: 'cust_energia',
      number: '1200000017',
      kind: 'person',
      firstName: 'Jan',
      lastName: 'Kowalski',
      companyName: null,
      nationalIdType: 'pesel',
      nationalId: makePesel(1985, 3, 12, 4821),
      contractEmail: 'energia@example.com',
      address: HOME,
      eInvoice: true,
      /** Offers by e-mail given when the account was made (the integration test withdraws it and gives it back). */
      marketing: { email: { given: true, changedAt: clock.at(-400) } },
      preferences: preferences(true),
      ...terms(clock),
    },
    contracts: [
      contract({ id: 'ctr_e_0002', number: 'UE/2023/031108', kind: 'electricity', product: 'Prąd z Gwarancją Ceny', tariff: 'G11', startDate: '2023-04-01', endDate: endOfMonth(clock.today, 4), status: 'active' }),
      contract({ id: 'ctr_e_0001', number: 'UE/2019/004211', kind: 'electricity', product: 'Prąd Stabilny G12', tariff: 'G12', startDate: '2019-04-01', endDate: null, status: 'active' }, [
        ['Aneks nr 1 – zmiana ceny energii', '2022-12-05'],
        ['Aneks nr 2 – e-faktura', '2024-03-18'],
      ]),
      contract({ id: 'ctr_e_0003', number: 'UE/2014/000731', kind: 'electricity', product: 'Prąd Standard', tariff: 'G11', startDate: '2014-02-01', endDate: '2019-03-31', status: 'terminated' }),
    ],
    points: [flat, cottage].map((p) => buildPoint(p, clock)),
    consumption: history.consumption,
    readings: history.readings,
    documents: () => billing().documents,
    payments: () => billing().payments,
    tickets: [
      ticket({ id: ENERGIA_IDS.tickets.answered, number: `ZG/${year(-80)}/000871`, categoryId: 'cat_invoice', subject: 'Zawyżona faktura – zużycie z prognozy', status: 'resolved', pointId: flat.id, documentId: disputed.id }, [
        ticketMessage('tmsg_e1_1', 'customer', NAME, `Dzień dobry, faktura ${disputed.number} uwzględnia zużycie z prognozy, choć podałem odczyt. Załączam zdjęcie licznika. Proszę o korektę.`, at(-80, 9, 12), [files[0]]),
        ticketMessage('tmsg_e1_2', 'consultant', 'Katarzyna z Biura Obsługi Klienta', 'Dzień dobry, reklamację uznaliśmy: wystawiliśmy fakturę korygującą na kwotę -35,20 zł, która pomniejszyła kolejną płatność. W załączniku pismo z wyjaśnieniem.', at(-72, 13, 40), [files[1]]),
      ]),
      ticket({ id: ENERGIA_IDS.tickets.inProgress, number: `ZG/${year(-3)}/001022`, categoryId: 'cat_reading', subject: 'Licznik pokazuje inną wartość niż na fakturze', status: 'in_progress', pointId: flat.id }, [
        ticketMessage('tmsg_e2_1', 'customer', NAME, 'Licznik w strefie nocnej pokazuje mniej niż na ostatniej fakturze. Czy mogę prosić o sprawdzenie?', at(-3, 19, 5)),
      ]),
      ticket({ id: ENERGIA_IDS.tickets.awaitingCustomer, number: `ZG/${year(-12)}/000990`, categoryId: 'cat_reading', subject: 'Odczyt licznika w strefie nocnej', status: 'awaiting_customer', pointId: flat.id }, [
        ticketMessage('tmsg_e3_1', 'customer', NAME, 'Podałem odczyt strefy nocnej, ale system pokazuje inną wartość. Proszę o sprawdzenie.', at(-12, 9, 15)),
        ticketMessage('tmsg_e3_2', 'consultant', 'Marek z Biura Obsługi Klienta', 'Dzień dobry, prosimy o przesłanie zdjęcia licznika, na którym widać oba liczydła i numer licznika.', at(-11, 12, 48)),
      ]),
      ticket({ id: ENERGIA_IDS.tickets.open, number: `ZG/${year(-1)}/001045`, categoryId: 'cat_question', subject: 'Pytanie o prognozę zużycia', status: 'open' }, [
        ticketMessage('tmsg_e4_1', 'customer', NAME, 'Dzień dobry, dlaczego prognoza na kolejne dwa miesiące jest o 30% wyższa niż rok temu? Zużycie mamy podobne.', at(-1, 20, 4)),
      ]),
      ticket({ id: ENERGIA_IDS.tickets.closed, number: `ZG/${year(-130)}/000204`, categoryId: 'cat_tariff', subject: 'Zmiana taryfy na G12W', status: 'closed', pointId: flat.id }, [
        ticketMessage('tmsg_e5_1', 'customer', NAME, 'Proszę o zmianę taryfy na G12W od następnego okresu rozliczeniowego.', at(-130, 19, 2), [files[2]]),
        ticketMessage('tmsg_e5_2', 'consultant', 'Anna z Biura Obsługi Klienta', 'Dzień dobry, zmiana taryfy wymaga wymiany licznika przez operatora sieci. Przekazaliśmy wniosek; operator skontaktuje się telefonicznie. Zamykamy zgłoszenie.', at(-122, 11, 40)),
      ]),
    ],
    attachments: new Map([
      ['att_e1_1', png],
      ['att_e1_2', replyPdf],
      ['att_e5_1', requestPdf],
    ]),
    messages: [
      message(clock, 'msg_energia_001', 'email', 'new_invoice', 'Nowa faktura za energię', `Wystawiliśmy fakturę ${overdue.number} na ${pln(overdue.gross)} z terminem płatności ${plDate(overdue.dueDate)}.`, at(-24, 8, 15), at(-24, 20)),
      message(clock, 'msg_energia_002', 'sms', 'due_date', null, `Energia Przyklad: jutro mija termin platnosci faktury na ${pln(overdue.gross).replace('ł', 'l')}.`, at(-11, 8, 15), at(-11, 9, 2)),
      message(
        clock,
        'msg_energia_003',
        'email',
        'overdue_reminder',
        'Przypomnienie o zaległej płatności',
        `Nie odnotowaliśmy wpłaty ${pln(overdue.gross)}, której termin minął ${plDate(overdue.dueDate)}. Zapłać w eBOK albo przelewem na rachunek ${formatNrb(ENERGIA.bankAccount)}, aby uniknąć odsetek.`,
        at(-7, 8, 15),
        null,
      ),
      message(clock, 'msg_energia_004', 'portal', 'reading_window', 'Podaj odczyt licznika', `Do ${plDate(day(7))} możesz podać odczyt obu stref licznika w punkcie ${flat.name}. Rozliczymy Cię wtedy za rzeczywiste zużycie.`, at(-2, 7, 0), null),
      message(clock, 'msg_energia_005', 'email', 'planned_works', 'Planowane wyłączenie prądu', `${plDate(day(1))} w godz. 8:00–14:00 planujemy prace na sieci w Gliwicach (ul. Zwycięstwa).`, at(-1, 8, 15), null),
      message(clock, 'msg_energia_006', 'portal', 'ticket_reply', 'Odpowiedź na zgłoszenie', 'Konsultant odpowiedział na Twoje zgłoszenie „Odczyt licznika w strefie nocnej”. Odpowiedź znajdziesz w zakładce Zgłoszenia.', at(-11, 12, 49), at(-11, 18, 20)),
      message(clock, 'msg_energia_007', 'email', 'payment_received', 'Otrzymaliśmy Twoją wpłatę', `Dziękujemy, zaksięgowaliśmy wpłatę ${pln(lastPaid.gross)} za fakturę ${lastPaid.number}.`, at(lastPaidOffset(clock, lastPaid.dueDate), 9, 30), at(lastPaidOffset(clock, lastPaid.dueDate), 21, 2)),
      message(clock, 'msg_energia_008', 'email', 'account_security', 'Nowe logowanie do eBOK', 'Zalogowano się do eBOK z nowego urządzenia (Chrome, Linux). Jeśli to nie Ty, zmień hasło i skontaktuj się z nami.', at(-30, 21, 14), at(-30, 21, 20)),
      message(clock, 'msg_energia_009', 'email', 'other', 'Zmiana cennika od nowego roku', 'Informujemy o zmianie cennika opłaty handlowej. Szczegóły w załączniku do umowy dostępnym w eBOK.', at(-45, 9, 0), at(-44, 8, 12)),
    ],
  };
}

/** The day after the payment of an invoice due on `dueDate` was booked (it was paid three days before). */
function lastPaidOffset(clock: DayClock, dueDate: string): number {
  return daysBetween(clock.today, addDays(dueDate, -2));
}
