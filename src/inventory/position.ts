// Maps key paths in a parsed YAML document back to line and column.
import { isMap, isNode, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

export type KeyPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export class Locator {
  constructor(
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Position of the value at `path`, or of its nearest existing parent when the key is missing. */
  value(path: KeyPath): Position {
    for (let length = path.length; length >= 0; length--) {
      const node = this.node(path.slice(0, length));
      if (node?.range) {
        return this.offset(node.range[0]);
      }
    }

    return { line: 1, column: 1 };
  }

  /** Position of the key `key` inside the map at `path`; falls back to the map itself. */
  key(path: KeyPath, key: string): Position {
    const map = this.node(path);
    if (isMap(map)) {
      for (const pair of map.items) {
        if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
          return this.offset(pair.key.range[0]);
        }
      }
    }

    return this.value(path);
  }

  /** Position of a byte offset in the source text. */
  offset(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line, column: col };
  }

  node(path: KeyPath): Node | undefined {
    if (path.length === 0) {
      return isNode(this.document.contents) ? this.document.contents : undefined;
    }

    const found: unknown = this.document.getIn(path, true);
    if (isPair(found)) {
      return isNode(found.value) ? found.value : undefined;
    }

    return isNode(found) ? found : undefined;
  }

  /** Describes the value at `path` for messages, e.g. `70000`, `"smrt"` or `a list`. */
  describe(path: KeyPath): string | null {
    const node = this.node(path);
    if (node === undefined) {
      return null;
    }

    if (isMap(node)) {
      return 'a map';
    }

    if (isSeq(node)) {
      return 'a list';
    }

    if (isScalar(node)) {
      if (node.value === null) {
        return 'an empty value';
      }

      const text = typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
      return text.length > 60 ? `${text.slice(0, 57)}...` : text;
    }

    return null;
  }
}
