import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { tokens as t } from '../theme/tokens.js';
import { drawIcon, errorShape, offlineShape } from './icon.js';

/**
 * The states every widget shows the same way: loading, empty, error with retry, offline.
 * One look and one wording across the portal; each state is announced to screen readers
 * (`role="status"` for progress and empty, `role="alert"` for failures).
 */
export const statusStyles = css`
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS} ${t.spaceM};
    padding: ${t.spaceM};
    border-radius: ${t.radius};
    background: ${t.colorSurfaceAlt};
    color: ${t.colorText};
  }
  .status--error {
    background: ${t.colorDangerBg};
    color: ${t.colorDanger};
    border-inline-start: 4px solid ${t.colorDanger};
  }
  .status--offline {
    background: ${t.colorWarningBg};
    color: ${t.colorWarning};
    border-inline-start: 4px solid ${t.colorWarning};
  }
  .status__text {
    flex: 1 1 12em;
    margin: 0;
  }
  .status__icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  .spinner {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    border: 3px solid ${t.colorBorderSubtle};
    border-block-start-color: ${t.colorPrimary};
    border-radius: 50%;
    animation: ebok-spin 0.9s linear infinite;
  }
  @keyframes ebok-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: ${t.spaceS};
    min-block-size: ${t.targetSize};
    min-inline-size: ${t.targetSize};
    padding: ${t.spaceS} ${t.spaceM};
    border: 2px solid ${t.colorPrimary};
    border-radius: ${t.radius};
    background: ${t.colorPrimary};
    color: ${t.colorOnPrimary};
    font: inherit;
    font-weight: ${t.fontWeightBold};
    text-decoration: none;
    cursor: pointer;
    transition: background-color ${t.motionDuration};
  }
  .button:hover {
    background: ${t.colorPrimaryHover};
    border-color: ${t.colorPrimaryHover};
  }
  .button--secondary {
    background: ${t.colorSurface};
    color: ${t.colorPrimary};
  }
  .button--secondary:hover {
    background: ${t.colorSurfaceAlt};
    color: ${t.colorPrimaryHover};
  }
  .button[disabled],
  .button[aria-disabled=true] {
    cursor: not-allowed;
    opacity: 0.7;
  }
`;

const errorIcon = drawIcon(errorShape, 'status__icon');

const offlineIcon = drawIcon(offlineShape, 'status__icon');

/** "Loading…" with a spinner; `what` names what is loading ("your balance"). */
export function renderLoading(what?: string): TemplateResult {
  return html`<div class="status status--loading" part="status" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true"></span>
    <p class="status__text">${what ? msg(str`Wczytywanie: ${what}…`) : msg('Wczytywanie…')}</p>
  </div>`;
}

/** Nothing to show (an empty list): a plain sentence, announced politely. */
export function renderEmpty(text: string): TemplateResult {
  return html`<div class="status status--empty" part="status" role="status">
    <p class="status__text">${text}</p>
  </div>`;
}

export interface ErrorStateOptions {
  /** The customer-facing message (already localized). Defaults to a generic one. */
  message?: string;
  /** Called by the "Try again" button; no button when absent. */
  onRetry?: () => void;
}

/** A failure with a way to try again. */
export function renderError(options: ErrorStateOptions = {}): TemplateResult {
  return html`<div class="status status--error" part="status error" role="alert">
    ${errorIcon}
    <p class="status__text">${options.message ?? msg('Nie udało się wczytać danych. Spróbuj ponownie za chwilę.')}</p>
    ${options.onRetry
      ? html`<button class="button button--secondary" part="retry" type="button" @click=${options.onRetry}>
          ${msg('Spróbuj ponownie')}
        </button>`
      : nothing}
  </div>`;
}

/** No connection: the device is offline. Retrying happens by itself when the connection returns. */
export function renderOffline(onRetry?: () => void): TemplateResult {
  return html`<div class="status status--offline" part="status offline" role="alert">
    ${offlineIcon}
    <p class="status__text">
      ${msg('Brak połączenia z internetem. Dane wczytamy, gdy połączenie wróci.')}
    </p>
    ${onRetry
      ? html`<button class="button button--secondary" part="retry" type="button" @click=${onRetry}>
          ${msg('Spróbuj ponownie')}
        </button>`
      : nothing}
  </div>`;
}
