// Vue: the elements as GlobalComponents (`ebok-widgets/vue`), which vue-tsc reads to check SFC templates.
// What a template `<ebok-login api-base="…" after-login="hidden" @ebok-login-success="…">` is checked
// against, written out in TypeScript.
import type {} from 'ebok-widgets/vue';
import type { GlobalComponents } from 'vue';
import { defineComponent, h } from 'vue';
import { EbokLoginSuccessEvent } from 'ebok-widgets';

type Login = InstanceType<GlobalComponents['ebok-login']>;
type Tile = InstanceType<GlobalComponents['ebok-balance-tile']>;

export const loginProps: Login['$props'] = { apiBase: '/api/v1', afterLogin: 'hidden', headingLevel: 3, class: 'login' };
// @ts-expect-error not a value of after-login
export const wrongLogin: Login['$props'] = { afterLogin: 'never' };
export const tileProps: Tile['$props'] = { compact: true, signedOut: 'prompt', theme: 'energy' };
// @ts-expect-error not a theme
export const wrongTile: Tile['$props'] = { theme: 'coal' };

export function emitted(login: Login, event: EbokLoginSuccessEvent): void {
  login.$emit('ebok-login-success', event);
  // @ts-expect-error the element fires no such event
  login.$emit('ebok-login-failure', event);
}

export default defineComponent({
  name: 'PortalPage',
  render: () => h('ebok-login', { 'api-base': '/api/v1', onEbokLoginSuccess: (event: EbokLoginSuccessEvent) => event.detail.user.email }),
});
