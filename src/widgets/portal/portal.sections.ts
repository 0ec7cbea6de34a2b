import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '@lit/localize';

/** What a section needs from the portal to render its widgets. */
export interface SectionContext {
  apiBase: string | undefined;
  /** Heading level of the widgets in the section (one below the section's title). */
  level: number;
  /** Values of the address that open something in the section (`punkt`, `umowa`, `kategoria`, `dokument`). */
  query: Readonly<Record<string, string>>;
  /** The portal's href of a section, with `{pointId}`-like placeholders kept as they are for the widgets to fill. */
  href(path: string, query?: Record<string, string>): string;
  /** A link to another place of the portal, followed by the portal (`part="section-link"`). */
  link(path: string, text: string): TemplateResult;
}

export interface Section {
  /** The section's path after the base (`''` for the dashboard). */
  path: string;
  /** Its title: the heading, the menu item and the document title offered to the host. */
  title(): string;
  /** Shown in the navigation (sub-pages such as a new ticket are reached from their section). */
  menu: boolean;
  /**
   * Its one widget's own heading names the section ("Pulpit", "Wiadomości"): the portal adds no second one, the
   * widget's heading is at the portal's level, and focus goes to it after a navigation.
   */
  titled?: boolean;
  /** Open to a visitor who is not signed in (planned works and failures). */
  public?: boolean;
  /** The menu item that is current while this section is shown (a sub-page marks its parent). */
  parent?: string;
  /** Loads the code of the section's widgets (on first visit only: the browser keeps the modules). */
  load(): Promise<unknown>;
  render(context: SectionContext): TemplateResult;
}

/** The value of a query key, or undefined (an attribute then is not set at all). */
function q(context: SectionContext, key: string): string | undefined {
  return context.query[key] || undefined;
}

/**
 * The sections of the portal in menu order (seeds 000–004: Pulpit, Finanse, Odczyty, Zużycie, Zgłoszenia,
 * Wiadomości, Moje dane, Umowy i punkty; and the public planned works and failures). Each loads its widgets'
 * code only when first shown, so the dashboard renders before the rest arrives.
 */
