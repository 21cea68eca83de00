/* bench_replications: weight-only Monte Carlo replications of the EGDI-2024
 * raw preset through the plan/evaluation API, on one thread.
 *
 * One plan and one evaluation context on N synthetic units (default 193).
 * A replication sets the 11 weights to base * (1 + u), u uniform in
 * [-0.25, 0.25), runs egdi_eval_run() (which re-aggregates only what the
 * weights touch) and ranks the EGDI at 5 decimals with egdi_eval_rank().
 * The time covers the random numbers, the 11 egdi_eval_set_weight() calls,
 * the run and the ranking.
 *
 * usage: bench_replications [--units N] [--reps R] [--repeat K] [--seed S]
 *                           [--dump DIR] [--dump-count M]
 *
 * Prints one line per repetition, "reps_per_s=<x> us_per_rep=<y>", then
 * "median_reps_per_s=<x>". --dump DIR first writes DIR/data.csv (the
 * synthetic raw data, exact shortest decimals), DIR/weights.csv (the weights
 * of the first M replications) and DIR/ranks.csv (their EGDI ranks), which
 * bench/replications.py uses to check that its numpy baselines rank exactly
 * as the engine does. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_util.h"

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    if (!fp) {
        fprintf(stderr, "bench_replications: cannot write %s: %s\n", path, strerror(errno));
        exit(2);
    }
    return fp;
}

/* The data, then the weights and ranks of the first m replications of a
 * fresh context with the timing runs' seed. */
static void dump(const bench_model *m, const egdi_dataset *ds, const char *dir, long count,
                 uint64_t seed)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/data.csv", dir);
    BENCH_CHECK(egdi_dataset_write_csv(ds, path, NULL)); /* decimals -1: exact round trip */
    FILE *fw = open_out(dir, "weights.csv"), *fr = open_out(dir, "ranks.csv");
    for (size_t k = 0; k < BENCH_N_WEIGHTS; k++)
        fprintf(fw, "%s%s", k ? "," : "", bench_weight_nodes[k]);
    fputc('\n', fw);
    egdi_eval *ev = NULL;
    BENCH_CHECK(egdi_eval_new(m->plan, &ev));
    int *ranks = bench_xmalloc(m->n_units * sizeof *ranks);
    double w[BENCH_N_WEIGHTS];
    uint64_t rng = seed;
    for (long r = 0; r < count; r++) {
        bench_replicate(m, ev, &rng, ranks, w);
        for (size_t k = 0; k < BENCH_N_WEIGHTS; k++)
            fprintf(fw, "%s%.17g", k ? "," : "", w[k]);
        fputc('\n', fw);
        for (size_t i = 0; i < m->n_units; i++)
            fprintf(fr, "%s%d", i ? "," : "", ranks[i]);
        fputc('\n', fr);
    }
    free(ranks);
    egdi_eval_free(ev);
    if (fclose(fw) != 0 || fclose(fr) != 0) {
        fprintf(stderr, "bench_replications: writing %s failed\n", dir);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    long units = 193, reps = 20000, repeat = 5, dump_count = 20;
    uint64_t seed = 20240917;
    const char *dump_dir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--units") == 0)
            units = bench_arg_long("bench_replications", argv[i], val, 2, 100000000);
        else if (strcmp(argv[i], "--reps") == 0)
            reps = bench_arg_long("bench_replications", argv[i], val, 1, 2000000000);
        else if (strcmp(argv[i], "--repeat") == 0)
            repeat = bench_arg_long("bench_replications", argv[i], val, 1, 1000);
        else if (strcmp(argv[i], "--seed") == 0)
            seed = (uint64_t)bench_arg_long("bench_replications", argv[i], val, 0, INT64_MAX);
        else if (strcmp(argv[i], "--dump-count") == 0)
            dump_count = bench_arg_long("bench_replications", argv[i], val, 1, 100000);
        else if (strcmp(argv[i], "--dump") == 0 && val)
            dump_dir = val;
        else {
            fprintf(stderr, "usage: bench_replications [--units N] [--reps R] [--repeat K] "
                            "[--seed S] [--dump DIR] [--dump-count M]\n");
            return 2;
        }
        i++;
    }

    egdi_dataset *ds = bench_raw_dataset((size_t)units, 7);
    bench_model m;
    bench_model_init(&m, ds);
    if (dump_dir)
        dump(&m, ds, dump_dir, dump_count, seed);

    egdi_eval *ev = NULL;
    BENCH_CHECK(egdi_eval_new(m.plan, &ev));
    int *ranks = bench_xmalloc(m.n_units * sizeof *ranks);
    BENCH_CHECK(egdi_eval_run(ev)); /* the first run computes everything: not timed */
    uint64_t rng = seed;
    long checksum = 0;
    double *rate = bench_xmalloc((size_t)repeat * sizeof *rate);
    for (long k = 0; k < repeat; k++) {
        double t0 = bench_now();
        for (long r = 0; r < reps; r++)
            bench_replicate(&m, ev, &rng, ranks, NULL);
        double dt = bench_now() - t0;
        checksum += ranks[0];
        rate[k] = (double)reps / dt;
        printf("reps_per_s=%.1f us_per_rep=%.3f\n", rate[k], 1e6 * dt / (double)reps);
    }
    printf("median_reps_per_s=%.1f units=%ld reps=%ld repeat=%ld checksum=%ld\n",
           bench_median(rate, (size_t)repeat), units, reps, repeat, checksum);
    free(rate);
    free(ranks);
    egdi_eval_free(ev);
    egdi_plan_free(m.plan);
    egdi_dataset_free(ds);
    return 0;
}
