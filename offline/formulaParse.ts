/**
 * Parses the Sheets formulas the offline runtime evaluates: numbers, text, TRUE/FALSE, cell and range
 * references (A1, $B$3, A2:C9, A:C, A2:C, 2:3, with an optional 'Tab'! prefix), named ranges, function
 * calls, and the operators + - * / ^ & = <> < > <= >= with unary minus and postfix %.
 */

export type Formula =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; sheet: string | null; a1: string }
  | { k: 'name'; name: string }
  | { k: 'call'; name: string; args: Formula[] }
  | { k: 'neg'; x: Formula }
  | { k: 'pct'; x: Formula }
  | { k: 'bin'; op: string; a: Formula; b: Formula };

export class FormulaSyntaxError extends Error {}

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const COL = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d+`;
const SHEET = `(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?`;
/** A reference, not followed by anything that would make it a name or a function. */
const REF = new RegExp(`^${SHEET}(${CELL}(?::(?:${CELL}|${COL}|${ROW}))?|${COL}:${COL}\\d*|${ROW}:${ROW})(?![A-Za-z0-9_.(!])`);
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_.]*/;
const OPS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>', '%', '(', ')', ',', ';'];

/** Binary operators from loosest to tightest. */
const LEVELS: readonly (readonly string[])[] = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/'], ['^']];

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet: string | null; a1: string }
  | { t: 'word'; v: string }
  | { t: 'op'; v: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest[0] === '"') {
      const m = /^"((?:[^"]|"")*)"/.exec(rest);
      if (!m) throw new FormulaSyntaxError('Text without its closing quote.');
      out.push({ t: 'str', v: m[1].replace(/""/g, '"') });
      i += m[0].length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref) {
      const sheet = ref[1] === undefined ? null : ref[1].startsWith("'") ? ref[1].slice(1, -1).replace(/''/g, "'") : ref[1];
      out.push({ t: 'ref', sheet, a1: ref[2].replace(/\$/g, '') });
      i += ref[0].length;
      continue;
    }
    const num = NUMBER.exec(rest);
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      out.push({ t: 'word', v: word[0] });
      i += word[0].length;
      continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (!op) throw new FormulaSyntaxError(`Unexpected "${rest[0]}".`);
    out.push({ t: 'op', v: op === ';' ? ',' : op });
    i += op.length;
  }
  return out;
}

/** The formula's tree; `text` may start with "=". Throws FormulaSyntaxError when Sheets would say "Formula parse error". */
export function parseFormula(text: string): Formula {
  const tokens = tokenize(text.replace(/^=/, ''));
  let pos = 0;
  const peekOp = (...ops: string[]) => {
    const t = tokens[pos];
    return t?.t === 'op' && ops.includes(t.v) ? t.v : undefined;
  };
  const expect = (op: string) => {
    if (!peekOp(op)) throw new FormulaSyntaxError(`Expected "${op}".`);
    pos++;
  };

  const binary = (level: number): Formula => {
    if (level === LEVELS.length) return unary();
    let a = binary(level + 1);
    for (let op = peekOp(...LEVELS[level]); op; op = peekOp(...LEVELS[level])) {
      pos++;
      a = { k: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Formula => {
    if (peekOp('-')) {
      pos++;
      return { k: 'neg', x: unary() };
    }
    if (peekOp('+')) {
      pos++;
      return unary();
    }
    let x = primary();
    while (peekOp('%')) {
      pos++;
      x = { k: 'pct', x };
    }
    return x;
  };
  const primary = (): Formula => {
    const t = tokens[pos++];
    if (!t) throw new FormulaSyntaxError('The formula ends too soon.');
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 'ref':
        return { k: 'ref', sheet: t.sheet, a1: t.a1 };
      case 'word': {
        if (peekOp('(')) {
          pos++;
          const args: Formula[] = [];
          if (!peekOp(')')) {
            args.push(binary(0));
            while (peekOp(',')) {
              pos++;
              args.push(binary(0));
            }
          }
          expect(')');
          return { k: 'call', name: t.v.toUpperCase(), args };
        }
        if (/^(true|false)$/i.test(t.v)) return { k: 'bool', v: t.v.toLowerCase() === 'true' };
        return { k: 'name', name: t.v };
      }
      case 'op':
        if (t.v === '(') {
          const x = binary(0);
          expect(')');
          return x;
        }
        throw new FormulaSyntaxError(`Unexpected "${t.v}".`);
    }
  };

  const tree = binary(0);
  if (pos < tokens.length) throw new FormulaSyntaxError('Unexpected text after the formula.');
  return tree;
}
