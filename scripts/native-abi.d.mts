export function exportsAbiSymbol(file: string, abi: string | number): boolean;
