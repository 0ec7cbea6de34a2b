import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatDate } from '../../i18n/format.js';
import { localized } from '../../i18n/locale.js';
import { checkboxField } from '../../kit/choice-fields.js';
import type { FieldBinding } from '../../kit/form.js';
import type { Consents, MarketingConsent, PortalConfig } from './consents.logic.js';

/** When a consent was given or withdrawn, in words; "not decided yet" without a date. */
export function decisionText(consent: Pick<MarketingConsent, 'given' | 'changedAt'>): string {
  if (!consent.changedAt) return msg('Nie wyrażono zgody.');
  const day = formatDate(consent.changedAt);
  return consent.given ? msg(str`Zgoda wyrażona ${day}.`) : msg(str`Zgoda wycofana ${day}.`);
}

/** The terms accepted: version and date, and the document. */
export function termsView(consents: Consents, href: string | undefined, onLink: (event: MouseEvent) => void, level: number): TemplateResult {
  return html`<section class="block" part="terms" aria-labelledby="terms-title">
    <p class="block__title" id="terms-title" role="heading" aria-level=${level}>${msg('Regulamin eBOK')}</p>
    <p>${msg(str`Zaakceptowano wersję ${consents.terms.version} dnia ${formatDate(consents.terms.acceptedAt)}.`)}</p>
    ${href
      ? html`<p><a class="link" part="terms-link" href=${href} target="_blank" rel="noopener" @click=${onLink}>${msg('Przeczytaj regulamin (otworzy się w nowej karcie)')}</a></p>`
      : nothing}
  </section>`;
}

/** E-invoice: a checkbox, or — where the eBOK means e-invoices (seed 003) — on, with why and whom to ask. */
export function eInvoiceView(binding: FieldBinding<boolean>, config: PortalConfig | undefined): TemplateResult {
  if (config?.eInvoiceRequired) {
    return html`<div class="fixed" part="e-invoice">
      <p class="fixed__state"><span class="badge" part="badge">${msg('Włączona')}</span> ${msg('E-faktura: faktury dostajesz elektronicznie, nie na papierze.')}</p>
      <p class="field__hint" id="e-invoice-why">
        ${msg('Korzystanie z eBOK oznacza rezygnację z faktur papierowych – tak stanowi regulamin eBOK, dlatego nie można tu wyłączyć e-faktury.')}
        ${msg(str`Jeśli potrzebujesz faktur papierowych, skontaktuj się z Biurem Obsługi Klienta: ${config.contact.phone}, ${config.contact.email}.`)}
      </p>
    </div>`;
  }
  return checkboxField(binding, {
    label: msg('Chcę dostawać faktury elektronicznie (e-faktura) zamiast papierowych.'),
    hint: msg('E-faktura przychodzi na Twój adres e-mail i jest zawsze w eBOK.'),
  });
}

/** One marketing consent: its switch, what it is for, and when it was given or withdrawn. */
export function marketingView(consent: MarketingConsent, binding: FieldBinding<boolean>): TemplateResult {
  return html`<li class="consent" part="consent">
    ${checkboxField(binding, { label: localized(consent.title), hint: `${localized(consent.description)} ${decisionText(consent)}` })}
  </li>`;
}

/** The result of a save in words: what changed, each with its date. */
export function savedText(changed: readonly MarketingConsent[], eInvoice: boolean | undefined): { text: string; detail?: string } {
  const parts = changed.map((m) => `„${localized(m.title)}”: ${m.given ? msg('wyrażona') : msg('wycofana')}`);
  if (eInvoice !== undefined) parts.push(eInvoice ? msg('e-faktura włączona') : msg('e-faktura wyłączona'));
  return { text: msg('Zapisano zgody.'), ...(parts.length ? { detail: `${parts.join('; ')}.` } : {}) };
}
