import { formatPath, PathSegment, Problem } from '../problems';

export type Path = readonly PathSegment[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const keyOf = (path: Path) => JSON.stringify(path);

/**
 * One object of the imported file (a KafkaConnect, a KafkaConnector, a ConfigMap), read
 * through `take`: every field the importer carries over is marked, so whatever is left
 * unmarked at the end is reported by name instead of being dropped silently.
 */
export class Original {
  /** `KafkaConnect my-connect`: how problems and notes name the object. */
  readonly label: string;
  private readonly taken = new Set<string>();
  /** Every prefix of a taken path, so `leftovers` knows which subtrees were partly read. */
  private readonly touched = new Set<string>();

  constructor(readonly root: Record<string, unknown>) {
    const name = isRecord(root.metadata) ? root.metadata.name : undefined;
    this.label = `${String(root.kind ?? 'object')} ${
      typeof name === 'string' ? name : '(no name)'
    }`;
  }

  /**
   * Marks `path` as a section the import reads field by field, so that `leftovers` names
   * the fields below it that nobody took (`spec.template.initContainers`), not the section.
   */
  open(path: Path): void {
    for (let i = 0; i <= path.length; i++) {
      this.touched.add(keyOf(path.slice(0, i)));
    }
  }

  /** The value at `path`, without marking it. */
  peek(path: Path): unknown {
    let node: unknown = this.root;
    for (const segment of path) {
      if (Array.isArray(node) && typeof segment === 'number') {
        node = node[segment];
      } else if (isRecord(node) && typeof segment === 'string') {
        node = Object.prototype.hasOwnProperty.call(node, segment)
          ? node[segment]
          : undefined;
      } else {
        return undefined;
      }
    }
    return node;
  }

  /** Marks `path` (and everything below it) as carried over. */
  mark(path: Path): void {
    this.taken.add(keyOf(path));
    for (let i = 0; i <= path.length; i++) {
      this.touched.add(keyOf(path.slice(0, i)));
    }
  }

  /** True when exactly `path` was marked. */
  isTaken(path: Path): boolean {
    return this.taken.has(keyOf(path));
  }

  /** The value at `path`, marked as carried over. */
  take(path: Path): unknown {
    this.mark(path);
    return this.peek(path);
  }

  /** A mapping at `path` (marked), or undefined; anything else stays unmarked for leftovers. */
  takeRecord(path: Path): Record<string, unknown> | undefined {
    const value = this.peek(path);
    if (!isRecord(value)) return undefined;
    this.mark(path);
    return value;
  }

  /** `KafkaConnect my-connect: spec.template.initContainers` */
  where(path: Path): string {
    return `${this.label}: ${formatPath(path) || '(object)'}`;
  }

  problem(path: Path, message: string): Problem {
    return { path: this.where(path), message };
  }

  /**
   * The fields nobody took: the largest untouched subtrees, so an unknown section is one
   * line (`spec.jmxOptions`), not one per leaf.
   */
  leftovers(): PathSegment[][] {
    const found: PathSegment[][] = [];
    const walk = (node: unknown, path: PathSegment[]) => {
      const key = keyOf(path);
      if (this.taken.has(key)) return;
      if (!this.touched.has(key)) {
        found.push(path);
        return;
      }
      if (Array.isArray(node)) {
        node.forEach((item, i) => walk(item, [...path, i]));
      } else if (isRecord(node)) {
        for (const child of Object.keys(node))
          walk(node[child], [...path, child]);
      } else {
        // Read below a scalar (a wrong shape): the scalar itself was not carried over.
        found.push(path);
      }
    };
    walk(this.root, []);
    return found;
  }
}
