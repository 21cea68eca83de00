/* Mazziotta-Pareto Index (MPI) and Adjusted MPI (AMPI), the non-compensatory
 * composite indices of ISTAT (the Italian statistics institute; used for its
 * BES well-being indices).
 *
 * References: De Muro P., Mazziotta M., Pareto A. (2011), "Composite indices
 * of development and poverty: an application to MDGs", Social Indicators
 * Research 104(1), 1-18 (MPI); Mazziotta M., Pareto A. (2016), "On a
 * generalized non-compensatory composite index for measuring socio-economic
 * phenomena", Social Indicators Research 127(3), 983-1003 (MPI and AMPI);
 * Mazziotta M., Pareto A. (2022), "Weighting in composite indices
 * construction: the case of the Mazziotta-Pareto Index", Rivista Italiana di
 * Economia Demografia e Statistica 76(2) (the weighted form used here).
 *
 * Standardisation, per child j over the units that have a value for it
 * (directions were applied to the indicators before, so every child has
 * positive polarity):
 *   MPI:  z_ij = 100 + 10 (x_ij - M_j) / S_j, M_j the mean and S_j the
 *         population standard deviation (divisor n) of the child's values;
 *   AMPI: r_ij = (x_ij - Min_j) / (Max_j - Min_j) * 60 + 70 with goalposts
 *         Min_j = Ref_j - D_j, Max_j = Ref_j + D_j, D_j = (Sup_j - Inf_j) / 2,
 *         Inf_j and Sup_j the child's lowest and highest value and Ref_j the
 *         value that maps to 100: the child's mean over the units (midrange=0,
 *         the default; the paper's "average in a given year") or the middle
 *         of its range (midrange=1, which maps Inf_j to 70 and Sup_j to 130).
 *         This is r_ij = 100 + 60 (x_ij - Ref_j) / (Sup_j - Inf_j), computed
 *         in that form.
 * Aggregation, per unit i over its children with a value, weights w_j
 * renormalised over them (equal weights give the papers' formulas):
 *   M_i = sum w z / sum w, S_i = sqrt(sum w (z - M_i)^2 / sum w),
 *   cv_i = S_i / M_i, index = M_i + sign * S_i * cv_i.
 * sign = -1 (MPI-, AMPI-, the default) is for indices where higher values are
 * better (development, well-being): an unbalanced unit is penalised
 * downwards. sign = +1 (MPI+) is for indices where higher is worse (poverty).
 *
 * Errors: a child whose values are all equal (S_j = 0, Sup_j = Inf_j) cannot
 * be standardised (EGDI_ERR_DOMAIN naming node and child); a unit whose mean
 * M_i is <= 0 (possible for MPI with extreme outliers among more than 100
 * units) has no coefficient of variation (EGDI_ERR_DOMAIN naming node and
 * unit). AMPI values are never below 40, so M_i > 0 always.
 *
 * Missing data: as the means (MinShare, renormalised weights). */
#include <math.h>

#include "methods/aggregate_more.h"

static egdi_status check_sign(double sign, const char *node, const char *method)
{
    if (sign != -1 && sign != 1)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid %s parameters: sign = %g "
                          "must be -1 (penalty for indices where higher is better) or 1", node,
                          method, sign);
    return EGDI_OK;
}

egdi_status egdi__mpi_check(const double *p, const char *node)
{
    return check_sign(p[0], node, "mpi");
}

egdi_status egdi__ampi_check(const double *p, const char *node)
{
    egdi_status st = check_sign(p[0], node, "ampi");
    if (st == EGDI_OK && p[1] != 0 && p[1] != 1)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid ampi parameters: midrange "
                          "= %g must be 0 or 1", node, p[1]);
    return st;
}

/* Location and spread of child c's standardisation: x becomes
 * 100 + scale (x - loc) / spread. Two passes over the units, no memory. */
static egdi_status child_stats(const egdi__args *a, size_t c, int adjusted, int midrange,
                               double *loc, double *spread, size_t *k_out)
{
    const double *x = a->kids[c];
    double sum = 0, lo = INFINITY, hi = -INFINITY;
    size_t k = 0;
    for (size_t i = 0; i < a->n; i++)
        if (!isnan(x[i])) {
            sum += x[i];
            lo = x[i] < lo ? x[i] : lo;
            hi = x[i] > hi ? x[i] : hi;
            k++;
        }
    *k_out = k;
    if (k == 0)
        return EGDI_OK; /* no unit uses it */
    double mean = sum / (double)k;
    if (adjusted) {
        *loc = midrange ? lo + (hi - lo) / 2 : mean;
        *spread = hi - lo;
    } else {
        double ss = 0;
        for (size_t i = 0; i < a->n; i++)
            if (!isnan(x[i]))
                ss += (x[i] - mean) * (x[i] - mean);
        *loc = mean;
        *spread = sqrt(ss / (double)k);
    }
    if (!(*spread > 0) || !isfinite(*spread) || !isfinite(*loc))
        return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': child '%s' %s: %s cannot standardise "
                          "it", a->names->node, a->names->children[c],
                          hi == lo ? "has the same value for every unit"
                                   : "has values too far apart for a double",
                          adjusted ? "ampi" : "mpi");
    return EGDI_OK;
}

/* Child by child over the unit columns, as the means: with d = z - 100,
 * a->out accumulates sum w d, a->work sum w and a->work + n sum w d^2 (the
 * deviations from 100 are small, so the variance sum w d^2 / sum w - mean(d)^2
 * loses nothing to cancellation at the scale of the results). No memory is
 * allocated: eval runs never allocate (plan.h). */
static egdi_status mazziotta_pareto(const egdi__args *a, int adjusted)
{
    size_t n = a->n;
    double sign = a->params[0], scale = adjusted ? 60 : 10;
    int midrange = adjusted && a->params[1] == 1;
    double *sw = a->work, *swdd = a->work + n, need;
    egdi_status st = egdi__agg_available(a, sw, &need); /* counts, first */
    if (st != EGDI_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        a->out[i] = egdi__agg_keeps(sw[i], need) ? 0 : NAN; /* NaN: no value, skipped */
        sw[i] = swdd[i] = 0;
    }
    for (size_t c = 0; c < a->n_kids; c++) {
        double w = a->weights[c], loc = 0, spread = 1;
        size_t k;
        if (w == 0)
            continue;
        if ((st = child_stats(a, c, adjusted, midrange, &loc, &spread, &k)) != EGDI_OK)
            return st;
        const double *x = a->kids[c];
        for (size_t i = 0; i < n && k; i++) {
            if (isnan(x[i]) || isnan(a->out[i]))
                continue;
            double d = scale * (x[i] - loc) / spread;
            a->out[i] += w * d;
            sw[i] += w;
            swdd[i] += w * d * d;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (isnan(a->out[i]))
            continue;
        double md = a->out[i] / sw[i], var = swdd[i] / sw[i] - md * md;
        double mean = 100 + md, sd = sqrt(var > 0 ? var : 0);
        if (!(mean > 0) || !isfinite(mean) || !isfinite(sd))
            return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': unit '%s': the mean of its "
                              "standardised children is %g: %s needs it > 0 for the coefficient "
                              "of variation", a->names->node, egdi__unit(a->names, i), mean,
                              adjusted ? "ampi" : "mpi");
        double cv = sd / mean;
        a->out[i] = mean + sign * sd * cv;
    }
    return EGDI_OK;
}

egdi_status egdi__mpi_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    return mazziotta_pareto(a, 0);
}

egdi_status egdi__ampi_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    return mazziotta_pareto(a, 1);
}
