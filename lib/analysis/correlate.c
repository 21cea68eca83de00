/* Correlation kernels (describe.h): Pearson, Spearman and Kendall's tau-b
 * over the complete pairs of two columns, with the two-sided p-values of R's
 * cor.test(), and the plain-array entry point egdi_correlation(). The
 * tables (matrices, each node with its parent) are in corr_tables.c.
 *
 * p-values, as R 4.x stats::cor.test(alternative = "two.sided"):
 *  - Pearson: t = sqrt(m - 2) r / sqrt(1 - r^2), Student t with m - 2 df.
 *  - Spearman: S = (m^3 - m)(1 - rho) / 6. Without ties and m <= 1290,
 *    R's pRho (algorithm AS 89): the exact null distribution of S for
 *    m <= 9 (all m! permutations, enumerated once per call and size),
 *    otherwise AS 89's Edgeworth series; with ties or m > 1290 the t
 *    approximation t = rho sqrt((m - 2) / (1 - rho^2)).
 *  - Kendall: without ties and m < 50 the exact distribution of the number
 *    T of concordant pairs (permutations by number of inversions); else
 *    z = S / sqrt(var S) with S = tau sqrt((T0 - T1)(T0 - T2)) and R's
 *    tie-corrected variance, no continuity correction. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "analysis/analysis.h"
#include "data/data.h"
#include "model/model.h"

static const char *const method_names[] = {"pearson", "spearman", "kendall"};

const char *egdi_corr_method_name(egdi_corr_method method)
{
    return (unsigned)method < 3 ? method_names[method] : NULL;
}

egdi_status egdi_corr_method_from_name(const char *name, egdi_corr_method *out)
{
    EGDI_CHECK_ARG(name, "name");
    EGDI_CHECK_ARG(out, "out");
    for (int k = 0; k < 3; k++)
        if (egdi__same_ascii(name, method_names[k])) {
            *out = (egdi_corr_method)k;
            return EGDI_OK;
        }
    return egdi__fail(EGDI_ERR_NOT_FOUND,
                      "unknown correlation method '%s' (pearson, spearman or kendall)", name);
}

/* ---- workspace ---- */

egdi_status egdi__corr_ws_init(egdi__corr_ws *ws, size_t cap)
{
    memset(ws, 0, sizeof *ws);
    ws->cap = cap;
    ws->x = egdi__mallocarray(cap, sizeof *ws->x);
    ws->y = egdi__mallocarray(cap, sizeof *ws->y);
    ws->rx = egdi__mallocarray(cap, sizeof *ws->rx);
    ws->ry = egdi__mallocarray(cap, sizeof *ws->ry);
    ws->tmp = egdi__mallocarray(cap, sizeof *ws->tmp);
    ws->kv = egdi__mallocarray(cap, sizeof *ws->kv);
    ws->kvtmp = egdi__mallocarray(cap, sizeof *ws->kvtmp);
    if (!ws->x || !ws->y || !ws->rx || !ws->ry || !ws->tmp || !ws->kv || !ws->kvtmp) {
        egdi__corr_ws_free(ws);
        return egdi__fail(EGDI_ERR_NOMEM, "correlations: out of memory");
    }
    return EGDI_OK;
}

void egdi__corr_ws_free(egdi__corr_ws *ws)
{
    free(ws->x), free(ws->y), free(ws->rx), free(ws->ry), free(ws->tmp);
    free(ws->kv), free(ws->kvtmp), free(ws->exact_tail);
    memset(ws, 0, sizeof *ws);
}

egdi_status egdi__check_finite(const double *x, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++)
        if (isinf(x[i]))
            return egdi__fail(EGDI_ERR_DOMAIN, "%s: value %zu is infinite", what, i + 1);
    return EGDI_OK;
}

/* ---- kernels on m complete pairs ---- */

/* Pearson's r by two passes (means first); NaN if either sum of squares is 0. */
static double pearson(const double *x, const double *y, size_t m)
{
    if (m < 2)
        return NAN;
    long double sx = 0, sy = 0;
    for (size_t i = 0; i < m; i++)
        sx += x[i], sy += y[i];
    double mx = (double)(sx / m), my = (double)(sy / m);
    long double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < m; i++) {
        double dx = x[i] - mx, dy = y[i] - my;
        sxy += (long double)dx * dy, sxx += (long double)dx * dx, syy += (long double)dy * dy;
    }
    if (sxx == 0 || syy == 0)
        return NAN;
    double r = (double)(sxy / (sqrtl(sxx) * sqrtl(syy)));
    return r > 1 ? 1 : r < -1 ? -1 : r;
}

/* Average ranks (1..m, ties share the mean of their positions) of x into
 * rank; returns 1 if any value is tied. */
