/* Benefit-of-the-Doubt aggregation (GLPK linear programs): small programs
 * solved by hand in the comments, bounds on the shares, missing data, errors,
 * and properties on the 193 countries of the 2022 survey. Tolerance 1e-9
 * (the simplex solution is exact up to rounding). */
#define _GNU_SOURCE /* RTLD_DEFAULT */
#include <dlfcn.h>
#include <float.h>
#include <pthread.h>

#include "test_util.h"

#define TOL 1e-9

/* Units A = (1, 4), B = (3, 3), C = (2, 1) on children y1, y2; D = (NaN, 5). */
static egdi_dataset *fixture(int with_d)
{
    egdi_dataset *ds;
    OK(egdi_dataset_new(&ds));
    OK(egdi_dataset_add_unit(ds, "A", NULL, NULL));
    OK(egdi_dataset_add_unit(ds, "B", NULL, NULL));
    OK(egdi_dataset_add_unit(ds, "C", NULL, NULL));
    if (with_d)
        OK(egdi_dataset_add_unit(ds, "D", NULL, NULL));
    size_t n = with_d ? 4 : 3;
    OK(egdi_dataset_add_numeric(ds, "y1", (double[]){1, 3, 2, NAN}, n));
    OK(egdi_dataset_add_numeric(ds, "y2", (double[]){4, 3, 1, 5}, n));
    OK(egdi_dataset_add_numeric(ds, "yneg", (double[]){4, -3, 1, 5}, n));
    return ds;
}

/* BoD of y1 (weight w1) and y2 (weight w2) (or `second` instead of y2) with
 * parameters; scores of the units into out. */
static egdi_status bod(egdi_dataset *ds, const char *params, double w1, double w2,
                       const char *second, double share, double *out)
{
    egdi_index *idx;
    egdi_result *res = NULL;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "top", NULL, 1));
    OK(egdi_index_add_indicator(idx, "y1", "top", w1));
    OK(egdi_index_add_indicator(idx, second, "top", w2));
    egdi_status st = egdi_index_set_method(idx, "top", EGDI_STEP_AGGREGATE, "bod", params);
    if (st == EGDI_OK) {
        OK(egdi_index_set_min_share(idx, "top", share));
        st = egdi_compute(idx, ds, &res);
    }
    if (st == EGDI_OK) {
        OK(egdi_result_get_scores(res, "top", out, egdi_dataset_n_units(ds)));
        egdi_result_free(res);
    }
    egdi_index_free(idx);
    return st;
}

