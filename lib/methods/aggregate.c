/* Aggregation methods: the step table, and the weighted means' shared sums.
 * Loops run child by child over contiguous unit columns; the sums accumulate
 * in child order, so a unit with every child present gets exactly the value a
 * unit-by-unit loop gives.
 *
 * Missing data: a child without a value for a unit is skipped and the weights
 * of the children that have one are renormalised. The aggregate is missing
 * when the share of its (positively weighted) children with a value is below
 * min_share, or when none has one. Children with weight 0 take no part. The
 * methods that compare units (copeland, mpi/ampi, bod) follow the same rule
 * and say in their files how the other units enter. */
#include <float.h>
#include <math.h>

#include "methods/aggregate_more.h"

static const char *form_name(egdi__agg_form form)
{
    switch (form) {
    case EGDI__AGG_RECIP:
        return "harmonic mean";
    case EGDI__AGG_POWER:
        return "generalised mean";
    default:
        return "geometric mean";
    }
}

/* A value outside the form's domain: x > 0 for log and 1/x and for x^p with
 * p < 0; x >= 0 for x^p with p > 0 (a power of a negative number is not real). */
static int in_domain(egdi__agg_form form, double p, double x)
{
    if (form == EGDI__AGG_POWER && p > 0)
        return x >= 0;
    return x > 0;
}

/* The weighted power mean of unit i's children, M = (sum w x^p / W)^(1/p)
 * with W = sum w, computed as
 *
 *   M = m exp(L / p),  L = log(sum w (x/m)^p / W) = log1p(sum w expm1(p log(x/m)) / W),
 *
 * where m is the largest value for p > 0 and the smallest for p < 0, so that
 * every p log(x/m) <= 0: no term overflows, whatever p (p = 1e6 gives the
 * maximum up to the factor (w_max / W)^(1/p)). The naive (sum w x^p / W)^(1/p)
 * overflows for large |p| and, for small |p|, loses every digit: the sum is
 * 1 + O(p) and the power 1/p multiplies its rounding error by 1/p (rows
 * {1, 2, 4}, p = 1e-12: 1.99971 for 2.0000000000003). log1p(expm1-sum) keeps
 * the O(p) part to full relative precision; when the sum is small (L < log
 * 1/2: the largest values carry little weight) log of the plain sum T is
 * exact enough and avoids log1p(-1 + tiny). For |p| below the smallest
 * normal double, p log(x/m) would lose digits to underflow: there M is the
 * geometric mean, whose distance to M is below |p| var(log x) / 2 relative,
 * under 1e-300. m = 0 (p > 0, every value 0) gives 0. */
static double power_mean(const egdi__args *a, size_t i, double p, double m, double wsum)
{
    if (m == 0)
        return 0;
    if (!isfinite(wsum))
        return NAN; /* weights beyond a double: finish() reports it */
    double s = 0, t = 0, g = 0;
    for (size_t c = 0; c < a->n_kids; c++) {
        double w = a->weights[c], x = a->kids[c][i];
        if (w == 0 || isnan(x))
            continue;
        double l = log(x / m);
        if (fabs(p) < DBL_MIN) {
            g += w * l;
            continue;
        }
        s += w * expm1(p * l);
        t += w * exp(p * l);
    }
    if (fabs(p) < DBL_MIN)
        return m * exp(g / wsum);
    double r = s / wsum, lr = r > -0.5 ? log1p(r) : log(t / wsum);
    return m * exp(lr / p);
}

/* Sums over the children into a->out (sum w f(x); for EGDI__AGG_POWER the
 * power mean itself), a->work (sum w) and a->work + n (children with a
 * value); *n_pos = the positively weighted children. */
static egdi_status accumulate(const egdi__args *a, egdi__agg_form form, double p, size_t *n_pos)
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
        if (form == EGDI__AGG_LINEAR) {
            for (size_t i = 0; i < n; i++)
                if (!isnan(v[i])) {
                    acc[i] += w * v[i];
                    wsum[i] += w;
                    cnt[i] += 1;
                }
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            if (isnan(v[i]))
                continue;
            if (!in_domain(form, p, v[i])) {
                if (form == EGDI__AGG_POWER)
                    return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': unit '%s': child '%s' "
                                      "is %g: the generalised mean with p = %g needs values %s 0",
                                      a->names->node, egdi__unit(a->names, i),
                                      a->names->children[c], v[i], p, p > 0 ? ">=" : ">");
                return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': unit '%s': child '%s' is "
                                  "%g: the %s needs values > 0", a->names->node,
                                  egdi__unit(a->names, i), a->names->children[c], v[i],
                                  form_name(form));
            }
            switch (form) {
            case EGDI__AGG_LOG:
                acc[i] += w * log(v[i]);
                break;
            case EGDI__AGG_RECIP:
                acc[i] += w / v[i];
                break;
            default: /* the scale m: the largest value (p > 0) or the smallest (p < 0) */
                if (cnt[i] == 0 || (p > 0 ? v[i] > acc[i] : v[i] < acc[i]))
                    acc[i] = v[i];
                break;
            }
            wsum[i] += w;
            cnt[i] += 1;
        }
    }
    if (*n_pos == 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "aggregate '%s': the weights of its children are "
                          "all zero", a->names->node);
    if (form == EGDI__AGG_POWER)
        for (size_t i = 0; i < n; i++)
            acc[i] = cnt[i] > 0 ? power_mean(a, i, p, acc[i], wsum[i]) : 0;
    return EGDI_OK;
}

