/**
 * The BigQuery advanced service (BigQuery API v2, as Apps Script exposes it: `BigQuery.Jobs.insert(resource,
 * projectId, mediaData)` and `BigQuery.Jobs.get(projectId, jobId, optionalArgs)`), holding datasets and tables in
 * memory. Only the calls the add-in makes are here, with the REST API's request and response shapes:
 * - jobs.insert with a media upload ("Starts a new asynchronous job… a load job can be given its data in the
 *   request"): https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/insert; the Apps Script sample "Load
 *   CSV data" passes the data as a Blob third argument: https://developers.google.com/apps-script/advanced/bigquery;
 * - the Job resource, its jobReference and status (state PENDING, RUNNING or DONE; errorResult when it failed):
 *   https://cloud.google.com/bigquery/docs/reference/rest/v2/Job;
 * - the load configuration (destinationTable, schema.fields, sourceFormat CSV, skipLeadingRows,
 *   allowQuotedNewlines, createDisposition CREATE_IF_NEEDED, writeDisposition WRITE_TRUNCATE / WRITE_APPEND /
 *   WRITE_EMPTY: "Creation, truncation and append actions occur as one atomic update upon job completion"):
 *   https://cloud.google.com/bigquery/docs/reference/rest/v2/Job#JobConfigurationLoad;
 * - jobs.get: https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/get.
 * A job is RUNNING when inserted and DONE at its first jobs.get, having loaded its rows then. Errors come back as
 * Apps Script reports an advanced service's HTTP error: "API call to bigquery.jobs.insert failed with error: …".
 * Datasets are made by the test (`addDataset`), as a trust makes its own in the Cloud console.
 */
import type { OfflineEnv } from './env';
import { parseCsv } from './csv';

interface Field {
  name: string;
  type: string;
  mode?: string;
}
interface Table {
  schema: Field[];
  rows: string[][];
}

interface LoadConfiguration {
  destinationTable?: { projectId?: string; datasetId?: string; tableId?: string };
  schema?: { fields?: Field[] };
  sourceFormat?: string;
  skipLeadingRows?: number;
  allowQuotedNewlines?: boolean;
  createDisposition?: string;
  writeDisposition?: string;
}

export interface BigQueryJob {
  kind: 'bigquery#job';
  id: string;
  jobReference: { projectId: string; jobId: string; location: string };
  configuration: { load?: LoadConfiguration; jobType?: string };
  status: { state: 'PENDING' | 'RUNNING' | 'DONE'; errorResult?: { reason: string; message: string }; errors?: Array<{ reason: string; message: string }> };
  statistics?: { load?: { outputRows: string } };
}

/** One load request as the add-in sent it: the resource, the project, and the data (the blob's text). */
export interface LoadRequest {
  readonly projectId: string;
  readonly resource: { configuration: { load: LoadConfiguration } };
  readonly data: string;
}

const LOCATION = 'EU';
const apiError = (method: string, reason: string) => new Error(`API call to bigquery.jobs.${method} failed with error: ${reason}`);

/** Checks a CSV value against its column's type as BigQuery's CSV reader would; undefined when it fits. */
function typeProblem(value: string, type: string): string | undefined {
  if (value === '') return undefined;
  switch (type) {
    case 'INTEGER':
    case 'INT64':
      return /^-?\d+$/.test(value) ? undefined : `Could not parse '${value}' as INT64`;
    case 'FLOAT':
    case 'FLOAT64':
      return Number.isFinite(Number(value)) ? undefined : `Could not parse '${value}' as DOUBLE`;
    case 'BOOLEAN':
    case 'BOOL':
      return /^(true|false|1|0)$/i.test(value) ? undefined : `Could not parse '${value}' as BOOL`;
    case 'TIMESTAMP':
      return /^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?( ?(Z|UTC|[+-]\d{2}:\d{2}))?$/.test(value)
        ? undefined
        : `Could not parse '${value}' as TIMESTAMP`;
    case 'DATE':
      return /^\d{4}-\d{1,2}-\d{1,2}$/.test(value) ? undefined : `Could not parse '${value}' as DATE`;
    default:
      return undefined;
  }
}

export class FakeBigQueryJobs {
  readonly jobs = new Map<string, { job: BigQueryJob; run: () => void }>();
  /** Every load request received, in order. */
  readonly loads: LoadRequest[] = [];
  private next = 0;

  constructor(
    private readonly env: OfflineEnv,
    private readonly store: FakeBigQuery,
  ) {}

