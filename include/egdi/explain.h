/**
 * @file explain.h
 * @brief What a score is made of: the gap between two units split into each
 * component's and indicator's contribution, and a unit's strengths and
 * weaknesses (the parts it ranks much better or worse than overall).
 *
 * @warning Experimental (since 1.3): these functions may change in a minor
 * release.
 *
 * **Gap decomposition.** For an aggregate P computed as the weighted
 * arithmetic mean of its children (weights w_k renormalised to sum 1), then
 * an affine normalisation (none, z-score, min-max, fraction of the maximum,
 * goalposts), the gap between unit A and B is
 *
 *     P_A - P_B = s_P * d_P * sum_k w_k (c_kA - c_kB)
 *
 * where d_P is P's direction and s_P the slope of its normalisation between
 * the two units, (P_A - P_B) / (T_A - T_B) with T the value before
 * normalisation (EGDI_STAGE_TREATED; 1 without normalisation, 1 / (max - min)
 * for min-max, 1 / sd for the z-score, the same for every pair of units
 * except where goalposts clip). Applied down the tree, each node's
 * contribution to the root gap is its own gap times its **effective weight**,
 * the product of w_k * s_P * d_P along its path; the contributions of a node's
 * children sum to the node's contribution, and those of the indicators (or of
 * any level) to the root gap, exactly up to rounding (1e-15 relative).
 *
 * For the Survey: EGDI gap = sum_c w_c (c_A - c_B) with the edition's weights;
 * with raw input, from 2012, an indicator k of the TII or HCI contributes
 * w_c * w_k * (z_kA - z_kB) / (max - min), z its z-score and max, min those of
 * the component's mean of z-scores; before 2012, w_c * w_k * (s_kA - s_kB),
 * s_k the indicator's score (x / max for the TII, x / 100 for the HCI).
 *
 * The decomposition is exact only for weighted arithmetic means. An index
 * with another aggregation under the root (the weighted geometric mean) is
 * refused with EGDI_ERR_UNSUPPORTED, as is an aggregate whose value is not
 * the weighted mean of its children for one of the two units (a cap on the
 * aggregate that clips it, or a child without a value under a MinShare below
 * 1: the two units' weights then differ), naming the node and unit.
 *
 * **Strengths and weaknesses** follow COINr's get_str_weak(): at each depth
 * below the root (1 = the root's children, e.g. the OSI, TII and HCI; 2 = their
 * indicators), the nodes that have a rank for the unit are sorted by it
 * (best first, ties in tree order). A node is a **strength** if it is among
 * the first @c top_n and ranks at least @c min_rank_gap places better than the
 * unit's overall (root) rank; a **weakness** if it is among the last
 * @c bottom_n and ranks at least @c min_rank_gap places worse. With
 * @c min_discard, a node where the unit has the node's worst rank (e.g. tied
 * at a floor of zeros) is never a strength. Ranks are competition ranks
 * (1, 2, 2, 4) of each node's score over the units that have one.
 */
#ifndef EGDI_EXPLAIN_H
#define EGDI_EXPLAIN_H

#include "common.h"
#include "dataset.h"
#include "index.h"
#include "survey.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What the unit is compared with (experimental). @since 1.3 */
typedef enum egdi_versus {
    /** The unweighted mean of a group of units: every unit with a root score
     *  (the "World" average), or those with a label (group_column,
     *  group_label). Node by node, the mean of the members' values. */
    EGDI_VERSUS_MEAN = 0,
    /** Another unit (egdi_explain_options::versus_unit). */
    EGDI_VERSUS_UNIT = 1,
    /** The best unit by the root's rank other than the unit itself (the
     *  first in data order among tied units). */
    EGDI_VERSUS_BEST = 2
} egdi_versus;

/** @brief Layout version of ::egdi_explain_options. @since 1.3 */
#define EGDI_EXPLAIN_OPTIONS_VERSION 1

/**
 * @brief Choices of egdi_explain() (experimental). Initialise with
 * egdi_explain_options_init() or ::EGDI_EXPLAIN_OPTIONS_INIT. @since 1.3
 */
typedef struct egdi_explain_options {
    unsigned version;          /**< EGDI_EXPLAIN_OPTIONS_VERSION */
    /** The node whose gap is decomposed and whose rank is the overall rank;
     *  NULL = the index's root (an index with several roots must name one). */
    const char *root;
    egdi_versus versus;        /**< default EGDI_VERSUS_MEAN (of all units) */
    /** EGDI_VERSUS_UNIT: the other unit's code (or name). */
    const char *versus_unit;
    /** EGDI_VERSUS_MEAN: a label column of the data (e.g. "region"); NULL =
     *  all units with a root score. */
    const char *group_column;
    /** EGDI_VERSUS_MEAN with group_column: the label of the group (e.g.
     *  "Asia"); NULL = the unit's own label. */
    const char *group_label;
    /** Decimals the scores are rounded to before ranking: -1 = unrounded,
     *  0..15; -2 (default) = unrounded in egdi_explain(), the edition's rank
     *  precision in egdi_survey_explain(). */
    int rank_decimals;
    size_t top_n;              /**< strengths: among the first top_n per depth (default 3) */
    size_t bottom_n;           /**< weaknesses: among the last bottom_n per depth (default 3) */
    /** Places by which a node's rank must beat (strength) or trail
     *  (weakness) the overall rank; >= 1, default 5. */
    int min_rank_gap;
    /** Non-zero (default): a node where the unit has the worst rank is
     *  never a strength. */
    int min_discard;
    /** egdi_survey_explain() only: the Survey options the edition is computed
     *  with, as egdi_survey_compute_ex() takes them (the data's checks and
     *  their overrides, drop_absent_indicators, imputation, the rank
     *  precision when rank_decimals is -2); NULL = the defaults. Ranks within
     *  groups, component ranks, thresholds and the quantile type do not
     *  matter here. */
    const egdi_survey_options *survey;
} egdi_explain_options;

