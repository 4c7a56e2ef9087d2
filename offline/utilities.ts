/** Utilities: dates formatted in a zone, CSV, blobs, base64, UUIDs, and sleep (simulated). */
import { randomUUID } from 'node:crypto';
import { format as utilFormat } from 'node:util';
import type { OfflineEnv } from './env';
import { isDate } from './realm';
import { formatSimpleDate, isKnownZone } from './zoned';
import { parseCsv } from './csv';

type GBlob = GoogleAppsScript.Base.Blob;
/** Apps Script bytes are signed (-128..127). */
const signed = (buf: Buffer): number[] => [...buf].map((b) => (b > 127 ? b - 256 : b));
const toBuffer = (data: string | number[]): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => (b < 0 ? b + 256 : b)));

export class FakeBlob
  implements Pick<GBlob, 'getBytes' | 'getContentType' | 'getDataAsString' | 'getName' | 'setName' | 'setContentType' | 'setDataFromString'>
{
  /** Set on a chart's picture (Chart.getAs): what the chart draws, since offline nothing renders the PNG. */
  chart?: import('./charts').StandaloneChartSpec;
  constructor(
    private readonly env: OfflineEnv,
    public bytes: Buffer,
    public contentType: string | null,
    public name: string | null,
  ) {}
  getBytes(): number[] {
    this.env.calls.hit('Blob.getBytes');
    return signed(this.bytes);
  }
  getDataAsString(): string {
    this.env.calls.hit('Blob.getDataAsString');
    return this.bytes.toString('utf8');
  }
  setDataFromString(s: string): GBlob {
    this.env.calls.hit('Blob.setDataFromString');
    this.bytes = Buffer.from(s, 'utf8');
    return this as unknown as GBlob;
  }
  getContentType(): string | null {
    this.env.calls.hit('Blob.getContentType');
    return this.contentType;
  }
  setContentType(t: string | null): GBlob {
    this.env.calls.hit('Blob.setContentType');
    this.contentType = t;
    return this as unknown as GBlob;
  }
  getName(): string | null {
    this.env.calls.hit('Blob.getName');
    return this.name;
  }
  setName(n: string): GBlob {
    this.env.calls.hit('Blob.setName');
    this.name = n;
    return this as unknown as GBlob;
  }
}

export class FakeUtilities
  implements
    Pick<GoogleAppsScript.Utilities.Utilities, 'base64Decode' | 'base64Encode' | 'formatDate' | 'formatString' | 'getUuid' | 'newBlob' | 'parseCsv' | 'sleep'>
{
  readonly Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });
  /** Milliseconds the script asked to sleep (sleep itself returns at once). */
  slept = 0;
  constructor(private readonly env: OfflineEnv) {}

  formatDate(date: Date, timeZone: string, format: string): string {
    this.env.calls.hit('Utilities.formatDate');
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      const t = (v: unknown) => (isDate(v) ? 'Date' : v === null ? 'null' : typeof v === 'string' ? 'String' : typeof v);
      throw new Error(`The parameters (${t(date)},${t(timeZone)},${t(format)}) don't match the method signature for Utilities.formatDate.`);
    }
    if (!isKnownZone(timeZone)) throw new Error(`Invalid argument: timeZone`);
    return formatSimpleDate(date.getTime(), timeZone, format);
  }
  formatString(template: string, ...args: any[]): string {
    this.env.calls.hit('Utilities.formatString');
    return utilFormat(template, ...args);
  }
  getUuid(): string {
    this.env.calls.hit('Utilities.getUuid');
    return randomUUID();
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    this.env.calls.hit('Utilities.parseCsv');
    return parseCsv(csv, delimiter);
  }
  /** Returns at once; the time counts towards the execution's limit (see clock.ts). */
  sleep(milliseconds: number): void {
    this.env.calls.hit('Utilities.sleep');
    this.env.clock.wait(milliseconds);
    this.slept += milliseconds;
  }
  newBlob(data: string | number[], contentType?: string | null, name?: string | null): GBlob {
    this.env.calls.hit('Utilities.newBlob');
    return new FakeBlob(this.env, toBuffer(data), contentType ?? null, name ?? null) as unknown as GBlob;
  }
  base64Encode(data: string | number[]): string {
    this.env.calls.hit('Utilities.base64Encode');
    return toBuffer(data).toString('base64');
  }
  base64Decode(encoded: string): number[] {
    this.env.calls.hit('Utilities.base64Decode');
    return signed(Buffer.from(encoded, 'base64'));
  }
}
