/* libFuzzer harness: the plain-array statistics of rank.h: egdi_round,
 * egdi_rank (all ties rules), egdi_groups, egdi_rating_classes,
 * egdi_quantile_sorted and egdi_group_means.
 *
 * Input: byte 0 = decimals (byte % 19 - 2; -2 and 16 are invalid), byte 1 =
 * number of values (% 65), byte 2 = flags (bit 0: own thresholds, bit 1:
 * quantile type from the next byte), then the values (fuzz_double: edge
 * values, small decimals or raw bits) and group numbers.
 *
 * Invariants: see fuzz/README.md. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

#define MAX_N 64

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void check_round(const double *x, size_t n, int decimals)
{
    double out[MAX_N];
    fuzz_before_call();
    egdi_status st = egdi_round(x, n, decimals, out);
    if (decimals < 0 || decimals > 15) {
        FUZZ_CHECK(st != EGDI_OK);
        fuzz_check_failure(st, NULL);
        return;
    }
    FUZZ_CHECKF(st == EGDI_OK, "egdi_round: %s", egdi_last_error());
    double half = 0.5 / pow(10.0, decimals);
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i])) {
            FUZZ_CHECK(isnan(out[i]));
            continue;
        }
        if (isinf(x[i]))
            continue;
        /* a finite value rounds to a finite value within half a unit of the
         * last place kept (plus the 64-ulp tolerance of the halves rule) */
        FUZZ_CHECKF(isfinite(out[i]), "egdi_round(%.17g, %d) = %.17g", x[i], decimals, out[i]);
        double tol = half + 130 * DBL_EPSILON * fabs(x[i]) + DBL_MIN;
        FUZZ_CHECKF(fabs(out[i] - x[i]) <= tol, "egdi_round(%.17g, %d) = %.17g is %.3g away",
                    x[i], decimals, out[i], fabs(out[i] - x[i]));
        /* a whole number whose x * 10^d is exact (below 2^53) is already
         * rounded (1.2 fixed egdi_round moving such values) */
        double y = fabs(x[i]) * pow(10.0, decimals);
        if (x[i] == floor(x[i]) && y < ldexp(1.0, 53))
            FUZZ_CHECKF(out[i] == x[i], "egdi_round(%.17g, %d) = %.17g: a whole number changed",
                        x[i], decimals, out[i]);
        for (size_t j = 0; j < i; j++) /* monotone */
            if (!isnan(x[j]) && !isinf(x[j]) && x[j] < x[i])
                FUZZ_CHECKF(out[j] <= out[i], "egdi_round not monotone: %.17g -> %.17g, %.17g -> "
                            "%.17g", x[j], out[j], x[i], out[i]);
    }
    /* rounding in place gives the same */
    double same[MAX_N];
    memcpy(same, x, n * sizeof *x);
    FUZZ_CHECK(egdi_round(same, n, decimals, same) == EGDI_OK);
    for (size_t i = 0; i < n; i++)
        FUZZ_CHECK(fuzz_same_double(same[i], out[i]));
}

static void check_ranks(const double *x, size_t n, int decimals)
{
    for (int t = 0; t <= 3; t++) {
        int ranks[MAX_N];
        fuzz_before_call();
        egdi_status st = egdi_rank(x, n, decimals, (egdi_ties)t, ranks);
        if (t == 3 || decimals < -1 || decimals > 15) {
            FUZZ_CHECKF(st != EGDI_OK || n == 0, "egdi_rank accepted ties %d, decimals %d", t,
                        decimals);
            if (st != EGDI_OK)
                fuzz_check_failure(st, NULL);
            continue;
        }
        FUZZ_CHECKF(st == EGDI_OK, "egdi_rank: %s", egdi_last_error());
        double keys[MAX_N];
        if (decimals >= 0)
            FUZZ_CHECK(egdi_round(x, n, decimals, keys) == EGDI_OK);
        else
            memcpy(keys, x, n * sizeof *x);
        fuzz_check_ranks(keys, n, (egdi_ties)t, ranks);
    }
}

static void check_groups_classes(fuzz_in *in, const double *x, size_t n, uint8_t flags)
{
    double t[3] = {0.25, 0.5, 0.75};
    const double *tp = NULL;
    if (flags & 1) {
        for (int k = 0; k < 3; k++)
            t[k] = fuzz_u8(in) & 1 ? fuzz_double(in) : fuzz_u8(in) / 255.0;
        tp = t;
    }
    int groups[MAX_N], classes[MAX_N];
    fuzz_before_call();
    egdi_status st = egdi_groups(x, n, tp, groups);
    int increasing = t[0] < t[1] && t[1] < t[2];
    FUZZ_CHECKF((st == EGDI_OK) == increasing, "egdi_groups: status %d for thresholds %g %g %g",
                (int)st, t[0], t[1], t[2]);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, NULL);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        int want = isnan(x[i]) ? 0 : x[i] >= t[2] ? 4 : x[i] >= t[1] ? 3 : x[i] >= t[0] ? 2 : 1;
        FUZZ_CHECKF(groups[i] == want, "value %.17g: group %d, expected %d", x[i], groups[i],
                    want);
        FUZZ_CHECK(egdi_group_name(groups[i]) != NULL && egdi_group_code(groups[i]) != NULL);
    }
    int qt = flags & 2 ? (int)(fuzz_u8(in) % 11) : 7;
    fuzz_before_call();
    st = egdi_rating_classes(x, groups, n, qt, classes);
    FUZZ_CHECKF((st == EGDI_OK) == (qt >= 1 && qt <= 9), "egdi_rating_classes: status %d, type "
                "%d: %s", (int)st, qt, egdi_last_error());
    if (st != EGDI_OK) {
        fuzz_check_failure(st, NULL);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECKF(classes[i] >= 0 && classes[i] <= 16, "class %d", classes[i]);
        FUZZ_CHECKF((classes[i] == 0) == (groups[i] == 0), "value %.17g: group %d, class %d",
                    x[i], groups[i], classes[i]);
        if (groups[i])
            FUZZ_CHECKF((classes[i] - 1) / 4 + 1 == groups[i], "group %d, class %d", groups[i],
                        classes[i]);
        FUZZ_CHECK(egdi_rating_class_label(classes[i]) != NULL);
        /* within a group, a higher value never has a lower class */
        for (size_t j = 0; j < i; j++)
            if (groups[j] == groups[i] && groups[i] && x[j] > x[i])
                FUZZ_CHECKF(classes[j] >= classes[i], "group %d: %.17g class %d, %.17g class %d",
                            groups[i], x[j], classes[j], x[i], classes[i]);
    }
}

