/**
 * @file impute.h
 * @brief Imputation beyond the per-indicator methods of the registry: from a
 * unit's other indicators in the same aggregation group (row-wise), and along
 * a unit's time series in a panel (latest value, interpolation,
 * extrapolation), with what was done recorded per cell.
 *
 * @warning Experimental (since 1.4): usable without any feature macro, but
 * these functions may change in a minor release.
 *
 * The per-indicator methods (mean, median, group mean and median over the
 * units) are registry methods applied by the engine (index.h, ::egdi_impute).
 * The functions here work on a whole dataset before the index is computed, as
 * COINr's `Impute(impute_by = "row", group_level = ...)` and `impute_panel()`
 * do. Each comes as a dataset-level function and as an array-level function
 * on plain row-major arrays; each records per cell an ::egdi_fill code.
 *
 * @code
 * // row-wise: a missing indicator of a unit gets the mean of the unit's
 * // min-max normalised indicators under the same parent (COINr's default)
 * egdi_dataset *imputed, *fill;
 * egdi_impute_rows(idx, data, NULL, &imputed, &fill);
 *
 * // panel: linear interpolation between a unit's observed years
 * egdi_impute_panel_options o = EGDI_IMPUTE_PANEL_OPTIONS_INIT;
 * o.method = EGDI_PANEL_IMPUTE_LINEAR;
 * o.unit_column = "uCode";
 * o.time_column = "Time";
 * egdi_impute_panel(panel, &o, &imputed, &fill, NULL);
 * @endcode
 */
#ifndef EGDI_IMPUTE_H
#define EGDI_IMPUTE_H

#include "common.h"
#include "dataset.h"
#include "index.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief What happened to one cell (one unit's value of one indicator).
 * Values are stable ABI. @since 1.4
 */
typedef enum egdi_fill {
    EGDI_FILL_OBSERVED = 0,     /**< had a value; unchanged */
    EGDI_FILL_MISSING = 1,      /**< missing and left missing: nothing to fill it from */
    EGDI_FILL_ROW = 2,          /**< from the unit's other indicators of its group */
    EGDI_FILL_CARRIED = 3,      /**< panel: the unit's latest earlier observed value */
    EGDI_FILL_INTERPOLATED = 4, /**< panel: linear between the nearest observed times */
    EGDI_FILL_EXTRAPOLATED = 5  /**< panel: the nearest observed value beyond the unit's
                                     first or last observation (constant extrapolation) */
} egdi_fill;

/**
 * @brief Name of a fill code: "observed", "missing", "row", "carried",
 * "interpolated", "extrapolated"; NULL for an unknown code. @since 1.4
 */
EGDI_API const char *egdi_fill_name(int fill);

/* ------------------------------------------------------------------------ */
/*  Row-wise imputation within aggregation groups                           */
/* ------------------------------------------------------------------------ */

/** @brief The statistic of a unit's other indicators that fills a gap. @since 1.4 */
typedef enum egdi_row_stat {
    EGDI_ROW_MEAN = 0,  /**< arithmetic mean (COINr's i_mean) */
    EGDI_ROW_MEDIAN = 1 /**< median, the mean of the two middle values for an even count
                             (COINr's i_median) */
} egdi_row_stat;

/** @brief Layout version of ::egdi_impute_rows_options. @since 1.4 */
#define EGDI_IMPUTE_ROWS_OPTIONS_VERSION 1

/**
 * @brief How egdi_impute_rows() fills gaps. Initialise with
 * egdi_impute_rows_options_init() or ::EGDI_IMPUTE_ROWS_OPTIONS_INIT. @since 1.4
 */
typedef struct egdi_impute_rows_options {
    unsigned version;     /**< EGDI_IMPUTE_ROWS_OPTIONS_VERSION */
    egdi_row_stat stat;   /**< the statistic (default ::EGDI_ROW_MEAN) */
    /** The level whose aggregates define the groups (COINr's `group_level`;
     *  indicators are level 1): 2 (default) = the indicator's parent, 3 = its
     *  grandparent, ...; an indicator whose branch has no aggregate of that
     *  level is grouped under its root. 0 = every indicator of the index in
     *  one group (COINr without `group_level`). Ignored by
     *  egdi_impute_rows_values(), which takes the groups. */
    int group_level;
    /** Non-zero (default, as COINr for rows): each column is first multiplied
     *  by its direction and min-max scaled to [0, 1] over the units that have
     *  a value; the statistic is taken on that scale and the filled value
     *  mapped back to the column's own scale. 0: the statistic is taken on
     *  the raw values (meaningful only for indicators on one scale). */
    int normalise_first;
} egdi_impute_rows_options;

