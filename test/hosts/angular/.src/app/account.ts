/* eslint-disable -- Angular host, type-checked by its own `ng build`; the root ESLint cannot resolve @angular/* here (test/hosts/README.md) */
import { Component, CUSTOM_ELEMENTS_SCHEMA, inject } from '@angular/core';
import type { EbokLoginSuccessEvent } from 'ebok-widgets';
import { HostState } from './state';

declare global {
  interface Window {
    hostConfig?: { apiBase?: string };
  }
}

/** The route with the widgets. Leaving it unmounts them; coming back mounts fresh elements. */
@Component({
  selector: 'app-account',
  // The ebok-* tags are custom elements: Angular binds their properties and events without knowing them.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <section data-route="account">
      <h2>Moje konto</h2>
      <!-- Attribute bindings (api-base, heading-level) and property bindings (lang, afterLogin). -->
      <ebok-provider [attr.api-base]="apiBase" [lang]="state.lang()">
        <ebok-session signed-out="login" login-href="/"></ebok-session>
        <ebok-login [afterLogin]="state.afterLogin()" (ebok-login-success)="onLoginSuccess($event)"></ebok-login>
        <ebok-balance-tile href="/saldo" [attr.heading-level]="state.headingLevel()"></ebok-balance-tile>
      </ebok-provider>
    </section>
  `,
})
export class Account {
  protected readonly state = inject(HostState);
  protected readonly apiBase = window.hostConfig?.apiBase;

  protected onLoginSuccess(event: Event): void {
    const { detail } = event as EbokLoginSuccessEvent;
    if (detail.user) this.state.logins.update((n) => n + 1);
  }
}
