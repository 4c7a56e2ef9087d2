/**
 * Top-level stubs for the bundle. Apps Script only sees top-level functions (triggers, menu actions,
 * google.script.run, custom functions), so each export of src/main.ts gets one that calls into the IIFE
 * (the whole server, assigned to the global `SLM` in the same file: nothing is read or evaluated at run time).
 * Names, parameters and JSDoc are read from the source with the TypeScript compiler, not kept by hand.
 */
import * as ts from 'typescript';

export interface EntryPoint {
  readonly name: string;
  readonly params: string[];
  /** The function's JSDoc block as written, or '' when it has none. */
  readonly jsDoc: string;
  readonly customFunction: boolean;
}

export function entryPoints(mainFile: string): EntryPoint[] {
  const program = ts.createProgram([mainFile], {
    target: ts.ScriptTarget.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(mainFile);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`Cannot read the exports of ${mainFile}`);
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = symbol.declarations?.find(ts.isFunctionDeclaration);
    if (!decl) throw new Error(`Entry point "${exported.name}" must be an exported function declaration`);
    const file = decl.getSourceFile();
    const comments = ts.getLeadingCommentRanges(file.text, decl.getFullStart()) ?? [];
    const doc =
      comments
        .map((c) => file.text.slice(c.pos, c.end))
        .filter((c) => c.startsWith('/**'))
        .pop() ?? '';
    return {
      name: exported.name,
      params: decl.parameters.map((p) => p.name.getText(file)),
      jsDoc: doc.replace(/^[ \t]+\*/gm, ' *'),
      customFunction: /@customfunction\b/.test(doc),
    };
  });
}

/** Menu actions are the entry points named menu…; the call form's waiting answers are written before each. */
const MENU_ACTION = /^menu[A-Z]/;
const WAITING_CALLS = 'writeWaitingCalls';

export function renderStubs(entries: EntryPoint[]): string {
  const names = new Set(entries.map((e) => e.name));
  const stubs = entries.map((e) => {
    const params = e.params.join(', ');
    // Only custom functions need their JSDoc (Sheets reads it for autocomplete); the others would
    // only add bytes that every custom-function call loads.
    const doc = e.customFunction ? `${e.jsDoc}\n` : '';
    // Every menu action first writes the call form's answers that wait (one property read when none do).
    if (MENU_ACTION.test(e.name) && names.has(WAITING_CALLS)) {
      return `function ${e.name}(${params}){SLM.${WAITING_CALLS}();return SLM.${e.name}.apply(this,arguments)}`;
    }
    return `${doc}function ${e.name}(${params}){return SLM.${e.name}.apply(this,arguments)}`;
  });
  return stubs.join('\n');
}
