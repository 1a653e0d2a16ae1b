import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import path from 'path';

export const APP_PACKAGE_DIR = path.resolve(__dirname, '../../../appPackage');

/** The official schema, from the registry package @microsoft/app-manifest; never fetched at run time. */
export function manifestSchema(version: string): Record<string, unknown> {
  const file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

/** Every ${{NAME}} in the template, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** Fills ${{NAME}} from `values`; every placeholder without a value is named in the error. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | undefined>>): string {
  const missing = placeholdersOf(template).filter((name) => !values[name]);
  if (missing.length > 0) throw new Error(`Värden saknas för ${missing.join(', ')} (sätt dem i miljön eller i env/.env.<miljö>).`);
  return template.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(values[name] as string).slice(1, -1));
}

/** Problems with a filled manifest against its declared schema version, as "path: message". */
export function validateManifest(manifest: Record<string, unknown>): string[] {
  const version = String(manifest.manifestVersion ?? '');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(manifestSchema(version));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}
