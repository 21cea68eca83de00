/**
 * @file weights.h
 * @brief Weights of a composite index: rescaled and effective (end-to-end)
 * weights, and weights derived from data: principal components (PCA),
 * entropy, and weights optimised so that the correlations of a level's nodes
 * with their index match targets (COINr's get_eff_weights, get_PCA and
 * get_opt_weights; entropy weights are not in COINr).
 *
 * Weights are arrays with one entry per node of the index, in the index's
 * node order (egdi_index_node_code()); a derived set has NaN for the nodes it
 * does not concern. egdi_weights_set() writes such an array into an index.
 *
 * The data-driven methods read the values of the nodes from a dataset with a
 * numeric column named by each node's code (a COINr data set such as "Raw" or
 * "Normalised", or egdi_result_to_dataset()'s table), and work on the
 * complete rows of each group: units missing any of the group's columns are
 * left out of that group.
 *
 * @since 1.4
 */
#ifndef EGDI_WEIGHTS_H
#define EGDI_WEIGHTS_H

#include "common.h"
#include "dataset.h"
#include "index.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- rescaled and effective weights ---- */

/**
 * @brief Each node's weight divided by the sum of its siblings' weights
 * (itself included), so that the weights of every aggregate's children sum
 * to 1. The roots, each an index of its own, get 1.
 * @param out @p n == egdi_index_n_nodes() entries, in node order.
 * @return EGDI_ERR_INVALID_INDEX (as egdi_index_validate()) if the siblings
 * of some node all weigh 0.
 * @since 1.4
 */
EGDI_API egdi_status egdi_weights_rescaled(const egdi_index *idx, double *out, size_t n);

/**
 * @brief Effective (end-to-end) weights: the product of the rescaled weights
 * from the node up to its root (COINr's get_eff_weights). The effective
 * weights of the indicators of one root sum to 1, as do those of any level of
 * a balanced tree. Errors as egdi_weights_rescaled().
 * @since 1.4
 */
EGDI_API egdi_status egdi_weights_effective(const egdi_index *idx, double *out, size_t n);

/**
 * @brief The weights as a table: a new dataset with one row per node (code
 * and name), a label column "Parent" (empty for roots) and the numeric
 * columns "Level", "Weight" (as set in the index), "Rescaled" and
 * "Effective". Errors as egdi_weights_rescaled().
 * @since 1.4
 */
EGDI_API egdi_status egdi_weights_table(const egdi_index *idx, egdi_dataset **out);

/**
 * @brief Set the weights of an index from an array in node order (@p n ==
 * egdi_index_n_nodes()); NaN entries leave the node's weight as it is. All or
 * nothing: a negative or infinite weight (EGDI_ERR_INVALID_ARG naming the
 * node) or siblings that would all weigh 0 (EGDI_ERR_INVALID_INDEX naming the
 * parent) change nothing. PCA loadings can be negative: make them positive
 * (or choose another method) before setting them.
 * @since 1.4
 */
EGDI_API egdi_status egdi_weights_set(egdi_index *idx, const double *weights, size_t n);

/**
 * @brief Equal weights: set the weight of every node at @p level (1 =
 * indicators; 0 = every node) to 1, so that siblings weigh the same.
 * EGDI_ERR_INVALID_ARG if @p level is negative or above the highest level.
 * @since 1.4
 */
EGDI_API egdi_status egdi_weights_set_equal(egdi_index *idx, int level);

/* ---- which nodes the data-driven methods weigh ---- */

/** @brief Layout version of ::egdi_weights_options. @since 1.4 */
#define EGDI_WEIGHTS_OPTIONS_VERSION 1

/**
 * @brief Which nodes egdi_weights_pca() and egdi_weights_entropy() weigh:
 * the nodes at @p level below @p under, one group per parent (the children
 * of each aggregate are weighed together, as COINr's get_PCA(by_groups =
 * TRUE)). Initialise with egdi_weights_options_init(). @since 1.4
 */
