// Word lists more than one verb reads.
export const CYCLE = ['next', 'prev'] as const;
export const DIRECTIONS = ['left', 'right', 'up', 'down'] as const;