/** @brief Initialiser of the current version:
 *  `egdi_explain_options o = EGDI_EXPLAIN_OPTIONS_INIT;` */
#define EGDI_EXPLAIN_OPTIONS_INIT \
    {EGDI_EXPLAIN_OPTIONS_VERSION, NULL, EGDI_VERSUS_MEAN, NULL, NULL, NULL, -2, 3, 3, 5, 1, NULL}

/**
 * @brief Fill the fields of @p version (1 .. EGDI_EXPLAIN_OPTIONS_VERSION) of
 * @p opts with the defaults and set its version (experimental). @since 1.3
 * @return EGDI_ERR_INVALID_ARG for NULL or an unknown version.
 */
EGDI_EXPERIMENTAL egdi_status egdi_explain_options_init_version(egdi_explain_options *opts,
                                                                unsigned version);
#if !defined(SWIG)
/** @brief Fill @p opts with the defaults of the current version. */
#define egdi_explain_options_init(opts) \
    egdi_explain_options_init_version((opts), EGDI_EXPLAIN_OPTIONS_VERSION)
#endif

/**
 * @brief Explain unit @p unit's score of an index computed on @p data
 * (experimental). @since 1.3
 *
 * The index is compiled and evaluated on the plan/eval engine (plan.h); the
 * node values are its stage buffers. Either output may be NULL.
 *
 * @p gap (rows: the root and every node below it, in tree order, each child
 * after its parent; unit code = node code, name = node name): label columns
 * @c parent, @c unit (the unit's code) and @c versus (the other unit's code,
 * "World", or the group's label); numeric @c depth (0 = root), @c weight
 * (within the parent, renormalised to sum 1; NaN for the root),
 * @c effective_weight (contribution per unit of the node's own gap),
 * @c value_a, @c value_b (the node's scores; for a group, their mean),
 * @c gap (value_a - value_b), @c contribution (to the root gap), @c share
 * (contribution / root gap; NaN when the gap is 0), @c input_a, @c input_b
 * (an indicator's value that its score is computed from, i.e. after
 * imputation: a value the index imputes shows as the imputed one, as the
 * scores value_a, value_b and the contributions use it; for a group, the mean
 * over its members; NaN for aggregates).
 *
 * Against a group's mean, every member (a unit with a root score) must have a
 * value at every node below the root, so that each node's mean is a mean of
 * the same units and the means add up as the units' values do: with an index
 * that imputes, the imputed values count like the others; a member without a
 * node's score (an aggregate with a MinShare below 1) is refused with
 * EGDI_ERR_DATA naming it.
 *
 * @p strengths (the same rows): label columns @c parent, @c unit and
 * @c label ("strength", "weakness" or ""); numeric @c depth, @c value (the
 * unit's score), @c rank (NaN where the unit has no value), @c n_ranked
 * (units with a rank), @c overall_rank (the root's rank), @c difference
 * (overall_rank - rank: positive = better than overall).
 *
 * @param idx    the index definition
 * @param data   the data it is computed on
 * @param unit   code (or, failing that, name) of the unit explained
 * @param opts   options; NULL = defaults
 * @param gap    out: the gap decomposition, or NULL to skip it
 * @param strengths out: strengths and weaknesses, or NULL to skip them
 * @return EGDI_OK; EGDI_ERR_NOT_FOUND for an unknown unit, node or label
 * column (naming it); EGDI_ERR_INVALID_ARG for the unit compared with itself,
 * an option out of range, or both outputs NULL; EGDI_ERR_DATA for a unit
 * without a root score or an empty group; EGDI_ERR_UNSUPPORTED for an index
 * the decomposition is not exact for (see above); errors of egdi_plan_new()
 * and egdi_eval_run().
 */
EGDI_EXPERIMENTAL egdi_status egdi_explain(const egdi_index *idx, const egdi_dataset *data,
                                           const char *unit, const egdi_explain_options *opts,
                                           egdi_dataset **gap, egdi_dataset **strengths);

/**
 * @brief egdi_explain() on a Survey edition's index as
 * egdi_survey_compute_ex() computes it with the survey options of @p opts
 * (egdi_explain_options::survey; NULL = defaults: no imputation, so a unit
 * missing a component or indicator has no EGDI), ranking on the edition's
 * rank precision unless @p opts says otherwise (experimental). @since 1.3
 *
 * The data is checked first as egdi_survey_compute_ex() checks it and
 * refused likewise: EGDI_ERR_DATA for data of another edition (its
 * survey_year; allow_edition_mismatch allows it), components outside [0, 1]
 * (allow_out_of_range), no units, or a column without any value. With
 * imputation, a unit without any observed indicator is not assessed
 * (EGDI_ERR_DATA), as it has no rank in the ranking table. Otherwise the
 * errors of egdi_explain() and egdi_survey_compute_ex().
 */
EGDI_EXPERIMENTAL egdi_status egdi_survey_explain(int edition, egdi_survey_input input,
                                                  const egdi_dataset *data, const char *unit,
                                                  const egdi_explain_options *opts,
                                                  egdi_dataset **gap,
                                                  egdi_dataset **strengths);

#ifdef __cplusplus
}
#endif

#endif
