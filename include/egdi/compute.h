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
 * and allocates nothing.
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

#ifdef __cplusplus
}
#endif

#endif
