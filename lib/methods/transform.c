/* Non-linear transforms as normalisations: COINr's boxcox() and its log
 * transforms (log_CT, log_CT_orig, log_CT_plus, log_GII) and the plain log.
 * Statistics (min, max, the sign of the skew) are over the units that have a
 * value; a missing value stays missing. Where COINr would return -Inf or NaN
 * for a present value (all values equal, a value <= 0 under the plain log),
 * the method refuses with an error naming the node and the unit. */
#include <gsl/gsl_sort_double.h>
#include <math.h>

#include "methods/methods.h"

enum { LOG_CT, LOG_CT_ORIG, LOG_CT_PLUS, LOG_GII, LOG_PLAIN };
static const char *const log_names[] = {"log_CT", "log_CT_orig", "log_CT_plus", "log_GII",
                                        "log"};

/* A result that is not finite for a present value: refuse, naming the unit. */
static egdi_status not_finite(const egdi__args *a, const char *what, size_t i, double y)
{
    return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': %s of unit '%s' (value %g) is %g", a->names->node,
                      what, egdi__unit(a->names, i), a->x[i], y);
}

/* ---- Box-Cox: v = x - min + 1 (makepos) or x; (v^lambda - 1) / lambda, log(v) for
 * lambda 0. params: lambda, makepos.
 *
 * (v^lambda - 1) / lambda is computed as expm1(lambda log v) / lambda, which
 * keeps its digits for lambda near 0 (where v^lambda - 1 cancels: lambda =
 * 1e-12 would leave 4 digits, 1e-17 none) and tends to log v as lambda -> 0.
 * The transform is strictly increasing in v for every lambda, but in doubles
 * a large |lambda| collapses distinct values into one: for lambda = -10,
 * v = 1000 and v = 10000 both give 0.1 (v^-10 is below 0.1's rounding). Such
 * a result is refused (EGDI_ERR_DOMAIN naming the two units and lambda)
 * rather than bounding lambda by a number that depends on the data anyway; a
 * result beyond a double (v^lambda overflowing) is refused too. The check
 * sorts the present values in the scratch array (heapsort: no allocation),
 * O(n log n). ---- */
egdi_status egdi__norm_boxcox_fit(const egdi__args *a, double *f)
{
    double mn, mx;
    size_t at;
    if (egdi__extremes(a->x, a->n, &mn, &mx, &at, NULL) == 0)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': Box-Cox with no values", a->names->node);
    if (a->params[1] == 0 && !(mn > 0))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': Box-Cox without makepos needs values > 0, "
                          "but unit '%s' has %g", a->names->node, egdi__unit(a->names, at), mn);
    f[0] = mn;
    return EGDI_OK;
}

static double boxcox(double x, double lambda, double mn, int makepos)
{
    double v = makepos ? x - mn + 1 : x;
    return lambda == 0 ? log(v) : expm1(lambda * log(v)) / lambda;
}

/* The first unit whose value is x. */
static size_t unit_of(const egdi__args *a, double x)
{
    size_t i = 0;
    while (i + 1 < a->n && a->x[i] != x)
        i++;
    return i;
}

egdi_status egdi__norm_boxcox_apply(const egdi__args *a, const double *f)
{
    double lambda = a->params[0], mn = f[0];
    int makepos = a->params[1] != 0;
    /* before anything is written (out may be x): distinct values stay distinct */
    double *s = a->work;
    size_t m = 0;
    for (size_t i = 0; i < a->n; i++)
        if (!isnan(a->x[i]))
            s[m++] = a->x[i];
    gsl_sort(s, 1, m);
    for (size_t k = 1; k < m; k++) {
        if (s[k] == s[k - 1])
            continue;
        double y0 = boxcox(s[k - 1], lambda, mn, makepos), y1 = boxcox(s[k], lambda, mn, makepos);
        if (y0 == y1 && isfinite(y0))
            return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': Box-Cox with lambda = %g maps the "
                              "values %g (unit '%s') and %g (unit '%s') to the same %.17g: "
                              "lambda is too far from 0 for these values to stay distinct",
                              a->names->node, lambda, s[k - 1],
                              egdi__unit(a->names, unit_of(a, s[k - 1])), s[k],
                              egdi__unit(a->names, unit_of(a, s[k])), y0);
    }
    for (size_t i = 0; i < a->n; i++) {
        double x = a->x[i];
        if (isnan(x)) {
            a->out[i] = x;
            continue;
        }
        double y = boxcox(x, lambda, mn, makepos);
        if (!isfinite(y))
            return not_finite(a, "the Box-Cox transform", i, y);
        a->out[i] = y;
    }
    return EGDI_OK;
}

/* ---- log transforms. params: type. fitted: min, max, +1/-1 (sign of the skew).
 * log_GII, log((max - 1)(x - min) / (max - min) + 1), maps the range onto
 * log 1 .. log max: it needs max > 1 (max = 1 flattens every value to 0,
 * max < 1 reverses the order or takes the log of a negative number), refused
 * otherwise naming the unit with the highest value. ---- */
egdi_status egdi__norm_log_fit(const egdi__args *a, double *f)
{
    int type = (int)a->params[0];
    double mn, mx;
    size_t at, at_max;
    size_t m = egdi__extremes(a->x, a->n, &mn, &mx, &at, &at_max);
    if (m == 0)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': %s with no values", a->names->node,
                          log_names[type]);
    if (type != LOG_CT_ORIG && type != LOG_PLAIN && !(mx > mn)) /* log(0) or 0 / 0 */
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': %s of values that are all %g (unit '%s' "
                          "and every other)", a->names->node, log_names[type], mn,
                          egdi__unit(a->names, at));
    if (type == LOG_GII && !(mx > 1))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': log_GII needs a highest value above 1 (it "
                          "maps the values onto log 1 .. log max), but the highest is %g (unit "
                          "'%s')%s", a->names->node, mx, egdi__unit(a->names, at_max),
                          a->direction < 0 ? " after the direction -1" : "");
    if (type == LOG_PLAIN && !(mn > 0))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': log of a value <= 0: unit '%s' has %g",
                          a->names->node, egdi__unit(a->names, at), mn);
    double sign = 1;
    if (type == LOG_CT_PLUS) { /* COINr's skew(): only its sign matters here */
        if (m < 3)
            return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': log_CT_plus needs the skew of at least "
                              "3 values, got %zu", a->names->node, m);
        egdi__moments mo;
        egdi__moments_of(a->x, a->n, &mo);
        sign = mo.skew > 0 ? 1 : -1;
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
        case LOG_CT: y = egdi__log_ct(x, mn, mx); break;
        case LOG_CT_ORIG: y = log(x - mn + 1); break;
        case LOG_CT_PLUS: y = f[2] > 0 ? egdi__log_ct(x, mn, mx) : -log(mx + shift - x); break;
        case LOG_GII: y = log((mx - 1) * (x - mn) / (mx - mn) + 1); break;
        default: y = log(x); break;
        }
        if (!isfinite(y))
            return not_finite(a, log_names[type], i, y);
        a->out[i] = y;
    }
    return EGDI_OK;
}
