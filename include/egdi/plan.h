/**
 * @file plan.h
 * @brief Compile an index against a dataset once, evaluate it many times.
 *
 * @warning Experimental (since 1.1): usable without any feature macro, but
 * these functions may change in a minor release.
 *
 * A **plan** is an index resolved against a dataset: the tree as arrays, the
 * source columns copied, the methods bound with checked parameters, the
 * working sizes known. It is immutable once made, so any number of threads
 * may share one plan. It keeps its own copy of the data it needs: the index
 * and the dataset may be changed or freed after egdi_plan_new().
 *
 * An **evaluation context** (egdi_eval) holds everything that changes: the
 * stage buffers of every node, the current weights and input values, the
 * fitted statistics, a dirty set and the scratch space for ranking. Each
 * thread uses its own contexts. egdi_eval_run() recomputes only what changed
 * since the last run: a weight change re-aggregates the node's parent and
 * everything above it; a value change re-runs that indicator's column
 * (imputation and normalisation are refitted, because their statistics move
 * with the value) and its ancestors. Nothing else is touched.
 * egdi_eval_run() and egdi_eval_rank() never allocate memory, with one
 * exception (since 1.4): an aggregate using the Benefit-of-the-Doubt method
 * (EGDI_AGG_BOD, "bod") builds its linear programs with GLPK, which allocates
 * them (and a few small index arrays) each time that node is recomputed, so a
 * run that recomputes such a node allocates and can fail with
 * EGDI_ERR_NOMEM. Indices without "bod" keep the guarantee.
 *
 * Node positions are those of the index (egdi_index_node_code()); unit
 * positions are those of the dataset.
 *
 * @code
 * egdi_plan *plan; egdi_eval *ev; size_t egdi, tii;
 * egdi_plan_new(idx, data, &plan);
 * egdi_plan_find_node(plan, "egdi", &egdi);
 * egdi_plan_find_node(plan, "tii", &tii);
 * egdi_eval_new(plan, &ev);
 * for (int r = 0; r < replications; r++) {
 *     egdi_eval_set_weight(ev, tii, 0.25 + 0.15 * uniform());
 *     egdi_eval_run(ev);
 *     egdi_eval_rank(ev, egdi, 4, ranks, n_units);
 * }
 * egdi_eval_free(ev);
 * egdi_plan_free(plan);
 * @endcode
 */
#ifndef EGDI_PLAN_H
#define EGDI_PLAN_H

#include "common.h"
#include "compute.h"
#include "dataset.h"
#include "index.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Opaque, immutable plan (experimental). */
typedef struct egdi_plan egdi_plan;
/** @brief Opaque evaluation context, one per thread (experimental). */
typedef struct egdi_eval egdi_eval;

/** @brief The stage buffers a node's values pass through (experimental). */
typedef enum egdi_stage {
    EGDI_STAGE_INPUT = 0,   /**< indicators: the input as gathered or set */
    EGDI_STAGE_IMPUTED = 1, /**< indicators: after imputation */
    EGDI_STAGE_TREATED = 2, /**< after aggregation (aggregates), caps and direction: the value
                                 normalised next (egdi_result_get_raw()) */
    EGDI_STAGE_SCORE = 3    /**< the node's output, after normalisation */
} egdi_stage;

/**
 * @brief Resolve @p idx against @p data. Validates the index, finds every
 * source column (EGDI_ERR_NOT_FOUND naming the indicator and column) and
 * every imputation group column, and copies what evaluation needs. Data
 * without units is EGDI_ERR_DATA; other refusals as egdi_compute().
 */
EGDI_EXPERIMENTAL egdi_status egdi_plan_new(const egdi_index *idx, const egdi_dataset *data,
                                            egdi_plan **out);
/** @brief Free; NULL is a no-op. Free the plan's contexts first. */
EGDI_EXPERIMENTAL void egdi_plan_free(egdi_plan *plan);
/** @brief Position of the node with this code (EGDI_ERR_NOT_FOUND if none). */
EGDI_EXPERIMENTAL egdi_status egdi_plan_find_node(const egdi_plan *plan, const char *code,
                                                  size_t *out);