  insert(resource: { configuration?: { load?: LoadConfiguration } }, projectId: string, mediaData?: { getDataAsString(): string }): BigQueryJob {
    this.env.calls.hit('BigQuery.Jobs.insert');
    const load = resource?.configuration?.load;
    if (!load) throw apiError('insert', 'Required parameter is missing: configuration');
    const dest = load.destinationTable;
    if (!dest?.projectId || !dest.datasetId || !dest.tableId) throw apiError('insert', 'Required parameter is missing: destinationTable');
    if (!/^[A-Za-z0-9_]{1,1024}$/.test(dest.tableId)) throw apiError('insert', `Invalid table ID "${dest.tableId}".`);
    const dataset = this.store.datasets.get(`${dest.projectId}:${dest.datasetId}`);
    if (!dataset) throw apiError('insert', `Not found: Dataset ${dest.projectId}:${dest.datasetId}`);
    if ((load.sourceFormat ?? 'CSV') !== 'CSV') throw apiError('insert', 'Only CSV loads are modelled offline.');
    const data = mediaData ? mediaData.getDataAsString() : '';
    this.loads.push({ projectId, resource: JSON.parse(JSON.stringify(resource)), data });
    const jobId = `job_${String(++this.next).padStart(6, '0')}`;
    const job: BigQueryJob = {
      kind: 'bigquery#job',
      id: `${projectId}:${LOCATION}.${jobId}`,
      jobReference: { projectId, jobId, location: LOCATION },
      configuration: { load: JSON.parse(JSON.stringify(load)), jobType: 'LOAD' },
      status: { state: 'RUNNING' },
    };
    const run = () => {
      const fail = (reason: string, message: string) => {
        job.status = { state: 'DONE', errorResult: { reason, message }, errors: [{ reason, message }] };
      };
      const existing = dataset.get(dest.tableId!);
      const fields = load.schema?.fields ?? existing?.schema;
      if (!fields) return fail('invalid', 'No schema specified on job or table.');
      if (!existing && load.createDisposition === 'CREATE_NEVER')
        return fail('notFound', `Not found: Table ${dest.projectId}:${dest.datasetId}.${dest.tableId}`);
      let rows: string[][];
      try {
        rows = parseCsv(data)
          .slice(load.skipLeadingRows ?? 0)
          .filter((r) => !(r.length === 1 && r[0] === ''));
      } catch (e) {
        return fail('invalid', `Error while reading data: ${(e as Error).message}`);
      }
      if (!load.allowQuotedNewlines && rows.some((r) => r.some((c) => /[\r\n]/.test(c))))
        return fail('invalid', 'Error while reading data, error message: CSV table encountered a quoted newline, which allowQuotedNewlines does not allow.');
      for (const [i, r] of rows.entries()) {
        if (r.length !== fields.length)
          return fail(
            'invalid',
            `Error while reading data, error message: CSV table references column position ${fields.length - 1}, but line starting at position:${i} contains only ${r.length} columns.`,
          );
        for (const [k, f] of fields.entries()) {
          if (f.mode === 'REQUIRED' && r[k] === '') return fail('invalid', `Required field ${f.name} cannot be null`);
          const problem = typeProblem(r[k], f.type);
          if (problem) return fail('invalid', `Error while reading data, error message: ${problem} for field ${f.name}`);
        }
      }
      const disposition = load.writeDisposition ?? 'WRITE_APPEND';
      if (disposition === 'WRITE_EMPTY' && existing && existing.rows.length)
        return fail('duplicate', `Already Exists: Table ${dest.projectId}:${dest.datasetId}.${dest.tableId}`);
      // One atomic update when the job completes: a truncating load replaces the table's rows and schema.
      dataset.set(dest.tableId!, { schema: fields, rows: disposition === 'WRITE_APPEND' && existing ? existing.rows.concat(rows) : rows });
      job.status = { state: 'DONE' };
      job.statistics = { load: { outputRows: String(rows.length) } };
    };
    this.jobs.set(jobId, { job, run });
    return JSON.parse(JSON.stringify(job));
  }

  get(projectId: string, jobId: string, optionalArgs: { location?: string } = {}): BigQueryJob {
    this.env.calls.hit('BigQuery.Jobs.get');
    const entry = this.jobs.get(String(jobId));
    if (!entry || entry.job.jobReference.projectId !== projectId)
      throw apiError('get', `Not found: Job ${projectId}:${optionalArgs.location ?? LOCATION}.${jobId}`);
    if (entry.job.status.state !== 'DONE') entry.run();
    return JSON.parse(JSON.stringify(entry.job));
  }
}

export class FakeBigQuery {
  /** Datasets by "project:dataset", each its tables by id. */
  readonly datasets = new Map<string, Map<string, Table>>();
  readonly Jobs: FakeBigQueryJobs;

  constructor(env: OfflineEnv) {
    this.Jobs = new FakeBigQueryJobs(env, this);
  }

  /** A dataset the trust made in its Cloud project. */
  addDataset(projectId: string, datasetId: string): void {
    if (!this.datasets.has(`${projectId}:${datasetId}`)) this.datasets.set(`${projectId}:${datasetId}`, new Map());
  }

  /** A table's rows as loaded (test hook). */
  table(projectId: string, datasetId: string, tableId: string): Table | undefined {
    return this.datasets.get(`${projectId}:${datasetId}`)?.get(tableId);
  }
}
