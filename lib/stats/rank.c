/* Rounding, ranking, EGDI groups, quantiles, rating classes, group means. */
#include <float.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_statistics_double.h>

#include "stats/stats.h"

/* floor() without a library call where the value fits an integer (the
 * baseline x86-64 instruction set has no rounding instruction). */
static inline double fast_floor(double y)
{
    if (!(fabs(y) < 4503599627370496.0)) /* 2^52: already whole (or NaN) */
        return floor(y);
    double t = (double)(long long)y;    /* truncates toward zero */
    return t > y ? t - 1 : t;
}

/* x rounded half away from zero to 1/scale. Values within 64 ulps of a half
 * count as halves, so that decimal data such as 0.825 (stored as
 * 0.82499999999999995...) round as written; the window never exceeds 2^-10 of
 * a unit, so an already rounded value is never moved. Where x * scale is
 * whole at double precision (|x * scale| >= 2^52, or beyond the range of a
 * double) x is returned as it is: it has no digits to round. */
static double round_half_away(double x, double scale)
{
    double y = x * scale;
    if (!(fabs(y) < 4503599627370496.0))
        return x;
    double f = fast_floor(y);
    double frac = y - f;
    double eps = 64 * DBL_EPSILON * (fabs(y) > 1 ? fabs(y) : 1);
    if (eps > 1.0 / 1024)
        eps = 1.0 / 1024;
    double r;
    if (fabs(frac - 0.5) <= eps)
        r = y >= 0 ? f + 1 : f; /* a half: away from zero */
    else
        r = frac > 0.5 ? f + 1 : f;
    return r / scale;
}

egdi_status egdi_round(const double *x, size_t n, int decimals, double *out)
{
    EGDI_CHECK_ARG((x && out) || n == 0, "x/out");
    if (decimals < 0 || decimals > 15)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_round: decimals must be 0..15, not %d",
                          decimals);
    double scale = egdi__pow10(decimals);
    for (size_t i = 0; i < n; i++)
        out[i] = isnan(x[i]) ? NAN : round_half_away(x[i], scale);
    return EGDI_OK;
}

/* Ranks from pairs sorted highest first. */
static void assign(const egdi__kv *ws, size_t m, egdi_ties ties, int *ranks)
{
    int rank = 0;
    for (size_t r = 0; r < m; r++) {
        int tie = r > 0 && ws[r].key == ws[r - 1].key;
        if (ties == EGDI_TIES_FIRST)
            rank = (int)r + 1;
        else if (!tie)
            rank = ties == EGDI_TIES_DENSE ? rank + 1 : (int)r + 1;
        ranks[ws[r].pos] = rank;
    }
}

/* Ranks tie exactly where egdi_round() gives equal values. */
static double rank_key(double x, int decimals, double scale)
{
    return decimals >= 0 ? round_half_away(x, scale) : x;
}

void egdi__rank_ws(const double *x, size_t n, int decimals, egdi_ties ties, int *ranks,
                   egdi__kv *ws)
{
    double scale = decimals >= 0 ? egdi__pow10(decimals) : 1;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        ranks[i] = 0;
        if (isnan(x[i]))
            continue;
        ws[m].key = rank_key(x[i], decimals, scale);
        ws[m++].pos = i;
    }
    egdi__sort_kv_desc(ws, m, ws + n);
    assign(ws, m, ties, ranks);
}

void egdi__rank_warm(const double *x, size_t n, int decimals, int *ranks, egdi__kv *ws,
                     size_t *order)
{
    double scale = decimals >= 0 ? egdi__pow10(decimals) : 1;
    size_t m = 0, missing = 0;
    size_t *nan_pos = (size_t *)(ws + n); /* the merge buffer is free until the sort */
    for (size_t r = 0; r < n; r++) {
        size_t i = order[r];
        ranks[i] = 0;
        if (isnan(x[i])) {
            nan_pos[missing++] = i;
            continue;
        }
        ws[m].key = rank_key(x[i], decimals, scale);
        ws[m++].pos = i;
    }
    for (size_t k = 0; k < missing; k++) /* before the sort overwrites the buffer */
        order[m + k] = nan_pos[k];
    egdi__sort_kv_desc(ws, m, ws + n);
    for (size_t r = 0; r < m; r++)
        order[r] = ws[r].pos;
    assign(ws, m, EGDI_TIES_MIN, ranks);
}

