/** The spreadsheet's Ui: menus recorded as a tree, dialogs and sidebars recorded, alerts/prompts scripted. */
import type { OfflineEnv } from './env';
import type { FakeHtmlOutput } from './html';

type GUi = GoogleAppsScript.Base.Ui;
type GMenu = GoogleAppsScript.Base.Menu;
type GButton = GoogleAppsScript.Base.Button;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
export const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' });
export type ButtonName = keyof typeof Button;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuEntry[] };

/** A menu added to the UI: `addon` menus appear under Extensions with the add-on's name. */
export interface MenuTree {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

export class FakeMenu implements Pick<GMenu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly items: MenuEntry[] = [];

  constructor(
    private readonly env: OfflineEnv,
    private readonly ui: FakeUi,
    readonly caption: string,
    readonly addon: boolean,
  ) {}

  private me(method: string): GMenu {
    this.env.calls.hit(`Menu.${method}`);
    return this as unknown as GMenu;
  }
  addItem(caption: string, functionName: string): GMenu {
    this.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this.me('addItem');
  }
  addSeparator(): GMenu {
    this.items.push({ kind: 'separator' });
    return this.me('addSeparator');
  }
  addSubMenu(menu: GMenu): GMenu {
    const sub = menu as unknown as FakeMenu;
    this.items.push({ kind: 'submenu', caption: sub.caption, items: sub.items });
    return this.me('addSubMenu');
  }
  addToUi(): void {
    this.env.calls.hit('Menu.addToUi');
    this.ui.menus.push({ caption: this.caption, addon: this.addon, items: this.items });
  }
}

export interface Alert {
  title: string;
  prompt: string;
  buttons: string;
  answer: ButtonName;
}
export interface Prompt {
  title: string;
  prompt: string;
  buttons: string;
  answer: ButtonName;
  text: string;
}
/** A scripted answer to the next alert or prompt. */
export interface ScriptedResponse {
  button: ButtonName;
  text?: string;
}
export interface Shown {
  kind: 'sidebar' | 'modal' | 'modeless';
  output: FakeHtmlOutput;
  title: string;
}

class FakePromptResponse implements Pick<GoogleAppsScript.Base.PromptResponse, 'getResponseText' | 'getSelectedButton'> {
  constructor(
    private readonly env: OfflineEnv,
    private readonly text: string,
    private readonly button: ButtonName,
  ) {}
  getResponseText(): string {
    this.env.calls.hit('PromptResponse.getResponseText');
    return this.text;
  }
  getSelectedButton(): GButton {
    this.env.calls.hit('PromptResponse.getSelectedButton');
    return this.button as unknown as GButton;
  }
}

type UiMethods = 'alert' | 'createAddonMenu' | 'createMenu' | 'prompt' | 'showModalDialog' | 'showModelessDialog' | 'showSidebar';

export class FakeUi implements Pick<GUi, UiMethods> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  readonly menus: MenuTree[] = [];
  readonly alerts: Alert[] = [];
  readonly prompts: Prompt[] = [];
  readonly shown: Shown[] = [];
  private readonly responses: ScriptedResponse[] = [];

  constructor(private readonly env: OfflineEnv) {}

  /** Queues answers for the next alerts/prompts, in order. */
  respond(...responses: Array<ScriptedResponse | ButtonName>): void {
    for (const r of responses) this.responses.push(typeof r === 'string' ? { button: r } : r);
  }
  pendingResponses(): number {
    return this.responses.length;
  }
  /** Menu captions in order, items as "caption -> function", for compact assertions. */
  menuOutline(): string[] {
    const lines: string[] = [];
    const walk = (items: MenuEntry[], depth: number) => {
      for (const it of items) {
        const pad = '  '.repeat(depth);
        if (it.kind === 'separator') lines.push(`${pad}---`);
        else if (it.kind === 'item') lines.push(`${pad}${it.caption} -> ${it.functionName}`);
        else {
          lines.push(`${pad}${it.caption} >`);
          walk(it.items, depth + 1);
        }
      }
    };
    for (const m of this.menus) {
      lines.push(`[${m.caption}]`);
      walk(m.items, 1);
    }
    return lines;
  }
  /** The last sidebar shown, or null. */
  sidebar(): FakeHtmlOutput | null {
    return [...this.shown].reverse().find((s) => s.kind === 'sidebar')?.output ?? null;
  }

  /** The next scripted answer; only a plain OK dialog may go unanswered (it can only answer OK). */
  private next(method: string, prompt: string, buttons: string): ScriptedResponse {
    const r = this.responses.shift();
    if (r) return r;
    if (buttons === 'OK') return { button: 'OK' };
    throw new Error(`Ui.${method}("${prompt}") with buttons ${buttons} needs a scripted response (ui.respond(...)).`);
  }

  createMenu(caption: string): GMenu {
    this.env.calls.hit('Ui.createMenu');
    return new FakeMenu(this.env, this, String(caption), false) as unknown as GMenu;
  }
  createAddonMenu(): GMenu {
    this.env.calls.hit('Ui.createAddonMenu');
    return new FakeMenu(this.env, this, '', true) as unknown as GMenu;
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: unknown, c?: unknown): GButton {
    this.env.calls.hit('Ui.alert');
    const [title, prompt, buttons] = c !== undefined ? [a, String(b), String(c)] : ['', a, b === undefined ? 'OK' : String(b)];
    const answer = this.next('alert', String(prompt), buttons).button;
    this.alerts.push({ title, prompt: String(prompt), buttons, answer });
    return answer as unknown as GButton;
  }

  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons). */
  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    this.env.calls.hit('Ui.prompt');
    const [title, prompt, buttons] = c !== undefined ? [a, String(b), String(c)] : ['', a, b === undefined ? 'OK' : String(b)];
    const r = this.next('prompt', String(prompt), buttons);
    const text = r.text ?? '';
    this.prompts.push({ title, prompt: String(prompt), buttons, answer: r.button, text });
    return new FakePromptResponse(this.env, text, r.button) as unknown as GoogleAppsScript.Base.PromptResponse;
  }

  showSidebar(userInterface: GHtmlOutput): void {
    this.env.calls.hit('Ui.showSidebar');
    const output = userInterface as unknown as FakeHtmlOutput;
    this.shown.push({ kind: 'sidebar', output, title: output.title });
  }
  showModalDialog(userInterface: GHtmlOutput, title: string): void {
    this.env.calls.hit('Ui.showModalDialog');
    this.shown.push({ kind: 'modal', output: userInterface as unknown as FakeHtmlOutput, title: String(title) });
  }
  showModelessDialog(userInterface: GHtmlOutput, title: string): void {
    this.env.calls.hit('Ui.showModelessDialog');
    this.shown.push({ kind: 'modeless', output: userInterface as unknown as FakeHtmlOutput, title: String(title) });
  }
}
