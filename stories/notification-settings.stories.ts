import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { createHandlers, problemResponse, type ScenarioName } from './mocks/handlers.js';
import { NOTIFICATION_TOPICS } from './mocks/settings.js';
import { persona, profileOf, type Schemas } from '../demo/personas/index.js';
import { resetClients } from '../src/api/registry.js';
import '../src/widgets/notification-settings/ebok-notification-settings.js';
import { deviceOffline } from './support/offline.js';
import { press } from './support/forms.js';

const BASE = '/api/v1';

/**
 * "Powiadomienia" (seeds 000, 002, 004): which news the customer gets by e-mail and by SMS, as a table of topics ×
 * channels, and how many days before the due date the reminder comes. Security e-mails stay on; SMS needs a
 * confirmed phone (without one the column is off, with a link to "Moje dane"). Switch language, theme and text size
 * in the toolbar.
 */
const meta: Meta = {
  title: 'Widgets/Notification settings',
  component: 'ebok-notification-settings',
  loaders: [
    () => {
      resetClients();
      return {};
    },
  ],
  render: () => html`<ebok-notification-settings profile-href="/moje-dane"></ebok-notification-settings>`,
};
export default meta;

type Story = StoryObj;

const answers = (scenario?: ScenarioName, ...first: HttpHandler[]): Story['parameters'] => ({
  msw: { handlers: [...first, ...createHandlers({ base: BASE, ...(scenario ? { scenario } : {}) })] },
});
const noPhone = http.get(`${BASE}/customer/profile`, () => HttpResponse.json({ ...profileOf(persona('energia')), phone: null }));
const allOff = (): Schemas['NotificationPreferences'] => {
  const off = Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t, false])) as Schemas['NotificationEvents'];
  return { email: { ...off, security: true }, sms: off, dueDateReminderDays: 3 };
};
/** The settings as the widget shows them, then "Zapisz ustawienia" pressed. */
const save = ({ canvasElement }: { canvasElement: HTMLElement }) => press(canvasElement.querySelector('ebok-notification-settings')!, '[part="submit"]');

export const Data: Story = { name: 'Energia: e-mail for everything, SMS for due dates, works, readings, collection', parameters: answers() };
export const NoPhone: Story = { name: 'No confirmed phone: SMS off, with a link to add one', parameters: answers(undefined, noPhone) };
export const EverythingOff: Story = {
  name: 'Everything turned off (only security e-mails stay on)',
  parameters: answers(undefined, http.get(`${BASE}/customer/notification-preferences`, () => HttpResponse.json(allOff()))),
};
export const Saving: Story = { name: 'Saving', parameters: answers(undefined, http.put(`${BASE}/customer/notification-preferences`, async () => void (await delay('infinite')))), play: save };
export const Saved: Story = { name: 'Saved (focus on the message)', parameters: answers(), play: save };
export const SaveFails: Story = {
  name: 'Saving fails: the choices stay',
  parameters: answers(undefined, http.put(`${BASE}/customer/notification-preferences`, () => problemResponse(503, 'service_unavailable'))),
  play: save,
};
export const SessionExpired: Story = { name: 'Session expired (save resends after a new login)', parameters: answers('session-expired') };
export const SignedOut: Story = { name: 'Signed out', parameters: answers('signed-out') };
export const Loading: Story = { parameters: answers('timeout') };
export const ServerError: Story = { name: 'Error with retry', parameters: answers('server-error') };
export const Offline: Story = { parameters: answers('offline'), beforeEach: deviceOffline };
export const NarrowPhone: Story = { name: 'Phone, 320 px', parameters: answers(), globals: { viewport: { value: 'mobile1', isRotated: false } } };
export const English: Story = { parameters: answers(), globals: { locale: 'en' } };
export const EnglishNoPhone: Story = { name: 'English, no confirmed phone', parameters: answers(undefined, noPhone), globals: { locale: 'en' } };
export const EnglishSaved: Story = { name: 'English, saved', parameters: answers(), globals: { locale: 'en' }, play: save };
export const EnglishError: Story = { name: 'English, error with retry', parameters: answers('server-error'), globals: { locale: 'en' } };
export const EnglishOffline: Story = { name: 'English, offline', parameters: answers('offline'), globals: { locale: 'en' }, beforeEach: deviceOffline };
