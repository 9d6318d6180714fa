// Maps a path inside a parsed YAML document (`checks`, 1, `expect`) to the
// line and column where that node starts, so problems point at the source.
import { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';

export type NodePath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

/**
 * Returns the position of the node at `path`, or of its key when `atKey` is set
 * (used for unknown keys). Falls back to the deepest node that exists.
 */
export function locate(document: Document, lineCounter: LineCounter, path: NodePath, atKey = false): Position {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;

  for (let index = 0; index < path.length; index += 1) {
    const segment = path[index];
    const isLast = index === path.length - 1;

    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (pair === undefined) {
        break;
      }
      const keyStart = rangeStart(pair.key);
      if (isLast && atKey && keyStart !== null) {
        offset = keyStart;
        break;
      }
      node = pair.value;
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }

  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | null {
  const range = (node as Node | null | undefined)?.range;
  return Array.isArray(range) ? range[0] : null;
}
