// Vite's `import.meta.env` (astro/client and vite/client declare it in a real project), for the outputs of
// fixtures whose code reads its environment there (an Astro endpoint).
interface ImportMetaEnv {
  readonly [name: string]: string | undefined;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
