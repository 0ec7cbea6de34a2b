/**
 * ebok-widgets: classes, types and helpers, with no side effects (nothing is defined here).
 * To define the elements, import `ebok-widgets/all.js` or one `ebok-widgets/ebok-<name>.js` per widget.
 */
export * from './core/index.js';
export * from './theme/index.js';
export {
  currentLocale,
  normalizeLocale,
  setPageLocale,
  localeReady,
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
} from './i18n/locale.js';
export * from './i18n/format.js';
export * from './i18n/units.js';
export * from './api/index.js';
export * from './context/index.js';
export { EbokApiElement } from './core/api-element.js';
export { ApiTask, type ApiTaskStatus, type ApiTaskOptions, type ApiTaskRenderers } from './controllers/api-task.js';
export { EbokProvider } from './widgets/provider/provider.js';
export { EbokBalanceTile } from './widgets/balance-tile/balance-tile.js';
export { balanceState, payPlan, type BalanceState } from './widgets/balance-tile/balance-tile.logic.js';
export { EbokRegister } from './widgets/register/register.js';
export { EbokPasswordReset } from './widgets/password-reset/password-reset.js';
export { EbokLoginReminder } from './widgets/login-reminder/login-reminder.js';
export { EbokActivation } from './widgets/activation/activation.js';
export { EbokInvoiceList } from './widgets/invoice-list/invoice-list.js';
export { EbokPaymentHistory } from './widgets/payment-history/payment-history.js';
export { EbokMeterReading } from './widgets/meter-reading/meter-reading.js';
export { EbokConsumptionChart } from './widgets/consumption-chart/consumption-chart.js';
export { EbokTicketForm } from './widgets/ticket-form/ticket-form.js';
export { EbokTicketCreatedEvent, type TicketCreatedDetail } from './widgets/ticket-form/ticket-form.events.js';
export { EbokTickets } from './widgets/tickets/tickets.js';
export { EbokTicketRepliedEvent, type TicketRepliedDetail } from './widgets/tickets/tickets.events.js';
export { EbokMessages } from './widgets/messages/messages.js';
export { EbokUnreadChangeEvent, type UnreadChangeDetail } from './widgets/messages/messages.events.js';
export { EbokOutages } from './widgets/outages/outages.js';
export { EbokNotificationSettings } from './widgets/notification-settings/notification-settings.js';
export { EbokNotificationSettingsSavedEvent } from './widgets/notification-settings/notification-settings.events.js';
export { EbokTariffChange } from './widgets/tariff-change/tariff-change.js';
export { EbokTariffChangeRequestedEvent, type TariffChangeRequestedDetail } from './widgets/tariff-change/tariff-change.events.js';
export { EbokProfile } from './widgets/profile/profile.js';
export { EbokProfileChangeEvent, type ProfileChangeDetail, type ProfileChange } from './widgets/profile/profile.events.js';
export { EbokAccountRemoval } from './widgets/account-removal/account-removal.js';
export { EbokAccountRemovalRequestedEvent, type AccountRemovalRequestedDetail } from './widgets/account-removal/account-removal.events.js';
export { EbokConsents } from './widgets/consents/consents.js';
export { EbokConsentsChangedEvent, type ConsentsChangedDetail } from './widgets/consents/consents.events.js';
export { EbokPoints } from './widgets/points/points.js';
export { EbokContracts } from './widgets/contracts/contracts.js';
export { EbokPortal } from './widgets/portal/portal.js';
export { EbokRouteChangeEvent, type RouteChangeDetail } from './widgets/portal/portal.events.js';
export type { Routing as PortalRouting } from './widgets/portal/portal.routes.js';
export { EbokDashboard } from './widgets/dashboard/dashboard.js';
export { EbokReadingSubmittedEvent } from './widgets/meter-reading/meter-reading.events.js';
export { parseReading, windowView, reminderOf, isRollOver } from './widgets/meter-reading/meter-reading.logic.js';
export { EbokLogin, type LoginTarget } from './widgets/login/login.js';
export { EbokSession } from './widgets/session/session.js';
export { IdleTimer, Countdown, systemClock, type Clock, type IdlePhase, type IdleTimerOptions } from './controllers/idle-timer.js';
export * from './validation/index.js';
export { loadWidget, loadAllWidgets, WIDGET_MODULES } from './cdn/autoloader.js';
