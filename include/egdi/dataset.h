/**
 * @file dataset.h
 * @brief Units (countries, cities, ...) by named columns, read from and written to CSV.
 *
 * A dataset holds n units, each with a code and a name, and an ordered list
 * of columns. A column is either numeric (double, NaN = missing) or a label
 * column (text per unit, e.g. region or income group; "" = no label). Label
 * columns are stored as factors: each distinct label is a level with a
 * number, which makes grouping cheap.
 */
#ifndef EGDI_DATASET_H
#define EGDI_DATASET_H

#include <stdio.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Opaque dataset handle. */
typedef struct egdi_dataset egdi_dataset;

/** @brief Kind of a dataset column. */
typedef enum egdi_column_kind {
    EGDI_COLUMN_NUMERIC = 0, /**< doubles, NaN = missing */
    EGDI_COLUMN_LABEL = 1    /**< text labels stored as a factor */
} egdi_column_kind;

/** @brief Create an empty dataset. */
EGDI_API egdi_status egdi_dataset_new(egdi_dataset **out);
/** @brief Free a dataset; NULL is a no-op. */
EGDI_API void egdi_dataset_free(egdi_dataset *ds);
/** @brief Deep copy. */
EGDI_API egdi_status egdi_dataset_clone(const egdi_dataset *ds, egdi_dataset **out);

/**
 * @brief Append a unit. Codes must be unique and non-empty; leading and
 * trailing white space of code and name is removed. A NULL or empty name
 * defaults to the code. Existing columns get NaN / "" for the new unit.
 * @param index_out optional: the new unit's position.
 */
EGDI_API egdi_status egdi_dataset_add_unit(egdi_dataset *ds, const char *code, const char *name,
                                           size_t *index_out);
/**
 * @brief Append @p n units at once (codes and names as in
 * egdi_dataset_add_unit(); @p names may be NULL). All or nothing: on failure
 * (an empty or repeated code) no unit is added. @since 1.1
 */
EGDI_API egdi_status egdi_dataset_add_units(egdi_dataset *ds, const char *const *codes,
                                            const char *const *names, size_t n);
/** @brief Number of units. */
EGDI_API size_t egdi_dataset_n_units(const egdi_dataset *ds);
/** @brief Code of unit i, or NULL if out of range. */
EGDI_API const char *egdi_dataset_unit_code(const egdi_dataset *ds, size_t i);
/** @brief Name of unit i, or NULL if out of range. */
EGDI_API const char *egdi_dataset_unit_name(const egdi_dataset *ds, size_t i);
/** @brief Position of the unit with this code (EGDI_ERR_NOT_FOUND if none). */
EGDI_API egdi_status egdi_dataset_find_unit(const egdi_dataset *ds, const char *code, size_t *out);
/** @brief Position of the unit with this name (first match; EGDI_ERR_NOT_FOUND if none). */
EGDI_API egdi_status egdi_dataset_find_unit_by_name(const egdi_dataset *ds, const char *name,
                                                    size_t *out);
/**
 * @brief Position of a country as a person names it: the unit whose code or
 * name is @p text, exactly or else ignoring ASCII case ("bahrain", "bhr");
 * else, through @p table (a country table such as the bundled countries.csv
 * read with egdi_dataset_read_csv(), or NULL), the unit whose code or name is
 * the code or name of the table's row for @p text, so that an ISO code finds
 * a Data Center row keyed by name and the other way round.
 * @return EGDI_ERR_NOT_FOUND naming @p text if no unit matches;
 *         EGDI_ERR_DUPLICATE naming two units if @p text matches several
 *         ignoring case. Linear in the units (and table rows) per call.
 * @since 1.3
 */
EGDI_API egdi_status egdi_dataset_find_country(const egdi_dataset *ds, const char *text,
                                               const egdi_dataset *table, size_t *out);

/**
 * @brief Append a numeric column. @p values has @p n == n_units entries
 * (row order = unit order) or is NULL for an all-missing column.
 */
