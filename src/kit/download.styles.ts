import { css } from 'lit';
import { tokens as t } from '../theme/tokens.js';

/**
 * The look of `DownloadController.renderProgress()` and `renderProblems()`. Apart from kit/download.ts so that a
 * widget has it in its styles from the start while the download code itself comes with the first click.
 */
export const downloadStyles = css`
  .download-progress {
    display: grid;
    gap: ${t.spaceXs};
    font-size: ${t.fontSizeSmall};
  }
  .download-progress progress {
    inline-size: 100%;
    accent-color: ${t.colorPrimary};
  }
  .downloads {
    display: grid;
    gap: ${t.spaceS};
  }
`;
