import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
// The controller alone: the package's index also loads its `Router`, which reads `location` as it loads and
// listens to every click and popstate of the window, which a portal inside a host's page must not do.
import { Routes } from '@lit-labs/router/routes.js';
import { EbokWidget } from '../../kit/widget.js';
import { NoticeController } from '../../kit/notice.js';
import { renderError, renderLoading, renderOffline } from '../../core/status.js';
import type { EbokNavigateEvent } from '../../core/events.js';
import { EbokNavigateEvent as NavigateEvent } from '../../core/events.js';
import { portalStyles } from './portal.styles.js';
import { loginView, menuView, notFoundView, type PortalView } from './portal.views.js';
import { PortalSession } from './portal.session.js';
import { EbokRouteChangeEvent } from './portal.events.js';
import { SECTIONS, TARGETS, sectionAt, type Section, type SectionContext } from './portal.sections.js';
import { HOME, formatPlace, hrefFor, parsePlace, placeFromUrl, placeOfLink, samePlace, writePlace, type Place, type Routing } from './portal.routes.js';

/** The login in place of a section a signed-out visitor asked for; the code arrives with the portal's first render. */
const loadLogin = (): Promise<unknown> => Promise.all([import('../login/ebok-login.js'), import('../session/ebok-session.js')]);

/**
 * The whole customer office in one tag (seeds 000–004): signed out, the login (with registration, password
 * reset and login reminder in place); signed in, the session bar, a navigation and the sections: Pulpit (the
 * dashboard), Finanse, Odczyty, Zużycie, Zgłoszenia, Wiadomości, Moje dane, Umowy i punkty, and the public
 * planned works and failures. Under 700 px of its own width the navigation becomes a menu button.
 *
 * Routing suits a page of someone else's site:
 * - `routing="path"` (the default when `base-path` is set): `/ebok/finanse` under the CMS page `/ebok/`; the
 *   site must answer every address under the base with the same page;
 * - `routing="hash"` (the default otherwise): `#/finanse`, on any page;
 * - `routing="memory"`: the address is never touched (`route` tells and sets where the portal is).
 *
 * Deep links and Back/Forward work in path and hash modes; a signed-out visit to a deep link shows the login
 * and continues there. Every navigation first fires a cancelable `ebok-navigate` (`target: 'portal'`,
 * `params.route`): a single-page host cancels it, routes itself and calls `goTo(route)`. Links of the host
 * page are never touched: the portal listens only to its own links and to its widgets' `ebok-navigate`.
 *
 * On each change focus moves to the section's heading and the change is announced; the host gets
 * `ebok-route-change` with the title (the portal does not write `document.title`). Sections load their code
 * when first shown.
 *
 * @customElement ebok-portal
 * @fires ebok-navigate - Before every navigation (`target: 'portal'`, `href`, `params.route`); cancelable.
 * @fires ebok-route-change - Another section is shown (`detail.route`, `detail.title`, `detail.found`), also the first.
 * @csspart base - The portal.
 * @csspart skip-link - "Skip to content", visible when focused.
 * @csspart bar - The session bar's place above the navigation.
 * @csspart nav - The navigation.
 * @csspart menu-button - The button that opens the navigation under 700 px.
 * @csspart menu - The list of sections.
 * @csspart menu-link - One section's link; the current one has `aria-current="page"`.
 * @csspart content - The section shown.
 * @csspart section-title - Its heading (focused after a navigation).
 * @csspart not-found - What an unknown address shows.
 * @csspart home-link - "Go to the dashboard" on the not-found page.
 * @csspart status - Loading state.
 */
export class EbokPortal extends EbokWidget {
  static override styles = [EbokWidget.styles, portalStyles];

  /** `path`, `hash` or `memory`; without it `path` when `base-path` is set, else `hash`. */
  @property() routing?: Routing;
  /** The page's own address for path routing (`/ebok/`): the sections live under it. */
  @property({ attribute: 'base-path' }) basePath?: string;
  /**
   * Where the portal is (`''` for the dashboard, `finanse`, `umowy?punkt=pt_1`): read it, or set it to move
   * (like `goTo()`, without an `ebok-navigate`). With memory routing, the attribute is the first place.
   */
  @property({ reflect: true }) route = '';

  @state() private place: Place = HOME;
  @state() private menuOpen = false;
  /** The place's code is loading (its previous section stays until it arrives). */
  @state() private pending = false;
  /** A section was shown once: until then the content is a loading state. */
  @state() private shownOnce = false;

