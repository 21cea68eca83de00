/* Rank normalisations (COINr's n_rank, n_prank, n_borda): ranks of the units
 * that have a value, ascending (the highest value gets the highest rank),
 * ties sharing the lowest rank (R's ties.method = "min"); a missing value
 * stays missing (na.last = "keep").
 *
 * The rank of x is 1 + the number of values below x: the present values are
 * sorted once into the work area (O(n log n)) and each unit's count is a
 * binary search, so nothing is allocated and equal values get equal ranks
 * whatever order they come in. */
#include <math.h>

#include <gsl/gsl_sort_double.h>

#include "methods/methods.h"

/* Sort the present values into work; their number. */
static size_t sort_present(const egdi__args *a)
{
    size_t m = 0;
    for (size_t i = 0; i < a->n; i++)
        if (!isnan(a->x[i]))
            a->work[m++] = a->x[i];
    gsl_sort(a->work, 1, m);
    return m;
}

/* Number of the m sorted values strictly below v. */
static size_t below(const double *sorted, size_t m, double v)
{
    size_t lo = 0, hi = m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* out = (rank - 1 + shift) * factor for every present value. The input may be
 * the output: each x[i] is read before out[i] is written. */
static void ranks(const egdi__args *a, size_t m, double shift, double factor)
{
    for (size_t i = 0; i < a->n; i++) {
        double v = a->x[i];
        a->out[i] = isnan(v) ? v : ((double)below(a->work, m, v) + shift) * factor;
    }
}

egdi_status egdi__norm_rank_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    ranks(a, sort_present(a), 1, 1);
    return EGDI_OK;
}

egdi_status egdi__norm_borda_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    ranks(a, sort_present(a), 0, 1);
    return EGDI_OK;
}

egdi_status egdi__norm_prank_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    size_t m = sort_present(a);
    if (m == 1) { /* COINr: (1 - 1) / (1 - 1) = NaN */
        size_t i = 0;
        while (isnan(a->x[i]))
            i++;
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': percentile rank of a single value (unit "
                          "'%s' is the only one with a value): (rank - 1) / (n - 1) is 0 / 0",
                          a->names->node, egdi__unit(a->names, i));
    }
    /* (rank - 1) / (n - 1), divided as COINr does (not multiplied by 1 / (n - 1)) */
    for (size_t i = 0; i < a->n; i++) {
        double v = a->x[i];
        a->out[i] = isnan(v) ? v : (double)below(a->work, m, v) / ((double)m - 1);
    }
    return EGDI_OK;
}
