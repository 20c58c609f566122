import type { RuleContext } from './types.js';

/**
 * Has a rule other than `self` changed this document? Then it is damaged extractor
 * output, and a pattern that is also a writer's spelling (a loose `و كان`, one
 * `كيلومتًرا`) may be read as damage too.
 */
export function repairedByOtherRule(ctx: Pick<RuleContext, 'applied'>, self: string): boolean {
  for (const id of ctx.applied ?? []) if (id !== self) return true;
  return false;
}