START_TEST(three_units_by_hand)
{
    /* max u1 y1 + u2 y2 s.t. u1 + 4 u2 <= 1 (A), 3 u1 + 3 u2 <= 1 (B),
     * 2 u1 + u2 <= 1 (C), u >= 0.
     * A: u = (0, 1/4) gives A = 1 (B = 3/4, C = 1/4): score 1.
     * B: u = (1/3, 0) gives B = 1 (A = 1/3, C = 2/3): score 1.
     * C: the vertices of the feasible set are (0, 0), (1/3, 0), (1/9, 2/9) (A and
     *    B binding) and (0, 1/4); C's objective 2 u1 + u2 is 0, 2/3, 4/9, 1/4:
     *    score 2/3. */
    egdi_dataset *ds = fixture(0);
    double v[3];
    OK(bod(ds, "", 1, 1, "y2", 0, v));
    NEAR(v[0], 1, TOL);
    NEAR(v[1], 1, TOL);
    NEAR(v[2], 2.0 / 3, TOL);
    /* the iMeta weights do not matter without relative bounds */
    OK(bod(ds, NULL, 1, 5, "y2", 0, v));
    NEAR(v[2], 2.0 / 3, TOL);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(share_bounds_bind)
{
    /* wmin = 0.4: each child's share of the score u_c y_c / (u1 y1 + u2 y2) >= 0.4.
     * C = (2, 1): share2 >= 0.4 <=> u2 >= 4/3 u1; share1 >= 0.4 <=> u2 <= 3 u1.
     *   With u2 = k u1, k in [4/3, 3], the score is (2 + k) u1 with u1 bounded by
     *   A: 1 / (1 + 4k), B: 1 / (3 + 3k), C: 1 / (2 + k). For k <= 2 B binds and
     *   (2 + k) / (3 + 3k) falls with k: k = 4/3 gives (10/3) / 7 = 10/21.
     * A = (1, 4): share1 >= 0.4 <=> u1 >= 8/3 u2, share2 >= 0.4 <=> u1 <= 6 u2;
     *   u1 = k u2: score (k + 4) u2, B binds (3k + 3 >= k + 4, 2k + 1):
     *   (k + 4) / (3k + 3) falls with k: k = 8/3 gives (20/3) / 11 = 20/33.
     * B = (3, 3): shares 0.6/0.4 with B's own constraint binding, u = (0.2, 2/15):
     *   A = 0.733, C = 0.533: still 1. */
    egdi_dataset *ds = fixture(0);
    double v[3];
    OK(bod(ds, "wmin=0.4", 1, 1, "y2", 0, v));
    NEAR(v[0], 20.0 / 33, TOL);
    NEAR(v[1], 1, TOL);
    NEAR(v[2], 10.0 / 21, TOL);
    /* relative to the iMeta weights y1: 1, y2: 3 (nominal shares 1/4, 3/4),
     * rmin = 0.8, rmax = 1.2: share1 in [0.2, 0.3].
     * C: share1 >= 0.2 <=> u2 <= 8 u1, share1 <= 0.3 <=> u2 >= 14/3 u1; u2 = k u1:
     *   A binds (1 + 4k >= 3 + 3k for k >= 2): (2 + k) / (1 + 4k) falls with k:
     *   k = 14/3 gives (20/3) / (59/3) = 20/59.
     * A: share1 = u1 / (u1 + 4 u2) in [0.2, 0.3] <=> u1 = k u2, k in [1, 12/7];
     *   B binds: (k + 4) / (3k + 3) at k = 1: 5/6.
     * B: share1 = u1 / (u1 + u2) <=> u1 = k u2, k in [1/4, 3/7]; A binds
     *   (k + 4 >= 3k + 3 for k <= 1/2): 3 (k + 1) / (k + 4) rises with k:
     *   k = 3/7 gives (30/7) / (31/7) = 30/31. */
    OK(bod(ds, "rmin=0.8 rmax=1.2", 1, 3, "y2", 0, v));
    NEAR(v[0], 5.0 / 6, TOL);
    NEAR(v[1], 30.0 / 31, TOL);
    NEAR(v[2], 20.0 / 59, TOL);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(missing_values)
{
    /* D = (NaN, 5): its missing y1 counts 0. D's program: max 5 u2 with its own
     * row 5 u2 <= 1: score 1. D's row u2 <= 1/5 now bounds the others:
     * A: max u1 + 4 u2: at u2 = 1/5, B gives 3 u1 <= 2/5, u1 = 2/15: A = 14/15
     *    (the old optimum (1/9, 2/9) has u2 > 1/5).
     * B and C keep u = (1/3, 0): 1 and 2/3. */
    egdi_dataset *ds = fixture(1);
    double v[4];
    OK(bod(ds, "", 1, 1, "y2", 0, v));
    NEAR(v[0], 14.0 / 15, TOL);
    NEAR(v[1], 1, TOL);
    NEAR(v[2], 2.0 / 3, TOL);
    NEAR(v[3], 1, TOL);
    /* MinShare 1: D gets no score and its row is left out: back to 1, 1, 2/3 */
    OK(bod(ds, "", 1, 1, "y2", 1, v));
    NEAR(v[0], 1, TOL);
    NEAR(v[1], 1, TOL);
    NEAR(v[2], 2.0 / 3, TOL);
    ck_assert(isnan(v[3]));
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(errors)
{
    egdi_dataset *ds = fixture(0);
    double v[3];
    FAILS(bod(ds, "", 1, 1, "yneg", 0, v), EGDI_ERR_DOMAIN,
          "aggregate 'top': unit 'B': child 'yneg' is -3: Benefit-of-the-Doubt needs finite "
          "values >= 0");
    /* two children cannot both have 60% of the score */
    FAILS(bod(ds, "wmin=0.6", 1, 1, "y2", 0, v), EGDI_ERR_INVALID_INDEX,
          "aggregate 'top': unit 'A': no shares of its children meet the bounds");
    FAILS(bod(ds, "wmax=0.4", 1, 1, "y2", 0, v), EGDI_ERR_INVALID_INDEX,
          "no shares of its children meet the bounds");
    FAILS(bod(ds, "rmin=1 rmax=2 wmax=0.3", 1, 3, "y2", 0, v), EGDI_ERR_INVALID_INDEX,
          "child 'y2' must have a share of at least 0.75 and at most 0.3");
    FAILS(bod(ds, "wmin=0.5 wmax=0.4", 1, 1, "y2", 0, v), EGDI_ERR_INVALID_INDEX,
          "invalid bod parameters: wmin = 0.5 is above wmax = 0.4");
    FAILS(bod(ds, "rmax=0.5", 1, 1, "y2", 0, v), EGDI_ERR_INVALID_INDEX,
          "rmax = 0.5 must be 0 (no bound) or >= 1");
    FAILS(bod(ds, "wmax=0", 1, 1, "y2", 0, v), EGDI_ERR_INVALID_INDEX, "wmax = 0 is outside (0");
    /* after the errors the next computation works (GLPK's state was restored) */
    OK(bod(ds, "", 1, 1, "y2", 0, v));
    NEAR(v[2], 2.0 / 3, TOL);
    egdi_dataset_free(ds);
}
END_TEST

START_TEST(survey_2022_properties)
{
    /* OSI, HCI and TII of the 193 countries of the 2022 survey (UN Data Center).
     * Properties of the definition that the numbers must meet:
     * - every score is in [0, 1];
     * - a country with the highest value of a component scores 1 (all weight on
     *   that component puts it on the frontier: Denmark has the highest OSI,
     *   1.0000, in 2022);
     * - for any fixed weights w the BoD score is at least the unit's weighted sum
     *   over the best weighted sum (that w is feasible after scaling): with equal
     *   weights, score >= (osi + hci + tii) / max_j (osi_j + hci_j + tii_j);
     * - adding the constraint that each share is at least 1/4 cannot raise a
     *   score. */
    egdi_dataset *ds;
    OK(egdi_survey_read_un_csv(EGDI_TEST_DATA "/un-egov/EGOV_DATA_2022.csv", 0, &ds));
    size_t n = egdi_dataset_n_units(ds);
    ck_assert_uint_eq(n, 193);
    egdi_index *idx;
    egdi_result *res;
    OK(egdi_index_new(&idx));
    OK(egdi_index_add_aggregate(idx, "bod", NULL, 1));
    OK(egdi_index_add_indicator(idx, "osi", "bod", 1));
    OK(egdi_index_add_indicator(idx, "hci", "bod", 1));
    OK(egdi_index_add_indicator(idx, "tii", "bod", 1));
    OK(egdi_index_set_method(idx, "bod", EGDI_STEP_AGGREGATE, "bod", ""));
    OK(egdi_compute(idx, ds, &res));
    double *s = malloc(n * sizeof *s), *b = malloc(n * sizeof *b);
    OK(egdi_result_get_scores(res, "bod", s, n));
    egdi_result_free(res);
    OK(egdi_index_set_method(idx, "bod", EGDI_STEP_AGGREGATE, "bod", "wmin=0.25"));
    OK(egdi_compute(idx, ds, &res));
    OK(egdi_result_get_scores(res, "bod", b, n));
    egdi_result_free(res);
    size_t col[3];
    OK(egdi_dataset_find_column(ds, "osi", &col[0]));
    OK(egdi_dataset_find_column(ds, "hci", &col[1]));
    OK(egdi_dataset_find_column(ds, "tii", &col[2]));
    double best[3] = {0, 0, 0}, best_sum = 0;
    for (size_t i = 0; i < n; i++) {
        double sum = 0, x;
        for (int c = 0; c < 3; c++) {
            OK(egdi_dataset_get_value(ds, i, col[c], &x));
            best[c] = x > best[c] ? x : best[c];
            sum += x;
        }
        best_sum = sum > best_sum ? sum : best_sum;
    }
    size_t ones = 0;
    for (size_t i = 0; i < n; i++) {
        double sum = 0, x;
        int top = 0;
        for (int c = 0; c < 3; c++) {
            OK(egdi_dataset_get_value(ds, i, col[c], &x));
            sum += x;
            top |= x == best[c];
        }
        ck_assert(s[i] >= 0 && s[i] <= 1);
        ck_assert_msg(s[i] >= sum / best_sum - TOL, "%s: %g < %g",
                      egdi_dataset_unit_code(ds, i), s[i], sum / best_sum);
        ck_assert(b[i] <= s[i] + TOL);
        if (top)
            NEAR(s[i], 1, TOL);
        ones += fabs(s[i] - 1) <= TOL;
    }
    size_t dk;
    OK(egdi_dataset_find_unit(ds, "Denmark", &dk));
    ck_assert(s[dk] == 1); /* exactly: the frontier ties in ranks */
    ck_assert(ones >= 1 && ones < n / 4); /* a frontier, not everyone */
    free(s), free(b);
    egdi_index_free(idx);
    egdi_dataset_free(ds);
}
END_TEST

/* BoD of the n x k row-major values (equal iMeta weights, no bounds). */
static egdi_status bod_rows(const double *x, size_t n, size_t k, double *out)
{
    return egdi_aggregate_array(EGDI_AGG_BOD, NULL, 0, x, n, k, NULL, out);
}

/* Children of very different magnitudes. Scores do not change when a child is
 * multiplied by s > 0 (weights u_c / s give the same sums), so:
 * - A = (1, 4), B = (3, 3), C = (2, 1) with y1 times 1e300 and y2 times 1e-300
 *   keep the scores 1, 1, 2/3 of three_units_by_hand (GLPK's scaling stopped
 *   with "glp_set_sjj: invalid scale factor" on such columns, reported as out
 *   of memory);
 * - (1e300, 1), (1e300, 2) are (1, 1/2), (1, 1) scaled: the second dominates
 *   (score 1), the first reaches 1 with all weight on y1;
 * - (1e-300, 1), (2e-300, 2): the first is half the second: 1/2 and 1.
 * One child spanning a wide range: A, B, C and D = (r, 1). D's row r u1 + u2
 * <= 1 binds nowhere, so A, B, C keep 1, 1, 2/3; D maximises r u1 + u2 over
 * the vertices (0, 0), (1/3, 0), (1/9, 2/9), (0, 1/4): 1/4 for r < 1/4.
 * GLPK's own scaling gave A 1/3 (r = 1e-16), no end (r = 1e-17) or no
 * feasible point (r = 1e-20). E = (1e-8, 0) with A, B, C: max 1e-8 u1 with u1
 * <= 1/3 (B): 1e-8 / 3, below GLPK's reduced-cost tolerance unless the
 * objective is normalised. */
START_TEST(wide_ranges)
{
    double v[4];
    const double abc[3][2] = {{1, 4}, {3, 3}, {2, 1}};
    double x[8];
    for (int i = 0; i < 3; i++)
        x[2 * i] = abc[i][0] * 1e300, x[2 * i + 1] = abc[i][1] * 1e-300;
    OK(bod_rows(x, 3, 2, v));
    NEAR(v[0], 1, TOL);
    NEAR(v[1], 1, TOL);
    NEAR(v[2], 2.0 / 3, TOL);
    OK(bod_rows((const double[]){1e300, 1, 1e300, 2}, 2, 2, v));
    ck_assert(v[0] == 1 && v[1] == 1);
    OK(bod_rows((const double[]){1e-300, 1, 2e-300, 2}, 2, 2, v));
    NEAR(v[0], 0.5, TOL);
    ck_assert(v[1] == 1);
    const double r[] = {1e-16, 1e-17, 1e-20, 1e-50, 1e-300};
    for (size_t t = 0; t < sizeof r / sizeof *r; t++) {
        const double d[8] = {1, 4, 3, 3, 2, 1, r[t], 1};
        OK(bod_rows(d, 4, 2, v));
        ck_assert_msg(fabs(v[0] - 1) <= TOL && fabs(v[1] - 1) <= TOL &&
                          fabs(v[2] - 2.0 / 3) <= TOL && fabs(v[3] - 0.25) <= TOL,
                      "r = %g: %.17g %.17g %.17g %.17g", r[t], v[0], v[1], v[2], v[3]);
    }
    OK(bod_rows((const double[]){1, 4, 3, 3, 2, 1, 1e-8, 0}, 4, 2, v));
    ck_assert_msg(fabs(v[3] / (1e-8 / 3) - 1) <= 1e-12, "E = %.17g", v[3]);
    /* a value above 0 that would not be a normal double once scaled */
    FAILS(bod_rows((const double[]){1, 4, 3, 3, 2, 1, 1e-310, 1}, 4, 2, v), EGDI_ERR_DOMAIN,
          "aggregate 'array': child '1' ranges from 1e-310 (unit '4') to 3 (unit '2')");
}
END_TEST

/* Random data, and the same with its children multiplied by 1e250, 1e-250 and
 * 1e-5: the scores agree to 1e-12 (the programs GLPK sees are the same up to
 * rounding). */
START_TEST(scale_invariance)
{
    enum { N = 40, K = 3 };
    double x[N * K], y[N * K], a[N], b[N];
    const double f[K] = {1e250, 1e-250, 1e-5};
    uint64_t seed = 12345;
    for (size_t i = 0; i < N * K; i++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        x[i] = (double)(seed >> 11) * 0x1p-53 * 10;
        y[i] = x[i] * f[i % K];
    }
    OK(bod_rows(x, N, K, a));
    OK(bod_rows(y, N, K, b));
    size_t ones = 0;
    for (size_t i = 0; i < N; i++) {
        NEAR(a[i], b[i], 1e-12);
        ones += a[i] == 1;
    }
    ck_assert(ones >= 1 && ones < N);
}
END_TEST

/* GLPK's API, looked up in the process (libegdi links GLPK; the tests do not). */
typedef struct glpk_api {
    int (*init_env)(void);
    int (*free_env)(void);
    void *(*create_prob)(void);
    int (*add_rows)(void *lp, int n);
    int (*get_num_rows)(void *lp);
    void (*mem_limit)(int mb);
    void (*mem_usage)(int *count, int *cpeak, size_t *total, size_t *tpeak);
    int (*at_error)(void);
} glpk_api;

static void *glpk_sym(const char *name)
{
    void *f = dlsym(RTLD_DEFAULT, name);
    ck_assert_msg(f != NULL, "%s not found", name);
    return f;
}

#define GLPK_FN(api, member, name) memcpy(&(api)->member, &(void *){glpk_sym(name)}, sizeof(void *))

static void glpk_load(glpk_api *g)
{
    GLPK_FN(g, init_env, "glp_init_env");
    GLPK_FN(g, free_env, "glp_free_env");
    GLPK_FN(g, create_prob, "glp_create_prob");
    GLPK_FN(g, add_rows, "glp_add_rows");
    GLPK_FN(g, get_num_rows, "glp_get_num_rows");
    GLPK_FN(g, mem_limit, "glp_mem_limit");
    GLPK_FN(g, mem_usage, "glp_mem_usage");
    GLPK_FN(g, at_error, "glp_at_error");
}

/* A caller that uses GLPK itself in this thread: its environment and its
 * objects survive BoD, on success and when GLPK stops with a fatal error
 * (here: the caller's memory limit of 1 MB, exceeded by the rows of 30,000
 * units). Before, the error hook freed the caller's environment (its problem
 * object with it) and reported "out of memory?" as EGDI_ERR_NOMEM. */
START_TEST(callers_glpk_environment)
{
    glpk_api g;
    glpk_load(&g);
    /* no environment before: BoD creates one and frees it again */
    double v[3];
    OK(bod_rows((const double[]){1, 4, 3, 3, 2, 1}, 3, 2, v));
    NEAR(v[2], 2.0 / 3, TOL);
    ck_assert_int_eq(g.init_env(), 0); /* 0: a new one (1: there was one) */
    void *mine = g.create_prob();
    g.add_rows(mine, 7);
    int count0;
    g.mem_usage(&count0, NULL, NULL, NULL);
    OK(bod_rows((const double[]){1, 4, 3, 3, 2, 1}, 3, 2, v));
    NEAR(v[2], 2.0 / 3, TOL);
    ck_assert_int_eq(g.get_num_rows(mine), 7);
    int count;
    g.mem_usage(&count, NULL, NULL, NULL);
    ck_assert_int_eq(count, count0); /* BoD's program was deleted, mine kept */
    /* a fatal GLPK error inside BoD */
    enum { N = 30000 };
    double *x = malloc(N * sizeof *x), *out = malloc(N * sizeof *out);
    for (size_t i = 0; i < N; i++)
        x[i] = 1 + (double)(i % 7);
    g.mem_limit(1);
    FAILS(bod_rows(x, N, 1, out), EGDI_ERR_NO_CONVERGENCE,
          "aggregate 'array': GLPK stopped with a fatal error while solving the "
          "Benefit-of-the-Doubt programs (glp_alloc: memory allocation limit exceeded)");
    ck_assert(g.at_error() != 0);            /* the caller's environment, in GLPK's error state */
    ck_assert_int_eq(g.get_num_rows(mine), 7); /* and the caller's object in it */
    g.mem_usage(&count, NULL, NULL, NULL);
    ck_assert_int_ge(count, count0);
    ck_assert_int_eq(g.free_env(), 0); /* the owner frees it, as GLPK asks */
    free(x), free(out);
    /* and BoD works again in this thread */
    OK(bod_rows((const double[]){1, 4, 3, 3, 2, 1}, 3, 2, v));
    NEAR(v[2], 2.0 / 3, TOL);
}
END_TEST

/* GLPK keeps its environment per thread: BoD in several threads at once (each
 * with its own index and data) gives every thread the hand-computed scores,
 * and each thread's environment is freed again (no leak under ASan). */
static void *bod_thread(void *arg)
{
    int *ok = arg;
    egdi_dataset *ds = fixture(0);
    double v[3];
    *ok = 1;
    for (int r = 0; r < 40; r++) {
        egdi_status st = bod(ds, r % 2 ? "wmin=0.4" : "", 1, 1, "y2", 0, v);
        double want = r % 2 ? 10.0 / 21 : 2.0 / 3;
        *ok &= st == EGDI_OK && fabs(v[2] - want) <= TOL;
    }
    egdi_dataset_free(ds);
    return NULL;
}

START_TEST(threads)
{
    pthread_t t[4];
    int ok[4];
    for (int k = 0; k < 4; k++)
        ck_assert_int_eq(pthread_create(&t[k], NULL, bod_thread, &ok[k]), 0);
    for (int k = 0; k < 4; k++) {
        ck_assert_int_eq(pthread_join(t[k], NULL), 0);
        ck_assert_msg(ok[k], "thread %d got other scores", k);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("bod");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, three_units_by_hand);
    tcase_add_test(tc, share_bounds_bind);
    tcase_add_test(tc, missing_values);
    tcase_add_test(tc, errors);
    tcase_add_test(tc, survey_2022_properties);
    tcase_add_test(tc, threads);
    tcase_add_test(tc, wide_ranges);
    tcase_add_test(tc, scale_invariance);
    tcase_add_test(tc, callers_glpk_environment);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
