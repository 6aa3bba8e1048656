/**
 * The records of Obsidian Bases as Trellis reads them (src/bases/): a base's parsed YAML
 * (`BaseSpec`), its expressions (`Expr`), the files it lists (`Row`) and the values its
 * expressions compute (`Value`). Nothing here crosses a thread or reaches the browser: a base is
 * evaluated once the whole garden is resolved, and only its HTML is kept.
 */
import type { NoteId, NoteProperty, ResolvedLink } from '../shared/types.ts';

/** A file a base can list: a published note (or a canvas or base page) or an attachment. */
export interface Row {
  /** The note's id, or the attachment's path: unique among rows. */
  key: string;
  /** The note's id when the row is a page. */
  noteId?: NoteId;
  /** Vault path with extension (`Books/Dune.md`). */
  path: string;
  /** File name with extension (`Dune.md`). */
  name: string;
  /** File name without extension (`Dune`). */
  basename: string;
  /** Parent folder's path, `` at the vault root. */
  folder: string;
  /** Extension without the dot (`md`). */
  ext: string;
  size: number;
  mtime?: DateValue;
  ctime?: DateValue;
  /** Site-relative URL of the row's page or file. */
  href: string;
  /** Tags without `#` (frontmatter and inline). */
  tags: readonly string[];
  /** Frontmatter properties; a link's number indexes `links`. */
  properties: readonly NoteProperty<number>[];
  /** The note's resolved links, numbered as its `ParsedNote.links`. */
  links: readonly ResolvedLink[];
}

/** A date (milliseconds since the epoch, UTC) and whether it has a time of day. */
export interface DateValue {
  kind: 'date';
  ms: number;
  time: boolean;
}

/** Where a link leads. */
export type LinkTarget = { kind: 'row'; row: Row } | { kind: 'url'; href: string } | { kind: 'missing'; target: string } | { kind: 'unpublished' };

/** A link: from a property (with its resolution, for rendering it as the body renders links) or made by `link()`. */
export interface LinkValue {
  kind: 'link';
  to: LinkTarget;
  /** The text shown. */
  text: string;
  /** The property link it came from, when it did. */
  resolved?: ResolvedLink;
}

/** A file (`file`, `this`, `link.asFile()`). */
export interface FileValue {
  kind: 'file';
  row: Row;
}

/** A read-only map (a note's properties: `note`, `file.properties`). */
export interface ObjectValue {
  kind: 'object';
  keys: () => string[];
  get: (key: string) => Value;
}

/** A value an expression computes. */
export type Value = null | boolean | number | string | Value[] | DateValue | LinkValue | FileValue | ObjectValue;

/** Binary operators, by precedence group. */
export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

/** An expression's syntax tree; `at` is the offset of the node in the expression text. */
export type Expr =
  | { type: 'literal'; value: null | boolean | number | string; at: number }
  | { type: 'list'; items: Expr[]; at: number }
  | { type: 'name'; name: string; at: number }
  | { type: 'member'; object: Expr; name: string; at: number }
  | { type: 'index'; object: Expr; index: Expr; at: number }
  | { type: 'call'; callee: Expr; args: Expr[]; at: number }
  | { type: 'unary'; op: '!' | '-'; operand: Expr; at: number }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr; at: number };

/** Something in a base that Trellis does not show as Obsidian would; `at` is an offset in the base's YAML text. */
export interface Problem {
  /** `unsupported`: valid in Obsidian, not evaluated by Trellis; `invalid`: wrong in Obsidian too. */
  kind: 'unsupported' | 'invalid';
  /** A sentence in Markdown. */
  message: string;
  at: number;
}

/** An expression as written in the YAML, parsed when it could be. */
export interface CompiledExpr {
  source: string;
  /** Offset of the expression's first character in the base's YAML text. */
  at: number;
  /** Unset when the expression cannot be evaluated (see `problems`). */
  expr?: Expr;
  problems: Problem[];
}

/** A filter: a statement, or a group of filters that must all (`and`), any (`or`) or none (`not`) hold. */
export type FilterNode = { type: 'and' | 'or' | 'not'; items: FilterNode[] } | { type: 'expr'; expr: CompiledExpr };

/** A property a view shows or sorts by: `note.status`, `file.name`, `formula.price`. */
export interface PropertyRef {
  kind: 'note' | 'file' | 'formula';
  name: string;
  /** `kind.name`, the key of `BaseSpec.displayNames`. */
  id: string;
}

/** A sort (or group) key of a view. */
export interface SortKey {
  property: PropertyRef;
  descending: boolean;
}

/** One view of a base. */
export interface ViewSpec {
  /** `table`, `cards` and `list` are drawn; any other type is drawn as a table, with a notice. */
  type: string;
  name: string;
  /** Offset of the view's entry in the YAML. */
  at: number;
  filters?: FilterNode;
  order: PropertyRef[];
  sort: SortKey[];
  limit?: number;
  groupBy?: SortKey;
  /** Cards: the property holding each card's cover image. */
  image?: PropertyRef;
  imageFit: 'cover' | 'contain';
  /** What the view asks for that is not shown; each becomes a notice in the view and a diagnostic. */
  problems: Problem[];
}

/** A base, read from its YAML. */
export interface BaseSpec {
  filters?: FilterNode;
  formulas: Map<string, CompiledExpr>;
  /** Column and field names by property id (`note.status`). */
  displayNames: Map<string, string>;
  views: ViewSpec[];
  /** Problems of the base as a whole (invalid YAML, unsupported sections). */
  problems: Problem[];
  /** Whether an expression reads `this` (the base is then evaluated for each note that shows it). */
  usesThis: boolean;
}
