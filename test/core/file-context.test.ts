// Which modules run in the browser: the codemod leaves their OpenAI calls (Azure settings would be process.env reads)
// and the linter agrees, both through core's isBrowserModule.
import { describe, expect, it } from 'vitest';
import { isBrowserModule, isTestFile } from '../../src/core/index.js';

describe('isBrowserModule', () => {
  it('knows a React component by its state and effect hooks, typed or not', () => {
    expect(isBrowserModule('const [open, setOpen] = useState(false);')).toBe(true);
    expect(isBrowserModule('const [valid, setValid] = useState<boolean | undefined>(undefined);')).toBe(true);
    expect(isBrowserModule('const list = useRef<Array<string>>([]);')).toBe(true);
    expect(isBrowserModule('useEffect(() => {}, []);')).toBe(true);
  });

  it('does not take a hook named in a comment, a type or a longer name for one', () => {
    expect(isBrowserModule('// useState<number>(1) would do here')).toBe(false);
    expect(isBrowserModule('type Setter = ReturnType<typeof useStateStore>;')).toBe(false);
    expect(isBrowserModule('export const store = useStateStore();')).toBe(false);
  });

  it('takes "use client", import.meta.env outside a server route, the DOM and storage', () => {
    expect(isBrowserModule("'use client';\nexport const x = 1;")).toBe(true);
    expect(isBrowserModule('const key = import.meta.env.VITE_KEY;')).toBe(true);
    expect(isBrowserModule('export async function GET() { return import.meta.env.KEY; }')).toBe(false);
    expect(isBrowserModule("localStorage.setItem('k', v);")).toBe(true);
    expect(isBrowserModule("const el = document.getElementById('app');")).toBe(true);
    expect(isBrowserModule('  if (!document.hidden) refresh();')).toBe(true);
  });

  it('does not take a `document` the module declares itself (a parser, a retrieved Document)', () => {
    expect(isBrowserModule('const document = new PdfParser();\nconst invoice = document.parse(url);')).toBe(false);
    expect(isBrowserModule('const text = docs.map((document) => document.pageContent);')).toBe(false);
    expect(isBrowserModule('for (const document of docs) {\n  const t = document.pageContent;\n}')).toBe(false);
    expect(isBrowserModule('function embed(id: string, document: Doc) {\n  return document.text;\n}')).toBe(false);
    expect(isBrowserModule('const { document } = input;\nconst id = document.id;')).toBe(false);
    // A method's parameter (a document transformer's), with a type or without.
    expect(isBrowserModule('class T {\n  transform(document: { pageContent: string }) {\n    return document.pageContent;\n  }\n}')).toBe(false);
    expect(isBrowserModule('const t = {\n  async split(document) {\n    return document.pageContent.split(sep);\n  },\n};')).toBe(false);
    // A condition on the page's `document` declares nothing.
    expect(isBrowserModule('if (document) {\n  document.title = name;\n}')).toBe(true);
    // Declared or not, the page's storage still says browser; a `document` handed to a call is the page's.
    expect(isBrowserModule('const document = load();\nconst k = localStorage.getItem(key);')).toBe(true);
    expect(isBrowserModule('render(document);\nconst t = document.title;')).toBe(true);
  });

  it('does not take the DOM named in prose (a prompt in a template literal)', () => {
    expect(isBrowserModule('const rules = `- Do NOT use fetch/XHR, localStorage, or document.cookie in the sandbox`;')).toBe(false);
  });

  it("takes a browser extension's scripts (a background service worker has no process either)", () => {
    expect(isBrowserModule("chrome.runtime.onMessage.addListener(handle);")).toBe(true);
    expect(isBrowserModule("chrome.storage.sync.get(['apiKey'], done);")).toBe(true);
    expect(isBrowserModule('await browser.tabs.query({ active: true });')).toBe(true);
    // A Playwright or Puppeteer `browser` is server code.
    expect(isBrowserModule('const page = await browser.newPage();')).toBe(false);
  });
});

describe('isBrowserModule on isomorphic code', () => {
  it('takes a module that tests for the browser and reads no process.env (an isomorphic library)', () => {
    expect(isBrowserModule('if (globalThis.document && apiKey) warn();')).toBe(true);
    expect(isBrowserModule("const ws = typeof window !== 'undefined' ? new WebSocket(url) : nodeSocket(url);")).toBe(true);
    expect(isBrowserModule("if ('undefined' === typeof document) return;")).toBe(true);
  });

  it('leaves a module that reads process.env itself, and a check named in a comment', () => {
    expect(isBrowserModule("if (typeof window !== 'undefined') throw new Error('server only');\nconst key = process.env.KEY;")).toBe(false);
    expect(isBrowserModule('// globalThis.document is undefined on the server')).toBe(false);
    expect(isBrowserModule('const doc = globalThisDocument;')).toBe(false);
  });
});

describe('isTestFile', () => {
  it('knows test files by their suffix and the folders mocks and test helpers live in', () => {
    for (const path of ['src/a.test.ts', 'src/a.spec.tsx', 'core/llm/OpenAI.vitest.ts', 'e2e/chat.e2e.ts', 'src/__tests__/a.ts', 'src/__mocks__/openai.ts', 'core/test-utils/openai.ts', 'cli/src/test-helpers/mock.ts']) {
      expect(isTestFile(path), path).toBe(true);
    }
    for (const path of ['src/testing.ts', 'src/latest.ts', 'src/contest/a.ts', 'src/spec.ts']) expect(isTestFile(path), path).toBe(false);
  });
});
