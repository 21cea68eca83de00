/**
 * @file method.h
 * @brief The methods libegdi knows, by step: their names, parameters and
 * properties, enumerated from the library's one method registry.
 *
 * Every place that accepts a method by name (iMeta files, the `egdi` tool,
 * Python) uses these names, and error messages list the valid ones from the
 * same table. The numeric ids are the values of ::egdi_impute, ::egdi_norm and
 * ::egdi_agg (index.h) and are stable ABI.
 *
 * @since 1.1
 */
#ifndef EGDI_METHOD_H
#define EGDI_METHOD_H

#include <stddef.h>

#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The steps that take a method, in the order a node's data goes through them. */
typedef enum egdi_step {
    EGDI_STEP_IMPUTE = 0,    /**< fill missing indicator values (::egdi_impute) */
    EGDI_STEP_NORMALISE = 1, /**< bring a node's values to a common scale (::egdi_norm) */
    EGDI_STEP_AGGREGATE = 2  /**< combine an aggregate's children (::egdi_agg) */
} egdi_step;

/** @brief Method property: it is fitted on the data (statistics over all units). */
#define EGDI_METHOD_DATA_DRIVEN 1u
/** @brief Method property: every input value must be > 0. */
#define EGDI_METHOD_NEEDS_POSITIVE 2u
/** @brief Method property: it works within groups given by a label column. */
#define EGDI_METHOD_USES_GROUPS 4u

/** @brief Layout version of ::egdi_method_info. */
#define EGDI_METHOD_INFO_VERSION 1

/** @brief A method as the registry describes it. The caller sets @c version. */
typedef struct egdi_method_info {
    unsigned version;    /**< set by the caller to EGDI_METHOD_INFO_VERSION */
    egdi_step step;      /**< the step it belongs to */
    int id;              /**< its enum value (::egdi_norm, ::egdi_agg, ::egdi_impute) */
    const char *name;    /**< its name in iMeta files, the tool and Python, e.g. "minmax" */
    const char *summary; /**< one line, e.g. "lo + (x - min) / (max - min) * (hi - lo)" */
    size_t n_params;     /**< number of parameters */
    size_t n_required;   /**< the first n_required parameters have no default */
    unsigned flags;      /**< EGDI_METHOD_* properties */
} egdi_method_info;

/** @brief Layout version of ::egdi_param_info. */
#define EGDI_PARAM_INFO_VERSION 1

/** @brief One parameter of a method. The caller sets @c version. */
typedef struct egdi_param_info {
    unsigned version;     /**< set by the caller to EGDI_PARAM_INFO_VERSION */
    const char *name;     /**< as written in "name=value", e.g. "lo" */
    /** One line. A keyword parameter's summary begins with its words,
     *  separated by '|', then ':' ("population|sample: ..."): its value is
     *  the position of a word (0, 1, ...), and parameter text takes the word
     *  or the position (egdi_index_write_csv() writes the word). */
    const char *summary;
    double default_value; /**< NaN if the parameter is required */
    double lower;         /**< lowest allowed value (NaN = none) */
    double upper;         /**< highest allowed value (NaN = none) */
    int lower_open;       /**< 1 if the value must be strictly above @c lower */
} egdi_param_info;

/** @brief Number of methods in the registry (all steps). */
EGDI_API size_t egdi_method_count(void);
/** @brief Method @p i (0 .. egdi_method_count() - 1), grouped by step in step order. */
EGDI_API egdi_status egdi_method_get_info(size_t i, egdi_method_info *out);
/** @brief Parameter @p k of method @p i. */
EGDI_API egdi_status egdi_method_get_param(size_t i, size_t k, egdi_param_info *out);
/**
 * @brief The id of the method called @p name in @p step; EGDI_ERR_NOT_FOUND
 * with a message listing the valid names otherwise.
 */
EGDI_API egdi_status egdi_method_from_name(egdi_step step, const char *name, int *id);
/** @brief Name of method @p id of @p step, or NULL if there is none. */
EGDI_API const char *egdi_method_name(egdi_step step, int id);
/** @brief Name of a step: "impute", "normalise" or "aggregate" (NULL if unknown). */
EGDI_API const char *egdi_step_name(egdi_step step);

