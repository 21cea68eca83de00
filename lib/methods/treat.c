/* Outlier treatment as COINr 1.1.14's Treat() with its defaults (R/treat.R):
 *
 *   check:      an indicator fails when |skew| >= skew AND kurtosis >= kurt
 *               (skew() and kurt(): e1071 type 2, excess kurtosis, on the
 *               non-missing values);
 *   winsorise:  while it fails (or always, with force=1) and fewer than
 *               winmax points are winsorised: if the skewness is >= 0 every
 *               value equal to the maximum becomes the largest other value
 *               ("winhi"), else every value equal to the minimum becomes the
 *               smallest other value ("winlo"); nwin counts the points at the
 *               winsorised extreme(s), so ties can take it past winmax;
 *   log:        if it still fails, log(x - min + 0.01 (max - min)) of the
 *               ORIGINAL values (COINr's log_CT, combine_treat = FALSE),
 *               kept even if it still fails.
 *
 * The "log" method applies log_CT unconditionally. Where COINr stops with an
 * R error (fewer than 4 values) libegdi refuses naming the indicator; where
 * its check is NA (no spread: the indicator is constant) the values are left
 * as they are, as COINr does. Nothing here allocates: the winsorised points
 * are tracked in the caller's label array. */
#include <math.h>
#include <string.h>

#include "methods/treat.h"

enum { TREAT_NONE = 0, TREAT_WINSORISE = 1, TREAT_LOG = 2 };

static egdi_status winsorise_check(const double *p, const char *node)
{
    if (p[0] != floor(p[0]))
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': winsorise: winmax = %g must be a "
                          "whole number of points", node, p[0]);
    if (p[3] != 0 && p[3] != 1)
        return egdi__fail(EGDI_ERR_INVALID_INDEX, "node '%s': winsorise: force = %g must be 0 "
                          "or 1", node, p[3]);
    return EGDI_OK;
}

static const egdi__param winsorise_params[] = {
    {"winmax", "most points winsorised (COINr's winmax)", 5, 0, 1e9, 0},
    {"skew", "threshold of |skewness| (fails when >= it and kurtosis >= kurt)", 2, 0, NAN, 1},
    {"kurt", "threshold of the excess kurtosis", 3.5, NAN, NAN, 0},
    {"force", "1: winsorise winmax points even if the indicator passes (force_win)", 0, 0, 1, 0},
};

static const egdi__param log_params[] = {
    {"skew", "threshold of |skewness| for the report", 2, 0, NAN, 1},
    {"kurt", "threshold of the excess kurtosis for the report", 3.5, NAN, NAN, 0},
};

static const egdi__method treat_methods[EGDI__TREAT_N_METHODS] = {
    {EGDI_STEP_NORMALISE, TREAT_NONE, "none", "no outlier treatment", NULL, 0, 0, 0, NULL, 0,
     NULL, NULL},
    {EGDI_STEP_NORMALISE, TREAT_WINSORISE, "winsorise",
     "COINr's default: winsorise up to winmax points while |skew| >= skew and kurtosis >= kurt, "
     "then log(x - min + 0.01 (max - min)) of the original values if it still fails",
     winsorise_params, 4, 0, 0, winsorise_check, 0, NULL, NULL},
    {EGDI_STEP_NORMALISE, TREAT_LOG, "log",
     "log(x - min + 0.01 (max - min)) always (COINr's log_CT)", log_params, 2, 0, 0, NULL, 0,
     NULL, NULL},
};

const egdi__method *egdi__treat_method(int id)
{
    return id >= 0 && id < EGDI__TREAT_N_METHODS ? &treat_methods[id] : NULL;
}

const egdi__method *egdi__treat_by_name(const char *name)
{
    for (int k = 0; name && k < EGDI__TREAT_N_METHODS; k++)
        if (strcmp(treat_methods[k].name, name) == 0)
            return &treat_methods[k];
    return NULL;
}

const char *egdi__treat_names(void) { return "none|winsorise|log"; }

/* R's mean() of the m non-missing values: a long double sum, divided, then
 * corrected by the mean residual. */
static double r_mean(const double *x, size_t n, size_t m)
{
    long double s = 0, t = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            s += x[i];
    s /= (long double)m;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            t += x[i] - s;
    return (double)(s + t / (long double)m);
}

void egdi__moments_of(const double *x, size_t n, egdi__moments *mo)
{
    mo->mean = mo->sd = mo->skew = mo->kurt = NAN;
    size_t m = egdi__extremes(x, n, &mo->min, &mo->max, NULL, NULL);
    mo->m = m;
    if (!m) {
        mo->min = mo->max = NAN;
        return;
    }
    mo->mean = r_mean(x, n, m);
    long double s2 = 0, s3 = 0, s4 = 0; /* R's sum() accumulates in long double */
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]))
            continue;
        double d = x[i] - mo->mean;
        s2 += d * d;
        s3 += pow(d, 3);
        s4 += pow(d, 4);
    }
    if (m >= 2)
        mo->sd = sqrt((double)(s2 / (long double)(m - 1)));
    double dn = (double)m, S2 = (double)s2, S3 = (double)s3, S4 = (double)s4;
    if (m < 3 || mo->min == mo->max || !(S2 > 0))
        return; /* no spread: skewness and kurtosis are not defined */
    double y = sqrt(dn) * S3 / pow(S2, 1.5);
    mo->skew = y * sqrt(dn * (dn - 1)) / (dn - 2);
    if (m < 4)
        return;
    double r = dn * S4 / (S2 * S2);
    mo->kurt = ((dn + 1) * (r - 3) + 6) * (dn - 1) / ((dn - 2) * (dn - 3));
}