EGDI_API egdi_status egdi_dataset_add_numeric(egdi_dataset *ds, const char *name,
                                              const double *values, size_t n);
/**
 * @brief Append a label column. @p labels has @p n == n_units entries or is
 * NULL (all empty); a NULL entry means "no label".
 */
EGDI_API egdi_status egdi_dataset_add_labels(egdi_dataset *ds, const char *name,
                                             const char *const *labels, size_t n);
/**
 * @brief New dataset with the units @p rows (positions into @p ds, in that
 * order; repeats are an error) and all columns. Use it to sort or subset.
 */
EGDI_API egdi_status egdi_dataset_select_units(const egdi_dataset *ds, const size_t *rows,
                                               size_t n, egdi_dataset **out);
/** @brief Remove column j; later columns move one place left. */
EGDI_API egdi_status egdi_dataset_remove_column(egdi_dataset *ds, size_t j);

/** @brief Number of columns (numeric and label). */
EGDI_API size_t egdi_dataset_n_columns(const egdi_dataset *ds);
/** @brief Name of column j, or NULL if out of range. */
EGDI_API const char *egdi_dataset_column_name(const egdi_dataset *ds, size_t j);
/** @brief Kind of column j. */
EGDI_API egdi_status egdi_dataset_column_kind(const egdi_dataset *ds, size_t j,
                                              egdi_column_kind *out);
/** @brief Position of a column by exact name (EGDI_ERR_NOT_FOUND if none). */
EGDI_API egdi_status egdi_dataset_find_column(const egdi_dataset *ds, const char *name,
                                              size_t *out);

/** @brief Copy numeric column j into @p out (n == n_units). */
EGDI_API egdi_status egdi_dataset_get_numeric(const egdi_dataset *ds, size_t j, double *out,
                                              size_t n);
/** @brief Overwrite numeric column j from @p values (n == n_units). */
EGDI_API egdi_status egdi_dataset_set_numeric(egdi_dataset *ds, size_t j, const double *values,
                                              size_t n);
/** @brief One numeric value. */
EGDI_API egdi_status egdi_dataset_get_value(const egdi_dataset *ds, size_t unit, size_t j,
                                            double *value);
/** @brief Set one numeric value. */
EGDI_API egdi_status egdi_dataset_set_value(egdi_dataset *ds, size_t unit, size_t j, double v);

/** @brief Label of a unit in label column j ("" = none; NULL if out of range). */
EGDI_API const char *egdi_dataset_get_label(const egdi_dataset *ds, size_t unit, size_t j);
/** @brief Set a unit's label in label column j (NULL or "" clears it). */
EGDI_API egdi_status egdi_dataset_set_label(egdi_dataset *ds, size_t unit, size_t j,
                                            const char *label);
/** @brief Number of distinct labels (levels) in label column j. */
EGDI_API egdi_status egdi_dataset_n_levels(const egdi_dataset *ds, size_t j, size_t *out);
/** @brief Text of level k of label column j, or NULL. Levels are in order of first appearance. */
EGDI_API const char *egdi_dataset_level(const egdi_dataset *ds, size_t j, size_t k);
/**
 * @brief Level number of every unit in label column j (-1 = no label), for
 * use with egdi_group_means() (n == n_units).
 */
EGDI_API egdi_status egdi_dataset_get_level_codes(const egdi_dataset *ds, size_t j, int *out,
                                                  size_t n);

/**
 * @brief Copy the label columns of @p table onto @p ds, matching units by
 * code (or, if @p by_name is non-zero, by name). Units of @p ds without a
 * match get empty labels when @p allow_missing is non-zero, otherwise the
 * call fails with EGDI_ERR_NOT_FOUND naming the first unmatched unit and
 * leaves @p ds unchanged. A column name already present in @p ds is an
 * EGDI_ERR_DUPLICATE.
 */
EGDI_API egdi_status egdi_dataset_join_labels(egdi_dataset *ds, const egdi_dataset *table,
                                              int by_name, int allow_missing);

