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
    const char *summary;  /**< one line */
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

#ifdef __cplusplus
}
#endif

#endif
