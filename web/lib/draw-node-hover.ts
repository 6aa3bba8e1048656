import type { GraphPalette } from './graph-palette.ts';

/** The parts of sigma's node display data the hover drawing uses. */
export interface HoverNode {
  x: number;
  y: number;
  size: number;
  label?: string | null;
}

/** The parts of sigma's settings the hover drawing uses. */
export interface HoverFont {
  labelSize: number;
  labelFont: string;
  labelWeight: string;
}

/**
 * A sigma `defaultDrawNodeHover` in the palette's colours (sigma's own draws a
 * white box, wrong in the dark theme): a ring around the node and the label
 * in a rounded box to its right.
 */
export function createHoverDrawer(palette: GraphPalette): (context: CanvasRenderingContext2D, data: HoverNode, settings: HoverFont) => void {
  return (context, data, settings) => {
    const size = settings.labelSize;
    context.beginPath();
    context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
    context.fillStyle = palette.labelBackground;
    context.fill();
    context.lineWidth = 2;
    context.strokeStyle = palette.accent;
    context.stroke();
    if (!data.label) return;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const width = context.measureText(data.label).width;
    const x = data.x + data.size + 6;
    const y = data.y - size / 2 - 5;
    context.beginPath();
    context.roundRect(x, y, width + 12, size + 10, 6);
    context.fillStyle = palette.labelBackground;
    context.fill();
    context.lineWidth = 1;
    context.strokeStyle = palette.edge;
    context.stroke();
    context.fillStyle = palette.label;
    context.textBaseline = 'middle';
    context.fillText(data.label, x + 6, data.y);
    context.textBaseline = 'alphabetic';
  };
}