static int average_ranks(const double *x, size_t m, double *rank, egdi__kv *kv, egdi__kv *tmp)
{
    for (size_t i = 0; i < m; i++)
        kv[i].key = x[i], kv[i].pos = i;
    egdi__sort_kv_desc(kv, m, tmp); /* highest first: position i has ascending rank m - i */
    int ties = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j + 1 < m && kv[j + 1].key == kv[i].key)
            j++;
        double r = (double)m - (double)(i + j) / 2.0;
        for (size_t k = i; k <= j; k++)
            rank[kv[k].pos] = r;
        ties |= j > i;
        i = j + 1;
    }
    return ties;
}

/* Sums over the groups of equal values (sizes t >= 2) of a sorted array:
 * s[0] = t(t-1), s[1] = t(t-1)(2t+5), s[2] = t(t-1)(t-2). */
static void tie_sums(const double *s, size_t m, double sums[3])
{
    sums[0] = sums[1] = sums[2] = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j + 1 < m && s[j + 1] == s[i])
            j++;
        double t = (double)(j - i + 1);
        sums[0] += t * (t - 1), sums[1] += t * (t - 1) * (2 * t + 5);
        sums[2] += t * (t - 1) * (t - 2);
        i = j + 1;
    }
}

/* Sort a[0..m) ascending by merging (tmp has m entries) and return the
 * number of pairs i < j with a[i] > a[j] (strictly) in the original order. */
static double count_inversions(double *a, size_t m, double *tmp)
{
    double inv = 0;
    double *src = a, *dst = tmp;
    for (size_t width = 1; width < m; width *= 2) {
        for (size_t lo = 0; lo < m; lo += 2 * width) {
            size_t mid = lo + width < m ? lo + width : m;
            size_t hi = lo + 2 * width < m ? lo + 2 * width : m;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (src[j] < src[i]) {
                    inv += (double)(mid - i); /* src[j] jumps every remaining left value */
                    dst[k++] = src[j++];
                } else {
                    dst[k++] = src[i++];
                }
            }
            while (i < mid)
                dst[k++] = src[i++];
            while (j < hi)
                dst[k++] = src[j++];
        }
        double *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, m * sizeof *a);
    return inv;
}

/* Kendall's tau-b by Knight's algorithm, O(m log m): sort the pairs by x then
 * y, count the pairs tied in x (n1) and in both (n3), then count the
 * discordant pairs as the inversions of y in that order and the pairs tied
 * in y (n2). tau-b = (n0 - n1 - n2 + n3 - 2 swaps) / sqrt((n0 - n1)(n0 - n2)).
 * xt and yt receive the tie sums of x and y for the p-value. */
static double kendall(egdi__corr_ws *ws, size_t m, double xt[3], double yt[3])
{
    egdi__kv *kv = ws->kv;
    double *xs = ws->rx, *ys = ws->ry;
    /* stable sorts: by y, then by x, highest first; read backwards = ascending (x, y) */
    for (size_t i = 0; i < m; i++)
        kv[i].key = ws->y[i], kv[i].pos = i;
    egdi__sort_kv_desc(kv, m, ws->kvtmp);
    for (size_t i = 0; i < m; i++)
        kv[i].key = ws->x[kv[i].pos];
    egdi__sort_kv_desc(kv, m, ws->kvtmp);
    for (size_t i = 0; i < m; i++) {
        size_t p = kv[m - 1 - i].pos;
        xs[i] = ws->x[p], ys[i] = ws->y[p];
    }
    double n0 = (double)m * (double)(m - 1) / 2, n1 = 0, n3 = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j + 1 < m && xs[j + 1] == xs[i])
            j++;
        double t = (double)(j - i + 1);
        n1 += t * (t - 1) / 2;
        for (size_t a = i; a <= j;) { /* y is ascending within the x group */
            size_t b = a;
            while (b + 1 <= j && ys[b + 1] == ys[a])
                b++;
            double u = (double)(b - a + 1);
            n3 += u * (u - 1) / 2;
            a = b + 1;
        }
        i = j + 1;
    }
    tie_sums(xs, m, xt);
    double swaps = count_inversions(ys, m, ws->tmp); /* leaves ys sorted */
    tie_sums(ys, m, yt);
    double n2 = yt[0] / 2;
    double den = (n0 - n1) * (n0 - n2);
    if (m < 2 || !(den > 0))
        return NAN;
    double tau = (n0 - n1 - n2 + n3 - 2 * swaps) / sqrt(den);
    return tau > 1 ? 1 : tau < -1 ? -1 : tau;
}

/* ---- p-values ---- */