/** @brief Initialiser of the current version:
 *  `egdi_impute_rows_options o = EGDI_IMPUTE_ROWS_OPTIONS_INIT;` @since 1.4 */
#define EGDI_IMPUTE_ROWS_OPTIONS_INIT {EGDI_IMPUTE_ROWS_OPTIONS_VERSION, EGDI_ROW_MEAN, 2, 1}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_IMPUTE_ROWS_OPTIONS_VERSION)
 * of @p opts with the defaults and set its version; EGDI_ERR_INVALID_ARG for
 * an unknown version. @since 1.4
 */
EGDI_API egdi_status egdi_impute_rows_options_init_version(egdi_impute_rows_options *opts,
                                                           unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.4 */
#define egdi_impute_rows_options_init(opts) \
    ((void)egdi_impute_rows_options_init_version((opts), EGDI_IMPUTE_ROWS_OPTIONS_VERSION))
#endif

/**
 * @brief Fill each missing indicator value of a unit from the same unit's
 * other indicators of the same aggregation group (experimental).
 *
 * COINr's `Impute(coin, f_i = "i_mean" or "i_median", impute_by = "row",
 * group_level = L)` with its default `normalise_first = TRUE`: per group,
 * each column is scaled as (x d - min) / (max - min) (d its direction, min
 * and max over the units with a value), a missing value becomes
 * (s (max - min) + min) d with s the mean or median of the unit's scaled
 * values in the group. A column whose values are all equal (max = min) has no
 * position to contribute, so its values are left out of s (COINr's NaN
 * there) and its gaps become that one value. A unit whose group has no other
 * value keeps its gap (::EGDI_FILL_MISSING), as does every gap of an
 * all-missing column. Observed values are never changed. Weights play no
 * part (COINr's row mean is unweighted).
 *
 * The indicators are those of @p idx, read from their source columns of
 * @p data; other columns are copied unchanged. Cost O(n m) for n units and m
 * indicators (O(n m log m) for the median), one allocation per call.
 *
 * @param idx a valid index (egdi_index_validate()).
 * @param data the units, with a numeric column for every indicator.
 * @param opts NULL for the defaults.
 * @param out a new dataset: @p data with the gaps filled.
 * @param flags optional (NULL = not wanted): a new dataset with the same
 *        units and one numeric column per indicator, named as its source
 *        column, holding the ::egdi_fill code of every cell (OBSERVED, ROW or
 *        MISSING).
 * @return EGDI_ERR_INVALID_INDEX for an invalid index; EGDI_ERR_NOT_FOUND
 *         naming the indicator and column if a source column is absent;
 *         EGDI_ERR_INVALID_ARG for a label source column, two indicators
 *         reading one column, a group level outside 0 and 2..the index's
 *         highest level, an unknown statistic or options version;
 *         EGDI_ERR_DOMAIN naming the unit and indicator for an infinite
 *         value. Nothing is written to @p out / @p flags on failure.
 * @since 1.4
 */
EGDI_EXPERIMENTAL egdi_status egdi_impute_rows(const egdi_index *idx, const egdi_dataset *data,
                                               const egdi_impute_rows_options *opts,
                                               egdi_dataset **out, egdi_dataset **flags);

/**
 * @brief egdi_impute_rows() on a plain row-major matrix (experimental).
 *
 * @param x n_rows x n_cols values, row-major (row = unit); NaN = missing.
 * @param groups n_cols group numbers: columns with the same number >= 0 form
 *        a group; a column with a negative number is not imputed and not used.
 * @param directions n_cols values +1 or -1, or NULL for all +1 (used only
 *        with egdi_impute_rows_options::normalise_first).
 * @param opts NULL for the defaults (group_level is not used).
 * @param out n_rows x n_cols results; may be @p x itself.
 * @param fill optional: n_rows x n_cols ::egdi_fill codes.
 * @return EGDI_ERR_INVALID_ARG for NULL arrays, a direction other than +/-1,
 *         an unknown statistic; EGDI_ERR_DOMAIN naming row and column for an
 *         infinite value.
 * @since 1.4
 */
EGDI_EXPERIMENTAL egdi_status egdi_impute_rows_values(const double *x, size_t n_rows,
                                                      size_t n_cols, const int *groups,
                                                      const int *directions,
                                                      const egdi_impute_rows_options *opts,
                                                      double *out, unsigned char *fill);

/* ------------------------------------------------------------------------ */
/*  Panel imputation along each unit's time series                          */
/* ------------------------------------------------------------------------ */

/** @brief How a gap in a unit's time series is filled. Stable ABI. @since 1.4 */
typedef enum egdi_panel_impute {
    /** The latest earlier observed value (carried forward, ::EGDI_FILL_CARRIED);
     *  gaps before the first observation stay missing. COINr's
     *  impute_panel(imp_type = "latest"). */
    EGDI_PANEL_IMPUTE_LATEST = 0,
    /** As LATEST, and gaps before the first observation take the first
     *  observed value (::EGDI_FILL_EXTRAPOLATED). COINr's "constant"
     *  (stats::approx(method = "constant", rule = 2)). */
    EGDI_PANEL_IMPUTE_CONSTANT = 1,
    /** Linear interpolation between the nearest observed times before and
     *  after (::EGDI_FILL_INTERPOLATED), the nearest observed value beyond
     *  the first and last observations (::EGDI_FILL_EXTRAPOLATED). COINr's
     *  "linear" (stats::approx(method = "linear", rule = 2)). */
    EGDI_PANEL_IMPUTE_LINEAR = 2
} egdi_panel_impute;

/** @brief Layout version of ::egdi_impute_panel_options. @since 1.4 */
#define EGDI_IMPUTE_PANEL_OPTIONS_VERSION 1

/**
 * @brief How egdi_impute_panel() and egdi_impute_panel_values() fill gaps.
 * Initialise with egdi_impute_panel_options_init() or
 * ::EGDI_IMPUTE_PANEL_OPTIONS_INIT. @since 1.4
 */
typedef struct egdi_impute_panel_options {
    unsigned version;         /**< EGDI_IMPUTE_PANEL_OPTIONS_VERSION */
    egdi_panel_impute method; /**< default ::EGDI_PANEL_IMPUTE_LATEST */
    /** Non-zero (default): fill the gaps beyond a unit's first and last
     *  observations that @ref method fills by extrapolation (flag
     *  EXTRAPOLATED). 0: those stay missing. */
    int extrapolate;
    /** A copied value (CARRIED or EXTRAPOLATED) may come from an observation
     *  at most this many time units away (e.g. 2 years); 0 (default) or
     *  infinity = no limit. Interpolated values are not limited. */
    double max_age;
    /** The same limit counted in time points of the whole panel (the
     *  distinct times of all rows): 1 = only the previous time point
     *  (COINr's `max_time`); 0 (default) = no limit. */
    size_t max_steps;
    /* dataset form (egdi_impute_panel()) only */
    /** Label column naming each row's unit (default "code", as in
     *  egdi_panel_compute()'s panels; COINr's is "uCode"). */
    const char *unit_column;
    /** Numeric column of each row's time (default "edition"; COINr's "Time"). */
    const char *time_column;
    /** The numeric columns to impute; NULL (default) = every numeric column
     *  but the time column. */
    const char *const *columns;
    size_t n_columns; /**< entries in @ref columns */
} egdi_impute_panel_options;

/** @brief Initialiser of the current version:
 *  `egdi_impute_panel_options o = EGDI_IMPUTE_PANEL_OPTIONS_INIT;` @since 1.4 */
#define EGDI_IMPUTE_PANEL_OPTIONS_INIT                                                    \
    {EGDI_IMPUTE_PANEL_OPTIONS_VERSION, EGDI_PANEL_IMPUTE_LATEST, 1, 0.0, 0, "code", "edition", \
     NULL, 0}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_IMPUTE_PANEL_OPTIONS_VERSION)
 * of @p opts with the defaults and set its version; EGDI_ERR_INVALID_ARG for
 * an unknown version. @since 1.4
 */
