/**
 * @file index.h
 * @brief Hierarchical composite-index definitions: a forest of nodes with
 * indicators at the leaves and aggregates above, each with its own methods.
 *
 * Every node is computed the same way, bottom-up, for all units at once, in
 * stages:
 *
 *   1. gather:    leaf: the data column named by its source (default: its code),
 *                 divided by its denominator column if it has one (1.4);
 *   2. impute:    leaf: missing values filled by its imputation (default none);
 *      aggregate: the chosen aggregation of its children's outputs, weighted
 *                 by the children's weights, over the children that have a
 *                 value (their weights renormalised to sum 1); missing when
 *                 the share of children with a value is below the node's
 *                 MinShare (0 = any one child suffices);
 *   3. treat:     value = direction * outliers(clamp(value, cap_lower, cap_upper)),
 *                 outliers() the indicator's outlier treatment (::egdi_treat,
 *                 1.4; default none);
 *   4. normalise: output = normalisation(value), fitted over the units that
 *                 have a value; a missing value stays missing.
 *
 * Methods are chosen per node from the method registry (method.h), so any
 * index, not only the EGDI, can be built.
 */
#ifndef EGDI_INDEX_H
#define EGDI_INDEX_H

#include "common.h"
#include "method.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Opaque index definition. */
typedef struct egdi_index egdi_index;

/** @brief Per-node normalisation (step 4). Values are stable ABI. */
typedef enum egdi_norm {
    EGDI_NORM_NONE = 0,      /**< output = value */
    /** (x - mean(x)) / sd(x) * sd + mean; params {mean, sd, sd_type}, default
     *  {0, 1, 0}. sd_type is a keyword: 0 = "population" (divide the squares
     *  by n; the Survey's), 1 = "sample" (by n - 1; COINr's n_zscore); in
     *  parameter text "sd_type=sample" (the word is what is written). */
    EGDI_NORM_ZSCORE = 1,
    /** lo + (x - min) / (max - min) * (hi - lo); params {lo, hi}, default {0, 1}. */
    EGDI_NORM_MINMAX = 2,
    /** Fixed goalposts, not data-driven; params {lo, hi, scale, trunc}, lo and
     *  hi required (lo < hi), scale default 1, trunc default 1. lo and hi are
     *  in the indicator's own units (before its direction, as COINr's
     *  n_goalposts): the score is (x - lo) / (hi - lo) * scale, or
     *  (hi - x) / (hi - lo) * scale for direction -1; with trunc = 1 it is
     *  clamped to [0, scale] (COINr's trunc2posts), with trunc = 0 not. */
    EGDI_NORM_GOALPOSTS = 3,
    /** x / max(x) over units; no params. */
    EGDI_NORM_FRACMAX = 4,
    /* since 1.4 (the COINr methods; each documented in the registry, egdi_method_get_info()) */
    EGDI_NORM_RANK = 5,      /**< rank, ascending, ties min */
    EGDI_NORM_PRANK = 6,     /**< percentile rank (rank - 1) / (n - 1) */
    EGDI_NORM_BORDA = 7,     /**< Borda score rank - 1 */
    EGDI_NORM_DIST2MAX = 8,  /**< distance to the maximum */
    EGDI_NORM_DIST2REF = 9,  /**< distance to a reference unit */
    EGDI_NORM_DIST2TARG = 10,/**< distance to a target */
    EGDI_NORM_SCALED = 11,   /**< (x - lower) / (upper - lower) * scale, not clipped */
    EGDI_NORM_BOXCOX = 12,   /**< Box-Cox transform */
    EGDI_NORM_LOG = 13       /**< log transform */
} egdi_norm;

/** @brief Aggregation of an aggregate's children (stage 2). Values are stable ABI. */
typedef enum egdi_agg {
    EGDI_AGG_MEAN = 0,     /**< weighted arithmetic mean */
    EGDI_AGG_GEOMEAN = 1,  /**< weighted geometric mean; every input must be > 0 */
    /* since 1.4 (each documented in the registry, egdi_method_get_info()) */
    EGDI_AGG_HARMEAN = 2,  /**< weighted harmonic mean */
    EGDI_AGG_GENMEAN = 3,  /**< weighted generalised (power) mean */
    EGDI_AGG_MEDIAN = 4,   /**< weighted median */
    EGDI_AGG_COPELAND = 5, /**< Copeland outranking score */
    EGDI_AGG_MPI = 6,      /**< Mazziotta-Pareto index */
    EGDI_AGG_AMPI = 7,     /**< adjusted Mazziotta-Pareto index */
    EGDI_AGG_BOD = 8       /**< Benefit-of-the-Doubt (linear programs, GLPK) */
} egdi_agg;

