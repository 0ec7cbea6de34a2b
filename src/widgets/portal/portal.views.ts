import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { icon } from '../../kit/icons.js';
import { SECTIONS, sectionAt, type Section } from './portal.sections.js';
import { HOME, type Place } from './portal.routes.js';

/** What the portal's views read of it (portal.ts). */
export interface PortalView {
  readonly apiBase: string | undefined;
  readonly level: number;
  readonly place: Place;
  readonly menuOpen: boolean;
  /** The href of a place inside the portal. */
  href(place: Place): string;
  /** The customer followed a link to a place. */
  follow(event: Event | undefined, place: Place): void;
  toggleMenu(): void;
  onMenuKey(event: KeyboardEvent): void;
  /** The section's heading (focused after a navigation). */
  heading(text: string): TemplateResult;
}

/** Three lines: the menu button's icon (the portal's own, kept out of the kit every page loads). */
const menuIcon = svg`<path d="M4 6h16M4 12h16M4 18h16" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/>`;

/** Signed out on a protected place: the login here, and the place itself once signed in. */
export function loginView(p: PortalView, section: Section): TemplateResult {
  const wanted = section.path === '' ? nothing : html`<p class="lead">${msg(str`Zaloguj się, aby zobaczyć: ${section.title()}.`)}</p>`;
  return html`${wanted}
    <ebok-login api-base=${ifDefined(p.apiBase)} heading-level=${p.level} navigation="inline" after-login="hidden"></ebok-login>`;
}

export function notFoundView(p: PortalView): TemplateResult {
  return html`${p.heading(msg('Nie ma takiej strony'))}
    <div part="not-found">
      <p class="lead">${msg('Pod tym adresem nie ma żadnej części eBOK. Mógł się zmienić albo zawierać literówkę.')}</p>
      <p class="lead">
        <a class="button" part="home-link" href=${p.href(HOME)} @click=${(event: MouseEvent) => p.follow(event, HOME)}>${msg('Przejdź do pulpitu')}</a>
      </p>
    </div>`;
}

/** The navigation: a list of sections, a menu button under 700 px; the current section has `aria-current`. */
export function menuView(p: PortalView, signedIn: boolean): TemplateResult {
  const current = sectionAt(p.place.path);
  const currentPath = current?.parent ?? current?.path;
  const items = SECTIONS.filter((section) => section.menu && (signedIn || section.public || section.path === ''));
  return html`<nav part="nav" class=${p.menuOpen ? 'open' : ''} aria-label=${msg('eBOK')} @keydown=${(event: KeyboardEvent) => p.onMenuKey(event)}>
    <button
      type="button"
      class="button button--secondary menu-button"
      part="menu-button"
      aria-expanded=${p.menuOpen ? 'true' : 'false'}
      aria-controls="menu"
      @click=${() => p.toggleMenu()}
    >
      ${icon(menuIcon)}${msg('Menu')}
    </button>
    <ul class="menu" part="menu" id="menu">
      ${items.map((section) => {
        const place = { path: section.path, query: {} };
        const here = current !== undefined && currentPath === section.path;
        const label = section.path === '' && !signedIn ? msg('Logowanie') : section.title();
        return html`<li>
          <a part="menu-link" href=${p.href(place)} aria-current=${ifDefined(here ? 'page' : undefined)} @click=${(event: MouseEvent) => p.follow(event, place)}>${label}</a>
        </li>`;
      })}
    </ul>
  </nav>`;
}
