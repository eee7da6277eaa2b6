// Just enough of execa for the fixture outputs that start a process with an environment of their own.
declare module 'execa' {
  export function execa(file: string, args: readonly string[], options?: { env?: Record<string, string | undefined> }): Promise<unknown>;
}
