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

/** @brief Layout of a CSV version of the options (for ABI checks). */
#define EGDI_CSV_OPTIONS_VERSION 1

/**
 * @brief Options for reading and writing wide CSV tables. Initialise with
 * egdi_csv_options_init() and then change what you need.
 */
typedef struct egdi_csv_options {
    unsigned version;        /**< EGDI_CSV_OPTIONS_VERSION */
    char delimiter;          /**< ',' or ';'; 0 on read = detect from the header line */
    const char *code_column; /**< header of the unit-code column (default "code") */
    const char *name_column; /**< header of the unit-name column (default "name") */
    /**
     * Read: columns to read as labels. NULL = decide per column: a column
     * whose every non-missing cell is a number is numeric, otherwise a label.
     */
    const char *const *label_columns;
    size_t n_label_columns;  /**< entries in label_columns */
    int decimals;            /**< write: digits after the point; -1 = shortest exact (default) */
    int crlf;                /**< write: end lines with CRLF instead of LF (default 0) */
    int omit_code;           /**< write: leave out the code column (e.g. when codes are names) */
} egdi_csv_options;

/** @brief Initialiser of the current version: `egdi_csv_options o = EGDI_CSV_OPTIONS_INIT;` */
#define EGDI_CSV_OPTIONS_INIT {EGDI_CSV_OPTIONS_VERSION, 0, "code", "name", NULL, 0, -1, 0, 0}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_CSV_OPTIONS_VERSION) of
 * @p opts with the defaults and set its version; only that version's bytes
 * are written. Functions taking options accept every version up to the
 * current one and read only the caller's version's fields. @since 1.1
 */
EGDI_API egdi_status egdi_csv_options_init_version(egdi_csv_options *opts, unsigned version);
/**
 * @brief Fill @p opts with the defaults (the version-1 layout, which is what
 * binaries built against 1.0 pass). New code may prefer
 * egdi_csv_options_init_version() or ::EGDI_CSV_OPTIONS_INIT.
 */
EGDI_API void egdi_csv_options_init(egdi_csv_options *opts);

/**
 * @brief Read a wide table: one row per unit, one column per indicator.
 *
 * RFC 4180 quoting (embedded delimiters, quotes, line breaks), CRLF or LF,
 * an optional UTF-8 byte-order mark, ',' or ';'. Cells and headers are
 * trimmed. Missing values: empty, NA, NaN, N/A, "..", "-". If the code
 * column is absent the name column gives the codes, and vice versa; if
 * both are absent the first column gives both. Errors name the file, line
 * and column.
 * @param opts NULL for defaults.
 */
EGDI_API egdi_status egdi_dataset_read_csv(const char *path, const egdi_csv_options *opts,
                                           egdi_dataset **out);
/** @brief As egdi_dataset_read_csv() from a string in memory (@p len bytes). */
EGDI_API egdi_status egdi_dataset_read_csv_buffer(const char *text, size_t len,
                                                  const egdi_csv_options *opts,
                                                  egdi_dataset **out);

/**
 * @brief Write code, name and every column as CSV. The file is written to a
 * temporary file in the same directory and renamed into place, so readers
 * never see a half-written file and a failed write leaves no file behind.
 */
EGDI_API egdi_status egdi_dataset_write_csv(const egdi_dataset *ds, const char *path,
                                            const egdi_csv_options *opts);
/** @brief Write CSV to an open stream (e.g. stdout). */
EGDI_API egdi_status egdi_dataset_write_csv_stream(const egdi_dataset *ds, FILE *fp,
                                                   const egdi_csv_options *opts);
/**
 * @brief Write a JSON array of objects, one per unit ({"code":..,"name":..,
 * column: value, ...}); missing numbers become null. Atomic like the CSV writer.
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