/**
 * @brief Imputation of an indicator's missing values (stage 2). Values are
 * stable ABI. @since 1.1
 */
typedef enum egdi_impute {
    EGDI_IMPUTE_NONE = 0,        /**< missing values stay missing */
    EGDI_IMPUTE_MEAN = 1,        /**< mean of the indicator over the units that have a value */
    EGDI_IMPUTE_MEDIAN = 2,      /**< median (mean of the two middle values for an even count) */
    EGDI_IMPUTE_GROUP_MEAN = 3,  /**< mean within the unit's group (a label column) */
    EGDI_IMPUTE_GROUP_MEDIAN = 4 /**< median within the unit's group */
} egdi_impute;

/** @brief Create an empty index. */
EGDI_API egdi_status egdi_index_new(egdi_index **out);
/** @brief Free; NULL is a no-op. */
EGDI_API void egdi_index_free(egdi_index *idx);
/** @brief Deep copy. */
EGDI_API egdi_status egdi_index_clone(const egdi_index *idx, egdi_index **out);

/**
 * @brief Add an indicator (leaf) under @p parent (an aggregate already in the
 * index, or NULL for a stand-alone indicator). Its source column defaults to
 * its code; direction +1; no cap; no normalisation.
 */
EGDI_API egdi_status egdi_index_add_indicator(egdi_index *idx, const char *code,
                                              const char *parent, double weight);
/** @brief Add an aggregate under @p parent (NULL = a root). Mean, no normalisation, MinShare 0. */
EGDI_API egdi_status egdi_index_add_aggregate(egdi_index *idx, const char *code,
                                              const char *parent, double weight);

/** @brief Set a node's display name. */
EGDI_API egdi_status egdi_index_set_name(egdi_index *idx, const char *code, const char *name);
/** @brief Set a node's weight within its parent (finite, >= 0). */
EGDI_API egdi_status egdi_index_set_weight(egdi_index *idx, const char *code, double weight);
/** @brief Set a node's direction: +1 (higher is better) or -1. */
EGDI_API egdi_status egdi_index_set_direction(egdi_index *idx, const char *code, int direction);
/** @brief Set the data column an indicator reads (indicators only). */
EGDI_API egdi_status egdi_index_set_source(egdi_index *idx, const char *code,
                                           const char *column);
/** @brief Set caps; NaN means no bound. lower must not exceed upper. */
EGDI_API egdi_status egdi_index_set_caps(egdi_index *idx, const char *code, double lower,
                                         double upper);
/** @brief Node i's caps (NaN = no bound); EGDI_ERR_RANGE if i is out of range. @since 1.4 */
EGDI_API egdi_status egdi_index_node_caps(const egdi_index *idx, size_t i, double *lower,
                                          double *upper);
/** @brief Set normalisation and its parameters (NULL/0 = defaults). */
EGDI_API egdi_status egdi_index_set_normalization(egdi_index *idx, const char *code,
                                                  egdi_norm method, const double *params,
                                                  size_t n_params);
/** @brief Set the aggregation of an aggregate. */
EGDI_API egdi_status egdi_index_set_aggregation(egdi_index *idx, const char *code,
                                                egdi_agg method);

/**
 * @brief Set the aggregation of an aggregate and its parameters, numbers in
 * the registry's order (NULL/0 = the defaults). mean, geomean, harmean,
 * median and copeland take none; genmean takes p (required), mpi sign, ampi
 * sign and midrange, bod wmin, wmax, rmin and rmax (egdi_method_get_param()
 * describes each). @since 1.1
 */
EGDI_API egdi_status egdi_index_set_aggregation_params(egdi_index *idx, const char *code,
                                                       egdi_agg method, const double *params,
                                                       size_t n_params);
/**
 * @brief Set a node's method for @p step by name, with parameters as text:
 * "lo=0 hi=100", or numbers in order ("0 100"), or NULL/"" for the defaults.
 * Names and parameters are those of the method registry (method.h); an
 * unknown name is EGDI_ERR_INVALID_INDEX with the valid names in the message.
 * For EGDI_STEP_IMPUTE the group methods need egdi_index_set_imputation().
 * @since 1.1
 */
EGDI_API egdi_status egdi_index_set_method(egdi_index *idx, const char *code, egdi_step step,
                                           const char *name, const char *params);
