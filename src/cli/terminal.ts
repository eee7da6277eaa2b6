import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** Where a command writes, and how: colours only on a TTY and never with NO_COLOR. */
export interface Terminal {
  cwd: string;
  out: NodeJS.WriteStream;
  err: NodeJS.WriteStream;
  outColors: Colors;
  errColors: Colors;
}

export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

export function processTerminal(): Terminal {
  return {
    cwd: process.cwd(),
    out: process.stdout,
    err: process.stderr,
    outColors: pc.createColors(useColor(process.stdout)),
    errColors: pc.createColors(useColor(process.stderr)),
  };
}
