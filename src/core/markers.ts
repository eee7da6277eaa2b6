/** The marker the codemod leaves where a person must decide; the linter's no-migration-todo looks for it. */
export const TODO_TAG = 'TODO(openai-to-azure)';
export const TODO_PATTERN = /TODO\(openai-to-azure\):?/;

export function todoText(message: string): string {
  return `${TODO_TAG}: ${message}`;
}
