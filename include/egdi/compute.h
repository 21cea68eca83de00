/**
 * @file compute.h
 * @brief Evaluate an index on a dataset: scores for every node and unit.
 */
#ifndef EGDI_COMPUTE_H
#define EGDI_COMPUTE_H

#include "common.h"
#include "dataset.h"
#include "index.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Opaque result: one score per node per unit. */
typedef struct egdi_result egdi_result;

/**
 * @brief Compute every node of @p idx for every unit of @p data.
 * Indicators read the numeric column named by their source; a missing
 * column is EGDI_ERR_NOT_FOUND naming the indicator, a label column standing
 * where a number is needed EGDI_ERR_PARSE naming the unit and its text, an
 * infinite value EGDI_ERR_DOMAIN, and data without units EGDI_ERR_DATA
 * (since 1.2; 1.1 returned an empty result). Statistics that a
 * normalisation needs but cannot get (fewer than two values, zero spread)
 * are EGDI_ERR_DOMAIN naming the node.
 */
EGDI_API egdi_status egdi_compute(const egdi_index *idx, const egdi_dataset *data,
                                  egdi_result **out);
/**
 * @brief Recompute into an existing result made for the same index and the
 * same number of units. @p idx may differ from the original only in weights,
 * directions, caps and methods (same nodes). The result's buffers are reused
 * while the definition uses the same stages as before (the same nodes with or
 * without imputation, caps or direction -1, and normalisation) on the same
 * units, and rebuilt otherwise; only small temporary arrays (validation,
 * column lookup) are allocated besides. If the call fails, the result holds
 * no scores (its getters fail) until a later call succeeds. For repeated
 * evaluation, the plan/eval interface (plan.h) recomputes only what changed
 * and allocates nothing (except for Benefit-of-the-Doubt "bod" aggregates,
 * whose GLPK linear programs are allocated; plan.h).
 */
EGDI_API egdi_status egdi_compute_into(const egdi_index *idx, const egdi_dataset *data,
                                       egdi_result *res);
/** @brief Free; NULL is a no-op. */
EGDI_API void egdi_result_free(egdi_result *res);

/** @brief Number of units. */
EGDI_API size_t egdi_result_n_units(const egdi_result *res);
/** @brief Number of nodes (same order as the index). */
EGDI_API size_t egdi_result_n_nodes(const egdi_result *res);
/** @brief Copy the output (after normalisation) of a node for all units (n == n_units). */
EGDI_API egdi_status egdi_result_get_scores(const egdi_result *res, const char *node, double *out,
                                            size_t n);
/** @brief Copy a node's value before normalisation (after caps and direction). */
EGDI_API egdi_status egdi_result_get_raw(const egdi_result *res, const char *node, double *out,
                                         size_t n);
/**
 * @brief Which values of indicator @p node were imputed: out[i] = 1 if unit
 * i's value was filled by the node's imputation, else 0. @since 1.1
 */
EGDI_API egdi_status egdi_result_get_imputed(const egdi_result *res, const char *node, int *out,
                                             size_t n);
/**
 * @brief The whole output matrix, row-major n_nodes x n_units (row i =
 * node i of the index); @p n == n_nodes * n_units.
 */
EGDI_API egdi_status egdi_result_get_matrix(const egdi_result *res, double *out, size_t n);

/** @brief Layout version of ::egdi_result_table_options. @since 1.3 */
#define EGDI_RESULT_TABLE_OPTIONS_VERSION 1

/**
 * @brief What egdi_result_to_dataset() puts in the table. Initialise with
 * egdi_result_table_options_init() and then change what you need.
 * @since 1.3
 */
typedef struct egdi_result_table_options {
    unsigned version;        /**< EGDI_RESULT_TABLE_OPTIONS_VERSION */
    /** Codes of the nodes to write, in that order; NULL = every node in the
     *  index's order. */
    const char *const *nodes;
    size_t n_nodes;          /**< entries in nodes */
    /** Non-zero (default 1): a column "NODE_rank" per node, the unit's
     *  competition rank ("1224") by score, highest first; missing for a unit
     *  without a score. */
    int ranks;
    /** Decimals the scores are rounded to before ranking (0..15, see
     *  egdi_round()), or -1 (default) to rank the scores as they are. The
     *  score columns are never rounded. */
    int rank_decimals;
    /** Non-zero (default 0): a column "NODE_raw" per node, its value before
     *  normalisation (after caps and direction). */
    int raw;
    /** Non-zero (default 1): when the index imputes any indicator, a label
     *  column "imputed" listing per unit the indicators whose value was
     *  filled, ";"-separated in node order ("" = none). */
    int imputed;
    /** Non-zero (default 1): copy the label columns of the data (region,
     *  group, ...) after the unit's columns. */
    int labels;
} egdi_result_table_options;

/** @brief Initialiser of the current version:
 *  `egdi_result_table_options o = EGDI_RESULT_TABLE_OPTIONS_INIT;` @since 1.3 */
#define EGDI_RESULT_TABLE_OPTIONS_INIT \
    {EGDI_RESULT_TABLE_OPTIONS_VERSION, NULL, 0, 1, -1, 0, 1, 1}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_RESULT_TABLE_OPTIONS_VERSION)
 * of @p opts with the defaults and set its version; only that version's bytes
 * are written. EGDI_ERR_INVALID_ARG for an unknown version. @since 1.3
 */
