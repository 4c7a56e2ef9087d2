/**
 * Rewrites the function literals at the top level of the bundle's IIFE as function declarations:
 * `var f=(…)=>…` becomes `function f(…){…}`, and a literal elsewhere in a top-level statement (an entry point in
 * the returned object, a module body handed to the bundler's lazy initialiser) becomes a declaration under a new
 * name that takes its place. V8 compiles the IIFE eagerly, and a function literal in it costs several times what a
 * declaration does (measured side by side: docs/figures.md). A declaration is hoisted, so it exists no later than
 * the literal did. Left as they are: an arrow that reads `this` or `arguments` (a declaration would read its own),
 * a named or generator function expression, and anything inside a block, a loop or a class, whose scope a
 * declaration at the top would leave.
 */
import * as ts from 'typescript';

type FunctionLiteral = ts.ArrowFunction | ts.FunctionExpression;

/** True when `fn` (an arrow) reads `this`, `super` or `arguments` of the code around it. */
function readsOuterThis(fn: ts.ArrowFunction): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.SuperKeyword || (ts.isIdentifier(node) && node.text === 'arguments')) {
      found = true;
      return;
    }
    // A function of its own (a method, a getter, a class) has its own `this` and `arguments`; an arrow has not.
    if ((ts.isFunctionLike(node) && !ts.isArrowFunction(node)) || ts.isClassLike(node)) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}

const declarable = (node: ts.Node | undefined): node is FunctionLiteral =>
  !!node && ((ts.isArrowFunction(node) && !readsOuterThis(node)) || (ts.isFunctionExpression(node) && !node.name && !node.asteriskToken));

/** Nodes whose inside is a scope of its own: a literal there may read names a declaration at the top could not. */
const opensScope = (node: ts.Node): boolean =>
  ts.isBlock(node) || ts.isIterationStatement(node, false) || ts.isCatchClause(node) || ts.isCaseBlock(node) || ts.isClassLike(node) || ts.isFunctionLike(node);

/** The body of `var SLM=(()=>{…})()`: the arrow with the most statements. */
function iifeBody(file: ts.SourceFile): ts.Block {
  let best: ts.Block | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isArrowFunction(node) && ts.isBlock(node.body) && node.body.statements.length > (best?.statements.length ?? 0)) best = node.body;
    else ts.forEachChild(node, visit);
  };
  visit(file);
  if (!best) throw new Error('The bundle has no IIFE');
  return best;
}

/** `script`, the bundle, with the function literals at the top level of its IIFE declared as functions. */
export function declareTopLevelFunctions(script: string): string {
  const file = ts.createSourceFile('Code.js', script, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const text = (node: ts.Node) => script.slice(node.getStart(file), node.end);
  const declaration = (name: string, fn: FunctionLiteral): string => {
    const isAsync = fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ? 'async ' : '';
    const body = ts.isBlock(fn.body) ? text(fn.body) : `{return ${text(fn.body)}}`;
    return `${isAsync}function ${name}(${fn.parameters.map(text).join(',')})${body}`;
  };
  let fresh = 0;
  const freshName = (): string => {
    let name: string;
    do name = `SLM$${fresh++}`;
    while (script.includes(name));
    return name;
  };
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const statement of iifeBody(file).statements) {
    const hoisted: string[] = [];
    // `var f=(…)=>…`: the variable itself becomes the declaration.
    if (ts.isVariableStatement(statement)) {
      const list = statement.declarationList;
      const keyword = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var';
      const named = list.declarations.filter((d) => ts.isIdentifier(d.name) && declarable(d.initializer));
      if (named.length > 0) {
        for (const d of named) hoisted.push(declaration((d.name as ts.Identifier).text, d.initializer as FunctionLiteral));
        const others = list.declarations.filter((d) => !named.includes(d));
        const rest = others.length ? `${keyword} ${others.map((d) => rewritten(d)).join(',')};` : '';
        edits.push({ start: statement.getStart(file), end: statement.end, text: hoisted.join('') + rest });
        continue;
      }
    }
    if (ts.isVariableStatement(statement) || ts.isExpressionStatement(statement) || ts.isReturnStatement(statement)) {
      const body = rewritten(statement);
      if (hoisted.length > 0) edits.push({ start: statement.getStart(file), end: statement.end, text: hoisted.join('') + body });
    }

    /** `node`'s text with each function literal in it (outside any inner scope) replaced by a new declaration's name. */
    function rewritten(node: ts.Node): string {
      const inner: Array<{ start: number; end: number; name: string }> = [];
      const visit = (n: ts.Node): void => {
        if (declarable(n)) {
          const name = freshName();
          hoisted.push(declaration(name, n));
          inner.push({ start: n.getStart(file), end: n.end, name });
          return;
        }
        if (opensScope(n)) return;
        ts.forEachChild(n, visit);
      };
      ts.forEachChild(node, visit);
      let out = '';
      let at = node.getStart(file);
      for (const r of inner) {
        out += script.slice(at, r.start) + r.name;
        at = r.end;
      }
      return out + script.slice(at, node.end);
    }
  }
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += script.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + script.slice(at);
}