/* The arguments egdi_rank() and egdi_rank_within() share. */
static egdi_status rank_args(const char *fn, size_t n, int decimals, egdi_ties ties)
{
    if (decimals < -1 || decimals > 15)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: decimals must be -1..15, not %d", fn,
                          decimals);
    if (ties != EGDI_TIES_MIN && ties != EGDI_TIES_DENSE && ties != EGDI_TIES_FIRST)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: unknown ties rule %d", fn, (int)ties);
    if (n > (size_t)INT32_MAX)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "%s: %zu values; ranks are int", fn, n);
    return EGDI_OK;
}

egdi_status egdi_rank(const double *x, size_t n, int decimals, egdi_ties ties, int *ranks)
{
    EGDI_CHECK_ARG((x && ranks) || n == 0, "x/ranks");
    egdi_status st = rank_args("egdi_rank", n, decimals, ties);
    if (st != EGDI_OK || n == 0)
        return st;
    egdi__kv *ws = egdi__mallocarray(n, 2 * sizeof *ws);
    if (!ws)
        return egdi__fail(EGDI_ERR_NOMEM, "egdi_rank: out of memory for %zu values", n);
    egdi__rank_ws(x, n, decimals, ties, ranks, ws);
    free(ws);
    return EGDI_OK;
}

egdi_status egdi_rank_within(const double *x, const int *groups, size_t n, int decimals,
                             egdi_ties ties, int *ranks)
{
    EGDI_CHECK_ARG((x && groups && ranks) || n == 0, "x/groups/ranks");
    egdi_status st = rank_args("egdi_rank_within", n, decimals, ties);
    if (st != EGDI_OK || n == 0)
        return st;
    int top = -1;
    for (size_t i = 0; i < n; i++) {
        if (groups[i] < -1)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "egdi_rank_within: unit %zu: group %d (groups "
                              "are >= 0, -1 = none)", i, groups[i]);
        if (groups[i] > top)
            top = groups[i];
    }
    /* units by group (a counting sort), then each group ranked on its own */
    size_t ng = (size_t)top + 1;
    size_t *start = calloc(ng + 1, sizeof *start), *order = egdi__mallocarray(n, sizeof *order);
    size_t *next = egdi__mallocarray(ng, sizeof *next);
    double *vals = egdi__mallocarray(n, sizeof *vals);
    int *r = egdi__mallocarray(n, sizeof *r);
    egdi__kv *ws = egdi__mallocarray(n, 2 * sizeof *ws);
    if (!start || !order || !next || !vals || !r || !ws) {
        st = egdi__fail(EGDI_ERR_NOMEM, "egdi_rank_within: out of memory for %zu values", n);
    } else {
        for (size_t i = 0; i < n; i++)
            if (groups[i] >= 0)
                start[groups[i] + 1]++;
        for (size_t g = 0; g < ng; g++)
            start[g + 1] += start[g];
        memcpy(next, start, ng * sizeof *next);
        for (size_t i = 0; i < n; i++) {
            ranks[i] = 0;
            if (groups[i] >= 0)
                order[next[groups[i]]++] = i;
        }
        for (size_t g = 0; g < ng; g++) {
            size_t m = start[g + 1] - start[g];
            for (size_t k = 0; k < m; k++)
                vals[k] = x[order[start[g] + k]];
            egdi__rank_ws(vals, m, decimals, ties, r, ws);
            for (size_t k = 0; k < m; k++)
                ranks[order[start[g] + k]] = r[k];
        }
    }
    free(start), free(order), free(next), free(vals), free(r), free(ws);
    return st;
}