size_t egdi__agg_need(double min_share, size_t n_pos)
{
    /* compared as the ratio c / n_pos (min_share * n_pos can round above c when
     * c / n_pos equals min_share: 0.28 * 25 = 7.000000000000001 although
     * 7.0 / 25 == 0.28) */
    double need = 0;
    while (need < (double)n_pos && need / (double)n_pos < min_share)
        need += 1;
    return (size_t)need;
}

egdi_status egdi__agg_available(const egdi__args *a, double *cnt, double *need)
{
    for (size_t i = 0; i < a->n; i++)
        cnt[i] = 0;
    size_t n_pos = 0;
    for (size_t c = 0; c < a->n_kids; c++) {
        if (a->weights[c] == 0)
            continue;
        ++n_pos;
        for (size_t i = 0; i < a->n; i++)
            cnt[i] += !isnan(a->kids[c][i]);
    }
    if (n_pos == 0)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "aggregate '%s': the weights of its children are "
                          "all zero", a->names->node);
    *need = (double)egdi__agg_need(a->min_share, n_pos);
    return EGDI_OK;
}

/* Units with too few children become missing; the others get the mean. A
 * result that is not finite (sums beyond the range of a double) is an error,
 * never a silent infinity, zero or missing value. */
static egdi_status finish(const egdi__args *a, size_t n_pos, egdi__agg_form form)
{
    const double *wsum = a->work, *cnt = a->work + a->n;
    double need = (double)egdi__agg_need(a->min_share, n_pos);
    for (size_t i = 0; i < a->n; i++) {
        int keep = cnt[i] > 0 && cnt[i] >= need && wsum[i] > 0;
        double s = a->out[i];
        if (keep && (form == EGDI__AGG_RECIP || form == EGDI__AGG_POWER) && !isfinite(s))
            return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': unit '%s': the weighted %s "
                              "overflows: its children's values or weights are beyond the range "
                              "of a double", a->names->node, egdi__unit(a->names, i),
                              form_name(form));
        if (!keep)
            a->out[i] = NAN;
        else if (form == EGDI__AGG_LINEAR)
            a->out[i] = s / wsum[i];
        else if (form == EGDI__AGG_LOG)
            a->out[i] = exp(s / wsum[i]);
        else if (form == EGDI__AGG_RECIP)
            a->out[i] = wsum[i] / s;
        else
            a->out[i] = s; /* the mean itself (power_mean) */
        if (isinf(a->out[i]) || (cnt[i] >= need && cnt[i] > 0 && isnan(a->out[i])))
            return egdi__fail(EGDI_ERR_DOMAIN, "aggregate '%s': unit '%s': the weighted %s "
                              "overflows: its children's values or weights are too large for a "
                              "double", a->names->node, egdi__unit(a->names, i),
                              form == EGDI__AGG_LINEAR || form == EGDI__AGG_LOG ? "mean"
                                                                                : form_name(form));
    }
    return EGDI_OK;
}

egdi_status egdi__agg_mean(const egdi__args *a, egdi__agg_form form, double p)
{
    size_t n_pos;
    egdi_status st = accumulate(a, form, p, &n_pos);
    return st == EGDI_OK ? finish(a, n_pos, form) : st;
}

static egdi_status mean_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    return egdi__agg_mean(a, EGDI__AGG_LINEAR, 1);
}

static egdi_status geomean_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    return egdi__agg_mean(a, EGDI__AGG_LOG, 0);
}

/* ---- parameters ---- */

static const egdi__param genmean_params[] = {
    {"p", "the power: 1 = arithmetic, 0 = geometric, -1 = harmonic mean", NAN, NAN, NAN, 0},
};

static const egdi__param mpi_params[] = {
    {"sign", "-1: M - S cv, for indices where higher is better (MPI-); +1: M + S cv (MPI+)", -1,
     -1, 1, 0},
};