EGDI_API egdi_status egdi_impute_panel_options_init_version(egdi_impute_panel_options *opts,
                                                            unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.4 */
#define egdi_impute_panel_options_init(opts) \
    ((void)egdi_impute_panel_options_init_version((opts), EGDI_IMPUTE_PANEL_OPTIONS_VERSION))
#endif

/**
 * @brief Fill gaps along each unit's time series, panel data in long form
 * on plain arrays (experimental).
 *
 * Row r is unit @p units[r] at time @p times[r] with the values
 * @p values[r * n_cols .. r * n_cols + n_cols - 1]. Rows may come in any
 * order and a unit may lack some times; each (unit, column) series is taken
 * in time order and only its observed values are ever copied or
 * interpolated (a filled value is never a source). See ::egdi_panel_impute
 * for the methods and ::egdi_impute_panel_options for the limits. Linear
 * interpolation at time t between observations (t0, y0) and (t1, y1) is
 * y0 + (y1 - y0) ((t - t0) / (t1 - t0)), as R's stats::approx(). A series
 * with no observation stays missing. Cost O(n log n + n m) for n rows and m
 * columns; memory O(n).
 *
 * @param units n_rows unit numbers (any int; equal numbers = one unit).
 * @param times n_rows finite times (e.g. years).
 * @param values n_rows x n_cols values, row-major; NaN = missing.
 * @param opts NULL for the defaults (the column names are not used).
 * @param out n_rows x n_cols results; may be @p values itself.
 * @param fill optional: n_rows x n_cols ::egdi_fill codes.
 * @param source optional: n_rows x n_cols times the value comes from: the
 *        row's own time for an observed value, the time of the copied
 *        observation for CARRIED and EXTRAPOLATED, NaN for INTERPOLATED and
 *        MISSING (COINr's `DataT`).
 * @return EGDI_ERR_INVALID_ARG for NULL arrays, an unknown method, a
 *         negative or NaN max_age, or a time that is not finite (naming the
 *         row); EGDI_ERR_DUPLICATE naming the unit and time of two rows with
 *         the same unit and time; EGDI_ERR_DOMAIN naming row and column for an
 *         infinite value.
 * @since 1.4
 */
EGDI_EXPERIMENTAL egdi_status egdi_impute_panel_values(const int *units, const double *times,
                                                       size_t n_rows, const double *values,
                                                       size_t n_cols,
                                                       const egdi_impute_panel_options *opts,
                                                       double *out, unsigned char *fill,
                                                       double *source);

/**
 * @brief Fill gaps along each unit's time series in a panel dataset
 * (experimental): egdi_impute_panel_values() on a dataset with one row (unit
 * of the dataset) per (unit, time), e.g. a panel of egdi_panel_compute() or
 * COINr's long `iData` (uCode, Time, indicators) read from CSV with codes
 * made unique.
 *
 * @param panel the long table: the unit label column and the numeric time
 *        column of @p opts, and the columns to impute.
 * @param opts NULL for the defaults.
 * @param out a new dataset: @p panel with the gaps of the imputed columns filled.
 * @param fill optional: a new dataset with the same rows, the unit and time
 *        columns, and one numeric column of ::egdi_fill codes per imputed
 *        column (same name).
 * @param source optional: the same layout with the times the values come
 *        from (see egdi_impute_panel_values()).
 * @return as egdi_impute_panel_values(), naming units by their label and
 *         rows by their dataset code; EGDI_ERR_NOT_FOUND for an absent
 *         column; EGDI_ERR_INVALID_ARG for a unit column that is not a label
 *         column or a row without a unit label, a time or imputed column that
 *         is not numeric, or the time column among the imputed columns.
 * @since 1.4
 */
EGDI_EXPERIMENTAL egdi_status egdi_impute_panel(const egdi_dataset *panel,
                                                const egdi_impute_panel_options *opts,
                                                egdi_dataset **out, egdi_dataset **fill,
                                                egdi_dataset **source);

#ifdef __cplusplus
}
#endif

#endif