/**
 * @brief Set how an indicator's missing values are filled. The group methods
 * need @p group_column, the label column that defines the groups; the other
 * methods take NULL. @since 1.1
 */
EGDI_API egdi_status egdi_index_set_imputation(egdi_index *idx, const char *code,
                                               egdi_impute method, const char *group_column);
/**
 * @brief Set the share (0..1) of an aggregate's children that must have a
 * value for the aggregate to have one: 0 (the default) = any one child, 1 =
 * all children. Children with weight 0 do not count. @since 1.1
 */
EGDI_API egdi_status egdi_index_set_min_share(egdi_index *idx, const char *code, double share);

/**
 * @brief Outlier treatment of an indicator, in the treat stage (after
 * imputation and caps, before the direction). Values are stable ABI. The
 * methods and their parameters ("name=value" text, as the other methods):
 *   - "none": no treatment (the default of every indicator);
 *   - "winsorise" (winmax=5 skew=2 kurt=3.5 force=0): COINr's default
 *     Treat(): an indicator fails when |skewness| >= skew and excess
 *     kurtosis >= kurt (e1071 type 2); while it fails and fewer than winmax
 *     points are winsorised, the values equal to the maximum (skewness >= 0)
 *     or minimum take the next value; if it still fails, log(x - min +
 *     0.01 (max - min)) of the original values (COINr's log_CT), kept even if
 *     it still fails; force=1 winsorises winmax points even if it passes;
 *   - "log" (skew=2 kurt=3.5): log_CT always.
 * The report of what was done is egdi_result_get_treatment() (pipeline.h).
 * @since 1.4
 */
typedef enum egdi_treat {
    EGDI_TREAT_NONE = 0,      /**< no treatment */
    EGDI_TREAT_WINSORISE = 1, /**< winsorisation, then log_CT if still failing (COINr) */
    EGDI_TREAT_LOG = 2        /**< log_CT always */
} egdi_treat;

/**
 * @brief Set the outlier treatment of indicator @p code, or of every
 * indicator when @p code is NULL (an index-wide default), by method name
 * ("none", "winsorise", "log") and parameters as text ("winmax=5", numbers in
 * order, or NULL/"" for the defaults). An unknown method or parameter, or an
 * aggregate, is EGDI_ERR_INVALID_INDEX. @since 1.4
 */
EGDI_API egdi_status egdi_index_set_treatment(egdi_index *idx, const char *code,
                                              const char *method, const char *params);
/** @brief Treatment (::egdi_treat) of node i; -1 for an aggregate or out of range. @since 1.4 */
EGDI_API int egdi_index_node_treatment(const egdi_index *idx, size_t i);
/**
 * @brief The parameters of node i's treatment, defaults filled in; @p n must
 * equal egdi_treat_n_params() of its method. @since 1.4
 */
EGDI_API egdi_status egdi_index_node_treatment_params(const egdi_index *idx, size_t i,
                                                      double *out, size_t n);
/** @brief Name of treatment @p method ("none", "winsorise", "log"), or NULL. @since 1.4 */
EGDI_API const char *egdi_treat_name(int method);
/** @brief Number of parameters of treatment @p method (0 if unknown). @since 1.4 */
EGDI_API size_t egdi_treat_n_params(int method);
/** @brief Name of parameter @p k of treatment @p method, or NULL. @since 1.4 */
EGDI_API const char *egdi_treat_param_name(int method, size_t k);

/**
 * @brief Divide indicator @p code by the data column @p column before
 * anything else (COINr's Denominate(), ScaleFactor 1): the input of the
 * indicator becomes source / denominator. NULL or "" removes it. At compute
 * time a missing column is EGDI_ERR_NOT_FOUND; a unit with a value but a
 * zero (or infinite) denominator is EGDI_ERR_DOMAIN naming the unit and the
 * column (COINr would give Inf); a missing denominator makes the value
 * missing (as COINr: imputation may then fill it). @since 1.4
 */
EGDI_API egdi_status egdi_index_set_denominator(egdi_index *idx, const char *code,
                                                const char *column);
/** @brief Denominator column of node i, or NULL (none, an aggregate, out of range). @since 1.4 */
EGDI_API const char *egdi_index_node_denominator(const egdi_index *idx, size_t i);

/**
 * @brief Check the whole definition: every aggregate has children, sibling
 * weights are not all zero, at least one node. Returns EGDI_ERR_INVALID_INDEX
 * with a message naming the node otherwise. egdi_compute() validates too.
 */
EGDI_API egdi_status egdi_index_validate(const egdi_index *idx);