/** @brief Layout version of ::egdi_csv_options (2 since 1.2: numeric
 *  columns and the decimal comma). */
#define EGDI_CSV_OPTIONS_VERSION 3

/**
 * @brief Options for reading and writing wide CSV tables. Initialise with
 * egdi_csv_options_init() and then change what you need.
 */
typedef struct egdi_csv_options {
    unsigned version;        /**< EGDI_CSV_OPTIONS_VERSION */
    /** ',', ';', '\\t' or '|'; 0 on read = the most frequent of the four on
     *  the header line (on write 0 = ','). A given delimiter that the header
     *  line does not contain while it contains another is an error. */
    char delimiter;
    const char *code_column; /**< header of the unit-code column (default "code") */
    const char *name_column; /**< header of the unit-name column (default "name") */
    /**
     * Read: columns to read as labels. NULL = decide per column: a column
     * whose every non-missing cell is a number is numeric, otherwise a label.
     */
    const char *const *label_columns;
    size_t n_label_columns;  /**< entries in label_columns */
    /** write: digits after the point; -1 = shortest exact (default). A
     *  column whose values are all whole numbers (ranks, years, counts) is
     *  written without a point whatever the setting (since 1.4). */
    int decimals;
    int crlf;                /**< write: end lines with CRLF instead of LF (default 0) */
    int omit_code;           /**< write: leave out the code column (e.g. when codes are names) */
    /* ---- version 2 (1.2) ---- */
    /**
     * Read: columns that must be numeric where the file has them, e.g. the
     * columns an index needs. A cell of such a column that is neither a
     * finite number nor a missing-value marker is an error naming the file,
     * line, column, unit and the cell's text, instead of making the column
     * a label column. NULL = none.
     */
    const char *const *numeric_columns;
    size_t n_numeric_columns; /**< entries in numeric_columns */
    /** Read: the decimal separator of numbers, '.' (default; 0 = '.') or ','.
     *  With '.', a number written with a decimal comma ("0,5") in a numeric
     *  column is an error that says so. */
    char decimal;
    /* ---- version 3 (1.3) ---- */
    /**
     * Write: provenance, as @p n_meta pairs of text (e.g. "edition" -> "2024",
     * "input" -> a path): what produced the table. With n_meta > 0 the JSON
     * writer writes an object {"provenance": {key: value, ...}, "rows": [...]}
     * instead of the bare array of rows, and the CSV writer, if
     * @ref meta_comment is set, writes the same object on one comment line
     * ("# {...}") before the header (skip that line to read the CSV back, e.g.
     * pandas.read_csv(path, skiprows=1)). Keys must be distinct; keys and
     * values must be UTF-8. NULL/0 = none.
     */
    const char *const *meta_keys;
    const char *const *meta_values; /**< the values of meta_keys, same length */
    size_t n_meta;                  /**< entries in meta_keys and meta_values */
    int meta_comment;               /**< write: the provenance comment line in CSV */
} egdi_csv_options;

/** @brief Initialiser of the current version: `egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;` */
#define EGDI_CSV_OPTIONS_INIT \
    {EGDI_CSV_OPTIONS_VERSION, 0, "code", "name", NULL, 0, -1, 0, 0, NULL, 0, '.', NULL, NULL, 0, 0}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_CSV_OPTIONS_VERSION) of
 * @p opts with the defaults and set its version; only that version's bytes
 * are written. Functions taking options accept every version up to the
 * current one and read only the caller's version's fields. @since 1.1
 */
EGDI_API egdi_status egdi_csv_options_init_version(egdi_csv_options *opts, unsigned version);
/**
 * @brief Fill @p opts with the defaults. Programs compiled against 1.2 or
 * later get the current version through the macro below; the function itself
 * (what binaries built against 1.0 and 1.1 call) fills the version-1 layout
 * only, so it never writes past an older, smaller struct.
 */
