import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, jitFlag } from '../../src/cli/jit.js';

const RAISED = `--interrupt-budget=${INTERRUPT_BUDGET}`;

describe('the JIT budget of a run', () => {
  it('raises V8’s interrupt budget for migrate', () => {
    expect(jitFlag(['migrate', '.'], {}, [])).toBe(RAISED);
    expect(jitFlag(['--no-color', 'migrate', '--dry-run', 'src'], {}, [])).toBe(RAISED);
    expect(INTERRUPT_BUDGET).toBeGreaterThan(67_584);
  });

  it('leaves check, init and the help with V8’s defaults', () => {
    for (const args of [['check', '.'], ['init'], ['--help'], []]) expect(jitFlag(args, {}, [])).toBeUndefined();
  });

  it('leaves a budget the user gave node as it is', () => {
    expect(jitFlag(['migrate'], {}, ['--interrupt-budget=1000'])).toBeUndefined();
    expect(jitFlag(['migrate'], {}, ['--enable-source-maps', '--max-old-space-size=4096'])).toBe(RAISED);
  });

  it('is off with OPENAI_TO_AZURE_JIT=default', () => {
    expect(jitFlag(['migrate'], { OPENAI_TO_AZURE_JIT: 'default' }, [])).toBeUndefined();
  });
});
