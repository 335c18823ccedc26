export function generator(seed: number): () => number;
export function generateFolder(
  folder: string,
  lines: number,
  seed?: number,
): { orders: string; firstHalf: string };