/* COINr's check_SkewKurt: 1 pass, 0 fail, -1 undefined (NA). */
static int check(const double *x, size_t n, double st, double kt, int slot,
                 egdi__treat_report *rep)
{
    egdi__moments mo;
    egdi__moments_of(x, n, &mo);
    double s = mo.skew, k = mo.kurt;
    rep->checked[slot] = 1;
    rep->skew[slot] = s;
    rep->kurt[slot] = k;
    rep->pass[slot] = isnan(s) || isnan(k) ? -1 : (fabs(s) < st || k < kt);
    return rep->pass[slot];
}

/* One winsorisation step on the side the skewness points to; 0 if no other
 * value is left to winsorise to (or the skewness is undefined). */
static int win_step(double *v, unsigned char *pts, size_t n)
{
    egdi__moments mo;
    egdi__moments_of(v, n, &mo);
    if (isnan(mo.skew))
        return 0;
    int hi = mo.skew >= 0;
    double ext = NAN, next = NAN;
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i]) && (isnan(ext) || (hi ? v[i] > ext : v[i] < ext)))
            ext = v[i];
    for (size_t i = 0; i < n; i++)
        if (!isnan(v[i]) && v[i] != ext && (isnan(next) || (hi ? v[i] > next : v[i] < next)))
            next = v[i];
    if (isnan(next))
        return 0;
    unsigned char bit = hi ? EGDI__PT_WINHI : EGDI__PT_WINLO;
    for (size_t i = 0; i < n; i++) { /* COINr keeps only the last set of each side */
        pts[i] &= (unsigned char)~bit;
        if (v[i] == ext) {
            pts[i] |= bit;
            v[i] = next;
        }
    }
    return 1;
}

static void log_ct(const double *x, double *out, unsigned char *pts, size_t n)
{
    double mn, mx;
    egdi__extremes(x, n, &mn, &mx, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i])) {
            out[i] = x[i];
            continue;
        }
        out[i] = egdi__log_ct(x[i], mn, mx);
        pts[i] |= EGDI__PT_LOG;
    }
}

egdi_status egdi__treat_apply(int id, const double *p, const double *x, double *out,
                              unsigned char *pts, size_t n, egdi__treat_report *rep,
                              const egdi__names *nm)
{
    memset(rep, 0, sizeof *rep);
    for (int s = 0; s < 3; s++) {
        rep->pass[s] = -1;
        rep->skew[s] = rep->kurt[s] = NAN;
    }
    rep->method = id;
    memcpy(out, x, n * sizeof *out);
    memset(pts, 0, n);
    if (id == TREAT_NONE)
        return EGDI_OK;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += !isnan(x[i]);
    if (m < 4)
        return egdi__fail(EGDI_ERR_DATA, "indicator '%s': outlier treatment (%s) needs at least "
                          "4 values for the kurtosis, has %zu", nm->node,
                          treat_methods[id].name, m);
    double st = id == TREAT_LOG ? p[0] : p[1], kt = id == TREAT_LOG ? p[1] : p[2];
    int pass = check(x, n, st, kt, 0, rep);
    if (id == TREAT_LOG) {
        if (pass < 0) /* no spread: log_CT would take log(0) */
            return EGDI_OK;
        log_ct(x, out, pts, n);
        rep->logged = 1;
        check(out, n, st, kt, 2, rep);
    } else {
        double winmax = p[0];
        int force = p[3] != 0;
        if (pass < 0 || (pass && !force))
            return EGDI_OK;
        rep->winsorised = 1;
        size_t nwin = 0;
        while ((!pass || force) && (double)nwin < winmax) {
            if (!win_step(out, pts, n))
                break;
            nwin = 0;
            for (size_t i = 0; i < n; i++)
                nwin += (pts[i] & EGDI__PT_WINHI) != 0;
            for (size_t i = 0; i < n; i++)
                nwin += (pts[i] & EGDI__PT_WINLO) != 0;
            egdi__moments mo;
            egdi__moments_of(out, n, &mo);
            if (isnan(mo.skew) || isnan(mo.kurt))
                break; /* constant after winsorising: COINr stops with an error here */
            pass = fabs(mo.skew) < st || mo.kurt < kt;
        }
        rep->nwin = nwin;
        /* a point at both ends is labelled winlo, as COINr assigns winhi then winlo */
        for (size_t i = 0; i < n; i++)
            if ((pts[i] & EGDI__PT_WINHI) && (pts[i] & EGDI__PT_WINLO))
                pts[i] &= (unsigned char)~EGDI__PT_WINHI;
        if (check(out, n, st, kt, 1, rep) == 0) {
            log_ct(x, out, pts, n); /* the original values; the labels keep the winsorised
                                       points, as COINr's "winhi+log_CT" */
            rep->logged = 1;
            check(out, n, st, kt, 2, rep);
        }
    }
    for (size_t i = 0; i < n; i++)
        rep->n_points += pts[i] != 0;
    return EGDI_OK;
}
