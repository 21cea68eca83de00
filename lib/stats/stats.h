/* lib/stats: sorting and ranking kernels on plain arrays. Internal. */
#ifndef EGDI_STATS_H
#define EGDI_STATS_H

#include "core/core.h"

/* A value and the position it came from. */
typedef struct egdi__kv {
    double key;
    size_t pos;
} egdi__kv;

/* Stable sort by key, highest first (equal keys keep their order). tmp has m
 * entries. No allocation. */
EGDI_HIDDEN void egdi__sort_kv_desc(egdi__kv *a, size_t m, egdi__kv *tmp);

/* Ranks of x (highest first; NaN -> 0) after rounding to `decimals` (-1 =
 * as they are), into ranks. ws has 2 n entries. No allocation. Arguments
 * are checked by the caller. */
EGDI_HIDDEN void egdi__rank_ws(const double *x, size_t n, int decimals, egdi_ties ties, int *ranks,
                               egdi__kv *ws);
/* Competition ranks as egdi__rank_ws(), starting the sort from `order` (all n
 * positions, the previous call's result; any permutation is valid) and
 * leaving this call's order there (missing values last). Input that is close
 * to the previous order sorts in close to linear time. */
EGDI_HIDDEN void egdi__rank_warm(const double *x, size_t n, int decimals, int *ranks,
                                 egdi__kv *ws, size_t *order);

/* The quartiles (p = 0.25, 0.5, 0.75; egdi_quantile_sorted() of `type`) of
 * the m values s, in ascending order. */
EGDI_HIDDEN egdi_status egdi__quartiles(const double *s, size_t m, int type, double q[3]);
/* The rating class code (1..16) of value v of group `group` (1..4) whose
 * quartiles are q: (group - 1) * 4 + its quartile (4 above q[2], 3 above
 * q[1], 2 above q[0], else 1). The rule of egdi_rating_classes(). */
EGDI_HIDDEN int egdi__rating_class(int group, double v, const double q[3]);

#endif
