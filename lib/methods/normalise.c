/* Normalisation methods: fit statistics over the units that have a value,
 * then map every value; a missing value stays missing. Statistics are
 * two-pass sums (no division per element). */
#include <math.h>
#include <string.h>

#include "methods/methods.h"

#define REQUIRED NAN
#define NONE NAN

/* ---- none ---- */
static egdi_status none_apply(const egdi__args *a, const double *fitted)
{
    (void)fitted;
    if (a->out != a->x)
        memcpy(a->out, a->x, a->n * sizeof *a->out);
    return EGDI_OK;
}

/* ---- z-score: target_mean + target_sd * (x - mean) / sd, population sd ---- */
static egdi_status zscore_fit(const egdi__args *a, double *f)
{
    size_t m = 0;
    double sum = 0;
    for (size_t i = 0; i < a->n; i++)
        if (!isnan(a->x[i])) {
            sum += a->x[i];
            m++;
        }
    if (m < 2)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': z-score needs at least 2 values, got %zu",
                          a->names->node, m);
    double mean = sum / (double)m, ss = 0;
    for (size_t i = 0; i < a->n; i++)
        if (!isnan(a->x[i])) {
            double d = a->x[i] - mean;
            ss += d * d;
        }
    double sd = sqrt(ss / (double)m);
    if (!(sd > 0))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': z-score of values with zero standard "
                          "deviation (all %zu values are %g)", a->names->node, m, mean);
    f[0] = mean;
    f[1] = sd;
    return EGDI_OK;
}

static egdi_status zscore_apply(const egdi__args *a, const double *f)
{
    double mean = f[0], sd = f[1], tm = a->params[0], ts = a->params[1];
    for (size_t i = 0; i < a->n; i++)
        a->out[i] = tm + ts * (a->x[i] - mean) / sd; /* NaN stays NaN */
    return EGDI_OK;
}

/* ---- min-max: lo + (x - min) / (max - min) * (hi - lo) ---- */
static egdi_status lo_below_hi(const double *p, const char *node, const char *method)
{
    if (!(p[0] < p[1]))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid %s parameters: lo (%g) must "
                          "be below hi (%g)", node, method, p[0], p[1]);
    if (isinf(p[1] - p[0]))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': invalid %s parameters: the range "
                          "%g to %g exceeds a double", node, method, p[0], p[1]);
    return EGDI_OK;
}

static egdi_status minmax_check(const double *p, const char *node)
{
    return lo_below_hi(p, node, "minmax");
}

static egdi_status minmax_fit(const egdi__args *a, double *f)
{
    size_t m = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < a->n; i++) {
        double v = a->x[i];
        if (isnan(v))
            continue;
        m++;
        if (v < lo)
            lo = v;
        if (v > hi)
            hi = v;
    }
    if (m < 2)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': min-max needs at least 2 values, got %zu",
                          a->names->node, m);
    if (!(hi > lo))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': min-max of values that are all %g",
                          a->names->node, lo);
    if (isinf(hi - lo)) /* every score would be NaN or 0 */
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': min-max of values from %g to %g: the "
                          "range exceeds a double", a->names->node, lo, hi);
    f[0] = lo;
    f[1] = hi;
    return EGDI_OK;
}

static egdi_status minmax_apply(const egdi__args *a, const double *f)
{
    double lo = f[0], hi = f[1], l = a->params[0], u = a->params[1];
    for (size_t i = 0; i < a->n; i++)
        a->out[i] = l + (a->x[i] - lo) / (hi - lo) * (u - l);
    return EGDI_OK;
}

/* ---- goalposts: clamp((x - lo) / (hi - lo), 0, 1) * scale; fixed, not fitted ---- */
static egdi_status goalposts_check(const double *p, const char *node)
{
    return lo_below_hi(p, node, "goalposts");
}

static egdi_status goalposts_apply(const egdi__args *a, const double *f)
{
    (void)f;
    double lo = a->params[0], hi = a->params[1], scale = a->params[2];
    for (size_t i = 0; i < a->n; i++) {
        double x = a->x[i];
        if (isnan(x)) {
            a->out[i] = x;
            continue;
        }
        double v = (x - lo) / (hi - lo);
        a->out[i] = (v < 0 ? 0 : v > 1 ? 1 : v) * scale;
    }
    return EGDI_OK;
}

/* ---- fraction of the maximum: x / max(x) ---- */
static egdi_status fracmax_fit(const egdi__args *a, double *f)
{
    size_t m = 0;
    double mx = -INFINITY;
    for (size_t i = 0; i < a->n; i++)
        if (!isnan(a->x[i])) {
            m++;
            if (a->x[i] > mx)
                mx = a->x[i];
        }
    if (m < 1)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': fraction of maximum with no values",
                          a->names->node);
    if (!(mx > 0))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': fraction of maximum needs a positive "
                          "maximum, got %g", a->names->node, mx);
    f[0] = mx;
    return EGDI_OK;
}

static egdi_status fracmax_apply(const egdi__args *a, const double *f)
{
    for (size_t i = 0; i < a->n; i++)
        a->out[i] = a->x[i] / f[0];
    return EGDI_OK;
}

static const egdi__param zscore_params[] = {
    {"mean", "mean of the result", 0, NONE, NONE, 0},
    {"sd", "standard deviation of the result", 1, 0, NONE, 1},
};
static const egdi__param minmax_params[] = {
    {"lo", "value of the lowest unit", 0, NONE, NONE, 0},
    {"hi", "value of the highest unit", 1, NONE, NONE, 0},
};
static const egdi__param goalposts_params[] = {
    {"lo", "lower goalpost: values at or below score 0", REQUIRED, NONE, NONE, 0},
    {"hi", "upper goalpost: values at or above score scale", REQUIRED, NONE, NONE, 0},
    {"scale", "score of the upper goalpost", 1, 0, NONE, 1},
};

const egdi__method egdi__normalise_methods[] = {
    [EGDI_NORM_NONE] = {EGDI_STEP_NORMALISE, EGDI_NORM_NONE, "none", "the value as it is", NULL,
                        0, 0, 0, NULL, 0, NULL, none_apply},
    [EGDI_NORM_ZSCORE] = {EGDI_STEP_NORMALISE, EGDI_NORM_ZSCORE, "zscore",
                          "mean + sd * (x - mean(x)) / sd(x), population sd", zscore_params, 2, 0,
                          EGDI__M_DATA_DRIVEN, NULL, 2, zscore_fit, zscore_apply},
    [EGDI_NORM_MINMAX] = {EGDI_STEP_NORMALISE, EGDI_NORM_MINMAX, "minmax",
                          "lo + (x - min(x)) / (max(x) - min(x)) * (hi - lo)", minmax_params, 2, 0,
                          EGDI__M_DATA_DRIVEN, minmax_check, 2, minmax_fit, minmax_apply},
    [EGDI_NORM_GOALPOSTS] = {EGDI_STEP_NORMALISE, EGDI_NORM_GOALPOSTS, "goalposts",
                             "clamp((x - lo) / (hi - lo), 0, 1) * scale", goalposts_params, 3, 2,
                             0, goalposts_check, 0, NULL, goalposts_apply},
    [EGDI_NORM_FRACMAX] = {EGDI_STEP_NORMALISE, EGDI_NORM_FRACMAX, "fracmax", "x / max(x)", NULL,
                           0, 0, EGDI__M_DATA_DRIVEN, NULL, 1, fracmax_fit, fracmax_apply},
};
const size_t egdi__n_normalise_methods =
    sizeof egdi__normalise_methods / sizeof *egdi__normalise_methods;
