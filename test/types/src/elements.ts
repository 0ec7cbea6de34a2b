// One element per import, `ebok-widgets/ebok-<name>.js`: it defines the element, and its types put the tag in
// HTMLElementTagNameMap and its events in GlobalEventHandlersEventMap.
import 'ebok-widgets/ebok-login.js';
import 'ebok-widgets/ebok-balance-tile.js';
import { EbokSession } from 'ebok-widgets/ebok-session.js';
import 'ebok-widgets/ebok-provider.js';
import 'ebok-widgets/ebok-register.js';
import 'ebok-widgets/ebok-password-reset.js';
import 'ebok-widgets/ebok-login-reminder.js';
import 'ebok-widgets/ebok-activation.js';

const login = document.createElement('ebok-login');
login.apiBase = '/api/v1';
login.afterLogin = 'hidden';
// @ts-expect-error not a value of after-login
login.afterLogin = 'never';
login.addEventListener('ebok-login-success', (event) => {
  const name: string = event.detail.user.displayName;
  // @ts-expect-error the user summary has no password
  void event.detail.user.password;
  void name;
});

const tile = document.querySelector('ebok-balance-tile');
if (tile) tile.compact = true;
document.addEventListener('ebok-payment-start', (event) => {
  const url: string = event.detail.redirectUrl;
  event.preventDefault();
  void url;
});
document.addEventListener('ebok-navigate', (event) => void event.detail.target);
document.addEventListener('ebok-session-expired', (event) => {
  // @ts-expect-error not a reason the event gives
  if (event.detail.reason === 'timeout') return;
});

export const session: EbokSession = document.createElement('ebok-session');
session.warnBefore = 120;
export const provider = document.createElement('ebok-provider');
provider.theme = 'water';
export const register = document.createElement('ebok-register');
export const reset = document.createElement('ebok-password-reset');
export const reminder = document.createElement('ebok-login-reminder');
export const activation = document.createElement('ebok-activation');
activation.token = 'abc';
