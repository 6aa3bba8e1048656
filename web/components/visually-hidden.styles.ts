import { css } from 'lit';

/** Hidden from sight, still read by screen readers: `.visually-hidden` for components' shadow roots (base.css has it for the page). */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