EGDI_API egdi_status egdi_result_table_options_init_version(egdi_result_table_options *opts,
                                                            unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.3 */
#define egdi_result_table_options_init(opts) \
    ((void)egdi_result_table_options_init_version((opts), EGDI_RESULT_TABLE_OPTIONS_VERSION))
#endif

/**
 * @brief The result as a table: a new dataset with one row per unit of
 * @p data (the dataset @p res was computed on: same units in the same order,
 * with their codes and names), and the columns, in this order: every chosen
 * node's score (named by the node's code), with ranks every node's
 * "NODE_rank", with raw every node's "NODE_raw", the "imputed" column, and
 * the label columns of @p data.
 *
 * Errors: EGDI_ERR_INVALID_ARG if @p data does not have the result's units
 * (naming the first unit that differs) or the options' version is unknown or
 * rank_decimals is outside -1..15; EGDI_ERR_NOT_FOUND for a node code the
 * result lacks; EGDI_ERR_DUPLICATE if two columns would have the same name
 * (a node listed twice, or a label column of the data called like a node's
 * column), naming it.
 * @param opts NULL for the defaults.
 * @since 1.3
 */
EGDI_API egdi_status egdi_result_to_dataset(const egdi_result *res, const egdi_dataset *data,
                                            const egdi_result_table_options *opts,
                                            egdi_dataset **out);

/* ---- panels: one index on many periods (since 1.4) ---- */

/** @brief Layout version of ::egdi_compute_by_period_options. @since 1.4 */
#define EGDI_COMPUTE_BY_PERIOD_OPTIONS_VERSION 1

/**
 * @brief How egdi_compute_by_period() computes a panel. Initialise with
 * egdi_compute_by_period_options_init() or
 * ::EGDI_COMPUTE_BY_PERIOD_OPTIONS_INIT. @since 1.4
 */
typedef struct egdi_compute_by_period_options {
    unsigned version;          /**< EGDI_COMPUTE_BY_PERIOD_OPTIONS_VERSION */
    /** Numeric column of each row's period (default "edition", as in
     *  egdi_panel_compute()'s panels; COINr's is "Time"). */
    const char *period_column;
    /** 0 (default): each period is computed on its own rows, so every
     *  statistic fitted on the units (normalisation, imputation, outlier
     *  treatment, Copeland and Benefit-of-the-Doubt aggregation) is fitted
     *  per period. Non-zero: one computation on all rows, so those statistics
     *  are fitted on the periods pooled and scores are comparable over time
     *  (COINr's `Normalise(purse, global = TRUE)`, which pools normalisation
     *  only: the two agree for indices whose other steps work row by row). */
    int pooled;
    /** Optional label column naming each row's unit (e.g. "uCode"); with it,
     *  two rows of one unit in one period are an error. NULL (default) = not
     *  checked. */
    const char *unit_column;
    /** The table's columns (nodes, ranks, rank_decimals, raw, imputed,
     *  labels) as for egdi_result_to_dataset(); NULL = its defaults. Ranks
     *  are within each period. */
    const egdi_result_table_options *table;
} egdi_compute_by_period_options;

/** @brief Initialiser of the current version:
 *  `egdi_compute_by_period_options o = EGDI_COMPUTE_BY_PERIOD_OPTIONS_INIT;` @since 1.4 */
#define EGDI_COMPUTE_BY_PERIOD_OPTIONS_INIT \
    {EGDI_COMPUTE_BY_PERIOD_OPTIONS_VERSION, "edition", 0, NULL, NULL}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_COMPUTE_BY_PERIOD_OPTIONS_VERSION)
 * of @p opts with the defaults and set its version; EGDI_ERR_INVALID_ARG for
 * an unknown version. @since 1.4
 */
EGDI_API egdi_status egdi_compute_by_period_options_init_version(
    egdi_compute_by_period_options *opts, unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.4 */
#define egdi_compute_by_period_options_init(opts)                                \
    ((void)egdi_compute_by_period_options_init_version((opts),                   \
                                                       EGDI_COMPUTE_BY_PERIOD_OPTIONS_VERSION))
#endif

/**
 * @brief Compute @p idx on a panel: @p data holds one row (unit of the
 * dataset) per unit and period, in any order, with the period in a numeric
 * column. Each row needs its own code in the dataset (e.g. "AUS:2024", as
 * egdi_panel_compute() makes them, or a row number); which unit a row
 * belongs to is a separate label column (egdi_compute_by_period_options::
 * unit_column), so a unit may be absent from some periods.
 *
 * Per period (the default) the index is computed once per distinct period
 * on that period's rows; pooled, once on all rows. The result is a new
 * dataset with the rows of @p data in the same order (same codes and names)
 * and the columns: the period column, then as egdi_result_to_dataset() every
 * chosen node's score, "NODE_rank" (the competition rank among the rows of
 * the same period), "NODE_raw", "imputed", and the label columns of @p data.
 * Cost: one egdi_compute() per period (or one in all), O(n log n) to group
 * the n rows by period, and O(n) per column.
 *
 * Errors: EGDI_ERR_NOT_FOUND for an absent period or unit column;
 * EGDI_ERR_INVALID_ARG for a period column that is not numeric, a unit
 * column that is not a label column, a row without a finite period or
 * without a unit label (naming the row), or options as
 * egdi_result_to_dataset() refuses them; EGDI_ERR_DUPLICATE naming the unit
 * and period of two rows; the errors of egdi_compute() (EGDI_ERR_DOMAIN for a
 * min-max normalisation without spread, ...) prefixed per period with the
 * period column and value ("edition 2022: ...").
 * @param opts NULL for the defaults.
 * @param out the table; the caller frees it with egdi_dataset_free().
 * @since 1.4
 */
EGDI_API egdi_status egdi_compute_by_period(const egdi_index *idx, const egdi_dataset *data,
                                            const egdi_compute_by_period_options *opts,
                                            egdi_dataset **out);

#ifdef __cplusplus
}
#endif

#endif
