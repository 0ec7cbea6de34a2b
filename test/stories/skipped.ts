/**
 * Stories the check (test/stories/) does not render, each with the reason why; keep it empty. A story that
 * cannot pass is a defect to fix, and an entry here is only for one that cannot be checked outside Storybook.
 */
export const SKIPPED: Readonly<Record<string, string>> = {};
