/** The marker the codemod leaves where a person must decide; the linter's no-migration-todo looks for it. */
export const TODO_TAG = 'TODO(openai-to-azure)';
export const TODO_PATTERN = /TODO\(openai-to-azure\):?/;

/** A whole marker line as the codemod writes it (`// TODO(openai-to-azure): …`, indented like its statement). */
export const MARKER_LINE = /^[ \t]*\/\/ TODO\(openai-to-azure\):.*$/;

export function todoText(message: string): string {
  return `${TODO_TAG}: ${message}`;
}
