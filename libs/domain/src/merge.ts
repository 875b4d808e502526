/**
 * Merge and split, pure (issue 14). The pieces live in ./merge/:
 * - decide-merge.ts: may a ticket merge into another (queues no wider, not merged; holds are evidence/legal-hold.ts), tags after it
 * - decide-split.ts: may these articles be split off into a new ticket
 * - follow-merges.ts: where mail for a merged ticket goes
 */
export { decideMerge, mergedTags, targetQueueIsNoWider, type MergeDecision, type MergeInput, type MergeQueueFacts, type MergeRefusal, type MergeTicketFacts } from './merge/decide-merge.js';
export { decideSplit, type SplitDecision } from './merge/decide-split.js';
export { followMerges } from './merge/follow-merges.js';
