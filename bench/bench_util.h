/* Helpers shared by the benchmark programs: a monotonic clock, a status check
 * that exits with the library's message, a small deterministic RNG
 * (splitmix64), the synthetic EGDI-2024 raw dataset of the weight benchmarks
 * and the replication loop they time. Everything is static so that each
 * program compiles this header on its own; only the public API is used. */
#ifndef EGDI_BENCH_UTIL_H
#define EGDI_BENCH_UTIL_H

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <egdi/egdi.h>

/* Exit with the library's message if a call failed. */
#define BENCH_CHECK(call)                                                                     \
    do {                                                                                      \
        egdi_status bench_st_ = (call);                                                       \
        if (bench_st_ != EGDI_OK) {                                                           \
            fprintf(stderr, "%s:%d: %s failed: %s: %s\n", __FILE__, __LINE__, #call,          \
                    egdi_status_name(bench_st_), egdi_last_error());                          \
            exit(2);                                                                          \
        }                                                                                     \
    } while (0)

/* An integer option value in [lo, hi]; exits with status 2 naming the option otherwise. */
static inline long bench_arg_long(const char *prog, const char *opt, const char *val, long lo,
                                  long hi)
{
    char *end = NULL;
    errno = 0;
    long v = val ? strtol(val, &end, 10) : 0;
    if (!val || errno || *end || v < lo || v > hi) {
        fprintf(stderr, "%s: %s takes an integer in %ld..%ld\n", prog, opt, lo, hi);
        exit(2);
    }
    return v;
}

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static inline void *bench_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory (%zu bytes)\n", n);
        exit(2);
    }
    return p;
}

/* splitmix64 (Steele, Lea, Flood 2014): one 64-bit state, full period. */
static inline uint64_t bench_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1) with 53 random bits. */
static inline double bench_uniform(uint64_t *s)
{
    return (double)(bench_next(s) >> 11) * 0x1.0p-53;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static inline double bench_median(double *v, size_t n)
{
    qsort(v, n, sizeof *v, bench_cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* ---- the EGDI-2024 raw preset on synthetic units ---- */

/* Source columns of the 2024 raw preset and the ranges the synthetic values
 * are drawn from (per 100 inhabitants, per cent, years). The TII ranges go
 * past the cap of 120 so that the cap is exercised. */
static const struct {
    const char *column;
    double lo, hi;
} bench_raw_columns[] = {
    {"osi_raw", 0.0, 1.0},
    {"internet_users", 2.0, 100.0},
    {"fixed_broadband", 0.0, 60.0},
    {"active_mobile_broadband", 1.0, 160.0},
    {"mobile_subscriptions", 10.0, 190.0},
    {"adult_literacy", 20.0, 100.0},
    {"gross_enrolment", 30.0, 130.0},
    {"expected_years", 5.0, 20.0},
    {"mean_years", 1.0, 14.0},
};
#define BENCH_N_RAW (sizeof bench_raw_columns / sizeof *bench_raw_columns)

/* The 11 weighted nodes of the 2024 tree: the EGDI's three components, then
 * the TII's and the HCI's indicators. */
static const char *const bench_weight_nodes[] = {
    "osi", "tii", "hci",
    "internet_users", "fixed_broadband", "active_mobile_broadband", "mobile_subscriptions",
    "adult_literacy", "gross_enrolment", "expected_years", "mean_years",
};
#define BENCH_N_WEIGHTS (sizeof bench_weight_nodes / sizeof *bench_weight_nodes)

/* n units with codes U0001.. and deterministic values (seed). */
static inline egdi_dataset *bench_raw_dataset(size_t n, uint64_t seed)
{
    egdi_dataset *ds = NULL;
    BENCH_CHECK(egdi_dataset_new(&ds));
    char code[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(code, sizeof code, "U%04zu", i + 1);
        BENCH_CHECK(egdi_dataset_add_unit(ds, code, NULL, NULL));
    }
    double *v = bench_xmalloc(n * sizeof *v);
    uint64_t s = seed;
    for (size_t j = 0; j < BENCH_N_RAW; j++) {
        double lo = bench_raw_columns[j].lo, hi = bench_raw_columns[j].hi;
        for (size_t i = 0; i < n; i++)
            v[i] = lo + (hi - lo) * bench_uniform(&s);
        BENCH_CHECK(egdi_dataset_add_numeric(ds, bench_raw_columns[j].column, v, n));
    }
    free(v);
    return ds;
}

/* The plan of the 2024 raw preset on ds, the positions of the weighted nodes
 * and of the EGDI, and their base weights. */
typedef struct bench_model {
    egdi_plan *plan;
    size_t node[BENCH_N_WEIGHTS];
    double base[BENCH_N_WEIGHTS];
    size_t egdi;
    size_t n_units;
} bench_model;

static inline void bench_model_init(bench_model *m, const egdi_dataset *ds)
{
    egdi_index *idx = NULL;
    BENCH_CHECK(egdi_survey_index(2024, EGDI_INPUT_RAW, &idx));
    BENCH_CHECK(egdi_plan_new(idx, ds, &m->plan));
    BENCH_CHECK(egdi_plan_find_node(m->plan, "egdi", &m->egdi));
    for (size_t k = 0; k < BENCH_N_WEIGHTS; k++) {
        size_t j;
        BENCH_CHECK(egdi_plan_find_node(m->plan, bench_weight_nodes[k], &m->node[k]));
        BENCH_CHECK(egdi_index_find_node(idx, bench_weight_nodes[k], &j));
        m->base[k] = egdi_index_node_weight(idx, j);
    }
    m->n_units = egdi_plan_n_units(m->plan);
    egdi_index_free(idx);
}

/* One replication: every weight to base * (1 + u), u uniform in [-0.25,
 * 0.25), recompute, rank the EGDI at 5 decimals. The weights used go to
 * w_out if not NULL. */
static inline void bench_replicate(const bench_model *m, egdi_eval *ev, uint64_t *rng,
                                   int *ranks, double *w_out)
{
    for (size_t k = 0; k < BENCH_N_WEIGHTS; k++) {
        double w = m->base[k] * (1.0 + 0.5 * (bench_uniform(rng) - 0.5));
        if (w_out)
            w_out[k] = w;
        BENCH_CHECK(egdi_eval_set_weight(ev, m->node[k], w));
    }
    BENCH_CHECK(egdi_eval_run(ev));
    BENCH_CHECK(egdi_eval_rank(ev, m->egdi, 5, ranks, m->n_units));
}

#endif
