// A small OData $filter parser: comparisons (eq ne lt gt le ge), startswith(), and/or/not,
// parentheses, string literals with '' escaping, numbers, booleans, null. Unsupported syntax is
// answered like Graph answers it: 400 invalidRequest "Invalid filter clause".
import { invalidRequest } from './errors';

export type Literal = string | number | boolean | null;
export type ComparisonOp = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'cmp'; op: ComparisonOp; path: string; value: Literal }
  | { kind: 'startswith'; path: string; value: string };

type Token =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'word'; v: string }
  | { t: 'punct'; v: '(' | ')' | ',' };

const COMPARISONS = new Set<string>(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);

function invalid(detail: string): Error {
  return invalidRequest(`Invalid filter clause: ${detail}`);
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const rest = input.slice(i);
    const c = input[i];
    if (c === undefined) break;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: 'punct', v: c });
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        const ch = input[j];
        if (ch === undefined) throw invalid('unterminated string literal');
        if (ch === "'") {
          if (input[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += ch;
        j++;
      }
      tokens.push({ t: 'str', v: value });
      i = j + 1;
      continue;
    }
    // OData allows unquoted date and dateTimeOffset literals; they compare as ISO strings.
    const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?/.exec(rest);
    if (date) {
      tokens.push({ t: 'str', v: date[0] });
      i += date[0].length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      tokens.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][\w]*(\/[A-Za-z_][\w]*)*/.exec(rest);
    if (word) {
      tokens.push({ t: 'word', v: word[0] });
      i += word[0].length;
      continue;
    }
    throw invalid(`unexpected '${c}' at position ${i}`);
  }
  return tokens;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.pos < this.tokens.length) throw invalid('unexpected trailing input');
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw invalid('unexpected end of expression');
    return t;
  }

  private isWord(v: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && t.v.toLowerCase() === v;
  }

  private expectPunct(v: '(' | ')' | ','): void {
    const t = this.next();
    if (t.t !== 'punct' || t.v !== v) throw invalid(`expected '${v}'`);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.pos++;
      return { kind: 'not', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): FilterNode {
    const t = this.next();
    if (t.t === 'punct' && t.v === '(') {
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    if (t.t !== 'word') throw invalid('expected a property or function');
    if (t.v.toLowerCase() === 'startswith') {
      this.expectPunct('(');
      const path = this.next();
      if (path.t !== 'word') throw invalid('startswith expects a property');
      this.expectPunct(',');
      const value = this.next();
      if (value.t !== 'str') throw invalid('startswith expects a string literal');
      this.expectPunct(')');
      // `startswith(x,'a') eq true` is the long form of the same test.
      if (this.isWord('eq')) {
        this.pos++;
        const b = this.literal();
        if (b !== true) throw invalid('startswith can only be compared with true');
      }
      return { kind: 'startswith', path: path.v, value: value.v };
    }
    const op = this.next();
    if (op.t !== 'word' || !COMPARISONS.has(op.v.toLowerCase())) throw invalid(`expected a comparison operator after '${t.v}'`);
    return { kind: 'cmp', op: op.v.toLowerCase() as ComparisonOp, path: t.v, value: this.literal() };
  }

  private literal(): Literal {
    const t = this.next();
    if (t.t === 'str' || t.t === 'num') return t.v;
    if (t.t === 'word') {
      const w = t.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
    }
    throw invalid('expected a literal value');
  }
}

export function parseFilter(input: string): FilterNode {
  return new Parser(tokenize(input)).parse();
}

export function filterPaths(node: FilterNode): string[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...filterPaths(node.left), ...filterPaths(node.right)];
    case 'not':
      return filterPaths(node.operand);
    default:
      return [node.path];
  }
}

function lookup(value: unknown, path: string): unknown {
  let current = value;
  for (const segment of path.split('/')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function compare(actual: unknown, op: ComparisonOp, expected: Literal): boolean {
  const a = actual === undefined ? null : actual;
  if (op === 'eq') return a === expected;
  if (op === 'ne') return a !== expected;
  if (a === null || expected === null) return false;
  if (typeof a !== typeof expected) return false;
  const x = a as string | number | boolean;
  const y = expected;
  if (op === 'lt') return x < y;
  if (op === 'gt') return x > y;
  if (op === 'le') return x <= y;
  return x >= y;
}

/** Evaluates a filter against plain objects (lists, plans); list items are filtered in SQL instead. */
export function matches(node: FilterNode, value: unknown): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, value) && matches(node.right, value);
    case 'or':
      return matches(node.left, value) || matches(node.right, value);
    case 'not':
      return !matches(node.operand, value);
    case 'startswith': {
      const actual = lookup(value, node.path);
      return typeof actual === 'string' && actual.startsWith(node.value);
    }
    case 'cmp':
      return compare(lookup(value, node.path), node.op, node.value);
  }
}
