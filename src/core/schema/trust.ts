import type { ColumnDef } from './types';

/**
 * The trust workbook's own tab, defined once: a trust (or a local authority's ICT team) lists its schools'
 * workbooks here. A trust workbook is set up separately from a school's: none of these tabs is in the school
 * workbook's schema, and none of the school's tabs is needed here. Built on first use, never at load time.
 */
export interface TrustTabDef {
  readonly name: string;
  readonly help: string;
  readonly columns: readonly ColumnDef[];
}

export const schoolsTab = (): TrustTabDef => ({
  name: 'Schools',
  help: "The trust's schools: one row per school and its SLM Workbook. Refresh trust figures reads every included school's workbook.",
  columns: [
    { key: 'school', header: 'School', type: 'text', required: true, width: 200, help: 'The school as the trust names it.' },
    {
      key: 'workbook',
      header: 'Workbook',
      type: 'text',
      required: true,
      width: 360,
      help: "A link to the school's SLM Workbook (or its id). The workbook must be shared with you, at least to view.",
    },
    { key: 'contact', header: 'Contact', type: 'email', width: 220, help: "Who to ask at the school about its workbook (its service manager's email)." },
    {
      key: 'included',
      header: 'Included',
      type: 'yesno',
      width: 80,
      help: 'No leaves the school out of the figures, the review and BigQuery. Blank means Yes.',
    },
  ],
});

/** One setting of a trust workbook: its name on the Trust settings tab and what it means. */
export interface TrustSettingDef {
  readonly key: 'bigQueryProject' | 'bigQueryDataset';
  readonly name: string;
  readonly meaning: string;
}

export const trustSettingsTab = (): TrustTabDef & { readonly settings: readonly TrustSettingDef[] } => ({
  name: 'Trust settings',
  help: "The trust workbook's settings: one row per setting; only the Value column is yours to change.",
  columns: [
    { key: 'setting', header: 'Setting', type: 'text', required: true, width: 180, help: 'The setting (do not rename it).' },
    { key: 'value', header: 'Value', type: 'text', width: 240, help: 'Its value.' },
    { key: 'meaning', header: 'Meaning', type: 'text', width: 480, help: 'What it does.' },
  ],
  settings: [
    {
      key: 'bigQueryProject',
      name: 'BigQuery project',
      meaning: "The Google Cloud project id that holds the trust's BigQuery dataset (e.g. northfield-trust-ict). Blank: Send to BigQuery is off.",
    },
    {
      key: 'bigQueryDataset',
      name: 'BigQuery dataset',
      meaning:
        "The dataset Send to BigQuery loads each school's incidents into, one table per school (incidents_<workbook id>). Make it first in the Cloud console.",
    },
  ],
});
