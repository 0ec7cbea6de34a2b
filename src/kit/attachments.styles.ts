import { css } from 'lit';
import { tokens as t } from '../theme/tokens.js';

/**
 * The attachments field (attachments.views.ts), next to `photoStyles` (its pickers and drop zone) and
 * `formStyles`. A file is a row: thumbnail or type, name and size (and progress while it goes), "Usuń"; on a
 * narrow phone the button wraps under the name. "Zrób zdjęcie" shows only where there is a camera to point
 * (a touch screen); elsewhere "Dodaj pliki" opens the same files.
 */
export const attachmentsStyles = css`
  .attachments__list,
  .attachments__rejected {
    display: grid;
    gap: ${t.spaceS};
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .attachments__rejected {
    color: ${t.colorDanger};
    font-weight: ${t.fontWeightBold};
  }
  .attachments__full {
    margin: 0;
    color: ${t.colorTextMuted};
  }
  .attachments__camera {
    display: none;
  }
  @media (hover: none) and (pointer: coarse) {
    .attachments__camera {
      display: inline-flex;
    }
  }
  .attachment {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.spaceS} ${t.spaceM};
    padding: ${t.spaceS};
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-radius: ${t.radius};
    background: ${t.colorSurface};
  }
  .attachment__thumb,
  .attachment__type {
    flex: none;
    inline-size: 3.5em;
    block-size: 3.5em;
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurfaceAlt};
  }
  .attachment__thumb {
    object-fit: cover;
  }
  .attachment__type {
    display: grid;
    place-items: center;
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    font-size: ${t.fontSizeSmall};
    font-weight: ${t.fontWeightBold};
  }
  .attachment__text {
    display: grid;
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  .attachment__name {
    overflow-wrap: anywhere;
  }
  .attachment__size {
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .attachment__progress {
    inline-size: 100%;
    block-size: 0.75em;
    accent-color: ${t.colorPrimary};
  }
  @media (forced-colors: active) {
    .attachment,
    .attachment__type {
      border-color: CanvasText;
    }
  }
`;