/* Two-sided p of a Student t statistic with df degrees of freedom. */
static double t_two_sided(double t, double df)
{
    if (!(df >= 1) || isnan(t))
        return NAN;
    if (isinf(t))
        return 0;
    double p = 2 * (t < 0 ? gsl_cdf_tdist_P(t, df) : gsl_cdf_tdist_Q(t, df));
    return p > 1 ? 1 : p;
}

static double z_two_sided(double z)
{
    if (isnan(z))
        return NAN;
    double p = 2 * (z < 0 ? gsl_cdf_ugaussian_P(z) : gsl_cdf_ugaussian_Q(z));
    return p > 1 ? 1 : p;
}

/* P[S >= s] for s = 0 .. (m^3 - m) / 3 under independence (all m!
 * permutations equally likely), m <= 9: one enumeration per size, cached. */
static egdi_status spearman_exact_table(egdi__corr_ws *ws, size_t m)
{
    if (ws->exact_m == m && ws->exact_tail)
        return EGDI_OK;
    size_t smax = (m * m * m - m) / 3;
    double *tail = egdi__reallocarray(ws->exact_tail, smax + 2, sizeof *tail);
    if (!tail)
        return egdi__fail(EGDI_ERR_NOMEM, "correlations: out of memory");
    ws->exact_tail = tail;
    ws->exact_m = 0;
    memset(tail, 0, (smax + 2) * sizeof *tail);
    size_t perm[9], c[9] = {0};
    for (size_t i = 0; i < m; i++)
        perm[i] = i;
    double total = 0;
    /* Heap's algorithm, iterative: each permutation once, one swap apart */
    for (size_t i = 1;;) {
        size_t s = 0;
        for (size_t k = 0; k < m; k++) {
            long d = (long)perm[k] - (long)k;
            s += (size_t)(d * d);
        }
        tail[s] += 1, total += 1;
        while (i < m && c[i] >= i)
            c[i] = 0, i++;
        if (i >= m)
            break;
        size_t a = i % 2 ? c[i] : 0, t = perm[a];
        perm[a] = perm[i], perm[i] = t;
        c[i]++;
        i = 1;
    }
    for (size_t s = smax + 1; s-- > 0;)
        tail[s] = tail[s] / total + tail[s + 1]; /* counts -> upper tail probabilities */
    ws->exact_m = m;
    return EGDI_OK;
}

/* R's pRho(is, m, lower): P[S >= is], or P[S < is] if lower; m >= 2. */
static double prho(egdi__corr_ws *ws, size_t m, double is, int lower)
{
    double pv = lower ? 0 : 1;
    double n3 = (double)m * ((double)m * m - 1) / 3; /* the largest S */
    if (is <= 0)
        return pv;
    if (is > n3)
        return 1 - pv;
    if (m <= 9) {
        if (spearman_exact_table(ws, m) != EGDI_OK)
            return NAN;
        double up = ws->exact_tail[(size_t)ceil(is)]; /* S is a whole number */
        return lower ? 1 - up : up;
    }
    /* AS 89's Edgeworth series expansion */
    const double c1 = .2274, c2 = .2531, c3 = .1745, c4 = .0758, c5 = .1033, c6 = .3932,
                 c7 = .0879, c8 = .0151, c9 = .0072, c10 = .0831, c11 = .0131, c12 = 4.6e-4;
    double y = (double)m, b = 1 / y;
    double x = (6 * (is - 1) * b / (y * y - 1) - 1) * sqrt(y - 1);
    y = x * x;
    double u = x * b *
               (c1 + b * (c2 + c3 * b) +
                y * (-c4 + b * (c5 + c6 * b) -
                     y * b * (c7 + c8 * b - y * (c9 - c10 * b + y * b * (c11 - c12 * y)))));
    y = u / exp(y / 2);
    pv = (lower ? -y : y) + (lower ? gsl_cdf_ugaussian_P(x) : gsl_cdf_ugaussian_Q(x));
    return pv < 0 ? 0 : pv > 1 ? 1 : pv;
}

static double spearman_p(egdi__corr_ws *ws, double rho, size_t m, int ties)
{
    double n3 = (double)m * ((double)m * m - 1);
    double q = n3 * (1 - rho) / 6;
    int upper = q > n3 / 6;
    double p;
    if (!ties && m <= 1290) {
        p = upper ? prho(ws, m, nearbyint(q), 0) : prho(ws, m, nearbyint(q) + 2, 1);
    } else {
        double r = 1 - q / (n3 / 6);
        double t = r / sqrt((1 - r * r) / ((double)m - 2));
        if (!((double)m - 2 >= 1))
            return NAN;
        if (isinf(t) || isnan(t))
            p = (r > 0) == !upper ? 0 : 1; /* |r| = 1: all the mass on one side */
        else
            p = upper ? gsl_cdf_tdist_P(t, (double)m - 2) : gsl_cdf_tdist_Q(t, (double)m - 2);
    }
    p *= 2;
    return p > 1 ? 1 : p;
}

