export const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
