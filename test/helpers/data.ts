import { readFileSync } from 'fs';
import path from 'path';

/** The project's own copy of the förbund's data. */
export const DATA_DIR = path.resolve(__dirname, '../../../data');

export function readDataFile<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(path.join(DATA_DIR, name), 'utf8')) as T;
}
