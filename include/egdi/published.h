/**
 * @file published.h
 * @brief The published EGDI and rank of a Data Center export next to the
 * recomputed ones, with a flag where they differ and the reason; or the
 * ranking on the published EGDI itself.
 * @since 1.3
 */
#ifndef EGDI_PUBLISHED_H
#define EGDI_PUBLISHED_H

#include "common.h"
#include "dataset.h"
#include "survey.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief What egdi_survey_compute_published() does beyond egdi_survey_compute_ex().
 *  Flags; combine with |. @since 1.3 */
typedef enum egdi_published_flags {
    /** Append the columns egdi_published, rank_published, published_diff and
     *  published_note (see egdi_survey_compute_published()). */
    EGDI_PUBLISHED_COLUMNS = 1,
    /** Rank on the published EGDI: the egdi column holds the published values,
     *  and rank, group, rating_class and the ranks within groups
     *  (egdi_survey_options::rank_within) follow from them, with the edition's
     *  (or the options') precision, thresholds and quantile type. */
    EGDI_PUBLISHED_RANK = 2
} egdi_published_flags;

/**
 * @brief The ranking table of an edition (egdi_survey_compute_ex() on the
 * published components, ::EGDI_INPUT_COMPONENTS) with the published figures.
 *
 * @p data is a Data Center export as egdi_survey_read_un_csv() reads it: it
 * needs the numeric columns egdi_published and rank_published (otherwise
 * EGDI_ERR_NOT_FOUND naming the missing one).
 *
 * With ::EGDI_PUBLISHED_COLUMNS the table gains, after its other columns:
 * - egdi_published, rank_published: as published (missing for units not assessed);
 * - published_diff: "" where the table agrees with the publication, else
 *   "egdi" (the EGDI differs at the edition's published precision), "rank", or
 *   "egdi+rank";
 * - published_note: why, derived from the data, "" where they agree:
 *   - "source anomaly: ..." — the unit's published EGDI is not the edition's
 *     weighted mean of its published components beyond rounding: the
 *     difference exceeds half a unit of the EGDI's last decimal plus the
 *     weighted half-units of the components' decimals (the decimals each
 *     component column of @p data actually carries, at most 6);
 *   - "near tie: ..." — the published EGDI equals another unit's at the
 *     edition's precision while their published ranks differ (the Survey
 *     ranked finer values, 2020), naming that unit;
 *   - "moved by X's source anomaly: ..." — the unit's own figures agree, but a
 *     unit X with a source anomaly lies between its published and recomputed
 *     positions (X's published and recomputed EGDI enclose the unit's EGDI);
 *   - "unexplained" — none of these.
 *
 * With ::EGDI_PUBLISHED_RANK the table ranks on the published EGDI; the
 * columns above then compare the published ranks with the ranks of the
 * published EGDI (they differ only where the Survey did not rank its own
 * published values, e.g. the 2020 ties).
 *
 * The reasons cost O(n log n) plus, for each differing rank, a pass over the
 * units with a source anomaly.
 * @param opts NULL = defaults (as for egdi_survey_compute_ex()).
 * @param flags a combination of ::egdi_published_flags (0 = the plain table).
 * @since 1.3
 */
EGDI_API egdi_status egdi_survey_compute_published(int edition, const egdi_dataset *data,
                                                   const egdi_survey_options *opts,
                                                   unsigned flags, egdi_dataset **out);

#ifdef __cplusplus
}
#endif

#endif
