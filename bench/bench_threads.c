/* bench_threads: N threads, each with its own evaluation context on one
 * shared plan, against one thread.
 *
 * The model is the one of bench_replications (EGDI-2024 raw preset, 193
 * synthetic units, 11 weights +-25 %, rank at 5 decimals). Every thread runs
 * the same fixed number of replications with its own random stream; the
 * wall time runs from the moment all threads are released to the moment the
 * last one is joined. Thread counts are interleaved within each repetition
 * (1, 2, 4, 1, 2, 4, ...) so that a burst of load from elsewhere on the
 * machine hits every count alike; the speed-up is the median aggregate rate
 * of N threads over the median rate of one thread.
 *
 * usage: bench_threads [--units N] [--reps R] [--repeat K] [--threads 1,2,4]
 *
 * Prints a table: per thread count the aggregate replications/s (wall
 * time), the rate per thread, the speed-up over the first count listed
 * (normally 1), and the replications per CPU-second of the threads together
 * (CLOCK_THREAD_CPUTIME_ID) relative to the first count. The wall-clock
 * speed-up is capped by the free cores; the CPU-second ratio is 1.00 when the
 * threads do not slow each other down (no shared writes, no locks, no cache
 * fights) and stays meaningful when other work occupies some cores. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_util.h"

#define MAX_COUNTS 8
#define MAX_THREADS 64

typedef struct worker {
    const bench_model *m;
    egdi_eval *ev;
    int *ranks;
    uint64_t rng;
    long reps;
    double cpu; /* CPU seconds this thread used for its replications */
    pthread_barrier_t *start;
} worker;

static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void *work(void *arg)
{
    worker *w = arg;
    pthread_barrier_wait(w->start);
    double c0 = thread_cpu();
    uint64_t rng = w->rng; /* a local: workers' structs share cache lines */
    for (long r = 0; r < w->reps; r++)
        bench_replicate(w->m, w->ev, &rng, w->ranks, NULL);
    w->rng = rng;
    w->cpu = thread_cpu() - c0;
    return NULL;
}

/* Aggregate replications per second of n threads running reps each (wall
 * time); *per_cpu gets the replications per CPU second. */
static double run(const bench_model *m, worker *ws, int n, long reps, double *per_cpu)
{
    pthread_t tid[MAX_THREADS];
    pthread_barrier_t start;
    if (pthread_barrier_init(&start, NULL, (unsigned)n + 1) != 0) {
        fprintf(stderr, "bench_threads: pthread_barrier_init failed\n");
        exit(2);
    }
    for (int t = 0; t < n; t++) {
        ws[t].m = m;
        ws[t].reps = reps;
        ws[t].start = &start;
        if (pthread_create(&tid[t], NULL, work, &ws[t]) != 0) {
            fprintf(stderr, "bench_threads: pthread_create failed\n");
            exit(2);
        }
    }
    pthread_barrier_wait(&start);
    double t0 = bench_now();
    for (int t = 0; t < n; t++)
        pthread_join(tid[t], NULL);
    double dt = bench_now() - t0;
    pthread_barrier_destroy(&start);
    double cpu = 0;
    for (int t = 0; t < n; t++)
        cpu += ws[t].cpu;
    *per_cpu = (double)n * (double)reps / cpu;
    return (double)n * (double)reps / dt;
}

/* "1,2,4" -> counts; returns how many. */
static int parse_counts(const char *s, int *counts)
{
    int n = 0;
    while (s && *s && n < MAX_COUNTS) {
        char *end = NULL;
        long v = strtol(s, &end, 10);
        if (end == s || v < 1 || v > MAX_THREADS || (*end && *end != ','))
            return 0;
        counts[n++] = (int)v;
        s = *end ? end + 1 : end;
    }
    return s && *s ? 0 : n;
}

int main(int argc, char **argv)
{
    long units = 193, reps = 20000, repeat = 5;
    int counts[MAX_COUNTS] = {1, 2, 4}, n_counts = 3;
    for (int i = 1; i < argc; i++) {
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--units") == 0)
            units = bench_arg_long("bench_threads", argv[i], val, 2, 100000000);
        else if (strcmp(argv[i], "--reps") == 0)
            reps = bench_arg_long("bench_threads", argv[i], val, 1, 2000000000);
        else if (strcmp(argv[i], "--repeat") == 0)
            repeat = bench_arg_long("bench_threads", argv[i], val, 1, 1000);
        else if (strcmp(argv[i], "--threads") == 0 && (n_counts = parse_counts(val, counts)) > 0)
            ;
        else {
            fprintf(stderr, "usage: bench_threads [--units N] [--reps R] [--repeat K] "
                            "[--threads 1,2,4]\n");
            return 2;
        }
        i++;
    }
    int max_n = 0;
    for (int c = 0; c < n_counts; c++)
        max_n = counts[c] > max_n ? counts[c] : max_n;

    egdi_dataset *ds = bench_raw_dataset((size_t)units, 7);
    bench_model m;
    bench_model_init(&m, ds);
    egdi_dataset_free(ds); /* the plan keeps its own copy */

    /* one context per thread, made and run once before any timing */
    worker ws[MAX_THREADS];
    memset(ws, 0, sizeof ws);
    for (int t = 0; t < max_n; t++) {
        BENCH_CHECK(egdi_eval_new(m.plan, &ws[t].ev));
        BENCH_CHECK(egdi_eval_run(ws[t].ev));
        /* whole cache lines, so that no two threads write to the same line */
        size_t bytes = (m.n_units * sizeof *ws[t].ranks + 63) / 64 * 64;
        ws[t].ranks = aligned_alloc(64, bytes);
        if (!ws[t].ranks) {
            fprintf(stderr, "bench_threads: out of memory\n");
            return 2;
        }
        ws[t].rng = 0x5EED0000u + (uint64_t)t;
    }
    double *rate = bench_xmalloc((size_t)(n_counts * repeat) * sizeof *rate);
    double *eff = bench_xmalloc((size_t)(n_counts * repeat) * sizeof *eff);
    for (long k = 0; k < repeat; k++)
        for (int c = 0; c < n_counts; c++)
            rate[c * repeat + k] = run(&m, ws, counts[c], reps, &eff[c * repeat + k]);
    printf("%ld units, %ld replications per thread, median of %ld; speed-up = aggregate "
           "rate / rate of %d thread%s\n\n", units, reps, repeat, counts[0],
           counts[0] == 1 ? "" : "s");
    printf("| threads | replications/s (all threads) | per thread | speed-up | "
           "replications per CPU-second | vs 1 thread |\n");
    printf("|---:|---:|---:|---:|---:|---:|\n");
    double base = 0, base_eff = 0;
    for (int c = 0; c < n_counts; c++) {
        double med = bench_median(rate + c * repeat, (size_t)repeat);
        double e = bench_median(eff + c * repeat, (size_t)repeat);
        if (c == 0)
            base = med, base_eff = e;
        printf("| %d | %.0f | %.0f | %.2fx | %.0f | %.2f |\n", counts[c], med, med / counts[c],
               med / base, e, e / base_eff);
    }
    free(eff);
    free(rate);
    for (int t = 0; t < max_n; t++) {
        free(ws[t].ranks);
        egdi_eval_free(ws[t].ev);
    }
    egdi_plan_free(m.plan);
    return 0;
}
