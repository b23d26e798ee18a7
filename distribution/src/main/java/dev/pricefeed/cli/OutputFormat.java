package dev.pricefeed.cli;

/** How {@code watch} shows prices. */
enum OutputFormat {
    /** A table redrawn in place, for a terminal. */
    TABLE,
    /** One JSON object per line, for scripts. */
    JSONL
}
