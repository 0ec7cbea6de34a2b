import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { CHANNELS, MAX_DAYS, MIN_DAYS, TOPICS, locked, type Channel, type Preferences, type Topic } from './notification-settings.logic.js';

export function channelText(channel: Channel): string {
  return channel === 'email' ? msg('E-mail') : msg('SMS');
}

export function topicText(topic: Topic): string {
  switch (topic) {
    case 'new_invoice':
      return msg('Nowa faktura');
    case 'due_date':
      return msg('Przypomnienie o terminie płatności');
    case 'collection':
      return msg('Zaległe płatności i windykacja');
    case 'planned_works':
      return msg('Planowane prace przy moich punktach');
    case 'reading_window':
      return msg('Czas na podanie odczytu licznika');
    case 'security':
      return msg('Bezpieczeństwo konta');
  }
}

function topicHint(topic: Topic, days: number): string {
  switch (topic) {
    case 'new_invoice':
      return msg('Gdy wystawimy fakturę.');
    case 'due_date':
      return msg(str`${days} dni przed terminem (zmienisz to pod tabelą).`);
    case 'collection':
      return msg('Przypomnienie o zaległości, wezwanie do zapłaty, zapowiedź wstrzymania dostaw.');
    case 'planned_works':
      return msg('Wyłączenia zaplanowane w miejscach, gdzie masz punkty poboru.');
    case 'reading_window':
      return msg('Gdy możesz podać stan licznika.');
    case 'security':
      return msg('Logowanie z nowego urządzenia, zmiana hasła lub adresu e-mail.');
  }
}

export interface GridOptions {
  prefs: Preferences;
  hasPhone: boolean;
  onChoice: (channel: Channel, topic: Topic, on: boolean) => void;
}

/**
 * The matrix as a table: the caption, one column per channel (`th scope="col"`), one row per topic
 * (`th scope="row"`), each switch named by both ("SMS: Planowane prace przy moich punktach").
 */
export function grid(o: GridOptions): TemplateResult {
  return html`<table class="grid" part="grid">
    <caption class="visually-hidden">
      ${msg('Powiadomienia: o czym i którędy')}
    </caption>
    <thead>
      <tr>
        <th scope="col" class="grid__topic">${msg('Temat')}</th>
        ${CHANNELS.map((c) => html`<th scope="col" class="grid__channel">${channelText(c)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${TOPICS.map(
        (topic) =>
          html`<tr part="row">
            <th scope="row" class="grid__topic">
              <span class="grid__name">${topicText(topic)}</span>
              <span class="grid__hint">${topicHint(topic, o.prefs.dueDateReminderDays)}</span>
            </th>
            ${CHANNELS.map((channel) => cell(o, channel, topic))}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function cell(o: GridOptions, channel: Channel, topic: Topic): TemplateResult {
  const fixed = locked(channel, topic);
  const noPhone = channel === 'sms' && !o.hasPhone;
  const describedBy = fixed ? 'security-note' : noPhone ? 'phone-note' : undefined;
  return html`<td class="grid__cell">
    <input
      type="checkbox"
      id=${`${channel}-${topic}`}
      part="switch"
      aria-label=${`${channelText(channel)}: ${topicText(topic)}`}
      aria-describedby=${describedBy ?? nothing}
      .checked=${fixed || (!noPhone && o.prefs[channel][topic])}
      ?disabled=${fixed || noPhone}
      @change=${(e: Event) => o.onChoice(channel, topic, (e.target as HTMLInputElement).checked)}
    />
  </td>`;
}

/** The reminder's days before the due date, 1–14. */
export function daysField(prefs: Preferences, onDays: (days: number) => void): TemplateResult {
  const values = Array.from({ length: MAX_DAYS - MIN_DAYS + 1 }, (_, i) => MIN_DAYS + i);
  return html`<div class="field days" part="days">
    <label class="field__label" for="days">${msg('Ile dni przed terminem płatności przypomnieć?')}</label>
    <p class="field__hint" id="days-hint">${msg(str`Od ${MIN_DAYS} do ${MAX_DAYS} dni. Dotyczy przypomnień e-mail i SMS.`)}</p>
    <select id="days" aria-describedby="days-hint" @change=${(e: Event) => onDays(Number((e.target as HTMLSelectElement).value))}>
      ${values.map((d) => html`<option value=${d} ?selected=${d === prefs.dueDateReminderDays}>${dayCount(d)}</option>`)}
    </select>
  </div>`;
}

function dayCount(days: number): string {
  if (days === 1) return msg('1 dzień');
  return msg(str`${days} dni`);
}
