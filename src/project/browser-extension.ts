/**
 * Browser extensions' packages: a folder with an extension manifest beside its package.json. Every file of such a
 * package runs in the browser (a background service worker, a content script, a popup) whatever its own text shows:
 * a helper module the background script imports reads no `chrome.*` itself, and has no `process` either. An
 * Obsidian plugin is the same case: it runs in the app's renderer (on mobile with no `process` at all), and its
 * settings' defaults are built as the plugin loads.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { nearestPackageJson } from '../config-files/scope.js';

/** Where a package keeps its manifest: at its root, as JSON or as the script that writes it, or in a static folder. */
const MANIFESTS = ['manifest.json', 'manifest.js', 'manifest.mjs', 'manifest.ts', 'public/manifest.json', 'src/manifest.json', 'src/manifest.ts', 'static/manifest.json'];
/** Extension frameworks whose config stands for the manifest (WXT generates it). */
const FRAMEWORK_CONFIGS = ['wxt.config.ts', 'wxt.config.js', 'wxt.config.mjs'];
/**
 * What makes a manifest an extension's (a web app's `manifest.json` has no `manifest_version`) or an Obsidian
 * plugin's (`minAppVersion`).
 */
const EXTENSION_MANIFEST = /["']?manifest_version["']?\s*:\s*[23]\b|"minAppVersion"\s*:/;
const MAX_MANIFEST_SIZE = 200_000;

function isExtensionManifest(file: string): boolean {
  try {
    if (statSync(file).size > MAX_MANIFEST_SIZE) return false;
    return EXTENSION_MANIFEST.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** Answers, package by package, whether files belong to a browser extension's package. */
export class ExtensionPackages {
  /** Each folder's nearest package.json, as `nearestPackageJson` caches it. */
  private readonly known = new Map<string, string | undefined>();
  private readonly byPackage = new Map<string, boolean>();

  /** Whether `file` lies in a package (the nearest folder above it with a package.json) that is a browser extension. */
  contains(file: string): boolean {
    const manifest = nearestPackageJson(file, [path.parse(file).root], this.known);
    if (!manifest) return false;
    const dir = path.dirname(manifest);
    let answer = this.byPackage.get(dir);
    if (answer === undefined) {
      answer =
        FRAMEWORK_CONFIGS.some((name) => existsSync(path.join(dir, name))) ||
        MANIFESTS.some((name) => isExtensionManifest(path.join(dir, name)));
      this.byPackage.set(dir, answer);
    }
    return answer;
  }
}