static const egdi__param ampi_params[] = {
    {"sign", "-1: M - S cv, for indices where higher is better (AMPI-); +1: M + S cv (AMPI+)",
     -1, -1, 1, 0},
    {"midrange", "0: 100 is each child's mean over the units; 1: the middle of its range", 0, 0,
     1, 0},
};

static const egdi__param bod_params[] = {
    {"wmin", "lowest share of each child in a unit's score (0..1)", 0, 0, 1, 0},
    {"wmax", "highest share of each child in a unit's score (0..1)", 1, 0, 1, 1},
    {"rmin", "lowest share as a multiple of the child's renormalised weight", 0, 0, 1, 0},
    {"rmax", "highest share as a multiple of the child's renormalised weight (0 = none)", 0, 0,
     NAN, 0},
};

#define N_OF(a) (sizeof(a) / sizeof *(a))
#define AGG EGDI_STEP_AGGREGATE
#define DATA EGDI__M_DATA_DRIVEN
#define POS EGDI__M_NEEDS_POSITIVE

const egdi__method egdi__aggregate_methods[] = {
    [EGDI_AGG_MEAN] = {AGG, EGDI_AGG_MEAN, "mean",
                       "weighted arithmetic mean sum(w x) / sum(w) of the children with a value",
                       NULL, 0, 0, 0, NULL, 0, NULL, mean_apply},
    [EGDI_AGG_GEOMEAN] = {AGG, EGDI_AGG_GEOMEAN, "geomean",
                          "weighted geometric mean exp(sum(w log x) / sum(w)); values must be > 0",
                          NULL, 0, 0, POS, NULL, 0, NULL, geomean_apply},
    [EGDI_AGG_HARMEAN] = {AGG, EGDI_AGG_HARMEAN, "harmean",
                          "weighted harmonic mean sum(w) / sum(w / x); values must be > 0", NULL,
                          0, 0, POS, NULL, 0, NULL, egdi__harmean_apply},
    [EGDI_AGG_GENMEAN] = {AGG, EGDI_AGG_GENMEAN, "genmean",
                          "weighted power mean (sum(w x^p) / sum(w))^(1/p), exact for any p "
                          "(p -> 0 tends to the geometric mean, p = 0 is it; p = +-1e6 nears "
                          "the max/min); values >= 0 (> 0 if p <= 0)",
                          genmean_params, N_OF(genmean_params), 1, 0, NULL, 0, NULL,
                          egdi__genmean_apply},
    [EGDI_AGG_MEDIAN] = {AGG, EGDI_AGG_MEDIAN, "median",
                         "weighted median: the value with at most half the weight below and "
                         "above it (the mean of two such values)",
                         NULL, 0, 0, 0, NULL, 0, NULL, egdi__median_apply},
    [EGDI_AGG_COPELAND] = {AGG, EGDI_AGG_COPELAND, "copeland",
                           "Copeland score: pairwise wins minus losses against every other unit, "
                           "a win being more weight of children above than below (O(n^2 m))",
                           NULL, 0, 0, DATA, NULL, 0, NULL, egdi__copeland_apply},
    [EGDI_AGG_MPI] = {AGG, EGDI_AGG_MPI, "mpi",
                      "Mazziotta-Pareto index M + sign S cv of the children as z = 100 + 10 "
                      "(x - mean) / sd over the units",
                      mpi_params, N_OF(mpi_params), 0, DATA, egdi__mpi_check, 0, NULL,
                      egdi__mpi_apply},
    [EGDI_AGG_AMPI] = {AGG, EGDI_AGG_AMPI, "ampi",
                       "adjusted Mazziotta-Pareto index M + sign S cv of the children as "
                       "r = 100 + 60 (x - ref) / (max - min) over the units",
                       ampi_params, N_OF(ampi_params), 0, DATA, egdi__ampi_check, 0, NULL,
                       egdi__ampi_apply},
    [EGDI_AGG_BOD] = {AGG, EGDI_AGG_BOD, "bod",
                      "Benefit-of-the-Doubt: the highest weighted sum a unit reaches with weights "
                      "that keep every unit's sum <= 1; values >= 0. One GLPK linear program of "
                      "n rows per unit: at least O(n^2) for n units. Uses the calling thread's "
                      "GLPK environment, and leaves its terminal and error hooks uninstalled",
                      bod_params, N_OF(bod_params), 0, DATA, egdi__bod_check, 0, NULL,
                      egdi__bod_apply},
};
const size_t egdi__n_aggregate_methods = N_OF(egdi__aggregate_methods);