egdi_status egdi_groups(const double *x, size_t n, const double *thresholds, int *groups)
{
    EGDI_CHECK_ARG((x && groups) || n == 0, "x/groups");
    static const double dflt[3] = {0.25, 0.50, 0.75};
    const double *t = thresholds ? thresholds : dflt;
    if (!(t[0] < t[1] && t[1] < t[2]))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "group thresholds %g, %g, %g are not increasing",
                          t[0], t[1], t[2]);
    for (size_t i = 0; i < n; i++) {
        double v = x[i];
        groups[i] = isnan(v) ? EGDI_GROUP_NONE
                    : v >= t[2] ? EGDI_GROUP_VERY_HIGH
                    : v >= t[1] ? EGDI_GROUP_HIGH
                    : v >= t[0] ? EGDI_GROUP_MIDDLE
                                : EGDI_GROUP_LOW;
    }
    return EGDI_OK;
}

const char *egdi_group_name(int group)
{
    static const char *const names[] = {"", "Low", "Middle", "High", "Very High"};
    return group >= 0 && group <= 4 ? names[group] : "";
}

const char *egdi_group_code(int group)
{
    static const char *const codes[] = {"", "L", "M", "H", "VH"};
    return group >= 0 && group <= 4 ? codes[group] : "";
}

egdi_status egdi_quantile_sorted(const double *s, size_t n, double p, int type, double *out)
{
    EGDI_CHECK_ARG(s && out, "sorted/out");
    if (n == 0)
        return egdi__fail(EGDI_ERR_DOMAIN, "quantile of no values");
    if (!(p >= 0 && p <= 1))
        return egdi__fail(EGDI_ERR_INVALID_ARG, "quantile probability %g is not in [0, 1]", p);
    if (type < 1 || type > 9)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "quantile type %d is not 1..9", type);
    for (size_t i = 0; i < n; i++)
        if (isnan(s[i]) || (i && s[i] < s[i - 1]))
            return egdi__fail(EGDI_ERR_INVALID_ARG, "quantile: value %zu is NaN or out of "
                              "ascending order", i + 1);
    if (type == 7) { /* GSL implements exactly this definition */
        *out = gsl_stats_quantile_from_sorted_data(s, 1, n, p);
        return EGDI_OK;
    }
    double N = (double)n, np = N * p;
    if (type <= 3) { /* discontinuous definitions (Hyndman & Fan 1996, eq. for Q1..Q3) */
        double m = type == 3 ? -0.5 : 0.0;
        double j = floor(np + m), g = np + m - j;
        int take_upper;
        if (type == 1)
            take_upper = g > 0;
        else if (type == 2)
            take_upper = g > 0 ? 1 : -1; /* -1: average of the two */
        else
            take_upper = !(g == 0 && fmod(j, 2.0) == 0);
        long lo = (long)j, hi = (long)j + 1; /* 1-based order statistics */
        if (lo < 1) lo = 1;
        if (lo > (long)n) lo = (long)n;
        if (hi < 1) hi = 1;
        if (hi > (long)n) hi = (long)n;
        if (take_upper == -1)
            *out = 0.5 * (s[lo - 1] + s[hi - 1]);
        else
            *out = take_upper ? s[hi - 1] : s[lo - 1];
        return EGDI_OK;
    }
    /* continuous definitions: Q(p) = x_k + (h - k)(x_{k+1} - x_k), h = (N + a) p + b */
    double h;
    switch (type) {
    case 4: h = N * p; break;
    case 5: h = N * p + 0.5; break;
    case 6: h = (N + 1) * p; break;
    case 8: h = (N + 1.0 / 3) * p + 1.0 / 3; break;
    default: h = (N + 0.25) * p + 3.0 / 8; break; /* 9 */
    }
    if (h <= 1) {
        *out = s[0];
        return EGDI_OK;
    }
    if (h >= N) {
        *out = s[n - 1];
        return EGDI_OK;
    }
    double k = floor(h);
    size_t ki = (size_t)k;
    *out = s[ki - 1] + (h - k) * (s[ki] - s[ki - 1]);
    return EGDI_OK;
}

egdi_status egdi__quartiles(const double *s, size_t m, int type, double q[3])
{
    egdi_status st = EGDI_OK;
    for (int k = 0; k < 3 && st == EGDI_OK; k++)
        st = egdi_quantile_sorted(s, m, 0.25 * (k + 1), type, &q[k]);
    return st;
}

