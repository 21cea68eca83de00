/* bench_pipeline: the job of `egdi compute --edition 2024 --format csv -o OUT
 * IN` done through the C API, timed stage by stage.
 *
 *   read     egdi_dataset_read_csv()
 *   compute  egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS) with the component
 *            ranks, as the tool writes them: EGDI, rank at 5 decimals, groups,
 *            rating classes, osi/tii/hci/epi ranks
 *   sort     order by rank (unranked last, ties in input order; qsort on
 *            (rank, position)), egdi_dataset_select_units()
 *   write    egdi_dataset_write_csv() (shortest exact decimals, as the tool)
 *
 * usage: bench_pipeline IN.csv OUT.csv
 *
 * Prints one line: "read=<s> compute=<s> sort=<s> write=<s> total=<s>
 * units=<n>". bench/pipeline.py runs it once per repetition, interleaved
 * with the tool and the pandas baseline. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"

typedef struct keyed {
    double rank; /* +inf for unranked units */
    size_t pos;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Positions of the table's units in rank order. */
static size_t *rank_order(const egdi_dataset *tab)
{
    size_t n = egdi_dataset_n_units(tab), j;
    BENCH_CHECK(egdi_dataset_find_column(tab, "rank", &j));
    double *r = bench_xmalloc(n * sizeof *r);
    keyed *k = bench_xmalloc(n * sizeof *k);
    size_t *ord = bench_xmalloc(n * sizeof *ord);
    BENCH_CHECK(egdi_dataset_get_numeric(tab, j, r, n));
    for (size_t i = 0; i < n; i++) {
        k[i].rank = isnan(r[i]) ? INFINITY : r[i];
        k[i].pos = i;
    }
    qsort(k, n, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < n; i++)
        ord[i] = k[i].pos;
    free(k);
    free(r);
    return ord;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_pipeline IN.csv OUT.csv\n");
        return 2;
    }
    egdi_dataset *data = NULL, *tab = NULL, *sorted = NULL;
    double t0 = bench_now();
    BENCH_CHECK(egdi_dataset_read_csv(argv[1], NULL, &data));
    double t1 = bench_now();
    egdi_survey_options so = EGDI_SURVEY_OPTIONS_INIT;
    so.component_ranks = 1; /* as egdi compute writes them to files */
    BENCH_CHECK(egdi_survey_compute_ex(2024, EGDI_INPUT_COMPONENTS, data, &so, &tab));
    double t2 = bench_now();
    size_t *ord = rank_order(tab);
    BENCH_CHECK(egdi_dataset_select_units(tab, ord, egdi_dataset_n_units(tab), &sorted));
    double t3 = bench_now();
    BENCH_CHECK(egdi_dataset_write_csv(sorted, argv[2], NULL));
    double t4 = bench_now();
    printf("read=%.6f compute=%.6f sort=%.6f write=%.6f total=%.6f units=%zu\n", t1 - t0,
           t2 - t1, t3 - t2, t4 - t3, t4 - t0, egdi_dataset_n_units(data));
    free(ord);
    egdi_dataset_free(sorted);
    egdi_dataset_free(tab);
    egdi_dataset_free(data);
    return 0;
}
