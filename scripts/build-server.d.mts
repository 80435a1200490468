export declare const SERVER_ENTRIES: string[];
export declare function buildEntries(entryPoints: string[], outdir: string): Promise<void>;
