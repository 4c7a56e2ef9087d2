/** The bundle's console: lines kept for tests. */
import { format as utilFormat } from 'node:util';

/** A console whose lines are kept for tests (and echoed only when asked). */
export const recordingConsole = (lines: Array<{ level: string; text: string }>, echo: boolean) => {
  const at =
    (level: 'log' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      lines.push({ level, text: utilFormat(...args) });
      if (echo) console[level](...args);
    };
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('log') };
};
