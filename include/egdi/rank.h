/**
 * @file rank.h
 * @brief Rounding, ranks, EGDI groups, rating classes, quantiles and group
 * averages, on plain arrays (pointer + length).
 *
 * Missing values (NaN) are skipped everywhere: they get rank 0, no group and
 * no class, and count towards no average.
 */
#ifndef EGDI_RANK_H
#define EGDI_RANK_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Round to @p decimals places, halves away from zero (as spreadsheet
 * ROUND does). A product x*10^d within 64 ulps of a half counts as a half,
 * so 1.005 rounds to 1.01 although its binary value is slightly lower.
 * decimals must be 0..15. @p out may equal @p x.
 */
EGDI_API egdi_status egdi_round(const double *x, size_t n, int decimals, double *out);

/** @brief How ties share ranks. */
typedef enum egdi_ties {
    EGDI_TIES_MIN = 0,    /**< competition ranking "1224": 1 + number strictly better */
    EGDI_TIES_DENSE = 1,  /**< "1223" */
    EGDI_TIES_FIRST = 2   /**< "1234", ties broken by position in the input */
} egdi_ties;

/**
 * @brief egdi_rank() within groups: unit i is ranked among the units with
 * the same @p groups[i] (a level code >= 0, e.g. from
 * egdi_dataset_get_level_codes()); units with group -1 get rank 0, as do
 * NaN values. "5th in Asia". @since 1.2
 */
EGDI_API egdi_status egdi_rank_within(const double *x, const int *groups, size_t n,
                                      int decimals, egdi_ties ties, int *ranks);
/**
 * @brief Rank values, highest first. With @p decimals >= 0 the values are
 * first rounded with egdi_round() (the Survey ranks the published, rounded
 * values); -1 ranks the values as they are. NaN gets rank 0.
 */
EGDI_API egdi_status egdi_rank(const double *x, size_t n, int decimals, egdi_ties ties,
                               int *ranks);

/** @brief EGDI level groups. Stable values. */
typedef enum egdi_group {
    EGDI_GROUP_NONE = 0,      /**< missing value */
    EGDI_GROUP_LOW = 1,       /**< below the middle threshold */
    EGDI_GROUP_MIDDLE = 2,    /**< >= 0.25 by default */
    EGDI_GROUP_HIGH = 3,      /**< >= 0.50 by default */
    EGDI_GROUP_VERY_HIGH = 4  /**< >= 0.75 by default */
} egdi_group;

/**
 * @brief Assign groups: value >= thresholds[2] very high, >= thresholds[1]
 * high, >= thresholds[0] middle, else low (lower bounds inclusive).
 * @param thresholds three increasing numbers, or NULL for {0.25, 0.50, 0.75}.
 */
EGDI_API egdi_status egdi_groups(const double *x, size_t n, const double *thresholds,
                                 int *groups);
/** @brief "Very High", "High", "Middle", "Low" or "" for EGDI_GROUP_NONE. */
EGDI_API const char *egdi_group_name(int group);
/** @brief Short code: "VH", "H", "M", "L" or "". */
EGDI_API const char *egdi_group_code(int group);

/**
 * @brief Quantile of sorted data (ascending, no NaN) by Hyndman & Fan
 * (1996) definition @p type 1..9; type 7 is the default of R, numpy and
 * spreadsheet QUARTILE.INC, type 6 is QUARTILE.EXC.
 */
EGDI_API egdi_status egdi_quantile_sorted(const double *sorted, size_t n, double p, int type,
                                          double *out);

/**
 * @brief Rating classes: within each group, the quartiles Q1..Q3 of the
 * values in that group (quantile definition @p quantile_type); class
 * quartile 4 if value > Q3, 3 if > Q2, 2 if > Q1, else 1. The class code is
 * (group - 1) * 4 + quartile, 1..16; 0 for no group.
 * @param groups as from egdi_groups().
 */
EGDI_API egdi_status egdi_rating_classes(const double *x, const int *groups, size_t n,
                                         int quantile_type, int *classes);
/**
 * @brief Label of a class code: "VH","V3","V2","V1" (very high group, best
 * first), "HV","H3","H2","H1", "MH","M3","M2","M1", "LM","L3","L2","L1";
 * "" for 0 or out of range.
 */
EGDI_API const char *egdi_rating_class_label(int rating_class);

/**
 * @brief Unweighted mean of x per group. groups[i] in 0..n_groups-1, or < 0
 * to leave unit i out. means[g] is NaN for a group with no value;
 * @p counts (optional, may be NULL) receives the number of values used.
 */
EGDI_API egdi_status egdi_group_means(const double *x, const int *groups, size_t n,
                                      size_t n_groups, double *means, size_t *counts);

#ifdef __cplusplus
}
#endif

#endif