/*
 * Array-level methods: any method of the registry applied to plain arrays,
 * through the same fit and apply the index engine runs, so every method the
 * registry gains is available here too. Missing values are NaN. Parameters
 * are numbers in the registry's order (NULL/0 = the defaults), checked as
 * egdi_index_set_normalization() checks them; a keyword parameter is given as
 * its position (sd_type: 0 = population, 1 = sample) and a unit parameter
 * (dist2ref's ref) as the unit's 1-based position in the array. Messages name
 * the node "array" and units by their 1-based position ("unit '3'").
 * Values are finite or NaN: an infinite value is EGDI_ERR_DOMAIN ("unit '3' is
 * infinite"), as the index engine refuses it, before anything is written.
 * Where @p out may be the input (egdi_normalise_array(), egdi_impute_array()
 * with out == x), a call that fails later, while the method runs (e.g. a
 * value outside a transform's domain), may leave x partly overwritten: keep a
 * copy if the input must survive a failure.
 * Not wrapped by SWIG as such: Python has numpy versions (methods.i).
 */
#if !defined(SWIG)
/**
 * @brief Normalise @p n values with normalisation @p method (::egdi_norm).
 *
 * As the index engine does for a node, the values are first multiplied by
 * @p direction, then normalised; parameters given in the indicator's own
 * units (goalposts, scaled bounds, dist2targ's target) are interpreted with
 * that direction, as in an index.
 * @param method an ::egdi_norm value.
 * @param params @p n_params numbers (NULL if 0); the rest take defaults.
 * @param direction +1 or -1.
 * @param x @p n values (NaN = missing).
 * @param out @p n results (may be @p x).
 * @return EGDI_OK; EGDI_ERR_INVALID_ARG for NULL arrays, an unknown method or a
 * direction other than +/-1; EGDI_ERR_INVALID_INDEX for invalid parameters;
 * EGDI_ERR_DOMAIN where the method is undefined on the data (message names
 * the unit); EGDI_ERR_NOMEM.
 * @since 1.4
 */
EGDI_API egdi_status egdi_normalise_array(int method, const double *params, size_t n_params,
                                          int direction, const double *x, size_t n, double *out);
/**
 * @brief Aggregate @p n_kids children of @p n units with aggregation @p method
 * (::egdi_agg), as the index engine aggregates a node with MinShare 0 (any one
 * child with a value suffices; the weights of the children that have one are
 * renormalised).
 * @param values @p n x @p n_kids, row-major (unit by unit), NaN = missing.
 * @param weights @p n_kids weights (>= 0, not all 0), or NULL for equal weights.
 * @param out @p n results.
 * @return as egdi_normalise_array(); EGDI_ERR_INVALID_ARG if @p n_kids is 0 or a
 * weight is negative or not finite; EGDI_ERR_NO_CONVERGENCE if GLPK finds no
 * optimum or stops with a fatal error (::EGDI_AGG_BOD).
 *
 * ::EGDI_AGG_BOD (here and in an index) solves one GLPK linear program of
 * @p n rows per unit: time at least quadratic in @p n (2,000 units about a
 * second). GLPK keeps its state per thread: the call uses the thread's GLPK
 * environment if it has one (and never frees it; after a fatal GLPK error,
 * e.g. a glp_mem_limit() exceeded, it is left in GLPK's error state for its
 * owner to free), or creates one and frees it again. GLPK cannot report which
 * terminal and error hooks (glp_term_hook(), glp_error_hook()) are installed,
 * so the call replaces the thread's while it runs and leaves both
 * uninstalled when it returns: a program that installs its own GLPK hooks in
 * the same thread must install them again afterwards. Terminal output
 * (glp_term_out()) is restored.
 * @since 1.4
 */
EGDI_API egdi_status egdi_aggregate_array(int method, const double *params, size_t n_params,
                                          const double *values, size_t n, size_t n_kids,
                                          const double *weights, double *out);
/**
 * @brief Fill the missing values of @p n values with imputation @p method
 * (::egdi_impute).
 * @param groups the group of each unit (0, 1, ...; -1 = none) for the methods
 * that work within groups (EGDI_METHOD_USES_GROUPS), NULL otherwise.
 * @param out @p n results (may be @p x).
 * @param imputed optional: @p n flags, 1 where a value was filled.
 * @return as egdi_normalise_array(); EGDI_ERR_INVALID_ARG if @p groups is missing
 * for a group method, given for another, or holds a value below -1.
 * @since 1.4
 */
EGDI_API egdi_status egdi_impute_array(int method, const double *params, size_t n_params,
                                       const double *x, size_t n, const int *groups, double *out,
                                       int *imputed);
#endif

#ifdef __cplusplus
}
#endif

#endif
