/**
 * @file describe.h
 * @brief Statistics of indicators and aggregates: per-column summaries with
 * COINr's flags, Pearson, Spearman and Kendall correlation matrices with
 * p-values (within and across levels of an index), each node's correlation
 * with its parent, and Cronbach's alpha per aggregate.
 *
 * The definitions are those of COINr 1.1.14 (get_stats, get_corr,
 * get_cronbach), which rest on R's stats package:
 *
 * - missing values (NaN) are left out column by column; correlations and
 *   covariances use the units where both columns have a value ("pairwise
 *   complete observations");
 * - sd is the sample sd (divide by n - 1); skewness and excess kurtosis are
 *   the "type 2" estimators (e1071, Excel): with d = x - mean over the m
 *   values, skew = sqrt(m) sum d^3 / (sum d^2)^1.5 * sqrt(m (m - 1)) / (m - 2)
 *   and kurt = ((m + 1)(r - 3) + 6)(m - 1) / ((m - 2)(m - 3)) with
 *   r = m sum d^4 / (sum d^2)^2; NaN with fewer than 3 (skew) or 4 (kurt)
 *   values or no spread;
 * - Spearman's rho is Pearson's r of the ranks (ties get their average rank)
 *   of the complete pairs; Kendall's tau is tau-b, computed in O(m log m)
 *   (Knight's algorithm);
 * - p-values are two-sided, as R's cor.test(): Pearson by the t test with
 *   m - 2 degrees of freedom; Spearman exactly (all permutations) for
 *   m <= 9, by the Edgeworth series of algorithm AS 89 for 10 <= m <= 1290,
 *   and by the t approximation for larger m or when either column has ties
 *   among the complete pairs; Kendall exactly (the distribution of the number
 *   of concordant pairs) for m < 50 without ties, otherwise by the normal
 *   approximation with R's tie-corrected variance (no continuity correction);
 * - a correlation that is not defined (fewer than 2 complete pairs, or a
 *   column constant over them) is NaN, and so is its p-value (also NaN for
 *   Pearson with fewer than 3 pairs, where R's cor.test stops). They are
 *   written as missing values; nothing is refused, so one constant column
 *   does not hide the other correlations. The per-column table shows the
 *   cause (N.Unique = 1, N.Avail).
 *
 * Directions are not applied: the statistics describe the columns as given
 * (COINr's get_corr with use_directions = FALSE). Correlate the scores of a
 * computed index (egdi_result_to_dataset()) to see the directed values.
 *
 * Tables are datasets (dataset.h) whose rows are the variables: the unit
 * code is the column or node code, the unit name its name.
 *
 * @since 1.4
 */
#ifndef EGDI_DESCRIBE_H
#define EGDI_DESCRIBE_H

#include "common.h"
#include "dataset.h"
#include "index.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Correlation coefficient. Values are stable ABI. @since 1.4 */
typedef enum egdi_corr_method {
    EGDI_CORR_PEARSON = 0,  /**< Pearson's product-moment r */
    EGDI_CORR_SPEARMAN = 1, /**< Spearman's rho (average ranks for ties) */
    EGDI_CORR_KENDALL = 2   /**< Kendall's tau-b */
} egdi_corr_method;

/**
 * @brief The method's name ("pearson", "spearman", "kendall"), or NULL for
 * an unknown value. @since 1.4
 */
EGDI_API const char *egdi_corr_method_name(egdi_corr_method method);
/**
 * @brief The method called @p name (ASCII case ignored); EGDI_ERR_NOT_FOUND
 * naming the valid names otherwise. @since 1.4
 */
EGDI_API egdi_status egdi_corr_method_from_name(const char *name, egdi_corr_method *out);

/* ---- plain arrays ---- */

