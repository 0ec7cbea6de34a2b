import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getResponse, http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, problemResponse, type PersonaKey, type ProblemCode, type ScenarioName } from './mocks/handlers.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/meter-reading/ebok-meter-reading.js';
import type { EbokMeterReading } from '../src/widgets/meter-reading/meter-reading.js';
import type { ContextRegister, Point, ReadingContext } from '../src/widgets/meter-reading/meter-reading.logic.js';
import { deviceOffline } from './support/offline.js';

const BASE = '/api/v1';

interface Args {
  pointId: string;
  variant: 'form' | 'reminder';
  hideHistory: boolean;
}

/**
 * Sending a meter reading (seeds 000, 001, 003): the reading window, one field per register as the meter
 * shows it with the last reading beside it, checks before sending (lower than the last reading unless the
 * meter rolled over, an unusual value confirmed explicitly, all registers or none), a photo of the meter, the
 * answer (settlement with the amount, or control) and the history. A reading sent without a connection waits
 * and goes by itself when the connection returns. Keyboard: Tab through the registers, Enter sends. Switch
 * language, theme and text size in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Widgets/Meter reading',
  component: 'ebok-meter-reading',
  args: { pointId: 'pt_e_0001', variant: 'form', hideHistory: false },
  argTypes: { variant: { control: 'select', options: ['form', 'reminder'] } },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-meter-reading
    login-href="/logowanie"
    pay-href="/saldo"
    href="/odczyt"
    point-id=${args.pointId}
    variant=${args.variant}
    ?hide-history=${args.hideHistory}
  ></ebok-meter-reading>`,
};
export default meta;

type Story = StoryObj<Args>;

const answers = (options: { scenario?: ScenarioName; persona?: PersonaKey; first?: HttpHandler[] } = {}): Story['parameters'] => ({
  msw: { handlers: [...(options.first ?? []), ...createHandlers({ base: BASE, ...(options.scenario ? { scenario: options.scenario } : {}), ...(options.persona ? { persona: options.persona } : {}) })] },
});

/** energia's flat point with other registers (G13's three zones, a prosumer's feed-in): the mock's context, reshaped. */
function registersOf(shape: (register: ContextRegister) => ContextRegister[], tariff: string): HttpHandler[] {
  const handlers = createHandlers({ base: BASE });
  return [
    http.get(`${BASE}/points`, async ({ request }) => {
      const answer = (await getResponse(handlers, request))!;
      const page = (await answer.json()) as { items: Point[] };
      return HttpResponse.json({ ...page, items: page.items.map((p) => (p.id === 'pt_e_0001' ? { ...p, tariff } : p)) });
    }),
    http.get(`${BASE}/points/pt_e_0001/reading-context`, async ({ request }) => {
      const context = (await (await getResponse(handlers, request))!.json()) as ReadingContext;
      return HttpResponse.json({ ...context, registers: shape(context.registers[0]!) });
    }),
    ...handlers,
  ];
}

const G13 = registersOf(
  (r) => (['morning_peak', 'afternoon_peak', 'rest'] as const).map((zone, i) => ({ ...r, registerId: `reg_g13_${i}`, zone, obisCode: `1.8.${i + 1}` })),
  'G13',
);
const PROSUMER = registersOf((r) => [r, { ...r, registerId: 'reg_feed', direction: 'feed_in', obisCode: '2.8.0', allowedRange: null }], 'G11');