/** @brief Number of nodes. */
EGDI_API size_t egdi_index_n_nodes(const egdi_index *idx);
/** @brief Code of node i (nodes are kept in the order added), or NULL. */
EGDI_API const char *egdi_index_node_code(const egdi_index *idx, size_t i);
/** @brief Display name of node i (defaults to its code), or NULL. */
EGDI_API const char *egdi_index_node_name(const egdi_index *idx, size_t i);
/** @brief Parent code of node i; NULL for roots or out of range. */
EGDI_API const char *egdi_index_node_parent(const egdi_index *idx, size_t i);
/** @brief Source column of node i (indicators; NULL for aggregates). */
EGDI_API const char *egdi_index_node_source(const egdi_index *idx, size_t i);
/** @brief Position of a node by code. */
EGDI_API egdi_status egdi_index_find_node(const egdi_index *idx, const char *code, size_t *out);
/** @brief 1 if node i is an indicator, 0 if an aggregate, -1 if out of range. */
EGDI_API int egdi_index_node_is_indicator(const egdi_index *idx, size_t i);
/** @brief Weight of node i (NaN if out of range). */
EGDI_API double egdi_index_node_weight(const egdi_index *idx, size_t i);
/** @brief Level of node i: 1 for indicators, 1 + the highest child level for aggregates. */
EGDI_API int egdi_index_node_level(const egdi_index *idx, size_t i);
/** @brief Direction (+1 or -1) of node i (0 if out of range). @since 1.1 */
EGDI_API int egdi_index_node_direction(const egdi_index *idx, size_t i);
/**
 * @brief Method id of node i for @p step (-1 if out of range or the step does
 * not apply to the node). @since 1.1
 */
EGDI_API int egdi_index_node_method(const egdi_index *idx, size_t i, egdi_step step);
/**
 * @brief The parameters of node i's method for @p step, defaults filled in;
 * @p n must equal the method's number of parameters. @since 1.1
 */
EGDI_API egdi_status egdi_index_node_params(const egdi_index *idx, size_t i, egdi_step step,
                                            double *out, size_t n);
/** @brief MinShare of aggregate i (NaN for an indicator or out of range). @since 1.1 */
EGDI_API double egdi_index_node_min_share(const egdi_index *idx, size_t i);
/** @brief Group column of indicator i's imputation, or NULL. @since 1.1 */
EGDI_API const char *egdi_index_node_impute_group(const egdi_index *idx, size_t i);

/**
 * @brief Read a definition in the iMeta layout used by composite-indicator
 * practitioners (COINr). Required columns: iCode, Parent, Weight, Type
 * ("Indicator" or "Aggregate"; rows of other types such as "Group" or
 * "Other" are skipped). Optional: iName, Level, Direction (default 1),
 * Source, Normalisation, NormParams, CapLower, CapUpper, Aggregation,
 * AggParams, MinShare (0..1), Imputation and ImputeGroup (the label column of
 * the group methods); since 1.4 Treatment (none|winsorise|log, ::egdi_treat)
 * with TreatParams, and Denominator (applied only with
 * egdi_imeta_options::denominate, so not by this function). The methods and
 * their parameters are the registry's: egdi_method_get_info() and
 * egdi_method_get_param() enumerate them (method.h). Parameters are
 * "name=value" pairs ("lo=0 hi=100") or numbers in order ("0 100"); a keyword
 * parameter takes its word ("sd_type=sample") and dist2ref's ref a unit code
 * ("ref=KOR"), resolved against the data at compute time. Rows may come in
 * any order. Errors name the line and
 * column: unknown parent, cycle, childless aggregate, negative or all-zero
 * weights, direction not +/-1, duplicate codes, Level inconsistent with the
 * tree, unknown method or parameter.
 */
EGDI_API egdi_status egdi_index_read_csv(const char *path, egdi_index **out);
/** @brief As egdi_index_read_csv() from memory. */
EGDI_API egdi_status egdi_index_read_csv_buffer(const char *text, size_t len, egdi_index **out);
/**
 * @brief Write the definition in the same layout (atomically): one row per
 * node, every method with all its parameters as name=value (keywords as
 * their words, a unit given by code as that code), caps and MinShare; since
 * 1.4 also the columns Denominator, Treatment and TreatParams (an
 * indicator's treatment written even when it is "none"). Read back with
 * egdi_index_read_imeta() and egdi_imeta_options::denominate = 1 it gives the
 * same definition; egdi_index_read_csv() leaves the denominators out.
 */
EGDI_API egdi_status egdi_index_write_csv(const egdi_index *idx, const char *path);

