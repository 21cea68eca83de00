/* Per-unit aggregations beyond the arithmetic and geometric means: the
 * weighted harmonic mean, the weighted power (generalised) mean and the
 * weighted median. Missing children and MinShare as in aggregate.c.
 *
 * COINr 1.1.14: a_hmean is sum(w) / sum(w / x) over the non-NA children (it
 * stops on a 0 but silently accepts negative values; here any value <= 0 is
 * an error naming node, unit and child). a_genmean is
 * (sum(w x^p) / sum(w))^(1/p) and refuses p = 0; here p = 0 is the geometric
 * mean (the limit p -> 0), computed exactly as geomean. a_genmean gives NA
 * when any child is NA; here missing children are skipped and the weights
 * renormalised, as for every other mean (MinShare decides when too few are
 * left). COINr has no weighted median of its own: its aggregation vignette
 * defines it as the value x_m of the sorted children with
 * sum(w_i, i < m) <= 1/2 and sum(w_i, i > m) <= 1/2 (weights summing to 1)
 * and calls matrixStats::weightedMedian. That definition is implemented here;
 * when two values meet it (the weight below one of them is exactly one half,
 * e.g. an even number of equally weighted children) the result is their
 * mean, so equal weights give the ordinary median. "Exactly" allows a
 * relative rounding error of 1e-12 in the sums of the weights. */
#include <math.h>

#include "methods/aggregate_more.h"

egdi_status egdi__harmean_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    return egdi__agg_mean(a, EGDI__AGG_RECIP, -1);
}

egdi_status egdi__genmean_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    double p = a->params[0];
    egdi__agg_form form = p == 0 ? EGDI__AGG_LOG : p == 1 ? EGDI__AGG_LINEAR : EGDI__AGG_POWER;
    return egdi__agg_mean(a, form, p);
}

/* The weighted median of unit i's children. A value v qualifies when the
 * weight of the children below it and the weight of those above it are each
 * at most half the total (equivalent to the vignette's condition on the
 * sorted children, copies of v included); the result is the mean of the
 * lowest and highest qualifying values. O(m^2) for m children, no memory:
 * eval runs never allocate (plan.h). */
static double wmedian(const egdi__args *a, size_t i)
{
    double total = 0;
    for (size_t c = 0; c < a->n_kids; c++)
        if (a->weights[c] > 0 && !isnan(a->kids[c][i]))
            total += a->weights[c];
    double half = total / 2 + 1e-12 * total, lo = INFINITY, hi = -INFINITY;
    for (size_t c = 0; c < a->n_kids; c++) {
        double v = a->kids[c][i];
        if (!(a->weights[c] > 0) || isnan(v) || (v >= lo && v <= hi))
            continue;
        double below = 0, above = 0;
        for (size_t k = 0; k < a->n_kids; k++) {
            double x = a->kids[k][i], w = a->weights[k];
            if (w > 0 && x < v)
                below += w;
            else if (w > 0 && x > v)
                above += w;
        }
        if (below <= half && above <= half) {
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    }
    return lo + (hi - lo) / 2;
}

egdi_status egdi__median_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    double *cnt = a->work, need;
    egdi_status st = egdi__agg_available(a, cnt, &need);
    if (st != EGDI_OK)
        return st;
    for (size_t i = 0; i < a->n; i++)
        a->out[i] = egdi__agg_keeps(cnt[i], need) ? wmedian(a, i) : NAN;
    return EGDI_OK;
}
