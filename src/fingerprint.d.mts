/** Hash of the code under `root` (the project folder): src/, web/search/lib/ and package-lock.json. */
export function fingerprintCode(root: string): string;