/**
 * @brief The correlation of @p x and @p y (@p n values each, NaN = missing)
 * over the positions where both have a value, and its two-sided p-value.
 * @param r       the coefficient (NaN if not defined; see the file comment)
 * @param p_value optional: its p-value (NaN if not defined)
 * @param n_pairs optional: the number of complete pairs
 * @return EGDI_ERR_INVALID_ARG for NULL arrays or outputs or an unknown
 * method; EGDI_ERR_DOMAIN for an infinite value; EGDI_ERR_NOMEM.
 * @since 1.4
 */
EGDI_API egdi_status egdi_correlation(const double *x, const double *y, size_t n,
                                      egdi_corr_method method, double *r, double *p_value,
                                      size_t *n_pairs);
/**
 * @brief Type-2 skewness of the non-missing values of @p x (NaN with fewer
 * than 3 values or no spread). EGDI_ERR_DOMAIN for an infinite value.
 * @since 1.4
 */
EGDI_API egdi_status egdi_skewness(const double *x, size_t n, double *out);
/**
 * @brief Type-2 excess kurtosis of the non-missing values of @p x (NaN with
 * fewer than 4 values or no spread). EGDI_ERR_DOMAIN for an infinite value.
 * @since 1.4
 */
EGDI_API egdi_status egdi_kurtosis(const double *x, size_t n, double *out);
/**
 * @brief Cronbach's alpha of @p n_items items (columns of the row-major
 * @p n_units x @p n_items matrix @p x, NaN = missing), as COINr's
 * get_cronbach(): with C the covariance matrix (pairwise complete, divide
 * by m - 1), alpha = k^2 mean(off-diagonal C) / sum(C) = k / (k - 1) *
 * (1 - trace(C) / sum(C)); covariances that are not defined (fewer than 2
 * complete pairs) are left out of both sums, as R's na.rm = TRUE does.
 * NaN if sum(C) is 0. EGDI_ERR_INVALID_ARG with fewer than 2 items;
 * EGDI_ERR_DOMAIN for an infinite value. @since 1.4
 */
EGDI_API egdi_status egdi_cronbach_alpha(const double *x, size_t n_units, size_t n_items,
                                         double *alpha);

/* ---- per-column statistics ---- */

/** @brief Layout version of ::egdi_describe_options. @since 1.4 */
#define EGDI_DESCRIBE_OPTIONS_VERSION 1

/**
 * @brief Thresholds of the flags of egdi_describe() (COINr's get_stats
 * arguments and defaults). Initialise with egdi_describe_options_init().
 * @since 1.4
 */
typedef struct egdi_describe_options {
    unsigned version;   /**< EGDI_DESCRIBE_OPTIONS_VERSION */
    double t_skew;      /**< |skew| above it (and kurt above t_kurt) flags "OUT"; default 2 */
    double t_kurt;      /**< default 3.5 */
    double t_avail;     /**< Frc.Avail below it flags "LOW"; default 0.65 */
    double t_zero;      /**< N.NonZero / N below it flags "LOW"; default 0.5 */
    double t_unique;    /**< N.Unique / N below it flags "LOW"; default 0.5 */
} egdi_describe_options;

/** @brief Initialiser of the current version:
 *  `egdi_describe_options o = EGDI_DESCRIBE_OPTIONS_INIT;` @since 1.4 */
#define EGDI_DESCRIBE_OPTIONS_INIT {EGDI_DESCRIBE_OPTIONS_VERSION, 2.0, 3.5, 0.65, 0.5, 0.5}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_DESCRIBE_OPTIONS_VERSION)
 * of @p opts with the defaults and set its version; EGDI_ERR_INVALID_ARG for
 * an unknown version. @since 1.4
 */
