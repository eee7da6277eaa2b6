type Node = any; // Babel AST, plain or through recast.

/**
 * A node's leading comments: recast's `comments` and Babel's `leadingComments` (the runner's plain tree has only
 * these; through recast both lists hold the same objects).
 */
export function leadingComments(node: Node): Node[] {
  return [...new Set<Node>([...(node.comments ?? []).filter((c: Node) => c.leading), ...(node.leadingComments ?? [])])];
}

/** Comments that speak for the whole file wherever they sit: pragmas (`@ts-nocheck` works only above the code), licences. */
const FILE_COMMENT = /^\s*(?:!|@ts-|@jsx|@flow|@license|@preserve|eslint-disable\b|eslint-env\b|global\b)|copyright|licen[cs]e/i;

/**
 * How many of the first statement's leading comments are the file's header, not the statement's own: up to the
 * last one that a blank line separates from what follows, or that is a pragma or a licence.
 */
function headerLength(statement: Node): number {
  const comments = leadingComments(statement);
  let length = 0;
  comments.forEach((comment, i) => {
    const next = comments[i + 1] ?? statement;
    const apart = comment.loc && next.loc && next.loc.start.line - comment.loc.end.line > 1;
    if (apart || FILE_COMMENT.test(comment.value)) length = i + 1;
  });
  return length;
}

/**
 * Insert top-level statements at `index`, below the file's header comments, so a licence or a `// @ts-nocheck` stays
 * the file's first line: after a first import that holds them (imports are hoisted, the order between them is free),
 * else taking them along as new comments (no location: recast would measure the spacing across two texts).
 */
export function insertTopLevel(body: Node[], index: number, statements: readonly Node[]): void {
  const first = body[index];
  if (index === 0 && first && statements.length > 0) {
    const header = leadingComments(first).slice(0, headerLength(first));
    if (header.length > 0 && first.type === 'ImportDeclaration') index = 1;
    else if (header.length > 0) {
      const kept = (c: Node): boolean => !header.includes(c);
      if (first.comments) first.comments = first.comments.filter(kept);
      if (first.leadingComments) first.leadingComments = first.leadingComments.filter(kept);
      const moved = header.map((c) => ({ type: c.type, value: c.value, leading: true, trailing: false }));
      statements[0].comments = [...moved, ...(statements[0].comments ?? [])];
    }
  }
  body.splice(index, 0, ...statements);
}

/**
 * Where a new import goes: above `anchor` (the file's first import, or the import it joins) when no comment is attached
 * to it (recast keeps the blank line that follows the last original import, so an import added below it would sit
 * apart from the others), else at `fallback`.
 */
export function importSlot(body: readonly Node[], anchor: number, fallback: number): number {
  return anchor >= 0 && leadingComments(body[anchor]).length === 0 ? anchor : fallback;
}
