/** HtmlService: outputs from strings or from `<distDir>/<name>.html`, recorded with their settings. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OfflineEnv } from './env';

type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type GTemplate = GoogleAppsScript.HTML.HtmlTemplate;

type OutputMethods =
  | 'addMetaTag'
  | 'append'
  | 'getContent'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode';

export class FakeHtmlOutput implements Pick<GHtmlOutput, OutputMethods> {
  title = '';
  width = 0;
  height = 0;
  xFrameOptionsMode: string | null = null;
  sandboxMode: string | null = null;
  readonly metaTags: Array<{ name: string; content: string }> = [];

  constructor(
    private readonly env: OfflineEnv,
    public content: string,
    readonly fileName: string | null = null,
  ) {}

  private me(method: string): GHtmlOutput {
    this.env.calls.hit(`HtmlOutput.${method}`);
    return this as unknown as GHtmlOutput;
  }
  getContent(): string {
    this.env.calls.hit('HtmlOutput.getContent');
    return this.content;
  }
  setContent(content: string): GHtmlOutput {
    this.content = String(content);
    return this.me('setContent');
  }
  append(addedContent: string): GHtmlOutput {
    this.content += String(addedContent);
    return this.me('append');
  }
  getTitle(): string {
    this.env.calls.hit('HtmlOutput.getTitle');
    return this.title;
  }
  setTitle(title: string): GHtmlOutput {
    this.title = String(title);
    return this.me('setTitle');
  }
  getWidth(): number {
    this.env.calls.hit('HtmlOutput.getWidth');
    return this.width;
  }
  setWidth(width: number): GHtmlOutput {
    this.width = width;
    return this.me('setWidth');
  }
  getHeight(): number {
    this.env.calls.hit('HtmlOutput.getHeight');
    return this.height;
  }
  setHeight(height: number): GHtmlOutput {
    this.height = height;
    return this.me('setHeight');
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GHtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this.me('setXFrameOptionsMode');
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): GHtmlOutput {
    this.sandboxMode = String(mode);
    return this.me('setSandboxMode');
  }
  addMetaTag(name: string, content: string): GHtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this.me('addMetaTag');
  }
}

/** A template: `<?= expr ?>` (escaped) and `<?!= expr ?>` (raw) over the template's own properties. */
export class FakeHtmlTemplate implements Pick<GTemplate, 'evaluate' | 'getRawContent'> {
  [key: string]: unknown;
  // Private fields, so that variables a script assigns on the template cannot clash with them.
  readonly #env: OfflineEnv;
  readonly #raw: string;
  readonly #file: string | null;

  constructor(env: OfflineEnv, raw: string, file: string | null) {
    this.#env = env;
    this.#raw = raw;
    this.#file = file;
  }

  getRawContent(): string {
    this.#env.calls.hit('HtmlTemplate.getRawContent');
    return this.#raw;
  }
  evaluate(): GHtmlOutput {
    this.#env.calls.hit('HtmlTemplate.evaluate');
    const scope = Object.fromEntries(Object.entries(this));
    const names = Object.keys(scope);
    const run = (expr: string): unknown => new Function(...names, `return (${expr});`)(...names.map((n) => scope[n]));
    const html = this.#raw.replace(/<\?(!?=)([\s\S]*?)\?>/g, (_, kind: string, expr: string) => {
      const v = String(run(expr.trim()) ?? '');
      return kind === '!=' ? v : escapeHtml(v);
    });
    return new FakeHtmlOutput(this.#env, html, this.#file) as unknown as GHtmlOutput;
  }
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

type ServiceMethods = 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'createTemplate' | 'createTemplateFromFile';

export class FakeHtmlService implements Pick<GoogleAppsScript.HTML.HtmlService, ServiceMethods> {
  readonly XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });
  readonly SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });

  constructor(
    private readonly env: OfflineEnv,
    private readonly distDir: string,
  ) {}

  private read(method: string, filename: string): string {
    const file = path.join(this.distDir, filename.endsWith('.html') ? filename : `${filename}.html`);
    if (!fs.existsSync(file)) throw new Error(`No HTML file named ${filename} was found.`);
    this.env.calls.hit(`HtmlService.${method}`);
    return fs.readFileSync(file, 'utf8');
  }

  createHtmlOutput(html?: unknown): GHtmlOutput {
    this.env.calls.hit('HtmlService.createHtmlOutput');
    return new FakeHtmlOutput(this.env, html === undefined ? '' : String(html)) as unknown as GHtmlOutput;
  }
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    return new FakeHtmlOutput(this.env, this.read('createHtmlOutputFromFile', filename), filename) as unknown as GHtmlOutput;
  }
  createTemplate(html: unknown): GTemplate {
    this.env.calls.hit('HtmlService.createTemplate');
    return new FakeHtmlTemplate(this.env, String(html), null) as unknown as GTemplate;
  }
  createTemplateFromFile(filename: string): GTemplate {
    return new FakeHtmlTemplate(this.env, this.read('createTemplateFromFile', filename), filename) as unknown as GTemplate;
  }
}