/* P[T <= q] for the number T of concordant pairs of m items without ties. */
static double pkendall(double q, size_t m, double *cur, double *next)
{
    size_t kmax = m * (m - 1) / 2;
    q = floor(q + 1e-7);
    if (q < 0)
        return 0;
    if (q > (double)kmax)
        return 1;
    /* probabilities of k inversions among j items, j = 1..m (divide by j as we go) */
    memset(cur, 0, (kmax + 1) * sizeof *cur);
    cur[0] = 1;
    for (size_t j = 2; j <= m; j++) {
        size_t top = j * (j - 1) / 2;
        double window = 0;
        for (size_t k = 0; k <= top; k++) {
            window += cur[k];
            if (k >= j)
                window -= cur[k - j];
            next[k] = window / (double)j;
        }
        memcpy(cur, next, (top + 1) * sizeof *cur);
    }
    double p = 0;
    for (size_t k = 0; k <= (size_t)q; k++)
        p += cur[k];
    return p;
}

static double kendall_p(double tau, size_t m, const double xt[3], const double yt[3])
{
    double n = (double)m;
    if (m < 50 && xt[0] == 0 && yt[0] == 0) {
        double cur[1226], next[1226]; /* m (m - 1) / 2 + 1 <= 1177 for m < 50 */
        double q = nearbyint((tau + 1) * n * (n - 1) / 4), p;
        if (q > n * (n - 1) / 4)
            p = 1 - pkendall(q - 1, m, cur, next);
        else
            p = pkendall(q, m, cur, next);
        return 2 * p > 1 ? 1 : 2 * p;
    }
    double t0 = n * (n - 1) / 2, t1 = xt[0] / 2, t2 = yt[0] / 2;
    double s = tau * sqrt((t0 - t1) * (t0 - t2));
    double v0 = n * (n - 1) * (2 * n + 5);
    double var = (v0 - xt[1] - yt[1]) / 18 + xt[0] * yt[0] / (2 * n * (n - 1)) +
                 (m > 2 ? xt[2] * yt[2] / (9 * n * (n - 1) * (n - 2)) : 0);
    if (!(var > 0))
        return NAN;
    return z_two_sided(s / sqrt(var));
}

/* ---- one pair ---- */

void egdi__correlation(egdi__corr_ws *ws, const double *x, const double *y, size_t n,
                       egdi_corr_method method, double *r, double *p, size_t *n_pairs)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]) && !isnan(y[i]))
            ws->x[m] = x[i], ws->y[m] = y[i], m++;
    *n_pairs = m;
    double rv = NAN, pv = NAN;
    if (method == EGDI_CORR_PEARSON) {
        rv = pearson(ws->x, ws->y, m);
        if (!isnan(rv) && m >= 3)
            pv = fabs(rv) >= 1 ? 0 : t_two_sided(sqrt((double)m - 2) * rv / sqrt(1 - rv * rv),
                                                  (double)m - 2);
    } else if (method == EGDI_CORR_SPEARMAN) {
        int ties = 0;
        if (m >= 2) {
            ties = average_ranks(ws->x, m, ws->rx, ws->kv, ws->kvtmp);
            ties |= average_ranks(ws->y, m, ws->ry, ws->kv, ws->kvtmp);
            rv = pearson(ws->rx, ws->ry, m);
        }
        if (!isnan(rv))
            pv = spearman_p(ws, rv, m, ties);
    } else {
        double xt[3], yt[3];
        if (m >= 2)
            rv = kendall(ws, m, xt, yt);
        if (!isnan(rv))
            pv = kendall_p(rv, m, xt, yt);
    }
    *r = rv;
    if (p)
        *p = pv;
}

egdi_status egdi_correlation(const double *x, const double *y, size_t n, egdi_corr_method method,
                             double *r, double *p_value, size_t *n_pairs)
{
    EGDI_CHECK_ARG(x || n == 0, "x");
    EGDI_CHECK_ARG(y || n == 0, "y");
    EGDI_CHECK_ARG(r, "r");
    EGDI_CHECK_ARG((unsigned)method < 3, "method");
    egdi_status st = egdi__check_finite(x, n, "egdi_correlation: x");
    if (st == EGDI_OK)
        st = egdi__check_finite(y, n, "egdi_correlation: y");
    if (st != EGDI_OK)
        return st;
    egdi__corr_ws ws;
    if ((st = egdi__corr_ws_init(&ws, n)) != EGDI_OK)
        return st;
    size_t m;
    egdi__correlation(&ws, x, y, n, method, r, p_value, &m);
    egdi__corr_ws_free(&ws);
    if (n_pairs)
        *n_pairs = m;
    return EGDI_OK;
}
