// The site's own script (not part of ebok-widgets): its language and text-size switches.
//
// The choice lives in the address, `?lang=en` and `?text=large`, and every link of the site carries it to the
// next page (the widgets' links too: `register-href`, `login-href` …). Nothing is stored in the browser.
// Loaded with `blocking="render"`, so the page is first painted in the chosen language and size.
//
// - Language: `<html lang>`, which is all the widgets need to follow; and the page's own texts: an element
//   with `data-en` shows that English text (and its Polish one back), `data-en-aria-label` does the same for
//   `aria-label`, `<title data-en>` for the title. Names, addresses and numbers are marked `translate="no"`.
// - Large text: `text-size="large"` on every widget, and `data-text-size="large"` on `<html>` for the site's
//   own CSS (site.css: its text, and the room it keeps for the widgets before they load).

const LANGS = ['pl', 'en'];
const WIDGET_LINKS = ['href', 'login-href', 'register-href', 'forgot-password-href', 'forgot-login-href', 'terms-href', 'complaint-href', 'tickets-href', 'new-ticket-href', 'document-href', 'pay-href'];

const params = new URLSearchParams(location.search);
const choice = {
  lang: LANGS.includes(params.get('lang')) ? params.get('lang') : 'pl',
  large: params.get('text') === 'large',
};

/** Polish texts as the page came, to switch back to. */
const polish = new WeakMap();

/** The query `search` with the choice in it (the defaults leave no trace), for links within the site. */
function withChoice(search) {
  const query = new URLSearchParams(search);
  if (choice.lang === 'pl') query.delete('lang');
  else query.set('lang', choice.lang);
  if (choice.large) query.set('text', 'large');
  else query.delete('text');
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * Whether `value` links to another page of this site (not an anchor on this page, an e-mail, a phone number), or
 * to the demo server's sandbox pages (the back office), which keep the choice for the way back.
 */
function isSiteLink(value) {
  if (!value || value.startsWith('#')) return false;
  const url = new URL(value, location.href);
  return url.origin === location.origin && (/(^|\/)([\w-]+\.html)?$/.test(url.pathname) || url.pathname.startsWith('/sandbox/'));
}

/** The link as written in the page, with the choice in its query; relative links stay relative. */
function rewrite(value) {
  if (!isSiteLink(value)) return value;
  const [beforeHash, ...hash] = value.split('#');
  const [path, query = ''] = beforeHash.split('?');
  return `${path}${withChoice(query)}${hash.length ? `#${hash.join('#')}` : ''}`;
}

function translate(element, attribute) {
  const english = attribute ? element.dataset.enAriaLabel : element.dataset.en;
  const key = attribute ?? 'text';
  let texts = polish.get(element);
  if (!texts) polish.set(element, (texts = {}));
  texts[key] ??= attribute ? element.getAttribute(attribute) : element.textContent;
  const text = choice.lang === 'en' ? english : texts[key];
  if (attribute) element.setAttribute(attribute, text);
  else if (element.localName === 'title') document.title = text;
  else element.textContent = text;
}

function apply() {
  const root = document.documentElement;
  root.lang = choice.lang;
  if (choice.large) root.dataset.textSize = 'large';
  else delete root.dataset.textSize;
  for (const element of document.querySelectorAll('[data-en]')) translate(element);
  for (const element of document.querySelectorAll('[data-en-aria-label]')) translate(element, 'aria-label');
  for (const link of document.querySelectorAll('a[href]')) link.setAttribute('href', rewrite(link.getAttribute('href')));
  for (const element of document.querySelectorAll('*')) {
    if (!element.localName.startsWith('ebok-')) continue;
    if (choice.large) element.setAttribute('text-size', 'large');
    else element.removeAttribute('text-size');
    for (const name of WIDGET_LINKS) if (element.hasAttribute(name)) element.setAttribute(name, rewrite(element.getAttribute(name)));
  }
  for (const button of document.querySelectorAll('.lang-switch button[data-lang]')) button.setAttribute('aria-pressed', String(button.dataset.lang === choice.lang));
  for (const button of document.querySelectorAll('.text-switch')) button.setAttribute('aria-pressed', String(choice.large));
}

/** A switch was used: the address says so (Back and a reload keep it), and the page follows. */
function choose(change) {
  Object.assign(choice, change);
  history.replaceState(history.state, '', `${location.pathname}${withChoice(location.search)}${location.hash}`);
  apply();
}

for (const button of document.querySelectorAll('.lang-switch button[data-lang]')) {
  button.addEventListener('click', () => choose({ lang: button.dataset.lang }));
}
for (const button of document.querySelectorAll('.text-switch')) {
  button.addEventListener('click', () => choose({ large: !choice.large }));
}
apply();

// The menu's unread badge, from <ebok-messages>' count (its documented event): the number, and in words for
// screen readers; hidden when nothing is unread.
document.addEventListener('ebok-unread-change', (event) => {
  for (const badge of document.querySelectorAll('[data-unread-badge]')) {
    const count = event.detail.count;
    badge.hidden = !count;
    badge.querySelector('.badge__count').textContent = String(count);
  }
});
