import { type Located, UNKNOWN } from './arm-expressions';
import { deployTimeNumber, deployTimeString } from '../model/cluster-model';

/** Resolves a value an input holds at `path`: evaluates an expression, or marks a reference unknown. */
export type Resolver = (value: unknown, path: string) => Located;

/** A value of another JSON type than its field takes. */
export interface WrongType {
  readonly path: string;
  readonly value: unknown;
  readonly expected: string;
}

const asIs: Resolver = (value, path) => ({ value, path });

const own = (o: unknown, key: string): boolean => o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, key);

/**
 * Reads model fields out of one input and remembers where each came from, so a finding names the
 * place the user wrote it: `default_node_pool.vm_size`, `parameters.nodeCount.defaultValue` or
 * `nodePool.vmSize`. Reads own properties only. A list met on the way stands for its first
 * element, as Terraform writes a single block either way.
 */
export class FieldReader {
  /** Model field → path in the input. */
  public readonly paths = new Map<string, string>();
  /** Values of another JSON type than the field takes; read as unknown, so no check misreads them. */
  public readonly wrongTypes: WrongType[] = [];

  constructor(
    private readonly root: unknown,
    /** Prefix of every path, such as `resources.2.` */
    private readonly base = '',
    private readonly resolve: Resolver = asIs,
    /** Whether a path names the first element of a list it steps into (ARM), or not (Terraform blocks). */
    private readonly indexLists = true,
  ) {}

  /** The value at `path` (dotted, below the root) and where it was set. */
  public at(path: string): Located {
    let cur: Located = this.resolve(this.root, this.base.replace(/\.$/, ''));
    let where = this.base.replace(/\.$/, '');
    const keys = path.split('.');
    for (const [i, key] of keys.entries()) {
      let value = cur.value;
      where = cur.path;
      if (Array.isArray(value) && !/^\d+$/.test(key)) {
        value = value[0];
        if (this.indexLists) where = `${where}.0`;
      }
      if (!own(value, key)) {
        // Unset: the whole path the value would be at, which is what the user adds.
        const rest = keys.slice(i).join('.');
        return { value: undefined, path: where ? `${where}.${rest}` : rest };
      }
      cur = this.resolve((value as Record<string, unknown>)[key], where ? `${where}.${key}` : key);
    }
    return cur;
  }

  /** The value at `path`, recording it as the source of `field`. UNKNOWN stays UNKNOWN. */
  public read(field: string, path: string): unknown {
    const found = this.at(path);
    if (!this.paths.has(field) || found.value !== undefined) this.paths.set(field, found.path);
    return found.value;
  }

  /** A string field: the input's value, a deploy-time token, or the fallback when unset. */
  public str<T extends string | undefined>(field: string, path: string, fallback: T): string | T {
    const v = this.read(field, path);
    if (v === UNKNOWN) return deployTimeString(this.paths.get(field)!);
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'string') return v;
    this.wrongTypes.push({ path: this.paths.get(field)!, value: v, expected: 'a string' });
    return deployTimeString(this.paths.get(field)!);
  }

  /** A number field; Terraform's JSON may write a number as a string of digits. */
  public num<T extends number | undefined>(field: string, path: string, fallback: T): number | T {
    const v = this.read(field, path);
    if (v === UNKNOWN) return deployTimeNumber(this.paths.get(field)!);
    if (v === undefined || v === null) return fallback;
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d{1,15}$/.test(v)) return Number(v);
    this.wrongTypes.push({ path: this.paths.get(field)!, value: v, expected: 'a whole number' });
    return deployTimeNumber(this.paths.get(field)!);
  }

  /** A string the input must set; when it does not, it is left to deploy time and no check reads it. */
  public required(field: string, path: string): string {
    const v = this.str(field, path, undefined);
    return v ?? deployTimeString(this.paths.get(field)!);
  }

  /** Whether anything is set at `path`. */
  public has(path: string): boolean {
    return this.at(path).value !== undefined;
  }

  /** The input's name for a model field: its recorded path, or the nearest recorded parent with the rest appended. */
  public pathOf(field: string): string {
    const direct = this.paths.get(field);
    if (direct !== undefined) return direct;
    const parts = field.split('.');
    for (let n = parts.length - 1; n > 0; n--) {
      const parent = this.paths.get(parts.slice(0, n).join('.'));
      if (parent !== undefined) return `${parent}.${parts.slice(n).join('.')}`;
    }
    return `${this.base}${field}`;
  }
}
