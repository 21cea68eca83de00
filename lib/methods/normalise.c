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

/* ---- z-score: target_mean + target_sd * (x - mean) / sd; sd with divisor m
 * (population, the Survey's) or m - 1 (sample, COINr's n_zscore) ---- */
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
    double sd = sqrt(ss / ((double)m - a->params[2]));
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
        a->out[i] = (a->x[i] - mean) / sd * ts + tm; /* COINr's order; NaN stays NaN */
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

/* ---- goalposts and scaled: (x - lo) / (hi - lo) * scale, lo and hi in the
 * indicator's own units whatever its direction (COINr's iMeta goalposts: for
 * direction -1 the posts become -hi, -lo, so the score is (hi - x) / (hi - lo)
 * in the indicator's units); goalposts clamp to [0, 1] first unless trunc=0.
 * Fixed, not fitted. ---- */
static egdi_status goalposts_check(const double *p, const char *node)
{
    return lo_below_hi(p, node, "goalposts");
}

static egdi_status scaled_check(const double *p, const char *node)
{
    return lo_below_hi(p, node, "scaled");
}

static void posts_apply(const egdi__args *a, int trunc)
{
    double lo = a->params[0], hi = a->params[1], scale = a->params[2];
    double l = a->direction < 0 ? -hi : lo, u = a->direction < 0 ? -lo : hi;
    for (size_t i = 0; i < a->n; i++) {
        double v = (a->x[i] - l) / (u - l); /* NaN stays NaN */
        if (trunc)
            v = v > 1 ? 1 : v < 0 ? 0 : v;
        a->out[i] = v * scale;
    }
}

static egdi_status goalposts_apply(const egdi__args *a, const double *f)
{
    (void)f;
    posts_apply(a, a->params[3] != 0);
    return EGDI_OK;
}

static egdi_status scaled_apply(const egdi__args *a, const double *f)
{
    (void)f;
    posts_apply(a, 0);
    return EGDI_OK;
}

/* ---- fraction of the maximum: x / max(x) ---- */
static egdi_status fracmax_fit(const egdi__args *a, double *f)
{
    size_t m = 0, at = 0;
    double mx = -INFINITY;
    for (size_t i = 0; i < a->n; i++)
        if (!isnan(a->x[i])) {
            m++;
            if (a->x[i] > mx) {
                mx = a->x[i];
                at = i;
            }
        }
    if (m < 1)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': fraction of maximum with no values",
                          a->names->node);
    if (!(mx > 0)) /* COINr gives Inf/NaN for a zero maximum */
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': fraction of maximum needs a positive "
                          "maximum, but the highest value is %g (unit '%s')", a->names->node, mx,
                          egdi__unit(a->names, at));
    f[0] = mx;
    return EGDI_OK;
}

static egdi_status fracmax_apply(const egdi__args *a, const double *f)
{
    for (size_t i = 0; i < a->n; i++)
        a->out[i] = a->x[i] / f[0];
    return EGDI_OK;
}

#define DATA EGDI__M_DATA_DRIVEN
#define SWITCH(name, summary, dflt) {name, summary, dflt, 0, 1, EGDI__P_INTEGER}

static const egdi__param zscore_params[] = {
    {"mean", "mean of the result", 0, NONE, NONE, 0},
    {"sd", "standard deviation of the result", 1, 0, NONE, EGDI__P_LO_OPEN},
    {"sd_type", "population|sample: divide the squares by n (the Survey's) or by n - 1 (COINr's "
     "n_zscore)", 0, NONE, NONE, EGDI__P_KEYWORD},
};
static const egdi__param minmax_params[] = {
    {"lo", "value of the lowest unit", 0, NONE, NONE, 0},
    {"hi", "value of the highest unit", 1, NONE, NONE, 0},
};
static const egdi__param goalposts_params[] = {
    {"lo", "lower goalpost, in the indicator's units (scores 0, or scale for direction -1)",
     REQUIRED, NONE, NONE, 0},
    {"hi", "upper goalpost, in the indicator's units (scores scale, or 0 for direction -1)",
     REQUIRED, NONE, NONE, 0},
    {"scale", "score of the best goalpost", 1, 0, NONE, EGDI__P_LO_OPEN},
    SWITCH("trunc", "1: clamp to the goalposts (COINr's trunc2posts); 0: do not", 1),
};
static const egdi__param scaled_params[] = {
    {"lo", "lower bound l, in the indicator's units", 0, NONE, NONE, 0},
    {"hi", "upper bound u, in the indicator's units", 100, NONE, NONE, 0},
    {"scale", "scale factor (COINr's scale_factor)", 100, 0, NONE, EGDI__P_LO_OPEN},
};
static const egdi__param dist2ref_params[] = {
    {"ref", "the reference unit: its code (in iMeta and parameter text) or its position in the "
     "data (1 = the first unit)", REQUIRED, 1, NONE, EGDI__P_UNIT},
    SWITCH("cap_max", "1: scores above 1 (better than the reference) become 1", 0),
};
static const egdi__param dist2targ_params[] = {
    {"target", "the target, in the indicator's units", REQUIRED, NONE, NONE, 0},
    SWITCH("cap_max", "1: scores above 1 (beyond the target) become 1", 0),
};
static const egdi__param boxcox_params[] = {
    {"lambda", "Box-Cox exponent (0 = log)", REQUIRED, NONE, NONE, 0},
    SWITCH("makepos", "1: shift to x - min(x) + 1 first (COINr's default); 0: x must be > 0", 1),
};
static const egdi__param log_params[] = {
    {"type", "ct|ct_orig|ct_plus|gii|plain: log(x - min + 0.01 (max - min)) (COINr's log_CT), "
     "log(x - min + 1) (log_CT_orig), log_CT or -log(max + 0.01 (max - min) - x) by the sign "
     "of the skew (log_CT_plus), log((max - 1)(x - min) / (max - min) + 1) (log_GII), or "
     "log(x) with x > 0", 0, NONE, NONE, EGDI__P_KEYWORD},
};

