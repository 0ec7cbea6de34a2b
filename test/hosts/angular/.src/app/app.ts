/* eslint-disable -- Angular host, type-checked by its own `ng build`; the root ESLint cannot resolve @angular/* here (test/hosts/README.md) */
import { Component, inject } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import type { EbokNavigateEvent } from 'ebok-widgets';
import { HostState } from './state';

@Component({
  selector: 'app-root',
  imports: [RouterLink, RouterOutlet],
  // The router takes over every link the widgets follow: cancel ebok-navigate and route in the app.
  host: { '(document:ebok-navigate)': 'onNavigate($event)' },
  template: `
    <header class="site">
      <p class="brand">Energia Plus · Angular</p>
      <nav>
        <a routerLink="/" data-test="to-account">Moje konto</a>
        {{ ' ' }}
        <a routerLink="/saldo" data-test="to-details">Saldo</a>
      </nav>
      <div class="controls">
        <button type="button" data-test="lang" (click)="state.lang.set(state.lang() === 'pl' ? 'en' : 'pl')">lang: {{ state.lang() }}</button>
        <button type="button" data-test="heading-level" (click)="state.headingLevel.set(state.headingLevel() === 2 ? 3 : 2)">
          heading-level: {{ state.headingLevel() }}
        </button>
        <button type="button" data-test="after-login" (click)="state.afterLogin.set(state.afterLogin() === 'message' ? 'hidden' : 'message')">
          after-login: {{ state.afterLogin() }}
        </button>
      </div>
      <p class="stats">
        ebok-login-success: <output data-test="logins">{{ state.logins() }}</output>, ebok-navigate:
        <output data-test="navigations">{{ state.navigations() }}</output>
        <output data-test="last-target">{{ state.lastTarget() }}</output>
      </p>
    </header>
    <main><router-outlet /></main>
  `,
})
export class App {
  protected readonly state = inject(HostState);
  private readonly router = inject(Router);

  protected onNavigate(event: Event): void {
    const { detail } = event as EbokNavigateEvent;
    event.preventDefault();
    this.state.navigations.update((n) => n + 1);
    this.state.lastTarget.set(detail.target);
    void this.router.navigateByUrl(detail.href ?? '/');
  }
}
