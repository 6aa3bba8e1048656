/**
 * A canvas as Trellis reads it: the JSON Canvas 1.0 format (https://jsoncanvas.org/spec/1.0/),
 * validated. Every value here was checked by read-canvas.ts; offsets point into the file.
 */

/** A colour of the file: one of the six presets (red, orange, yellow, green, cyan, purple) or a hex colour, lower case. */
export type CanvasColor = { kind: 'preset'; preset: '1' | '2' | '3' | '4' | '5' | '6' } | { kind: 'hex'; hex: string };

/** A side of a node, where an edge attaches. */
export type CanvasSide = 'top' | 'right' | 'bottom' | 'left';

/** What an edge end looks like. */
export type CanvasEnd = 'none' | 'arrow';

/** Fields every node has. Nodes are in the file's order, which is their stacking order (first at the back). */
export interface CanvasNodeBase {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color?: CanvasColor;
  /** Offset of the node's object in the file. */
  at: number;
}

/** A card of Markdown text; `span` is its string literal in the file, quotes included. */
export interface CanvasTextNode extends CanvasNodeBase {
  type: 'text';
  text: string;
  span: [number, number];
}

/** A card showing a file of the vault (a note, an attachment, another canvas). */
export interface CanvasFileNode extends CanvasNodeBase {
  type: 'file';
  file: string;
  /** `#Heading` or `#^block`, always starting with `#`. */
  subpath?: string;
  /** The `file` value's string literal in the file, quotes included. */
  fileSpan: [number, number];
}

/** A card for a web page. */
export interface CanvasLinkNode extends CanvasNodeBase {
  type: 'link';
  url: string;
  /** The `url` value's string literal in the file. */
  urlSpan: [number, number];
}

/** A labelled box around other nodes. */
export interface CanvasGroupNode extends CanvasNodeBase {
  type: 'group';
  label?: string;
  /** Vault path of a background image. */
  background?: string;
  backgroundSpan?: [number, number];
  backgroundStyle?: 'cover' | 'ratio' | 'repeat';
}

/** Any node. */
export type CanvasNode = CanvasTextNode | CanvasFileNode | CanvasLinkNode | CanvasGroupNode;

/** A line from one node to another; both nodes exist. */
export interface CanvasEdge {
  id: string;
  fromNode: string;
  toNode: string;
  /** Unset: the side facing the other node. */
  fromSide?: CanvasSide;
  toSide?: CanvasSide;
  fromEnd: CanvasEnd;
  toEnd: CanvasEnd;
  color?: CanvasColor;
  label?: string;
  at: number;
}

/** A validated canvas. */
export interface Canvas {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}
