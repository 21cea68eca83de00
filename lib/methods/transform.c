/* Non-linear transforms as normalisations: COINr's boxcox() and its log
 * transforms (log_CT, log_CT_orig, log_CT_plus, log_GII) and the plain log.
 * Statistics (min, max, the sign of the skew) are over the units that have a
 * value; a missing value stays missing. Where COINr would return -Inf or NaN
 * for a present value (all values equal, a value <= 0 under the plain log),
 * the method refuses with an error naming the node and the unit. */
#include <math.h>

#include "methods/methods.h"

enum { LOG_CT, LOG_CT_ORIG, LOG_CT_PLUS, LOG_GII, LOG_PLAIN };
static const char *const log_names[] = {"log_CT", "log_CT_orig", "log_CT_plus", "log_GII",
                                        "log"};

static size_t extremes(const egdi__args *a, double *mn, double *mx, size_t *at_min)
{
    size_t m = 0;
    *mn = INFINITY;
    *mx = -INFINITY;
    *at_min = 0;
    for (size_t i = 0; i < a->n; i++) {
        double v = a->x[i];
        if (isnan(v))
            continue;
        m++;
        if (v < *mn) {
            *mn = v;
            *at_min = i;
        }
        if (v > *mx)
            *mx = v;
    }
    return m;
}

/* A result that is not finite for a present value: refuse, naming the unit. */
static egdi_status not_finite(const egdi__args *a, const char *what, size_t i, double y)
{
    return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': %s of unit '%s' (value %g) is %g", a->names->node,
                      what, egdi__unit(a->names, i), a->x[i], y);
}

/* ---- Box-Cox: v = x - min + 1 (makepos) or x; (v^lambda - 1) / lambda, log(v) for
 * lambda 0. params: lambda, makepos ---- */
egdi_status egdi__norm_boxcox_fit(const egdi__args *a, double *f)
{
    double mn, mx;
    size_t at;
    if (extremes(a, &mn, &mx, &at) == 0)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': Box-Cox with no values", a->names->node);
    if (a->params[1] == 0 && !(mn > 0))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': Box-Cox without makepos needs values > 0, "
                          "but unit '%s' has %g", a->names->node, egdi__unit(a->names, at), mn);
    f[0] = mn;
    return EGDI_OK;
}

egdi_status egdi__norm_boxcox_apply(const egdi__args *a, const double *f)
{
    double lambda = a->params[0], mn = f[0];
    int makepos = a->params[1] != 0;
    for (size_t i = 0; i < a->n; i++) {
        double x = a->x[i];
        if (isnan(x)) {
            a->out[i] = x;
            continue;
        }
        double v = makepos ? x - mn + 1 : x;
        double y = lambda == 0 ? log(v) : (pow(v, lambda) - 1) / lambda;
        if (!isfinite(y))
            return not_finite(a, "the Box-Cox transform", i, y);
        a->out[i] = y;
    }
    return EGDI_OK;
}

/* ---- log transforms. params: type. fitted: min, max, +1/-1 (sign of the skew) ---- */
egdi_status egdi__norm_log_fit(const egdi__args *a, double *f)
{
    int type = (int)a->params[0];
    double mn, mx;
    size_t at;
    size_t m = extremes(a, &mn, &mx, &at);
    if (m == 0)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': %s with no values", a->names->node,
                          log_names[type]);
    if (type != LOG_CT_ORIG && type != LOG_PLAIN && !(mx > mn)) /* log(0) or 0 / 0 */
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': %s of values that are all %g (unit '%s' "
                          "and every other)", a->names->node, log_names[type], mn,
                          egdi__unit(a->names, at));
    if (type == LOG_PLAIN && !(mn > 0))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': log of a value <= 0: unit '%s' has %g",
                          a->names->node, egdi__unit(a->names, at), mn);
    double sign = 1;
    if (type == LOG_CT_PLUS) { /* COINr's skew(): only its sign matters here */
        if (m < 3)
            return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': log_CT_plus needs the skew of at least "
                              "3 values, got %zu", a->names->node, m);
        double sum = 0, s3 = 0;
        for (size_t i = 0; i < a->n; i++)
            if (!isnan(a->x[i]))
                sum += a->x[i];
        double mean = sum / (double)m;
        for (size_t i = 0; i < a->n; i++)
            if (!isnan(a->x[i])) {
                double d = a->x[i] - mean;
                s3 += d * d * d;
            }
        sign = s3 > 0 ? 1 : -1;
    }
    f[0] = mn;
    f[1] = mx;
    f[2] = sign;
    return EGDI_OK;
}

egdi_status egdi__norm_log_apply(const egdi__args *a, const double *f)
{
    int type = (int)a->params[0];
    double mn = f[0], mx = f[1], shift = 0.01 * (mx - mn);
    for (size_t i = 0; i < a->n; i++) {
        double x = a->x[i], y;
        if (isnan(x)) {
            a->out[i] = x;
            continue;
        }
        switch (type) {
        case LOG_CT: y = log(x - mn + shift); break;
        case LOG_CT_ORIG: y = log(x - mn + 1); break;
        case LOG_CT_PLUS: y = f[2] > 0 ? log(x - mn + shift) : -log(mx + shift - x); break;
        case LOG_GII: y = log((mx - 1) * (x - mn) / (mx - mn) + 1); break;
        default: y = log(x); break;
        }
        if (!isfinite(y))
            return not_finite(a, log_names[type], i, y);
        a->out[i] = y;
    }
    return EGDI_OK;
}
