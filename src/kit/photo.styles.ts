import { css } from 'lit';
import { tokens as t } from '../theme/tokens.js';

/**
 * The photo field (photo.views.ts), next to `formStyles` and `statusStyles` (`.button`). Each picker is a label
 * that looks like a button with its file input lying over it, transparent: a tap or click lands on the input
 * itself, the keyboard focuses the input and the ring shows on the label. In forced colours the pickers, the drop
 * zone and the preview keep their borders in system colours; the drop zone's "over" state is a Highlight border.
 *
 * - `--ebok-photo-drop-border-color`, `--ebok-photo-drop-background`: the drop zone.
 */
export const photoStyles = css`
  .photo {
    display: grid;
    gap: ${t.spaceS};
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .photo legend {
    padding: 0;
    margin-block-end: ${t.spaceXs};
  }
  .photo__drop {
    display: grid;
    gap: ${t.spaceS};
    padding: ${t.spaceM};
    border: 2px dashed var(--ebok-photo-drop-border-color, ${t.colorBorder});
    border-radius: ${t.radius};
    background: var(--ebok-photo-drop-background, ${t.colorSurfaceAlt});
  }
  .photo__drop[hidden] {
    display: none;
  }
  .photo--over .photo__drop,
  .photo--over .photo__preview {
    border-color: ${t.colorPrimary};
    border-style: solid;
  }
  .photo__actions {
    display: flex;
    flex-wrap: wrap;
    gap: ${t.spaceS} ${t.spaceM};
  }
  .photo__pick {
    position: relative;
    display: inline-flex;
  }
  .photo__input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .photo__action {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: ${t.targetSize};
    min-inline-size: ${t.targetSize};
    padding: ${t.spaceS} ${t.spaceM};
    border: 2px solid ${t.colorPrimary};
    border-radius: ${t.radius};
    background: ${t.colorPrimary};
    color: ${t.colorOnPrimary};
    font-weight: ${t.fontWeightBold};
    cursor: pointer;
  }
  .photo__action--secondary {
    background: ${t.colorSurface};
    color: ${t.colorPrimary};
  }
  .photo__pick:hover .photo__action {
    border-color: ${t.colorPrimaryHover};
    background: ${t.colorPrimaryHover};
    color: ${t.colorOnPrimary};
  }
  .photo__input:focus-visible + .photo__action {
    outline: ${t.focusRingWidth} solid ${t.colorFocusRing};
    outline-offset: ${t.focusRingOffset};
  }
  .photo__drop-hint,
  .photo__status,
  .photo__size {
    margin: 0;
  }
  .photo__drop-hint {
    color: ${t.colorTextMuted};
    font-size: ${t.fontSizeSmall};
  }
  .photo__status {
    font-weight: ${t.fontWeightBold};
  }
  .photo__preview {
    display: grid;
    gap: ${t.spaceS};
    justify-items: start;
    padding: ${t.spaceS};
    border: 2px solid transparent;
    border-radius: ${t.radius};
  }
  .photo__image {
    display: block;
    max-inline-size: 100%;
    max-block-size: 16em;
    inline-size: auto;
    block-size: auto;
    object-fit: contain;
    border: ${t.borderWidth} solid ${t.colorBorderSubtle};
    border-radius: ${t.radiusSmall};
    background: ${t.colorSurfaceAlt};
  }
  @media (hover: none) and (pointer: coarse) {
    .photo__drop-hint {
      display: none;
    }
  }
  @media (forced-colors: active) {
    .photo__action,
    .photo__pick:hover .photo__action {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }
    .photo__input:focus-visible + .photo__action {
      outline-color: Highlight;
    }
    .photo__drop {
      border-color: CanvasText;
    }
    .photo--over .photo__drop,
    .photo--over .photo__preview {
      border-color: Highlight;
    }
    .photo__image {
      border-color: CanvasText;
    }
  }
`;