static void check_quantiles(fuzz_in *in, const double *x, size_t n)
{
    double s[MAX_N];
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            s[m++] = x[i];
    qsort(s, m, sizeof *s, cmp_double);
    double p = fuzz_u8(in) & 1 ? fuzz_double(in) : fuzz_u8(in) / 255.0;
    int type = (int)(fuzz_u8(in) % 11);
    double q = NAN;
    fuzz_before_call();
    egdi_status st = egdi_quantile_sorted(m ? s : x, m, p, type, &q);
    int valid = m > 0 && p >= 0 && p <= 1 && type >= 1 && type <= 9;
    FUZZ_CHECKF((st == EGDI_OK) == valid, "quantile: status %d, m %zu, p %g, type %d", (int)st, m,
                p, type);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, NULL);
        return;
    }
    int finite = 1;
    for (size_t i = 0; i < m; i++)
        finite &= isfinite(s[i]) && fabs(s[i]) < 1e300;
    /* type 7 is GSL's (1 - d) * a + d * b, which can miss a == b by an ulp */
    double tol = 4 * DBL_EPSILON * fmax(fabs(s[0]), fabs(s[m - 1])) + DBL_MIN;
    if (finite)
        FUZZ_CHECKF(q >= s[0] - tol && q <= s[m - 1] + tol, "quantile type %d, p %.17g of %zu "
                    "values in [%.17g, %.17g] is %.17g", type, p, m, s[0], s[m - 1], q);
}

static void check_means(fuzz_in *in, const double *x, size_t n)
{
    int g[MAX_N];
    size_t ng = fuzz_u8(in) % 5;
    for (size_t i = 0; i < n; i++)
        g[i] = (int)(fuzz_u8(in) % 7) - 1; /* -1 = left out; >= ng = out of range */
    double means[8];
    size_t counts[8];
    fuzz_before_call();
    egdi_status st = egdi_group_means(x, g, n, ng, means, counts);
    int bad = 0;
    for (size_t i = 0; i < n; i++)
        bad |= g[i] >= 0 && !isnan(x[i]) && (size_t)g[i] >= ng;
    FUZZ_CHECKF((st == EGDI_OK) == !bad, "egdi_group_means: status %d", (int)st);
    if (st != EGDI_OK) {
        fuzz_check_failure(st, NULL);
        return;
    }
    for (size_t k = 0; k < ng; k++) {
        size_t c = 0;
        double lo = INFINITY, hi = -INFINITY;
        int moderate = 1;
        for (size_t i = 0; i < n; i++)
            if (g[i] == (int)k && !isnan(x[i])) {
                c++;
                lo = fmin(lo, x[i]);
                hi = fmax(hi, x[i]);
                moderate &= fabs(x[i]) < 1e300;
            }
        FUZZ_CHECKF(counts[k] == c, "group %zu: count %zu, expected %zu", k, counts[k], c);
        if (c == 0) {
            FUZZ_CHECK(isnan(means[k]));
        } else if (moderate) {
            double tol = 1e-12 * fmax(fabs(lo), fabs(hi));
            FUZZ_CHECKF(means[k] >= lo - tol && means[k] <= hi + tol, "group %zu: mean %.17g of "
                        "values in [%.17g, %.17g]", k, means[k], lo, hi);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_in in = {data, size};
    int decimals = (int)(fuzz_u8(&in) % 19) - 2;
    size_t n = fuzz_u8(&in) % (MAX_N + 1);
    uint8_t flags = fuzz_u8(&in);
    double x[MAX_N];
    for (size_t i = 0; i < n; i++) {
        uint8_t s = fuzz_u8(&in);
        x[i] = (s & 7) == 0 && i > 0 ? x[i - 1] /* a tie */
               : (s & 7) == 1 ? fuzz_u8(&in) / 255.0
                              : fuzz_double(&in);
    }
    check_round(x, n, decimals);
    check_ranks(x, n, decimals);
    check_groups_classes(&in, x, n, flags);
    check_quantiles(&in, x, n);
    check_means(&in, x, n);
    return 0;
}
