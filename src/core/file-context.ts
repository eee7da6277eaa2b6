/**
 * Where a file's code runs, read from its text: what the migration may introduce there depends on it (the Azure
 * settings the migrated code reads come from `process.env`, which only a server has).
 */

/** React's `"use client"` directive at the top of a module (after comments). */
const USE_CLIENT = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use client\1/;

/** A module that runs in the browser: it reads `import.meta.env` (Vite and kin) or starts with `"use client"`. */
export function isBrowserModule(source: string): boolean {
  return source.includes('import.meta.env') || USE_CLIENT.test(source);
}

/** Why browser code is left as it was where a migration would make it read `process.env`. */
export const BROWSER_MODULE_MESSAGE =
  'browser code cannot read server env (`process.env` is undefined there), so this still talks to OpenAI: route these calls through a server that holds the Azure OpenAI settings, or configure the Azure endpoint and auth for the browser explicitly';