/** @brief Position of the unit with this code (EGDI_ERR_NOT_FOUND if none). */
EGDI_EXPERIMENTAL egdi_status egdi_plan_find_unit(const egdi_plan *plan, const char *code,
                                                  size_t *out);
/** @brief Number of nodes. */
EGDI_EXPERIMENTAL size_t egdi_plan_n_nodes(const egdi_plan *plan);
/** @brief Number of units. */
EGDI_EXPERIMENTAL size_t egdi_plan_n_units(const egdi_plan *plan);
/** @brief Code of node i, or NULL. */
EGDI_EXPERIMENTAL const char *egdi_plan_node_code(const egdi_plan *plan, size_t i);
/** @brief Code of unit i, or NULL. */
EGDI_EXPERIMENTAL const char *egdi_plan_unit_code(const egdi_plan *plan, size_t i);

/** @brief A new context with the plan's weights and values; nothing computed yet. */
EGDI_EXPERIMENTAL egdi_status egdi_eval_new(const egdi_plan *plan, egdi_eval **out);
/** @brief Free; NULL is a no-op. */
EGDI_EXPERIMENTAL void egdi_eval_free(egdi_eval *ev);
/** @brief Back to the plan's weights and values (everything is recomputed on the next run). */
EGDI_EXPERIMENTAL egdi_status egdi_eval_reset(egdi_eval *ev);
/** @brief Set node @p node's weight within its parent (finite, >= 0). */
EGDI_EXPERIMENTAL egdi_status egdi_eval_set_weight(egdi_eval *ev, size_t node, double weight);
/** @brief The current weight of node @p node. */
EGDI_EXPERIMENTAL egdi_status egdi_eval_get_weight(const egdi_eval *ev, size_t node,
                                                   double *weight);
/**
 * @brief Set an indicator's input for one unit (before imputation); NaN
 * makes it missing. Infinite values are EGDI_ERR_INVALID_ARG.
 */
EGDI_EXPERIMENTAL egdi_status egdi_eval_set_value(egdi_eval *ev, size_t unit, size_t node,
                                                  double value);
/**
 * @brief Set an indicator's input for all units at once (@p n == number of
 * units); as egdi_eval_set_value() for each unit, in one call.
 */
EGDI_EXPERIMENTAL egdi_status egdi_eval_set_values(egdi_eval *ev, size_t node,
                                                   const double *values, size_t n);
/**
 * @brief Recompute what changed since the last run (everything on the first
 * run). Allocates nothing, unless a recomputed aggregate uses the
 * Benefit-of-the-Doubt method (EGDI_AGG_BOD; since 1.4), whose GLPK linear
 * programs are allocated for each recomputation of that node (see above). On
 * failure the nodes that could not be computed stay out of date and the
 * message names the node (and unit, and child).
 */
EGDI_EXPERIMENTAL egdi_status egdi_eval_run(egdi_eval *ev);
/**
 * @brief Copy node @p node's output for all units (@p n == number of units).
 * EGDI_ERR_INVALID_ARG if the node changed since the last egdi_eval_run().
 */
EGDI_EXPERIMENTAL egdi_status egdi_eval_get_scores(const egdi_eval *ev, size_t node, double *out,
                                                   size_t n);
/** @brief Copy one stage buffer of a node (see ::egdi_stage). */
EGDI_EXPERIMENTAL egdi_status egdi_eval_get_stage(const egdi_eval *ev, size_t node,
                                                  egdi_stage stage, double *out, size_t n);
/** @brief Which of an indicator's values were imputed (1) or not (0), for all units. */
EGDI_EXPERIMENTAL egdi_status egdi_eval_get_imputed(const egdi_eval *ev, size_t node, int *out,
                                                    size_t n);
/**
 * @brief Competition ranks ("1224") of node @p node's output, best = 1, into
 * @p ranks (@p n == number of units); missing values get 0. With @p decimals
 * 0..15 the values are first rounded half away from zero (as egdi_round());
 * -1 ranks them unrounded. Allocates nothing.
 */
EGDI_EXPERIMENTAL egdi_status egdi_eval_rank(egdi_eval *ev, size_t node, int decimals, int *ranks,
                                             size_t n);

#ifdef __cplusplus
}
#endif

#endif
