/** The per-note values of one ranking, in typed arrays indexed by note number (a common term touches thousands of notes). */
export type RankArrays = ReturnType<typeof createRankArrays>;

/** Zeroed per-note arrays for ranking `count` notes (rank-docs.ts fills them). */
export function createRankArrays(count: number) {
  return {
    seen: new Uint8Array(count),
    score: new Float64Array(count),
    /** Sum of the rarity of the query terms the note matched. */
    covered: new Float64Array(count),
    matched: new Uint16Array(count),
    body: new Uint8Array(count),
    title: new Uint16Array(count),
    /** Misspelt (corrected) query terms the note matched as typed. */
    typedExact: new Uint16Array(count),
    name: new Uint8Array(count),
    correctedName: new Uint8Array(count),
    /** Per term, then reset: */
    fieldMax: new Float64Array(count),
    termMax: new Float64Array(count),
    termSum: new Float64Array(count),
    termBody: new Uint8Array(count),
    termTitle: new Uint8Array(count),
    termExact: new Uint8Array(count),
    /** Note → heading index → number of query terms it matched; filled across terms. */
    headings: new Map<number, Map<number, number>>(),
  };
}