export const SECTIONS: readonly Section[] = [
  {
    path: '',
    titled: true,
    title: () => msg('Pulpit'),
    menu: true,
    load: () => import('../dashboard/ebok-dashboard.js'),
    render: (c) =>
      html`<ebok-dashboard
        api-base=${ifDefined(c.apiBase)}
        heading-level=${c.level}
        finance-href=${c.href('finanse')}
        readings-href=${c.href('odczyty')}
        messages-href=${c.href('wiadomosci')}
        tickets-href=${c.href('zgloszenia')}
        outages-href=${c.href('awarie')}
      ></ebok-dashboard>`,
  },
  {
    path: 'finanse',
    title: () => msg('Finanse'),
    menu: true,
    load: () =>
      Promise.all([
        import('../balance-tile/ebok-balance-tile.js'),
        import('../invoice-list/ebok-invoice-list.js'),
        import('../payment-history/ebok-payment-history.js'),
      ]),
    render: (c) =>
      html`<ebok-balance-tile api-base=${ifDefined(c.apiBase)} heading-level=${c.level}></ebok-balance-tile>
        <ebok-invoice-list
          api-base=${ifDefined(c.apiBase)}
          heading-level=${c.level}
          point-id=${ifDefined(q(c, 'punkt'))}
          complaint-href=${c.href('zgloszenia/nowe', { kategoria: 'complaint', dokument: '{id}' })}
        ></ebok-invoice-list>
        <ebok-payment-history api-base=${ifDefined(c.apiBase)} heading-level=${c.level}></ebok-payment-history>`,
  },
  {
    path: 'odczyty',
    title: () => msg('Odczyty'),
    menu: true,
    load: () => import('../meter-reading/ebok-meter-reading.js'),
    render: (c) =>
      html`<ebok-meter-reading
        api-base=${ifDefined(c.apiBase)}
        heading-level=${c.level}
        point-id=${ifDefined(q(c, 'punkt'))}
        pay-href=${c.href('finanse')}
      ></ebok-meter-reading>`,
  },
  {
    path: 'zuzycie',
    title: () => msg('Zużycie'),
    menu: true,
    load: () => import('../consumption-chart/ebok-consumption-chart.js'),
    render: (c) =>
      html`<ebok-consumption-chart api-base=${ifDefined(c.apiBase)} heading-level=${c.level} point-id=${ifDefined(q(c, 'punkt'))}></ebok-consumption-chart>`,
  },
  {
    path: 'zgloszenia',
    title: () => msg('Zgłoszenia'),
    menu: true,
    load: () => import('../tickets/ebok-tickets.js'),
    render: (c) =>
      html`<p class="actions">${c.link('zgloszenia/nowe', msg('Napisz nowe zgłoszenie'))}</p>
        <ebok-tickets api-base=${ifDefined(c.apiBase)} heading-level=${c.level} new-ticket-href=${c.href('zgloszenia/nowe')}></ebok-tickets>`,
  },
  {
    path: 'zgloszenia/nowe',
    title: () => msg('Nowe zgłoszenie'),
    menu: false,
    parent: 'zgloszenia',
    load: () => import('../ticket-form/ebok-ticket-form.js'),
    render: (c) =>
      html`<ebok-ticket-form
        api-base=${ifDefined(c.apiBase)}
        heading-level=${c.level}
        category=${ifDefined(q(c, 'kategoria'))}
        point-id=${ifDefined(q(c, 'punkt'))}
        document-id=${ifDefined(q(c, 'dokument'))}
        tickets-href=${c.href('zgloszenia')}
      ></ebok-ticket-form>`,
  },
  {
    path: 'wiadomosci',
    titled: true,
    title: () => msg('Wiadomości'),
    menu: true,
    load: () => import('../messages/ebok-messages.js'),
    render: (c) => html`<ebok-messages api-base=${ifDefined(c.apiBase)} heading-level=${c.level}></ebok-messages>`,
  },
  {
    path: 'moje-dane',
    title: () => msg('Moje dane'),
    menu: true,
    load: () =>
      Promise.all([
        import('../profile/ebok-profile.js'),
        import('../consents/ebok-consents.js'),
        import('../notification-settings/ebok-notification-settings.js'),
        import('../account-removal/ebok-account-removal.js'),
      ]),
    render: (c) =>
      html`<ebok-profile api-base=${ifDefined(c.apiBase)} heading-level=${c.level}></ebok-profile>
        <ebok-consents api-base=${ifDefined(c.apiBase)} heading-level=${c.level}></ebok-consents>
        <ebok-notification-settings api-base=${ifDefined(c.apiBase)} heading-level=${c.level} profile-href=${c.href('moje-dane')}></ebok-notification-settings>
        <ebok-account-removal api-base=${ifDefined(c.apiBase)} heading-level=${c.level}></ebok-account-removal>`,
  },
  {
    path: 'umowy',
    title: () => msg('Umowy i punkty'),
    menu: true,
    load: () => Promise.all([import('../points/ebok-points.js'), import('../contracts/ebok-contracts.js')]),
    render: (c) =>
      html`<ebok-points
          api-base=${ifDefined(c.apiBase)}
          heading-level=${c.level}
          point-id=${ifDefined(q(c, 'punkt'))}
          readings-href=${c.href('odczyty', { punkt: '{pointId}' })}
          consumption-href=${c.href('zuzycie', { punkt: '{pointId}' })}
          documents-href=${c.href('finanse', { punkt: '{pointId}' })}
          contract-href=${c.href('umowy', { umowa: '{contractId}' })}
          tariff-change-href=${c.href('umowy/zmiana-taryfy', { punkt: '{pointId}' })}
        ></ebok-points>
        <ebok-contracts
          api-base=${ifDefined(c.apiBase)}
          heading-level=${c.level}
          contract-id=${ifDefined(q(c, 'umowa'))}
          point-href=${c.href('umowy', { punkt: '{pointId}' })}
        ></ebok-contracts>`,
  },
  {
    path: 'umowy/zmiana-taryfy',
    titled: true,
    title: () => msg('Zmiana taryfy'),
    menu: false,
    parent: 'umowy',
    load: () => import('../tariff-change/ebok-tariff-change.js'),
    render: (c) =>
      html`<ebok-tariff-change api-base=${ifDefined(c.apiBase)} heading-level=${c.level} point-id=${ifDefined(q(c, 'punkt'))}></ebok-tariff-change>`,
  },
  {
    path: 'awarie',
    titled: true,
    title: () => msg('Wyłączenia i awarie'),
    menu: true,
    public: true,
    load: () => import('../outages/ebok-outages.js'),
    render: (c) => html`<ebok-outages api-base=${ifDefined(c.apiBase)} heading-level=${c.level}></ebok-outages>`,
  },
];

/** The section shown at `path`, or undefined (not found). */
export function sectionAt(path: string): Section | undefined {
  return SECTIONS.find((section) => section.path === path);
}

/**
 * Which section a widget's `ebok-navigate` target leads to inside the portal (a dashboard card, "Log in",
 * "Your tickets"…); undefined for targets the portal leaves to the widget (a document's PDF, the payment).
 */
export const TARGETS: Readonly<Record<string, string>> = {
  finance: 'finanse',
  readings: 'odczyty',
  'meter-reading': 'odczyty',
  consumption: 'zuzycie',
  messages: 'wiadomosci',
  tickets: 'zgloszenia',
  'new-ticket': 'zgloszenia/nowe',
  outages: 'awarie',
  profile: 'moje-dane',
  points: 'umowy',
  contracts: 'umowy',
};
