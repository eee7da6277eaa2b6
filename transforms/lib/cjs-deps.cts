/**
 * The CommonJS packages the transforms run on, required from one CommonJS file. Imported from an ES module, a
 * CommonJS file is first scanned by Node for its export names, and so is every file it re-exports (jscodeshift's
 * entry re-exports its core, recast's its whole library; `@babel/parser` alone is 530 kB); required, they are only
 * loaded. Importing this file costs one scan of a few lines. jscodeshift's wrapper hands Babel's parser any options.
 */
import babylon = require('jscodeshift/parser/babylon.js');
import tsOptions = require('jscodeshift/parser/tsOptions.js');
import jscodeshift = require('jscodeshift');
import recast = require('recast');
import lines = require('recast/lib/lines.js');
import patcher = require('recast/lib/patcher.js');
import printer = require('recast/lib/printer.js');

/** The `diff` package, loaded when first asked for (run.ts: the report's change lines of a changed file). */
const loadDiff = () => require('diff');

export { babylon, jscodeshift, lines, loadDiff, patcher, printer, recast, tsOptions };