EGDI_API void(egdi_csv_options_init)(egdi_csv_options *opts);
#if !defined(SWIG)
#define egdi_csv_options_init(opts) \
    ((void)egdi_csv_options_init_version((opts), EGDI_CSV_OPTIONS_VERSION))
#endif

/**
 * @brief Read a wide table: one row per unit, one column per indicator.
 *
 * RFC 4180 quoting (embedded delimiters, quotes, line breaks), CRLF or LF,
 * an optional UTF-8 byte-order mark, ',', ';', tab or '|' between fields.
 * Cells and headers are trimmed. Missing values: empty, NA, NaN, nan, N/A,
 * n/a, null, "..", "-". If the code column is absent the name column gives
 * the codes, and vice versa; if both are absent the first column gives both.
 *
 * Refused with a message naming the file, line and (where there is one)
 * column and byte offset: with EGDI_ERR_PARSE a NUL byte, text that is not
 * valid UTF-8, an empty header, rows whose field count differs from the
 * header's, unclosed quotes, and a cell of a numeric column (see
 * egdi_csv_options::numeric_columns) that is not a finite number ("inf",
 * "1e400", hexadecimal numbers and decimal commas are refused by name); with
 * EGDI_ERR_DUPLICATE two columns with the same header or two units with the
 * same code; with EGDI_ERR_INVALID_ARG an empty unit code. A path that is a
 * directory is EGDI_ERR_IO.
 * @param opts NULL for defaults.
 */
EGDI_API egdi_status egdi_dataset_read_csv(const char *path, const egdi_csv_options *opts,
                                           egdi_dataset **out);
/**
 * @brief As egdi_dataset_read_csv() from an open stream (a pipe, standard
 * input, ...), read to its end; @p source names it in messages (e.g.
 * "<stdin>"; NULL = "<stream>"). The stream is not closed. @since 1.2
 */
EGDI_API egdi_status egdi_dataset_read_csv_stream(FILE *fp, const char *source,
                                                  const egdi_csv_options *opts,
                                                  egdi_dataset **out);
/** @brief As egdi_dataset_read_csv() from a string in memory (@p len bytes). */
EGDI_API egdi_status egdi_dataset_read_csv_buffer(const char *text, size_t len,
                                                  const egdi_csv_options *opts,
                                                  egdi_dataset **out);

/**
 * @brief Write code, name and every column as CSV. The file is written to a
 * temporary file in the same directory and renamed into place, so readers
 * never see a half-written file and a failed write leaves no file behind.
 * Only a new path, a regular file or a symbolic link to one is replaced
 * (egdi/output.h); anything else is EGDI_ERR_IO before anything is written.
 */
EGDI_API egdi_status egdi_dataset_write_csv(const egdi_dataset *ds, const char *path,
                                            const egdi_csv_options *opts);
/** @brief Write CSV to an open stream (e.g. stdout). */
EGDI_API egdi_status egdi_dataset_write_csv_stream(const egdi_dataset *ds, FILE *fp,
                                                   const egdi_csv_options *opts);
/**
 * @brief Write a JSON array of objects, one per unit ({"code":..,"name":..,
 * column: value, ...}); missing numbers become null. With provenance
 * (egdi_csv_options::n_meta > 0, since 1.3) the array is the "rows" member of
 * an object whose "provenance" member holds the pairs. Atomic like the CSV
 * writer, to the same targets. Codes, names, labels and column names must be
 * valid UTF-8, as JSON requires: otherwise EGDI_ERR_INVALID_ARG naming the
 * unit or column, before anything is written.
 */
EGDI_API egdi_status egdi_dataset_write_json(const egdi_dataset *ds, const char *path,
                                             const egdi_csv_options *opts);
/** @brief Write JSON to an open stream. */
EGDI_API egdi_status egdi_dataset_write_json_stream(const egdi_dataset *ds, FILE *fp,
                                                    const egdi_csv_options *opts);

#ifdef __cplusplus
}
#endif

#endif