/** Types `values` into the registers (in order) and sends; `confirm` answers the plausibility question. */
const sendWith =
  (values: (register: ContextRegister) => string, confirm = false): Story['play'] =>
  async ({ canvasElement }) => {
    const el = canvasElement.querySelector<EbokMeterReading>('ebok-meter-reading')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('form'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const context = (await (await fetch(`${BASE}/points/${el.pointId ?? 'pt_e_0001'}/reading-context`)).json()) as ReadingContext;
    for (const register of context.registers) {
      const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#value-${register.registerId}`)!;
      input.value = values(register);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    if (!confirm) return;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('[part="confirm-send"]'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-send"]')?.click();
  };
const usual = (r: ContextRegister) => (r.allowedRange ? ((Number(r.allowedRange.min) + Number(r.allowedRange.max)) / 2).toFixed(r.decimals).replace('.', ',') : (r.lastReading?.value ?? '0'));
const absurd = (r: ContextRegister) => String(Math.round(Number(r.allowedRange?.max ?? 1000) * 4));
const rejectPost = (status: number, code: ProblemCode, extra: Record<string, unknown> = {}) => http.post(`${BASE}/points/:pointId/readings`, () => problemResponse(status, code, extra));

export const G12DayNight: Story = { name: 'Window open, G12 (day and night)', parameters: answers() };
export const ChoosePoint: Story = { name: 'Two meters: choose one', args: { pointId: '' }, parameters: answers() };
export const WindowClosed: Story = { name: 'Window closed (the cottage, G11: when the next opens)', args: { pointId: 'pt_e_0002' }, parameters: answers() };
export const WindowClosedEverywhere: Story = { name: 'Window closed (scenario)', parameters: answers({ scenario: 'reading-window-closed' }) };
export const ThreeZones: Story = { name: 'G13: three zones', parameters: { msw: { handlers: G13 } } };
export const Prosumer: Story = { name: 'Prosumer: consumption and feed-in', parameters: { msw: { handlers: PROSUMER } } };
export const Gas: Story = { name: 'Gas in m³ (the kWh conversion explained)', args: { pointId: 'pt_g_0001' }, parameters: answers({ persona: 'gaz' }), globals: { theme: 'gas' } };
export const Water: Story = { name: 'Water in m³ with decimals, photo allowed', args: { pointId: 'pt_w_0001' }, parameters: answers({ persona: 'woda' }), globals: { theme: 'water' } };
export const Sent: Story = { name: 'Sent: settlement with the amount to pay', parameters: answers(), play: sendWith(usual) };
export const Implausible: Story = { name: 'Unusual value: asks to confirm', parameters: answers(), play: sendWith(absurd) };
export const ConfirmedAwaitingReview: Story = { name: 'Unusual value confirmed: awaiting review', parameters: answers(), play: sendWith(absurd, true) };
export const LowerThanPrevious: Story = { name: 'Lower than the last reading', parameters: answers(), play: sendWith((r) => String(Math.max(0, Number(r.lastReading?.value ?? 10) - 50))) };
export const RollOver: Story = {
  name: 'Roll-over past 99999 (accepted)',
  parameters: { msw: { handlers: registersOf((r) => [{ ...r, lastReading: { ...r.lastReading!, value: '99980' }, allowedRange: { min: '99990', max: '100200' } }], 'G11') } },
  play: sendWith(() => '00042'),
};
export const Duplicate: Story = { name: 'Duplicate of a reading already sent', parameters: answers({ first: [rejectPost(422, 'reading_duplicate')] }), play: sendWith(usual) };
export const PhotoTooLarge: Story = {
  name: 'Photo too large (server)',
  args: { pointId: 'pt_w_0001' },
  parameters: answers({ persona: 'woda', first: [rejectPost(422, 'attachment_too_large', { fields: [{ field: '/photo', code: 'attachment_too_large', message: 'Za duże.' }] })] }),
  play: sendWith(usual),
};
export const OfflineQueued: Story = {
  name: 'Sent offline: kept, sent when back online',
  parameters: answers({ first: [http.post(`${BASE}/points/:pointId/readings`, () => HttpResponse.error())] }),
  play: sendWith(usual),
};
/** The first attempt finds no connection; "Wyślij teraz" (or the next try, 15 s later) finds one and sends it, once. */
function connectionReturns(): HttpHandler {
  let first = true;
  return http.post(`${BASE}/points/:pointId/readings`, () => {
    if (!first) return undefined;
    first = false;
    return HttpResponse.error();
  });
}
export const SentAfterComingOnline: Story = {
  name: 'Sent offline, then sent once the connection returns',
  parameters: answers({ first: [connectionReturns()] }),
  play: sendWith(usual),
};
export const Reminder: Story = { name: 'Reminder line for a dashboard', args: { variant: 'reminder' }, parameters: answers() };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const LargeText: Story = { name: 'Large text', parameters: answers(), globals: { textSize: 'large' } };
export const Loading: Story = { parameters: answers({ scenario: 'timeout' }) };
export const Empty: Story = { name: 'No meter to read (new customer)', parameters: answers({ scenario: 'empty' }) };
export const ServerError: Story = { name: 'Error with retry', parameters: answers({ scenario: 'server-error' }) };
export const Offline: Story = {
  parameters: answers({ scenario: 'offline' }),
  beforeEach: deviceOffline,
};
export const SignedOut: Story = { parameters: answers({ scenario: 'signed-out' }) };
