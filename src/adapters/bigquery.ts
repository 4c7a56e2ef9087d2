/**
 * Loading a school's incidents into BigQuery through the BigQuery advanced service (API v2): one load job per
 * school from CSV, truncating the school's own table, so sending again replaces its rows instead of adding them.
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/insert,
 * https://cloud.google.com/bigquery/docs/reference/rest/v2/Job#JobConfigurationLoad,
 * https://developers.google.com/apps-script/advanced/bigquery ("Load CSV data").
 */
import type { BigQueryField } from '../core/trust/bigquery';

const bigQuery = (): GoogleAppsScript.BigQuery => {
  if (!BigQuery) throw new Error('The BigQuery service is not switched on for this script (appsscript.json lists it under enabledAdvancedServices).');
  return BigQuery;
};

export interface StartedLoad {
  readonly jobId: string;
  readonly location: string | undefined;
}

/** Starts a load job replacing the table's rows (and schema) with the CSV's, made if missing. */
export function startLoad(projectId: string, datasetId: string, tableId: string, fields: readonly BigQueryField[], csv: string): StartedLoad {
  const resource = {
    configuration: {
      load: {
        destinationTable: { projectId, datasetId, tableId },
        schema: { fields: fields.map((f) => ({ name: f.name, type: f.type, mode: f.mode, description: f.description })) },
        sourceFormat: 'CSV',
        skipLeadingRows: 1,
        allowQuotedNewlines: true,
        createDisposition: 'CREATE_IF_NEEDED',
        writeDisposition: 'WRITE_TRUNCATE',
      },
    },
  };
  const job = bigQuery().Jobs!.insert(resource, projectId, Utilities.newBlob(csv, 'application/octet-stream'));
  return { jobId: job.jobReference?.jobId ?? '', location: job.jobReference?.location ?? undefined };
}

/**
 * Waits for a load job to finish (jobs.get with a growing pause, at most `maxWaitMs` in all); returns its error,
 * '' when it loaded, or undefined when it was still running.
 */
export function finishedLoad(projectId: string, load: StartedLoad, maxWaitMs: number): string | undefined {
  let pause = 500;
  let waited = 0;
  for (;;) {
    const job = bigQuery().Jobs!.get(projectId, load.jobId, load.location ? { location: load.location } : {});
    if (job.status?.state === 'DONE') return job.status.errorResult?.message ?? '';
    if (waited + pause > maxWaitMs) return undefined;
    Utilities.sleep(pause);
    waited += pause;
    pause *= 2;
  }
}
