/** The build's rewrite of the IIFE's top-level function literals as declarations: same behaviour, fewer literals. */
import * as vm from 'node:vm';
import { declareTopLevelFunctions } from '../../scripts/declareFunctions';

const wrap = (body: string) => `"use strict";var SLM=(()=>{${body}})();`;
/** What the script's SLM holds after it runs: each entry called with `args`. */
function answers(script: string, calls: Record<string, unknown[]>): Record<string, unknown> {
  const context = vm.createContext({});
  vm.runInContext(script, context);
  return Object.fromEntries(Object.entries(calls).map(([name, args]) => [name, JSON.stringify(context.SLM[name](...args))]));
}

const BODY = `
var twice=x=>x*2, base=10, plus=function(a,b=base){return a+b};
var table={scale:x=>twice(x)+base, describe:(n)=>({n, label:\`n=\${n}\`})};
var later=()=>early();
function early(){return 'hoisted'}
var self=()=>typeof this;
var viaArgs=()=>arguments.length; // never called: the arrow IIFE has no arguments of its own
var inBlock=[];{let k=5;inBlock.push(()=>k)}
for(let i=0;i<2;i++)inBlock.push(()=>i);
var named=function fact(n){return n<=1?1:n*fact(n-1)};
var gen=function*(){yield 1};
var lazy=wrapper(()=>{return 'init'});
function wrapper(f){return f}
return{twice, plus, scale:table.scale, describe:table.describe, later, self, viaArgs, blocks:()=>inBlock.map(f=>f()), named, gen:()=>[...gen()], lazy, entry:(a)=>a+1};
`;

describe('declareTopLevelFunctions', () => {
  const before = wrap(BODY);
  const after = declareTopLevelFunctions(before);

  test('the rewritten bundle answers every call as the original does', () => {
    const calls = {
      twice: [4],
      plus: [1],
      scale: [3],
      describe: [7],
      later: [],
      self: [],
      blocks: [],
      named: [5],
      gen: [],
      lazy: [],
      entry: [41],
    };
    expect(answers(after, calls)).toEqual(answers(before, calls));
    expect(answers(after, calls)).toMatchObject({ plus: '11', scale: '16', later: '"hoisted"', blocks: '[5,0,1]', named: '120', entry: '42' });
  });

  test('variables holding arrows and anonymous functions become declarations; literals in objects, calls and the return are declared under new names', () => {
    expect(after).toMatch(/function twice\(x\)\{return x\*2\}/);
    expect(after).toMatch(/function plus\(a,b=base\)\{return a\+b\}/);
    expect(after).toMatch(/var base=10;/);
    expect(after).toMatch(/table=\{scale:SLM\$\d+, describe:SLM\$\d+\}/);
    expect(after).toMatch(/lazy=wrapper\(SLM\$\d+\)/);
    expect(after).toMatch(/entry:SLM\$\d+\}/);
  });

  test('what a declaration would change is left as it is: this, arguments, block and loop scopes, named and generator functions', () => {
    expect(after).toContain('var self=()=>typeof this');
    expect(after).toContain('var viaArgs=()=>arguments.length;');
    expect(after).toContain('{let k=5;inBlock.push(()=>k)}');
    expect(after).toContain('for(let i=0;i<2;i++)inBlock.push(()=>i)');
    expect(after).toContain('var named=function fact(n)');
    expect(after).toContain('var gen=function*(){yield 1}');
  });

  test('a new name never takes one the bundle already uses', () => {
    const taken = declareTopLevelFunctions(wrap('var SLM$0=1;var o={f:()=>SLM$0};return{f:o.f}'));
    expect(taken).not.toMatch(/function SLM\$0\(/);
    expect(answers(taken, { f: [] })).toEqual({ f: '1' });
  });
});