int egdi__rating_class(int group, double v, const double q[3])
{
    int quart = v > q[2] ? 4 : v > q[1] ? 3 : v > q[0] ? 2 : 1;
    return (group - 1) * 4 + quart;
}

egdi_status egdi_rating_classes(const double *x, const int *groups, size_t n, int quantile_type,
                                int *classes)
{
    EGDI_CHECK_ARG((x && groups && classes) || n == 0, "x/groups/classes");
    if (quantile_type < 1 || quantile_type > 9)
        return egdi__fail(EGDI_ERR_INVALID_ARG, "quantile type %d is not 1..9", quantile_type);
    for (size_t i = 0; i < n; i++) {
        if (groups[i] < 0 || groups[i] > 4)
            return egdi__fail(EGDI_ERR_INVALID_ARG, "unit %zu: group %d is not 0..4", i + 1,
                              groups[i]);
        if (groups[i] != EGDI_GROUP_NONE && isnan(x[i]))
            return egdi__fail(EGDI_ERR_INVALID_ARG, "unit %zu: has a group but no value", i + 1);
        classes[i] = 0;
    }
    /* one sort of every grouped value; each group's values are then read off in
     * ascending order, so no group is sorted on its own */
    egdi__kv *kv = egdi__mallocarray(n, 2 * sizeof *kv);
    double *buf = egdi__mallocarray(n, sizeof *buf);
    if (!kv || !buf) {
        free(kv), free(buf);
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    }
    size_t m_all = 0;
    for (size_t i = 0; i < n; i++)
        if (groups[i] != EGDI_GROUP_NONE) {
            kv[m_all].key = x[i];
            kv[m_all++].pos = i;
        }
    egdi__sort_kv_desc(kv, m_all, kv + n);
    egdi_status st = EGDI_OK;
    for (int g = EGDI_GROUP_LOW; g <= EGDI_GROUP_VERY_HIGH && st == EGDI_OK; g++) {
        size_t m = 0;
        for (size_t r = m_all; r-- > 0;)
            if (groups[kv[r].pos] == g)
                buf[m++] = kv[r].key;
        if (m == 0)
            continue;
        double q[3];
        st = egdi__quartiles(buf, m, quantile_type, q);
        for (size_t i = 0; i < n && st == EGDI_OK; i++)
            if (groups[i] == g)
                classes[i] = egdi__rating_class(g, x[i], q);
    }
    free(kv);
    free(buf);
    return st;
}

const char *egdi_rating_class_label(int c)
{
    static const char *const labels[17] = {"",   "L1", "L2", "L3", "LM", "M1", "M2", "M3", "MH",
                                           "H1", "H2", "H3", "HV", "V1", "V2", "V3", "VH"};
    return c >= 0 && c <= 16 ? labels[c] : "";
}

egdi_status egdi_group_means(const double *x, const int *groups, size_t n, size_t n_groups,
                             double *means, size_t *counts)
{
    EGDI_CHECK_ARG(((x && groups) || n == 0) && (means || n_groups == 0), "x/groups/means");
    for (size_t g = 0; g < n_groups; g++) {
        means[g] = 0;
        if (counts)
            counts[g] = 0;
    }
    size_t *cnt = calloc(n_groups ? n_groups : 1, sizeof *cnt);
    if (!cnt)
        return egdi__fail(EGDI_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        if (groups[i] < 0 || isnan(x[i]))
            continue;
        if ((size_t)groups[i] >= n_groups) {
            free(cnt);
            return egdi__fail(EGDI_ERR_RANGE, "unit %zu: group %d is not below n_groups = %zu",
                              i + 1, groups[i], n_groups);
        }
        means[groups[i]] += x[i];
        cnt[groups[i]]++;
    }
    for (size_t g = 0; g < n_groups; g++) {
        means[g] = cnt[g] ? means[g] / (double)cnt[g] : NAN;
        if (counts)
            counts[g] = cnt[g];
    }
    free(cnt);
    return EGDI_OK;
}