  private readonly notices = new NoticeController(this);
  private readonly routes = new Routes(
    this,
    SECTIONS.map((section) => ({
      path: `/${section.path}`,
      enter: () => this.enter(section),
      render: () => this.renderSection(section),
    })),
    { fallback: { render: () => notFoundView(this.view) } },
  );
  /** Each navigation's number: a slow section's code that arrives after a newer navigation is not shown. */
  private navigation = 0;
  /** The next change moves focus to the heading (not on the first render: the page decides its own focus). */
  private focusNext = false;
  private signedInBefore: boolean | undefined;
  private readonly session = new PortalSession(this);
  private listening = false;

  constructor() {
    super();
    // `Routes` announces itself to a parent router up the page: a host's own router must not adopt the portal.
    this.addEventListener('lit-routes-connected', (event) => {
      if (event.composedPath()[0] === this) event.stopPropagation();
    });
  }

  /** The routing in force. */
  get mode(): Routing {
    if (this.routing === 'path' || this.routing === 'hash' || this.routing === 'memory') return this.routing;
    return this.basePath ? 'path' : 'hash';
  }

  /** The href of a place inside the portal (`/ebok/finanse`, `#/finanse`). */
  hrefOf(route: string): string {
    return this.hrefOfPlace(parsePlace(route));
  }

  private hrefOfPlace(place: Place): string {
    return hrefFor(this.mode, this.basePath ?? '/', place);
  }

  /**
   * Shows `route` (`finanse`, `umowy?punkt=pt_1`) and adds it to the history in path and hash modes, without an
   * `ebok-navigate` (a host that cancelled one calls this once it routed).
   */
  goTo(route: string): Promise<void> {
    const place = parsePlace(route);
    this.record(place, 'push');
    return this.show(place, true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.listening) {
      this.listening = true;
      this.renderRoot.addEventListener('ebok-navigate', this.onInnerNavigate as EventListener);
    }
    window.addEventListener('popstate', this.onAddressChange);
    window.addEventListener('hashchange', this.onAddressChange);
    void loadLogin();
    void this.show(this.placeInAddress() ?? parsePlace(this.route), false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onAddressChange);
    window.removeEventListener('hashchange', this.onAddressChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A host set `route` (not the portal reflecting where it is).
    if (changed.has('route') && changed.get('route') !== undefined && this.route !== formatPlace(this.place)) {
      const place = parsePlace(this.route);
      this.record(place, 'push');
      void this.show(place, true);
    }
    const signedIn = this.session.status === 'signed-in';
    // Logged in over a protected place: the place itself now, with focus on its heading.
    if (this.signedInBefore === false && signedIn) this.focusNext = true;
    if (this.session.status !== 'unknown') this.signedInBefore = signedIn;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.focusNext || this.pending || this.session.status === 'unknown') return;
    this.focusNext = false;
    void this.focusSection();
  }

  /** Focus on the section's heading: the portal's own, or that of the widget that names the section. */
  private async focusSection(): Promise<void> {
    const own = this.renderRoot.querySelector<HTMLElement>('.section-title');
    if (own) return own.focus();
    type Named = HTMLElement & { focusHeading(): boolean; updateComplete?: Promise<unknown> };
    const widget = [...(this.renderRoot.querySelector('.content')?.children ?? [])].find((child): child is Named => 'focusHeading' in child);
    await widget?.updateComplete;
    widget?.focusHeading();
  }

  /** The place the address shows (path and hash modes), or undefined (memory, or an address outside the base). */
  private placeInAddress(): Place | undefined {
    return placeFromUrl(this.mode, this.basePath ?? '/', new URL(window.location.href));
  }

  private readonly onAddressChange = (): void => {
    const place = this.placeInAddress();
    if (!place || samePlace(place, this.place)) return;
    void this.show(place, true);
  };

  /** Writes the place into the history (path and hash modes). */
  private record(place: Place, how: 'push' | 'replace'): void {
    writePlace(this.mode, this.basePath ?? '/', place, how);
  }

  /** Shows a place: loads its section's code, renders it, and tells the host; `focus` after a navigation. */
  private async show(place: Place, focus: boolean): Promise<void> {
    const number = ++this.navigation;
    this.place = place;
    this.route = formatPlace(place);
    this.menuOpen = false;
    this.pending = true;
    try {
      await this.routes.goto(`/${place.path}`);
    } catch {
      // A section's code failed to load (offline): the previous section stays, the menu still works.
    }
    if (number !== this.navigation) return;
    this.pending = false;
    this.shownOnce = true;
    this.focusNext = focus;
    const section = sectionAt(place.path);
    const title = section ? section.title() : msg('Nie ma takiej strony');
    if (focus) this.notices.announce(msg(str`Otwarto: ${title}`));
    await this.updateComplete;
    this.emit(new EbokRouteChangeEvent({ route: this.route, title, found: section !== undefined }));
  }

