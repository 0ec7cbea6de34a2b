/**
 * The demo sites' own header and footer, written once for every page. A page says which utility's site it
 * belongs to (`<body data-utility="gas">`) and where the header and the footer go (`<!-- demo:header -->`,
 * `<!-- demo:footer -->`); the site server (site.ts) and `npm run dev` (vite.config.ts) put them in. The widgets
 * do not depend on any of it: it is the utility's page around them, as a CMS would render it.
 */

export type DemoUtility = 'energy' | 'gas' | 'water';

interface DemoSite {
  /** The logo's two halves (`Gaz` `.` `Przykład`). */
  logo: readonly [string, string];
  /** The site's eBOK page and its invoices page. */
  home: string;
  invoices: string;
  /** The page with the ticket form and the tickets, where the site has one. */
  tickets?: string;
  /** The page with the message history, where the site has one. */
  messages?: string;
  /** The "my data" page and the contracts and points page, where the site has them. */
  myData?: string;
  contracts?: string;
  company: string;
  street: string;
  phone: { href: string; text: string };
  hours: { pl: string; en: string };
  email: string;
  /** How the other sites' footers name this one (`Gaz Przykład` `(gaz)`). */
  name: string;
  kind: { pl: string; en: string };
}

export const DEMO_SITES: Readonly<Record<DemoUtility, DemoSite>> = {
  energy: {
    logo: ['Energia', 'Przykład'],
    home: 'index.html',
    invoices: 'faktury.html',
    tickets: 'zgloszenia.html',
    messages: 'wiadomosci.html',
    myData: 'moje-dane.html',
    contracts: 'umowy.html',
    company: 'Energia Przykład S.A.',
    street: 'ul. Przykładowa 1, 00-001 Warszawa',
    phone: { href: 'tel:+48800000000', text: '+48 800 000 000' },
    hours: { pl: 'Infolinia czynna w dni robocze 7:00–20:00, w soboty 8:00–14:00.', en: 'Helpline open on working days 7:00–20:00, on Saturdays 8:00–14:00.' },
    email: 'bok@energia-przyklad.example.com',
    name: 'Energia Przykład',
    kind: { pl: '(prąd)', en: '(electricity)' },
  },
  gas: {
    logo: ['Gaz', 'Przykład'],
    home: 'gas.html',
    invoices: 'gas-faktury.html',
    company: 'Gaz Przykład sp. z o.o.',
    street: 'ul. Gazowa 2, 30-002 Kraków',
    phone: { href: 'tel:+48800000001', text: '+48 800 000 001' },
    hours: { pl: 'Infolinia czynna w dni robocze 7:00–20:00, w soboty 8:00–14:00.', en: 'Helpline open on working days 7:00–20:00, on Saturdays 8:00–14:00.' },
    email: 'bok@gaz-przyklad.example.com',
    name: 'Gaz Przykład',
    kind: { pl: '(gaz)', en: '(gas)' },
  },
  water: {
    logo: ['Wodociągi', 'Przykład'],
    home: 'water.html',
    invoices: 'water-faktury.html',
    company: 'Wodociągi Przykład sp. z o.o.',
    street: 'ul. Wodna 3, 44-100 Gliwice',
    phone: { href: 'tel:+48320000000', text: '+48 32 000 00 00' },
    hours: { pl: 'Biuro Obsługi Klienta czynne pon.–pt. 7:30–15:30.', en: 'Customer office open Mon–Fri 7:30–15:30.' },
    email: 'ebok@wodociagi-przyklad.example.com',
    name: 'Wodociągi Przykład',
    kind: { pl: '(woda)', en: '(water)' },
  },
};

const HEADER = '<!-- demo:header -->';
/** The menu's count of unread messages, filled by site.js from `ebok-unread-change`. */
const UNREAD_BADGE = ' <span class="badge" data-unread-badge hidden><span class="badge__count"></span><span class="visually-hidden" data-en=" unread"> nieprzeczytane</span></span>';
const FOOTER = '<!-- demo:footer -->';

/** A link of the main menu: the current page says so (`aria-current`) and leads to its content. */
function navLink(page: string, target: string, text: string, attributes: string): string {
  return page === target
    ? `<li><a href="#main" aria-current="page" ${attributes}>${text}</a></li>`
    : `<li><a href="./${target}" ${attributes}>${text}</a></li>`;
}

function header(site: DemoSite, page: string): string {
  return `<header class="site-header">
      <div class="site-header__inner">
        <a class="logo" href="./${site.home}" translate="no">${site.logo[0]}<span>.</span>${site.logo[1]}</a>
        <nav class="site-nav" aria-label="Menu główne" data-en-aria-label="Main menu">
          <ul>
            ${navLink(page, site.home, 'eBOK', 'translate="no"')}
            ${navLink(page, site.invoices, 'Faktury', 'data-en="Invoices"')}
            ${site.tickets ? navLink(page, site.tickets, 'Zgłoszenia', 'data-en="Tickets"') : ''}
            ${site.messages ? navLink(page, site.messages, `<span data-en="Messages">Wiadomości</span>${UNREAD_BADGE}`, '') : ''}
            ${site.contracts ? navLink(page, site.contracts, 'Umowy i punkty', 'data-en="Contracts and points"') : ''}
            ${site.myData ? navLink(page, site.myData, 'Moje dane', 'data-en="My data"') : ''}
            <li><a href="#kontakt" data-en="Contact">Kontakt</a></li>
          </ul>
        </nav>
        <div class="site-switches">
          <div class="lang-switch" role="group" aria-label="Język / Language">
            <button type="button" data-lang="pl" lang="pl" aria-pressed="true" translate="no">PL</button>
            <button type="button" data-lang="en" lang="en" aria-pressed="false" translate="no">EN</button>
          </div>
          <button type="button" class="text-switch" aria-pressed="false" data-en="Larger text">Większy tekst</button>
        </div>
      </div>
    </header>`;
}

function footer(site: DemoSite): string {
  const others = Object.values(DEMO_SITES)
    .filter((other) => other !== site)
    .map((other) => `<li><a href="./${other.home}"><span translate="no">${other.name}</span> <span data-en="${other.kind.en}">${other.kind.pl}</span></a></li>`)
    .join('\n            ');
  return `<footer class="site-footer" id="kontakt">
      <div class="site-footer__inner">
        <div>
          <strong translate="no">${site.company}</strong><br />
          <span translate="no">${site.street}</span><br />
          <span data-en="Helpline:">Infolinia:</span> <a href="${site.phone.href}">${site.phone.text}</a><br />
          <span data-en="${site.hours.en}">${site.hours.pl}</span><br />
          <a href="mailto:${site.email}" translate="no">${site.email}</a>
        </div>
        <nav aria-label="Inne serwisy demonstracyjne" data-en-aria-label="Other demo sites">
          <ul>
            ${others}
          </ul>
        </nav>
      </div>
    </footer>`;
}

/** The page `name` (`gas-faktury.html`) with its site's header and footer in place of the two markers. */
export function withSiteChrome(html: string, name: string): string {
  const utility = /<body[^>]*\sdata-utility="([\w-]+)"/.exec(html)?.[1];
  const site = DEMO_SITES[utility as DemoUtility] as DemoSite | undefined;
  if (!site) throw new Error(`demo/${name} must name its site: <body data-utility="energy|gas|water">.`);
  for (const marker of [HEADER, FOOTER]) {
    if (html.split(marker).length !== 2) throw new Error(`demo/${name} must have exactly one ${marker}.`);
  }
  return html.replace(HEADER, () => header(site, name)).replace(FOOTER, () => footer(site));
}