EGDI_API egdi_status egdi_describe_options_init_version(egdi_describe_options *opts,
                                                        unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.4 */
#define egdi_describe_options_init(opts) \
    ((void)egdi_describe_options_init_version((opts), EGDI_DESCRIBE_OPTIONS_VERSION))
#endif

/**
 * @brief Statistics of numeric columns, one row per column (code = the
 * column's name), as COINr's get_stats(nsignif = NULL), in its column order
 * and names, then two more:
 *
 * numeric Min, Max, Mean, Median, Std (sample sd), Skew, Kurt (type 2,
 * excess), N.Avail (values present), N.NonZero, N.Unique (distinct values),
 * N.Same (the count of the most frequent value), Frc.Avail (N.Avail / N, N =
 * units), Frc.NonZero, Frc.Unique, Frc.Same (each / N.Avail); labels
 * Flag.Avail ("LOW" if Frc.Avail < t_avail, else "ok"), Flag.NonZero ("LOW"
 * if N.NonZero / N < t_zero), Flag.Unique ("LOW" if N.Unique / N <
 * t_unique), Flag.SkewKurt ("OUT" if |Skew| > t_skew and Kurt > t_kurt,
 * "ok", or "" when Skew or Kurt is not defined); numeric N.Missing and
 * N.Zero. (The flags divide by N where the fractions divide by N.Avail, as
 * COINr does.) A column without values has NaN statistics.
 *
 * @param columns the columns to describe, or NULL (with @p n_columns 0) for
 *        every numeric column in the dataset's order
 * @param opts NULL for the defaults
 * @return EGDI_ERR_NOT_FOUND for an unknown column, EGDI_ERR_INVALID_ARG for
 * a label column, EGDI_ERR_DUPLICATE for a repeated one, EGDI_ERR_DOMAIN for
 * an infinite value (naming column and unit), EGDI_ERR_DATA for data without
 * units, EGDI_ERR_NOMEM.
 * @since 1.4
 */
EGDI_API egdi_status egdi_describe(const egdi_dataset *data, const char *const *columns,
                                   size_t n_columns, const egdi_describe_options *opts,
                                   egdi_dataset **out);

/* ---- correlation matrices ---- */

/** @brief Layout version of ::egdi_corr_options. @since 1.4 */
#define EGDI_CORR_OPTIONS_VERSION 1

/**
 * @brief How correlations are computed and reported. Initialise with
 * egdi_corr_options_init(). @since 1.4
 */
typedef struct egdi_corr_options {
    unsigned version;        /**< EGDI_CORR_OPTIONS_VERSION */
    egdi_corr_method method; /**< default EGDI_CORR_PEARSON */
    /** Correlations whose p-value exceeds it are reported missing (COINr's
     *  pval, whose default is 0.05); 0 (default) keeps them all. 0..1. */
    double max_p;
    /** Index functions, within one level: only pairs of nodes under the same
     *  ancestor at this level (COINr's grouplev); the others are missing.
     *  0 (default) = every pair. */
    int group_level;
} egdi_corr_options;

/** @brief Initialiser of the current version:
 *  `egdi_corr_options o = EGDI_CORR_OPTIONS_INIT;` @since 1.4 */
#define EGDI_CORR_OPTIONS_INIT {EGDI_CORR_OPTIONS_VERSION, EGDI_CORR_PEARSON, 0.0, 0}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_CORR_OPTIONS_VERSION) of
 * @p opts with the defaults and set its version; EGDI_ERR_INVALID_ARG for an
 * unknown version. @since 1.4
 */
EGDI_API egdi_status egdi_corr_options_init_version(egdi_corr_options *opts, unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.4 */
#define egdi_corr_options_init(opts) \
    ((void)egdi_corr_options_init_version((opts), EGDI_CORR_OPTIONS_VERSION))
#endif

/**
 * @brief The correlations of the columns @p rows with the columns @p cols
 * (each pair over its complete observations), as COINr's get_corr(make_long
 * = FALSE) and R's cor(use = "pairwise.complete.obs").
 * @param rows, n_rows the row variables; NULL/0 = every numeric column
 * @param cols, n_cols the column variables; NULL/0 = the same as the rows
 * @param corr    a new dataset: one row per row variable (code = its name),
 *                one numeric column per column variable
 * @param p_values optional: a new dataset of the same shape with the
 *                p-values (0 on the diagonal of a column with itself)
 * @param opts NULL for the defaults (group_level does not apply)
 * @return EGDI_ERR_NOT_FOUND for an unknown column, EGDI_ERR_INVALID_ARG for
 * a label column or bad options, EGDI_ERR_DUPLICATE for a variable repeated
 * within rows or within cols, EGDI_ERR_DOMAIN for an infinite value (naming
 * column and unit), EGDI_ERR_NOMEM. O(r c m log m)
 * time for m units.
 * @since 1.4
 */
EGDI_API egdi_status egdi_correlate(const egdi_dataset *data, const char *const *rows,
                                    size_t n_rows, const char *const *cols, size_t n_cols,
                                    const egdi_corr_options *opts, egdi_dataset **corr,
                                    egdi_dataset **p_values);

/* ---- along an index ---- */

/*
 * The index functions read each node's values from @p values: the numeric
 * column named by the node's code, or, for an indicator without one, its
 * source column. So both the input data (indicators by source) and a
 * result table (egdi_result_to_dataset(): every node by code) serve. A node
 * whose column is absent is EGDI_ERR_NOT_FOUND naming it. Levels are those
 * of egdi_index_node_level() (1 = indicators).
 */

/**
 * @brief egdi_describe() of the nodes of @p level (code = node code, name =
 * node name), in the index's order. EGDI_ERR_INVALID_ARG if no node has
 * that level. @since 1.4
 */
EGDI_API egdi_status egdi_index_describe(const egdi_index *idx, const egdi_dataset *values,
                                         int level, const egdi_describe_options *opts,
                                         egdi_dataset **out);
/**
 * @brief egdi_correlate() of the nodes of @p row_level (rows) with those of
 * @p col_level (columns), in the index's order (COINr's get_corr with
 * Levels = c(row_level, col_level)). With opts->group_level > 0 and
 * @p row_level == @p col_level, pairs whose ancestors at group_level differ
 * are missing (NaN, also in @p p_values); group_level must then exceed the
 * level.
 * @return as egdi_correlate(); EGDI_ERR_INVALID_ARG for a level without
 * nodes or a group_level that does not fit.
 * @since 1.4
 */
EGDI_API egdi_status egdi_index_correlate(const egdi_index *idx, const egdi_dataset *values,
                                          int row_level, int col_level,
                                          const egdi_corr_options *opts, egdi_dataset **corr,
                                          egdi_dataset **p_values);
/**
 * @brief Each node's correlation with its parent (COINr's get_corr with
 * withparent = TRUE, for every level at once): one row per node that has a
 * parent, in the index's order; label column "parent", numeric columns
 * "correlation", "p_value" and "n" (complete pairs). With opts->max_p > 0 a
 * correlation whose p-value exceeds it is missing; group_level does not
 * apply. @since 1.4
 */
EGDI_API egdi_status egdi_index_parent_correlations(const egdi_index *idx,
                                                    const egdi_dataset *values,
                                                    const egdi_corr_options *opts,
                                                    egdi_dataset **out);
/**
 * @brief Cronbach's alpha (egdi_cronbach_alpha()) of each aggregate's
 * items: its descendants at @p item_level, or with @p item_level 0 its
 * children (COINr's get_cronbach(iCodes = aggregate, Level = item_level)).
 * One row per aggregate that has at least 2 items, in the index's order;
 * numeric columns "n_items" and "alpha". EGDI_ERR_DOMAIN for an infinite
 * value.
 * EGDI_ERR_INVALID_ARG if no aggregate has 2 items at that level. @since 1.4
 */
EGDI_API egdi_status egdi_index_cronbach(const egdi_index *idx, const egdi_dataset *values,
                                         int item_level, egdi_dataset **out);

#ifdef __cplusplus
}
#endif

#endif