  /** `Routes`' enter: the section's code (the navigation is dropped if a newer one started meanwhile). */
  private async enter(section: Section): Promise<boolean> {
    const number = this.navigation;
    await section.load();
    return number === this.navigation;
  }

  /**
   * The customer followed a link: the host may cancel (and route itself); else the portal moves there.
   * Modified clicks (new tab, new window) are the browser's.
   */
  private follow(event: Event | undefined, place: Place): void {
    if (event instanceof MouseEvent && (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) return;
    event?.preventDefault();
    const href = this.hrefOfPlace(place);
    const proceed = this.emit(new NavigateEvent({ target: 'portal', href, params: { route: formatPlace(place) } }));
    if (!proceed) return;
    this.record(place, 'push');
    void this.show(place, true);
  }

  /**
   * A widget inside asked to navigate (a dashboard card, "Your tickets", a point's readings): a place of the
   * portal is followed here and the widget's event goes no further; anything else (a PDF, the payment, the
   * terms) is the widget's own and reaches the host as it is.
   */
  private readonly onInnerNavigate = (event: EbokNavigateEvent): void => {
    const place = placeOfLink(this.mode, this.basePath ?? '/', event.detail.href, TARGETS[event.detail.target], event.detail.target === 'login' ? this.place : undefined);
    if (!place) return;
    event.stopPropagation();
    event.preventDefault();
    this.follow(undefined, place);
  };

  private context(section: Section): SectionContext {
    return {
      apiBase: this.apiBase,
      level: section.titled ? this.level : Math.min(6, this.level + 1),
      query: this.place.query,
      // Placeholders such as `{pointId}` stay readable for the widget that fills them in.
      href: (path, query = {}) => this.hrefOfPlace({ path, query }).replace(/%7B(\w+)%7D/g, '{$1}'),
      link: (path, text) => {
        const place = { path, query: {} };
        return html`<a class="button" part="section-link" href=${this.hrefOfPlace(place)} @click=${(event: MouseEvent) => this.follow(event, place)}>${text}</a>`;
      },
    };
  }

  private sectionHeading(text: string): TemplateResult {
    return html`<div class="section-title" part="section-title" role="heading" aria-level=${this.level} tabindex="-1" id="section-title">${text}</div>`;
  }

  private renderSection(section: Section): TemplateResult {
    if (!section.public && this.session.status !== 'signed-in') return loginView(this.view, section);
    if (section.titled) return section.render(this.context(section));
    return html`${this.sectionHeading(section.title())}${section.render(this.context(section))}`;
  }

  /** What the views (portal.views.ts) read of the portal. */
  private get view(): PortalView {
    return {
      apiBase: this.apiBase,
      level: this.level,
      place: this.place,
      menuOpen: this.menuOpen,
      href: (place) => this.hrefOfPlace(place),
      follow: (event, place) => this.follow(event, place),
      toggleMenu: () => (this.menuOpen = !this.menuOpen),
      onMenuKey: this.onMenuKey,
      heading: (text) => this.sectionHeading(text),
    };
  }

  /** Escape closes the open menu and gives focus back to its button. */
  private readonly onMenuKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.menuOpen) return;
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>('.menu-button')?.focus();
  };

  private readonly skipToContent = (event: MouseEvent): void => {
    event.preventDefault();
    void this.focusSection();
  };

  private renderContent(waiting: boolean): unknown {
    if (!this.client && !this.waitingForProvider) return renderError({ message: msg('eBOK jest chwilowo niedostępny.') });
    if (this.session.status === 'unknown' && this.session.problem === 'offline') return renderOffline(this.session.check);
    if (this.session.status === 'unknown' && this.session.problem === 'error') return renderError({ onRetry: this.session.check });
    return waiting ? renderLoading() : this.routes.outlet();
  }

  protected override render(): TemplateResult {
    if (!this.client && !this.waitingForProvider) this.reportMissingApi();
    const status = this.session.status;
    const signedIn = status === 'signed-in';
    const waiting = status === 'unknown' || !this.shownOnce;
    return html`<div class="base portal" part="base">
      <a class="link skip" part="skip-link" href="#content" @click=${this.skipToContent}>${msg('Przejdź do treści')}</a>
      <div class="bar" part="bar">
        ${signedIn ? html`<ebok-session api-base=${ifDefined(this.apiBase)}></ebok-session>` : nothing}
      </div>
      ${status === 'unknown' ? nothing : menuView(this.view, signedIn)}
      <!-- Not a landmark of its own: the widgets inside are regions named by their headings, often the section's. -->
      <div class="content" part="content" id="content" aria-busy=${this.pending ? 'true' : 'false'}>${this.renderContent(waiting)}</div>
      ${this.notices.renderLiveRegion()}
    </div>`;
  }
}
