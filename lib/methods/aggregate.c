/* Aggregation methods. Loops run child by child over contiguous unit
 * columns; the sums accumulate in child order, so a unit with every child
 * present gets exactly the value a unit-by-unit loop gives.
 *
 * Missing data: a child without a value for a unit is skipped and the weights
 * of the children that have one are renormalised. The aggregate is missing
 * when the share of its (positively weighted) children with a value is below
 * min_share, or when none has one. Children with weight 0 take no part. */
#include <math.h>

#include "methods/methods.h"

/* Sums over the children: acc = sum w*f(v), wsum = sum w, cnt = children with a
 * value, for f = identity (log_values = 0) or log. Returns the number of
 * positively weighted children, or 0 after an error (set). */
static egdi_status accumulate(const egdi__args *a, int log_values, size_t *n_pos)
{
    size_t n = a->n;
    double *acc = a->out, *wsum = a->work, *cnt = a->work + n;
    for (size_t i = 0; i < n; i++)
        acc[i] = wsum[i] = cnt[i] = 0;
    *n_pos = 0;
    for (size_t c = 0; c < a->n_kids; c++) {
        double w = a->weights[c];
        if (w == 0)
            continue;
        ++*n_pos;
        const double *v = a->kids[c];
        if (log_values) {
            for (size_t i = 0; i < n; i++) {
                if (isnan(v[i]))
                    continue;
                if (!(v[i] > 0))
                    return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': unit '%s': child '%s' is "
                                      "%g: the geometric mean needs values > 0", a->names->node,
                                      egdi__unit(a->names, i), a->names->children[c], v[i]);
                acc[i] += w * log(v[i]);
                wsum[i] += w;
                cnt[i] += 1;
            }
        } else {
            for (size_t i = 0; i < n; i++)
                if (!isnan(v[i])) {
                    acc[i] += w * v[i];
                    wsum[i] += w;
                    cnt[i] += 1;
                }
        }
    }
    if (*n_pos == 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "aggregate '%s': the weights of its children are "
                          "all zero", a->names->node);
    return EGDI_OK;
}

/* Units with too few children become missing; the others get acc / wsum. A
 * result that is not finite (sums beyond the range of a double) is an error,
 * never a silent infinity or missing value. */
static egdi_status finish(const egdi__args *a, size_t n_pos, int exp_result)
{
    const double *wsum = a->work, *cnt = a->work + a->n;
    /* the fewest children that keep a value: the smallest c with c / n_pos >= min_share,
     * compared as that ratio (min_share * n_pos can round above c when c / n_pos equals
     * min_share: 0.28 * 25 = 7.000000000000001 although 7.0 / 25 == 0.28) */
    double need = 0;
    while (need < (double)n_pos && need / (double)n_pos < a->min_share)
        need += 1;
    for (size_t i = 0; i < a->n; i++) {
        if (cnt[i] == 0 || cnt[i] < need || !(wsum[i] > 0))
            a->out[i] = NAN;
        else
            a->out[i] = exp_result ? exp(a->out[i] / wsum[i]) : a->out[i] / wsum[i];
        if (isinf(a->out[i]) || (cnt[i] >= need && cnt[i] > 0 && isnan(a->out[i])))
            return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': unit '%s': the weighted mean "
                              "overflows: its children's values or weights are too large for a "
                              "double", a->names->node, egdi__unit(a->names, i));
    }
    return EGDI_OK;
}

static egdi_status mean_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    size_t n_pos;
    egdi_status st = accumulate(a, 0, &n_pos);
    return st == EGDI_OK ? finish(a, n_pos, 0) : st;
}

static egdi_status geomean_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    size_t n_pos;
    egdi_status st = accumulate(a, 1, &n_pos);
    return st == EGDI_OK ? finish(a, n_pos, 1) : st;
}

const egdi__method egdi__aggregate_methods[] = {
    [EGDI_AGG_MEAN] = {EGDI_STEP_AGGREGATE, EGDI_AGG_MEAN, "mean",
                       "weighted arithmetic mean sum(w x) / sum(w) of the children with a value",
                       NULL, 0, 0, 0, NULL, 0, NULL, mean_apply},
    [EGDI_AGG_GEOMEAN] = {EGDI_STEP_AGGREGATE, EGDI_AGG_GEOMEAN, "geomean",
                          "weighted geometric mean exp(sum(w log x) / sum(w)); values must be > 0",
                          NULL, 0, 0, EGDI__M_NEEDS_POSITIVE, NULL, 0, NULL, geomean_apply},
};
const size_t egdi__n_aggregate_methods =
    sizeof egdi__aggregate_methods / sizeof *egdi__aggregate_methods;
