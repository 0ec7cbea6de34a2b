/**
 * Defines every ebok element up front: `ebok-widgets/all.js` for bundlers. (The CDN file loads each
 * widget only when its tag is on the page: see cdn/index.ts.)
 */
import './widgets/provider/ebok-provider.js';
import './widgets/balance-tile/ebok-balance-tile.js';
import './widgets/login/ebok-login.js';
import './widgets/session/ebok-session.js';
import './widgets/register/ebok-register.js';
import './widgets/password-reset/ebok-password-reset.js';
import './widgets/login-reminder/ebok-login-reminder.js';
import './widgets/activation/ebok-activation.js';
import './widgets/invoice-list/ebok-invoice-list.js';
import './widgets/payment-history/ebok-payment-history.js';
import './widgets/meter-reading/ebok-meter-reading.js';
import './widgets/consumption-chart/ebok-consumption-chart.js';
import './widgets/ticket-form/ebok-ticket-form.js';
import './widgets/tickets/ebok-tickets.js';
import './widgets/messages/ebok-messages.js';
import './widgets/outages/ebok-outages.js';
import './widgets/notification-settings/ebok-notification-settings.js';
import './widgets/tariff-change/ebok-tariff-change.js';
import './widgets/profile/ebok-profile.js';
import './widgets/account-removal/ebok-account-removal.js';
import './widgets/consents/ebok-consents.js';
import './widgets/points/ebok-points.js';
import './widgets/contracts/ebok-contracts.js';
import './widgets/portal/ebok-portal.js';
import './widgets/dashboard/ebok-dashboard.js';

export * from './index.js';
