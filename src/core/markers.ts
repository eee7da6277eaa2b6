/** The marker the codemod leaves where a person must decide; the linter's no-migration-todo looks for it. */
export const TODO_TAG = 'TODO(openai-to-azure)';
export const TODO_PATTERN = /TODO\(openai-to-azure\):?/;

/** A whole marker line as the codemod writes it (`// TODO(openai-to-azure): …`, indented like its statement). */
export const MARKER_LINE = /^[ \t]*\/\/ TODO\(openai-to-azure\):.*$/;

/** `text` without the codemod's marker lines (their messages name Azure's URLs and packages). */
export function withoutMarkers(text: string): string {
  return text.replace(MARKER_LINES, '');
}

const MARKER_LINES = new RegExp(MARKER_LINE.source, 'gm');

export function todoText(message: string): string {
  return `${TODO_TAG}: ${message}`;
}
