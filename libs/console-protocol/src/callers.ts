/** The closed lists of the block list and caller profiles, for the server and the console alike. */

/** Why a supervisor blocks a caller: a closed list, so no free text about a child is kept with it. */
export const BLOCK_REASONS = ['abusive', 'prank', 'silent', 'harassment', 'other'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/** Flags of a caller's profile; `frequent_caller` comes from the limit of calls per number. */
export const CALLER_FLAGS = ['frequent_caller', 'abusive', 'at_risk', 'known_case'] as const;
export type CallerFlag = (typeof CALLER_FLAGS)[number];
