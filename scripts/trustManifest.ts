/**
 * The trust's copy of the add-in: the same files as a school's, with a manifest that also asks for what only
 * a trust uses, BigQuery for Send to BigQuery. A school's copy (appsscript.json) never asks for it.
 */
export interface Manifest {
  oauthScopes: string[];
  dependencies?: { enabledAdvancedServices?: Array<{ userSymbol: string; serviceId: string; version: string }> };
  [key: string]: unknown;
}

export const TRUST_DIST_DIR = 'dist-trust';
const TRUST_SCOPES = ['https://www.googleapis.com/auth/bigquery'];
const TRUST_SERVICES = [{ userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' }];

export function trustManifest(school: Manifest): Manifest {
  return {
    ...school,
    oauthScopes: [...school.oauthScopes, ...TRUST_SCOPES],
    dependencies: { ...school.dependencies, enabledAdvancedServices: [...(school.dependencies?.enabledAdvancedServices ?? []), ...TRUST_SERVICES] },
  };
}
