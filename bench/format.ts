/** Figures as the benches print them. */
export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
export const seconds = (ms: number) => `${round(ms / 1000)} s`;