/** @brief Layout version of ::egdi_imeta_options (2 since 1.4). @since 1.3 */
#define EGDI_IMETA_OPTIONS_VERSION 2

/**
 * @brief How egdi_index_read_imeta() fills what a file leaves open.
 * Initialise with egdi_imeta_options_init(). @since 1.3
 */
typedef struct egdi_imeta_options {
    unsigned version;          /**< EGDI_IMETA_OPTIONS_VERSION */
    /** Normalisation of the indicators whose row names none (no
     *  Normalisation column, or empty Normalisation and NormParams cells):
     *  a method name and its parameters as in the file, e.g.
     *  "minmax lo=0 hi=100" (what COINr's Normalise() does by default).
     *  NULL (default) = none. Aggregates are never given a default
     *  normalisation. */
    const char *normalisation;
    /** Aggregation of the aggregates whose row names none, e.g. "geomean";
     *  NULL (default) = the weighted arithmetic mean. */
    const char *aggregation;
    /* version 2 (1.4) */
    /** 1: divide each indicator by the data column its `Denominator` cell
     *  names (COINr's Denominate()); 0 (default): the column is read but not
     *  applied, with a note (COINr denominates only when asked). */
    int denominate;
    /** Outlier treatment of the indicators whose `Treatment` cell is empty
     *  (or that have no such column): a method and its parameters, e.g.
     *  "winsorise winmax=5" (COINr's Treat() defaults); NULL (default) =
     *  none. */
    const char *treatment;
} egdi_imeta_options;

/** @brief Initialiser of the current version:
 *  `egdi_imeta_options o = EGDI_IMETA_OPTIONS_INIT;` @since 1.3 */
#define EGDI_IMETA_OPTIONS_INIT {EGDI_IMETA_OPTIONS_VERSION, NULL, NULL, 0, NULL}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_IMETA_OPTIONS_VERSION) of
 * @p opts with the defaults and set its version; EGDI_ERR_INVALID_ARG for an
 * unknown version. @since 1.3
 */
EGDI_API egdi_status egdi_imeta_options_init_version(egdi_imeta_options *opts,
                                                     unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. @since 1.3 */
#define egdi_imeta_options_init(opts) \
    ((void)egdi_imeta_options_init_version((opts), EGDI_IMETA_OPTIONS_VERSION))
#endif

/**
 * @brief Notes from reading an iMeta file: what was ignored or assumed (one
 * line of text each, naming the line of the file where there is one). The
 * library never prints them; show them to the user. @since 1.3
 */
typedef struct egdi_imeta_notes egdi_imeta_notes;
/** @brief Number of notes (0 for NULL). @since 1.3 */
EGDI_API size_t egdi_imeta_notes_count(const egdi_imeta_notes *notes);
/** @brief Note @p i, or NULL if out of range. Valid until the notes are freed. @since 1.3 */
EGDI_API const char *egdi_imeta_note(const egdi_imeta_notes *notes, size_t i);
/** @brief Free; NULL is a no-op. @since 1.3 */
EGDI_API void egdi_imeta_notes_free(egdi_imeta_notes *notes);

/**
 * @brief Read an iMeta file as egdi_index_read_csv() does, with options, and
 * say what was ignored. Files exported from COINr load as they are: columns
 * the reader does not use (Unit, Target, ...), rows of Type
 * Group, Denominator and Other, and a root's Parent written "NA" are
 * ignored, each with a note, as is the absence of a Normalisation column
 * (COINr normalises by default; see egdi_imeta_options::normalisation).
 * Errors are those of egdi_index_read_csv(), naming the file, line and
 * column; an unknown default method or parameter in @p opts is
 * EGDI_ERR_INVALID_ARG.
 * @param opts NULL for the defaults.
 * @param notes optional: on success a new list of notes (possibly empty) to
 * free with egdi_imeta_notes_free(); NULL on failure.
 * @since 1.3
 */
EGDI_API egdi_status egdi_index_read_imeta(const char *path, const egdi_imeta_options *opts,
                                           egdi_index **out, egdi_imeta_notes **notes);
/**
 * @brief As egdi_index_read_imeta() from @p len bytes in memory; @p source
 * names them in messages (NULL = "<buffer>"). @since 1.3
 */
EGDI_API egdi_status egdi_index_read_imeta_buffer(const char *text, size_t len,
                                                  const char *source,
                                                  const egdi_imeta_options *opts,
                                                  egdi_index **out, egdi_imeta_notes **notes);

#ifdef __cplusplus
}
#endif

#endif
