import type { Theme } from '../../src/shared/theme.ts';

/** Colours the graph uses besides topic colours. */
export interface GraphPalette {
  label: string;
  edge: string;
  edgeStrong: string;
  /** Nodes and edges pushed back while something else is highlighted. */
  faded: string;
  /** Ring and path colour. */
  accent: string;
  /** Background of hover labels. */
  labelBackground: string;
}

const palettes: Record<Theme, GraphPalette> = {
  light: {
    label: '#34322e',
    edge: '#d3cfc6',
    edgeStrong: '#7d786d',
    faded: '#ebe8e2',
    accent: '#b4532a',
    labelBackground: '#fffdf8',
  },
  dark: {
    label: '#dcd8cf',
    edge: '#3e4047',
    edgeStrong: '#a7a296',
    faded: '#2b2d32',
    accent: '#f0915f',
    labelBackground: '#25272c',
  },
};

/** The graph colours of a theme. */
export function graphPalette(theme: Theme): GraphPalette {
  return palettes[theme];
}
