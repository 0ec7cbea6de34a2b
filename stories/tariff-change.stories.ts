import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, problemResponse, type ScenarioName } from './mocks/handlers.js';
import { decidedTariffChange, tariffOptionsOf } from './mocks/settings.js';
import { persona, pointsOf } from '../demo/personas/index.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/tariff-change/ebok-tariff-change.js';
import { deviceOffline } from './support/offline.js';
import { press, waitFor } from './support/forms.js';

const BASE = '/api/v1';

/**
 * "Zmiana taryfy" (seed 000): the tariffs offered for a point of delivery with their zones, hours and a year's
 * estimated cost from the customer's last 12 months, a confirmation, and the request's status afterwards. A pending
 * request blocks a second one. Energia's flat `pt_e_0001` is on G12. Switch language, theme and text size in the
 * toolbar.
 */
const meta: Meta = {
  title: 'Widgets/Tariff change',
  component: 'ebok-tariff-change',
  args: { pointId: 'pt_e_0001' },
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: (args) => html`<ebok-tariff-change point-id=${(args as { pointId?: string }).pointId ?? ''}></ebok-tariff-change>`,
};
export default meta;

type Story = StoryObj;

const answers = (scenario?: ScenarioName, ...first: HttpHandler[]): Story['parameters'] => ({
  msw: { handlers: [...first, ...createHandlers({ base: BASE, ...(scenario ? { scenario } : {}) })] },
});
/** The point's requests as the utility decided them (newest first). */
const requests = (...statuses: Parameters<typeof decidedTariffChange>[0][]): HttpHandler =>
  http.get(`${BASE}/tariff-change-requests`, () => HttpResponse.json({ items: statuses.map((s) => decidedTariffChange(s, new Date())) }));
const flat = pointsOf(persona('energia')).find((p) => p.id === 'pt_e_0001')!;
const widget = (canvas: HTMLElement) => canvas.querySelector('ebok-tariff-change')!;

/** G12W chosen and "Dalej" pressed: the confirmation step. */
async function confirmG12W({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const el = widget(canvasElement);
  (await waitFor<HTMLInputElement>(el, '#tariff-G12W'))?.click();
  await press(el, '[part="next"]');
}
/** Through the confirmation to "Wyślij wniosek". */
async function send(context: { canvasElement: HTMLElement }): Promise<void> {
  await confirmG12W(context);
  await press(widget(context.canvasElement), '[part="submit"]');
}

export const Choose: Story = { name: 'Energia’s flat on G12: the other tariffs with estimates', parameters: answers() };
export const Confirm: Story = { name: 'G12W chosen: the confirmation', parameters: answers(), play: confirmG12W };
export const Sending: Story = { name: 'Sending', parameters: answers(undefined, http.post(`${BASE}/points/:pointId/tariff-change-requests`, async () => void (await delay('infinite')))), play: send };
export const Sent: Story = { name: 'Sent: the request pending (focus on the message)', parameters: answers(), play: send };
export const Pending: Story = { name: 'A request pending: no second one offered', parameters: answers(undefined, requests('submitted')) };
export const Decided: Story = { name: 'Earlier requests: accepted, effective, rejected with a reason', parameters: answers(undefined, requests('accepted', 'effective', 'rejected')) };
export const SendFails: Story = {
  name: 'Sending fails: the choice stays',
  parameters: answers(undefined, http.post(`${BASE}/points/:pointId/tariff-change-requests`, () => problemResponse(503, 'service_unavailable'))),
  play: send,
};
export const AlreadyPending: Story = {
  name: 'Filed elsewhere meanwhile (409): the pending request shows',
  parameters: answers(undefined, http.post(`${BASE}/points/:pointId/tariff-change-requests`, () => problemResponse(409, 'conflict'))),
  play: send,
};
export const NoEstimate: Story = {
  name: 'No consumption yet: no estimates',
  parameters: answers(undefined, http.get(`${BASE}/points/pt_e_0001/tariff-options`, () => HttpResponse.json(tariffOptionsOf(persona('energia'), flat, true, new Date(), 'pl')))),
};
export const ChoosePoint: Story = { name: 'No point-id: choose the point first', args: { pointId: '' }, parameters: answers() };
export const NoPoints: Story = { name: 'No points of delivery (empty)', args: { pointId: '' }, parameters: answers('empty') };
export const SessionExpired: Story = { name: 'Session expired (sending resends after a new login)', parameters: answers('session-expired') };
export const SignedOut: Story = { name: 'Signed out', parameters: answers('signed-out') };
export const Loading: Story = { parameters: answers('timeout') };
export const ServerError: Story = { name: 'Error with retry', parameters: answers('server-error') };
export const Offline: Story = { parameters: answers('offline'), beforeEach: deviceOffline };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const EnglishPending: Story = { name: 'English, a request pending', parameters: answers(undefined, requests('submitted')), globals: { locale: 'en' } };
export const EnglishSent: Story = { name: 'English, sent', parameters: answers(), globals: { locale: 'en' }, play: send };
export const EnglishError: Story = { name: 'English, error with retry', parameters: answers('server-error'), globals: { locale: 'en' } };
export const EnglishOffline: Story = { name: 'English, offline', parameters: answers('offline'), globals: { locale: 'en' }, beforeEach: deviceOffline };
