/* lib/methods: the aggregation methods beyond the weighted arithmetic and
 * geometric means. The step table in aggregate.c lists them; their code lives
 * in one file per family:
 *   aggregate.c       mean, geomean, and the sums every mean shares
 *   aggregate_more.c  harmean, genmean, median (per unit, like the means)
 *   outrank.c         copeland (pairwise comparison of all units)
 *   mpi.c             mpi, ampi (Mazziotta-Pareto, standardised over all units)
 *   bod.c             bod (Benefit-of-the-Doubt, one linear program per unit)
 * Internal. */
#ifndef EGDI_AGGREGATE_MORE_H
#define EGDI_AGGREGATE_MORE_H

#include "methods/methods.h"

/* The form of a quasi-arithmetic mean: the children's values are transformed
 * by f, averaged with the weights, and the average transformed back. */
typedef enum egdi__agg_form {
    EGDI__AGG_LINEAR, /* f(x) = x */
    EGDI__AGG_LOG,    /* f(x) = log x; values > 0 */
    EGDI__AGG_RECIP,  /* f(x) = 1 / x; values > 0 */
    EGDI__AGG_POWER   /* f(x) = x^p, p != 0; values >= 0 (p > 0) or > 0 (p < 0) */
} egdi__agg_form;

/* The weighted quasi-arithmetic mean of every unit's children into a->out
 * (a->work: 2 n doubles): missing children skipped and the weights
 * renormalised, NaN where fewer children than MinShare requires have a value.
 * For EGDI__AGG_POWER (p != 0) the power mean is computed without overflow or
 * loss of precision for any p. A value outside the form's domain is
 * EGDI_ERR_DOMAIN naming node, unit and child; a mean beyond the range of a
 * double is EGDI_ERR_DOMAIN; all weights zero is EGDI_ERR_INVALID_INDEX.
 * (aggregate.c) */
EGDI_HIDDEN egdi_status egdi__agg_mean(const egdi__args *a, egdi__agg_form form, double p);
/* The fewest children with a value that keep an aggregate's value, for n_pos
 * positively weighted children: the smallest c with c / n_pos >= min_share. */
EGDI_HIDDEN size_t egdi__agg_need(double min_share, size_t n_pos);
/* Per unit, the number of positively weighted children with a value (into
 * cnt, n doubles), and in *need the fewest that keep a value (MinShare): unit
 * i has one when egdi__agg_keeps(cnt[i], *need). All weights zero is
 * EGDI_ERR_INVALID_INDEX. */
EGDI_HIDDEN egdi_status egdi__agg_available(const egdi__args *a, double *cnt, double *need);
static inline int egdi__agg_keeps(double cnt, double need) { return cnt > 0 && cnt >= need; }

/* aggregate_more.c */
EGDI_HIDDEN egdi_status egdi__harmean_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__genmean_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__median_apply(const egdi__args *a, const double *fitted);
/* outrank.c */
EGDI_HIDDEN egdi_status egdi__copeland_apply(const egdi__args *a, const double *fitted);
/* mpi.c: parameters sign (and midrange for AMPI) */
EGDI_HIDDEN egdi_status egdi__mpi_check(const double *p, const char *node);
EGDI_HIDDEN egdi_status egdi__ampi_check(const double *p, const char *node);
EGDI_HIDDEN egdi_status egdi__mpi_apply(const egdi__args *a, const double *fitted);
EGDI_HIDDEN egdi_status egdi__ampi_apply(const egdi__args *a, const double *fitted);
/* bod.c: parameters wmin, wmax, rmin, rmax */
EGDI_HIDDEN egdi_status egdi__bod_check(const double *p, const char *node);
EGDI_HIDDEN egdi_status egdi__bod_apply(const egdi__args *a, const double *fitted);

#endif
