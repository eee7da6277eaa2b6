/**
 * Globs for the config's `include`/`exclude` (Node 20 has no stable glob matcher): `**` any folders, `*` and `?`
 * within one segment, `{a,b}` alternatives, `[abc]` classes. A glob that matches a folder matches all inside it.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.replace(/^\.\//, '').replace(/^\//, '').replace(/\/+$/, '');
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const segment = (i === 0 || pattern[i - 1] === '/') && (i + 2 === pattern.length || pattern[i + 2] === '/');
      if (segment && pattern[i + 2] === '/') {
        out += '(?:[^/]*/)*';
        i += 2;
      } else {
        out += '.*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        out += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * Whether a `/`-separated relative path, or any folder above it, matches one of the globs. Folders are also tried
 * with a trailing `/`, so `src/**` matches the folder `src` itself.
 */
export function matchesGlobs(relPath: string, globs: readonly RegExp[], isDir = false): boolean {
  if (globs.length === 0) return false;
  const parts = relPath.split('/');
  for (let n = 1; n <= parts.length; n++) {
    const prefix = parts.slice(0, n).join('/');
    const folder = n < parts.length || isDir;
    if (globs.some((re) => re.test(prefix) || (folder && re.test(`${prefix}/`)))) return true;
  }
  return false;
}
