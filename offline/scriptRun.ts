/**
 * What may cross google.script.run, in either direction: "JavaScript primitives like a Number, Boolean,
 * String, or null, as well as JavaScript objects and arrays that are composed of primitives, objects and
 * arrays ... Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other
 * prohibited type, including prohibited types inside objects or arrays. Objects that create circular
 * references will also fail, and undefined fields within arrays become null."
 * https://developers.google.com/apps-script/guides/html/communication#parameters_and_return_values
 *
 * The check is kept as source text so that the very same function runs in Node (the offline server) and in
 * the browser (the google.script.run shim of the preview and the browser tests).
 */

/**
 * `illegalPath(value)`: null when `value` may cross, else the path (property names and array indexes) to
 * the first value that may not. Non-finite numbers are refused too (JSON would turn them into null).
 */
export const ILLEGAL_PATH_SOURCE = `function illegalPath(value) {
  var seen = [];
  function visit(v, path) {
    if (v === null || v === undefined) return null;
    var t = typeof v;
    if (t === 'string' || t === 'boolean') return null;
    if (t === 'number') return isFinite(v) ? null : path;
    if (t !== 'object') return path;
    var tag = Object.prototype.toString.call(v);
    if (tag !== '[object Array]' && tag !== '[object Object]') return path;
    if (tag === '[object Object]') {
      var proto = Object.getPrototypeOf(v);
      if (proto !== null && Object.getPrototypeOf(proto) !== null) return path;
    }
    if (seen.indexOf(v) >= 0) return path;
    seen.push(v);
    var keys = Object.keys(v);
    for (var i = 0; i < keys.length; i++) {
      var bad = visit(v[keys[i]], path.concat([tag === '[object Array]' ? Number(keys[i]) : keys[i]]));
      if (bad !== null) return bad;
    }
    seen.pop();
    return null;
  }
  return visit(value, []);
}`;

export const illegalPath = new Function(`return ${ILLEGAL_PATH_SOURCE};`)() as (value: unknown) => Array<string | number> | null;

/** The browser's error for an argument google.script.run refuses (thrown where the call is made). */
export const illegalValueMessage = (property: string | number): string => `Failed due to illegal value in property: ${property}`;

const kind = (v: unknown): string => {
  if (Object.prototype.toString.call(v) === '[object Date]') return 'a Date (the API sends dates as ISO strings)';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'object' || v === null) return `a ${typeof v}`;
  const tag = Object.prototype.toString.call(v);
  const proto = Object.getPrototypeOf(v);
  const plain = tag === '[object Array]' || (tag === '[object Object]' && (proto === null || Object.getPrototypeOf(proto) === null));
  return plain ? 'a circular reference' : 'an object that is not plain data';
};

/**
 * Throws when `value` may not cross google.script.run, naming where in it the problem is. Used on both
 * sides of the offline bridge: the arguments a page sends and the answer a server function returns.
 */
export function assertPlain(value: unknown, where = 'value'): void {
  const path = illegalPath(value);
  if (path === null) return;
  let v = value as any;
  for (const k of path) v = v[k];
  const at = where + path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
  throw new Error(`${at} is ${kind(v)}, which google.script.run does not carry`);
}