#define NORM(id, name, summary, params, n_req, flags, check, n_fit, fit, apply) \
    [id] = {EGDI_STEP_NORMALISE, id, name, summary, params,                      \
            sizeof params / sizeof *params, n_req, flags, check, n_fit, fit, apply}

const egdi__method egdi__normalise_methods[] = {
    [EGDI_NORM_NONE] = {EGDI_STEP_NORMALISE, EGDI_NORM_NONE, "none", "the value as it is", NULL,
                        0, 0, 0, NULL, 0, NULL, none_apply},
    NORM(EGDI_NORM_ZSCORE, "zscore", "(x - mean(x)) / sd(x) * sd + mean, population sd unless "
         "sd_type=sample", zscore_params, 0, DATA, NULL, 2, zscore_fit, zscore_apply),
    NORM(EGDI_NORM_MINMAX, "minmax", "lo + (x - min(x)) / (max(x) - min(x)) * (hi - lo)",
         minmax_params, 0, DATA, minmax_check, 2, minmax_fit, minmax_apply),
    NORM(EGDI_NORM_GOALPOSTS, "goalposts", "clamp((x - lo) / (hi - lo), 0, 1) * scale, goalposts "
         "in the indicator's units ((hi - x) / (hi - lo) for direction -1)", goalposts_params, 2,
         0, goalposts_check, 0, NULL, goalposts_apply),
    [EGDI_NORM_FRACMAX] = {EGDI_STEP_NORMALISE, EGDI_NORM_FRACMAX, "fracmax", "x / max(x)", NULL,
                           0, 0, DATA, NULL, 1, fracmax_fit, fracmax_apply},
    [EGDI_NORM_RANK] = {EGDI_STEP_NORMALISE, EGDI_NORM_RANK, "rank", "rank of x, ascending "
                        "(highest value = n), ties take the lowest rank", NULL, 0, 0, DATA, NULL,
                        0, NULL, egdi__norm_rank_apply},
    [EGDI_NORM_PRANK] = {EGDI_STEP_NORMALISE, EGDI_NORM_PRANK, "prank", "percentile rank (rank - "
                         "1) / (n - 1), ties take the lowest rank", NULL, 0, 0, DATA, NULL, 0,
                         NULL, egdi__norm_prank_apply},
    [EGDI_NORM_BORDA] = {EGDI_STEP_NORMALISE, EGDI_NORM_BORDA, "borda", "Borda score rank - 1: "
                         "the number of units with a lower value", NULL, 0, 0, DATA, NULL, 0, NULL,
                         egdi__norm_borda_apply},
    [EGDI_NORM_DIST2MAX] = {EGDI_STEP_NORMALISE, EGDI_NORM_DIST2MAX, "dist2max", "1 - (max(x) - "
                            "x) / (max(x) - min(x))", NULL, 0, 0, DATA, NULL, 2,
                            egdi__norm_dist2max_fit, egdi__norm_dist2max_apply},
    NORM(EGDI_NORM_DIST2REF, "dist2ref", "1 - (x_ref - x) / (x_ref - min(x)), x_ref the value of "
         "a reference unit", dist2ref_params, 1, DATA, NULL, 2, egdi__norm_dist2ref_fit,
         egdi__norm_dist2ref_apply),
    NORM(EGDI_NORM_DIST2TARG, "dist2targ", "(x - min(x)) / (target - min(x)), target in the "
         "indicator's units ((max(x) - x) / (max(x) - target) for direction -1)",
         dist2targ_params, 1, DATA, NULL, 2, egdi__norm_dist2targ_fit,
         egdi__norm_dist2targ_apply),
    NORM(EGDI_NORM_SCALED, "scaled", "(x - lo) / (hi - lo) * scale, not clamped, bounds in the "
         "indicator's units ((hi - x) / (hi - lo) * scale for direction -1)", scaled_params, 0, 0,
         scaled_check, 0, NULL, scaled_apply),
    NORM(EGDI_NORM_BOXCOX, "boxcox", "Box-Cox ((x - min(x) + 1)^lambda - 1) / lambda, or the log "
         "for lambda 0 (COINr's boxcox)", boxcox_params, 1, DATA, NULL, 1, egdi__norm_boxcox_fit,
         egdi__norm_boxcox_apply),
    NORM(EGDI_NORM_LOG, "log", "log transforms of COINr (log_CT by default; see type)",
         log_params, 0, DATA, NULL, 3, egdi__norm_log_fit, egdi__norm_log_apply),
};
const size_t egdi__n_normalise_methods =
    sizeof egdi__normalise_methods / sizeof *egdi__normalise_methods;
