// Medians and spreads, and how the table writes numbers.

export function median(values) {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summary(values) {
    return { median: median(values), min: Math.min(...values), max: Math.max(...values), n: values.length };
}

/** "812 ms (760–905)" */
export function formatMs(s) {
    if (!s || !s.n) return 'n/a';
    return `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;
}

/** "2.80 (2.51–3.12)" */
export function formatRatio(s) {
    if (!s || !s.n) return 'n/a';
    return `${s.median.toFixed(2)} (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}

/** Sizes in KB (1,000 bytes, as transfer budgets are usually written). */
export function kb(bytes) {
    const value = bytes / 1000;
    return `${value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1)} KB`;
}

/** Bytes in MB (2^20), for memory. */
export function mib(bytes) {
    return `${(bytes / 1048576).toFixed(2)} MiB`;
}
