/* Distance normalisations (COINr's n_dist2max, n_dist2ref, n_dist2targ).
 * Statistics are over the units that have a value; a missing value stays
 * missing. Where COINr silently divides by zero (all values equal, the
 * reference unit holding the minimum, a target equal to the minimum), turns
 * the order round (a target short of the minimum) or
 * returns missing everywhere (a reference unit without a value), the method
 * refuses with an error naming the node and the unit. */
#include <math.h>

#include "methods/methods.h"

size_t egdi__extremes(const double *x, size_t n, double *mn, double *mx, size_t *at_min,
                      size_t *at_max)
{
    size_t m = 0, lo_at = 0, hi_at = 0;
    *mn = INFINITY;
    *mx = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        if (isnan(v))
            continue;
        m++;
        if (v < *mn) {
            *mn = v;
            lo_at = i;
        }
        if (v > *mx) {
            *mx = v;
            hi_at = i;
        }
    }
    if (at_min)
        *at_min = lo_at;
    if (at_max)
        *at_max = hi_at;
    return m;
}

/* ---- distance to the maximum: 1 - (max - x) / (max - min) ---- */
egdi_status egdi__norm_dist2max_fit(const egdi__args *a, double *f)
{
    double mn, mx;
    size_t at;
    size_t m = egdi__extremes(a->x, a->n, &mn, &mx, &at, NULL);
    if (m < 2)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': distance to the maximum needs at least 2 "
                          "values, got %zu", a->names->node, m);
    if (!(mx > mn))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': distance to the maximum of values that "
                          "are all %g", a->names->node, mn);
    if (isinf(mx - mn))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': distance to the maximum of values from %g "
                          "to %g: the range exceeds a double", a->names->node, mn, mx);
    f[0] = mn;
    f[1] = mx;
    return EGDI_OK;
}

egdi_status egdi__norm_dist2max_apply(const egdi__args *a, const double *f)
{
    double mn = f[0], mx = f[1];
    for (size_t i = 0; i < a->n; i++)
        a->out[i] = 1 - (mx - a->x[i]) / (mx - mn);
    return EGDI_OK;
}

/* ---- distance to a reference unit: 1 - (x_ref - x) / (x_ref - min), capped at 1 on
 * request. params: ref (1-based unit position), cap_max ---- */
egdi_status egdi__norm_dist2ref_fit(const egdi__args *a, double *f)
{
    double ref = a->params[0], mn, mx;
    if (!(ref >= 1 && ref <= (double)a->n))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': dist2ref: ref = %g, but the data has %zu "
                          "units (ref is a position from 1)", a->names->node, ref, a->n);
    size_t r = (size_t)ref - 1, at;
    double xref = a->x[r];
    if (isnan(xref))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': dist2ref: the reference unit '%s' has no "
                          "value", a->names->node, egdi__unit(a->names, r));
    egdi__extremes(a->x, a->n, &mn, &mx, &at, NULL);
    if (!(xref > mn))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': dist2ref: the reference unit '%s' has the "
                          "lowest value (%g): every score would divide by zero", a->names->node,
                          egdi__unit(a->names, r), xref);
    if (isinf(xref - mn))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': dist2ref: the reference unit '%s' (%g) is "
                          "beyond a double's range from the lowest value (%g, unit '%s')",
                          a->names->node, egdi__unit(a->names, r), xref, mn,
                          egdi__unit(a->names, at));
    f[0] = xref;
    f[1] = mn;
    return EGDI_OK;
}

egdi_status egdi__norm_dist2ref_apply(const egdi__args *a, const double *f)
{
    double xref = f[0], mn = f[1];
    int cap = a->params[1] != 0;
    for (size_t i = 0; i < a->n; i++) {
        double y = 1 - (xref - a->x[i]) / (xref - mn);
        a->out[i] = cap && y > 1 ? 1 : y;
    }
    return EGDI_OK;
}

/* ---- distance to a target: (x - min) / (target - min), capped at 1 on request. The
 * target is in the indicator's units: x arrives multiplied by the direction, so the
 * target is too (COINr's iMeta targets: targ = Target * Direction); for direction -1
 * this is (max - x) / (max - target) in the indicator's units. params: target, cap_max ---- */
egdi_status egdi__norm_dist2targ_fit(const egdi__args *a, double *f)
{
    double targ = a->params[0] * (a->direction < 0 ? -1 : 1), mn, mx;
    size_t at;
    size_t m = egdi__extremes(a->x, a->n, &mn, &mx, &at, NULL);
    if (m < 1)
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': dist2targ with no values",
                          a->names->node);
    /* the target must lie beyond the worst value (above it; below it for
     * direction -1): equal divides by zero, short of it makes every score
     * negative and reverses the order (the best unit scores lowest) */
    if (!(targ > mn)) {
        double worst = a->direction < 0 ? -mn : mn;
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': dist2targ: the target %g %s the worst "
                          "value %g (unit '%s'): %s", a->names->node, a->params[0],
                          targ == mn ? "equals" : a->direction < 0 ? "is above" : "is below",
                          worst, egdi__unit(a->names, at),
                          targ == mn ? "every score would divide by zero"
                                     : "every score would be negative and the order reversed");
    }
    if (isinf(targ - mn))
        return egdi__fail(EGDI_ERR_DOMAIN, "node '%s': dist2targ: the target %g is beyond a "
                          "double's range from the worst value (unit '%s')", a->names->node,
                          a->params[0], egdi__unit(a->names, at));
    f[0] = targ;
    f[1] = mn;
    return EGDI_OK;
}

egdi_status egdi__norm_dist2targ_apply(const egdi__args *a, const double *f)
{
    double targ = f[0], mn = f[1];
    int cap = a->params[1] != 0;
    for (size_t i = 0; i < a->n; i++) {
        double y = (a->x[i] - mn) / (targ - mn);
        a->out[i] = cap && y > 1 ? 1 : y;
    }
    return EGDI_OK;
}