typedef struct egdi_weights_options {
    unsigned version; /**< EGDI_WEIGHTS_OPTIONS_VERSION */
    int level;        /**< level of the weighed nodes (egdi_index_node_level()); default 1 */
    const char *under;/**< an aggregate: only the groups below it; NULL (default) = all */
} egdi_weights_options;

/** @brief Initialiser of the current version. @since 1.4 */
#define EGDI_WEIGHTS_OPTIONS_INIT {EGDI_WEIGHTS_OPTIONS_VERSION, 1, NULL}

/**
 * @brief Fill version @p version (1 .. EGDI_WEIGHTS_OPTIONS_VERSION) of
 * @p opts with the defaults. @since 1.4
 */
EGDI_API egdi_status egdi_weights_options_init_version(egdi_weights_options *opts,
                                                       unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.4 */
#define egdi_weights_options_init(opts) \
    ((void)egdi_weights_options_init_version((opts), EGDI_WEIGHTS_OPTIONS_VERSION))
#endif

/* ---- principal components ---- */

/**
 * @brief Principal components of the columns of a row-major @p n_rows x
 * @p n_cols matrix, as R's prcomp(center = TRUE, scale. = TRUE) on its
 * complete rows (rows with a NaN are left out): each column is centred and
 * divided by its sample standard deviation (n - 1); the eigenvectors of their
 * correlation matrix (GSL's symmetric QR) are the loadings, the square roots
 * of its eigenvalues the standard deviations (0 for a rank-deficient matrix).
 *
 * Components come by decreasing variance. A component's sign is arbitrary
 * (prcomp's comes from LAPACK); libegdi makes the sum of each component's
 * loadings positive (if it is 0 within rounding, its first non-zero
 * loading), so that the first component, used as weights, is mostly positive.
 *
 * @param rotation out, @p n_cols x @p n_cols row-major: rotation[i * n_cols +
 *        k] = loading of column i on component k (prcomp's $rotation).
 * @param sdev out, @p n_cols: the standard deviation of each component
 *        (prcomp's $sdev); its square over @p n_cols is the share of
 *        variance explained.
 * @param n_used optional out: number of complete rows.
 * @return EGDI_ERR_DATA if fewer than n_cols + 1 rows are complete;
 *         EGDI_ERR_DOMAIN if a column is constant over them or its variance
 *         overflows (naming the column); EGDI_ERR_INVALID_ARG for infinite
 *         values or no columns.
 * @since 1.4
 */
EGDI_API egdi_status egdi_pca(const double *x, size_t n_rows, size_t n_cols, double *rotation,
                              double *sdev, size_t *n_used);

/**
 * @brief PCA weights (COINr's get_PCA): one PCA per group of the nodes at
 * opts->level (the children of one aggregate), on the group's complete rows
 * of @p values; each node's weight is its loading on the first component.
 * The loadings are not rescaled and can be negative (COINr's weights are
 * these loadings, with prcomp's arbitrary sign).
 * @param values a numeric column per weighed node, named by its code.
 * @param weights out, @p n == egdi_index_n_nodes(): the loadings of the
 *        weighed nodes, NaN for the others.
 * @param loadings optional out: a new dataset, one row per weighed node
 *        (group by group), a label column "Group" (the parent's code) and
 *        numeric columns "PC1" .. "PCk" (k = the largest group; NaN beyond a
 *        node's group size).
 * @param variance optional out: a new dataset, one row per group and
 *        component (code "<group>.PC<k>"), a label column "Group" and numeric
 *        columns "Component", "SD", "Variance" (share of variance explained)
 *        and "Rows" (complete rows used).
 * @return EGDI_ERR_NOT_FOUND if a column is missing or no node is at the
 *         level below opts->under; the errors of egdi_pca() prefixed with the
 *         group's code.
 * @since 1.4
 */
EGDI_API egdi_status egdi_weights_pca(const egdi_index *idx, const egdi_dataset *values,
                                      const egdi_weights_options *opts, double *weights,
                                      size_t n, egdi_dataset **loadings,
                                      egdi_dataset **variance);

/* ---- entropy ---- */

/**
 * @brief Entropy weights of the columns of a row-major @p n_rows x @p n_cols
 * matrix of non-negative values, on its m complete rows (the entropy weight
 * method): p_ij = x_ij / sum_i x_ij, e_j = -(1 / ln m) sum_i p_ij ln p_ij
 * with 0 ln 0 = 0, d_j = 1 - e_j, w_j = d_j / sum_k d_k. A column spread
 * evenly (all values equal) gets weight 0; a column concentrated on one unit
 * gets the most. Use normalised data (e.g. min-max): the method is not
 * invariant to shifts of a column.
 * @param weights out, @p n_cols, summing to 1.
 * @param entropy optional out, @p n_cols: e_j (0 .. 1).
 * @param n_used optional out: number of complete rows.
 * @return EGDI_ERR_DOMAIN for a negative value (naming row and column) or
 *         an all-zero column; EGDI_ERR_DATA if fewer than 2 rows are
 *         complete or every column is spread evenly (every d_j is 0);
 *         EGDI_ERR_INVALID_ARG for infinite values or no columns.
 * @since 1.4
 */
EGDI_API egdi_status egdi_entropy_weights(const double *x, size_t n_rows, size_t n_cols,
                                          double *weights, double *entropy, size_t *n_used);

/**
 * @brief Entropy weights of each group of nodes at opts->level, as
 * egdi_entropy_weights() on the group's complete rows of @p values; the
 * weights of each group sum to 1.
 * @param weights out, @p n == egdi_index_n_nodes(); NaN for nodes not weighed.
 * @param details optional out: one row per weighed node, label column
 *        "Group", numeric "Entropy", "Diversity" (1 - entropy), "Weight",
 *        "Rows".
 * @return as egdi_weights_pca(); EGDI_ERR_DOMAIN names the node and unit of
 *         a negative value.
 * @since 1.4
 */
EGDI_API egdi_status egdi_weights_entropy(const egdi_index *idx, const egdi_dataset *values,
                                          const egdi_weights_options *opts, double *weights,
                                          size_t n, egdi_dataset **details);

/* ---- optimised weights ---- */

/** @brief What egdi_weights_optimise() aims at. @since 1.4 */
typedef enum egdi_opt_goal {
    /** the normalised correlations c_i / sum c match the normalised targets:
     *  minimise log(mean((t_i - c_i / sum c)^2)) (COINr's optype "balance") */
    EGDI_OPT_BALANCE = 0,
    /** maximise the sum of the correlations: minimise -sum c_i (COINr's "infomax") */
    EGDI_OPT_INFOMAX = 1
} egdi_opt_goal;

/** @brief Layout version of ::egdi_weights_opt_options. @since 1.4 */
#define EGDI_WEIGHTS_OPT_OPTIONS_VERSION 1

/**
 * @brief Options of egdi_weights_optimise(). Initialise with
 * egdi_weights_opt_options_init(). @since 1.4
 */
typedef struct egdi_weights_opt_options {
    unsigned version;      /**< EGDI_WEIGHTS_OPT_OPTIONS_VERSION */
    int level;             /**< level whose weights are optimised; default 2 */
    egdi_opt_goal goal;    /**< default EGDI_OPT_BALANCE */
    /** relative target importances of the level's nodes in node order
     *  (n_targets of them, >= 0, not all 0); NULL (default) = equal */
    const double *targets;
    size_t n_targets;
    /** starting weights of the level's nodes in node order; NULL (default) =
     *  the targets (balance, as COINr) or the index's weights (infomax) */
    const double *start;
    size_t n_start;
    /** convergence: the simplex size (GSL multimin, in units of weights
     *  summing to 1) below which the search stops; 0 = default 1e-6 */
    double tolerance;
    /** iterations at most; default 500; 0 = only evaluate the start */
    size_t max_iter;
} egdi_weights_opt_options;

/** @brief Initialiser of the current version. @since 1.4 */
#define EGDI_WEIGHTS_OPT_OPTIONS_INIT \
    {EGDI_WEIGHTS_OPT_OPTIONS_VERSION, 2, EGDI_OPT_BALANCE, NULL, 0, NULL, 0, 0.0, 500}

/** @brief Fill version @p version of @p opts with the defaults. @since 1.4 */
EGDI_API egdi_status egdi_weights_opt_options_init_version(egdi_weights_opt_options *opts,
                                                           unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.4 */
#define egdi_weights_opt_options_init(opts) \
    ((void)egdi_weights_opt_options_init_version((opts), EGDI_WEIGHTS_OPT_OPTIONS_VERSION))
#endif

/** @brief Layout version of ::egdi_weights_opt_report. @since 1.4 */
#define EGDI_WEIGHTS_OPT_REPORT_VERSION 1

/**
 * @brief How the search went. Set @p version to
 * EGDI_WEIGHTS_OPT_REPORT_VERSION before the call. @since 1.4
 */
typedef struct egdi_weights_opt_report {
    unsigned version;        /**< EGDI_WEIGHTS_OPT_REPORT_VERSION */
    int converged;           /**< 1 if the simplex shrank below the tolerance */
    size_t iterations;       /**< Nelder-Mead iterations */
    size_t evaluations;      /**< objective evaluations (each re-aggregates the index) */
    double start_objective;  /**< the objective at the start */
    double objective;        /**< the objective at the returned weights */
    double size;             /**< the final simplex size */
} egdi_weights_opt_report;

/**
 * @brief Optimised weights (COINr's get_opt_weights): the weights of the
 * nodes at opts->level such that their correlations (Pearson, over the units
 * where both have a value) with their root, after re-aggregating the index
 * on @p data with those weights, meet opts->goal.
 *
 * The search is GSL's Nelder-Mead simplex (nmsimplex2) on x, one entry per
 * node of the level, started at opts->start with steps of 0.1 times its
 * largest entry (as R's optim); the trial weights are |x_i| / sum |x_j|
 * (COINr's are x / sum x, which may go negative); (sum |x_j| - 1)^2 is added
 * to the objective to fix the scale of x, which the weights do not depend on
 * (it is 0 at the returned weights). It stops when the simplex
 * is smaller than opts->tolerance (converged = 1) or after opts->max_iter
 * iterations (converged = 0). COINr's default (optim's reltol = 0.1) stops
 * after a few evaluations, far from the optimum. The correlations reported
 * are those at the returned weights. A balance objective of exactly 0
 * squared error is taken as log(DBL_MIN); a trial where a correlation is not
 * defined (a constant aggregate) scores 1e10.
 *
 * @param data the index's input data (as egdi_compute()).
 * @param weights out, @p n == egdi_index_n_nodes(): the optimised weights of
 *        the level's nodes, summing to 1 over the level; NaN for the others.
 * @param report optional out (set its version first).
 * @param details optional out: one row per node of the level: numeric
 *        "Target" (normalised), "Start" (normalised starting weight),
 *        "Weight", "Correlation" and "Share" (correlation / sum of the
 *        level's correlations).
 * @return EGDI_ERR_INVALID_ARG if the level has fewer than 2 nodes or the
 *         targets or start do not fit it; errors of egdi_plan_new() and of the
 *         evaluation at the start.
 * @since 1.4
 */
EGDI_API egdi_status egdi_weights_optimise(const egdi_index *idx, const egdi_dataset *data,
                                           const egdi_weights_opt_options *opts, double *weights,
                                           size_t n, egdi_weights_opt_report *report,
                                           egdi_dataset **details);

#ifdef __cplusplus
}
#endif

#endif
