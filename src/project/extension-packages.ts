/**
 * Extensions' packages, whose every file runs where no server env is set, whatever its own text shows:
 * - a browser extension's (an extension manifest beside its package.json): a background service worker, a content
 *   script, a popup; a helper module the background script imports reads no `chrome.*` itself, and has no `process`
 *   either. An Obsidian plugin is the same case: it runs in the app's renderer (on mobile with no `process` at all),
 *   and its settings' defaults are built as the plugin loads;
 * - an editor extension's (a package.json with `engines.vscode`): it has a `process`, but its users configure it in
 *   its settings and set no environment variables for it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { nearestPackageJson } from '../config-files/scope.js';
import type { ClientSide } from '../core/index.js';

/** Where a package keeps its manifest: at its root, as JSON or as the script that writes it, or in a static folder. */
const MANIFESTS = ['manifest.json', 'manifest.js', 'manifest.mjs', 'manifest.ts', 'public/manifest.json', 'src/manifest.json', 'src/manifest.ts', 'static/manifest.json'];
/** Extension frameworks whose config stands for the manifest (WXT generates it). */
const FRAMEWORK_CONFIGS = ['wxt.config.ts', 'wxt.config.js', 'wxt.config.mjs'];
/**
 * What makes a manifest an extension's (a web app's `manifest.json` has no `manifest_version`) or an Obsidian
 * plugin's (`minAppVersion`).
 */
const EXTENSION_MANIFEST = /["']?manifest_version["']?\s*:\s*[23]\b|"minAppVersion"\s*:/;
/** A package.json of a VS Code extension (the editor's version it needs). */
const EDITOR_ENGINE = /"engines"\s*:\s*\{[^}]*"vscode"\s*:/;
const MAX_MANIFEST_SIZE = 200_000;

function fileMatches(file: string, pattern: RegExp): boolean {
  try {
    if (statSync(file).size > MAX_MANIFEST_SIZE) return false;
    return pattern.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** Answers, package by package, where the files of an extension's package run. */
export class ExtensionPackages {
  /** Each folder's nearest package.json, as `nearestPackageJson` caches it. */
  private readonly known = new Map<string, string | undefined>();
  private readonly byPackage = new Map<string, ClientSide | null>();

  /** Where `file` runs when it lies in an extension's package (the nearest folder above it with a package.json). */
  sideOf(file: string): ClientSide | undefined {
    const manifest = nearestPackageJson(file, [path.parse(file).root], this.known);
    if (!manifest) return undefined;
    const dir = path.dirname(manifest);
    let side = this.byPackage.get(dir);
    if (side === undefined) {
      const browser =
        FRAMEWORK_CONFIGS.some((name) => existsSync(path.join(dir, name))) ||
        MANIFESTS.some((name) => fileMatches(path.join(dir, name), EXTENSION_MANIFEST));
      side = browser ? 'browser' : fileMatches(manifest, EDITOR_ENGINE) ? 'editor' : null;
      this.byPackage.set(dir, side);
    }
    return side ?? undefined;
  }
}
