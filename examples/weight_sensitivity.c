/* How robust is a country's rank to the EGDI's weights? Compile the 2024
 * preset once into a plan, then re-rank under many random weightings with one
 * evaluation context: only the EGDI's aggregation is redone per replication.
 *
 * usage: weight_sensitivity EGOV_DATA_2024.csv COUNTRY [REPLICATIONS]
 * prints the country's published-method rank and the range and median of its
 * rank when each component weight varies uniformly within +-25 %. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <egdi/egdi.h>

#define CHECK(call)                                                   \
    do {                                                              \
        if ((call) != EGDI_OK) {                                      \
            fprintf(stderr, "%s: %s\n", #call, egdi_last_error());    \
            return 1;                                                 \
        }                                                             \
    } while (0)

/* splitmix64: a small deterministic generator for the example */
static double uniform(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return (double)((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
}

static int cmp_int(const void *a, const void *b)
{
    return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: %s EGOV_DATA_2024.csv COUNTRY [REPLICATIONS]\n", argv[0]);
        return 2;
    }
    int reps = argc > 3 ? atoi(argv[3]) : 10000;
    if (reps < 1) {
        fprintf(stderr, "REPLICATIONS must be a positive number\n");
        return 2;
    }
    egdi_dataset *data;
    egdi_index *idx;
    egdi_plan *plan;
    egdi_eval *ev;
    CHECK(egdi_survey_read_un_csv(argv[1], 0, &data));
    CHECK(egdi_survey_index(2024, EGDI_INPUT_COMPONENTS, &idx));
    CHECK(egdi_plan_new(idx, data, &plan)); /* the plan copies what it needs */
    size_t n = egdi_plan_n_units(plan), unit, egdi, comp[3];
    CHECK(egdi_plan_find_unit(plan, argv[2], &unit));
    CHECK(egdi_plan_find_node(plan, "egdi", &egdi));
    const char *names[3] = {"osi", "tii", "hci"};
    for (int k = 0; k < 3; k++)
        CHECK(egdi_plan_find_node(plan, names[k], &comp[k]));
    CHECK(egdi_eval_new(plan, &ev));

    int *ranks = malloc(n * sizeof *ranks), *seen = malloc((size_t)reps * sizeof *seen);
    if (!ranks || !seen)
        return 1;
    CHECK(egdi_eval_run(ev));
    CHECK(egdi_eval_rank(ev, egdi, 5, ranks, n)); /* 2024 ranks at 5 decimals */
    int base = ranks[unit];
    uint64_t rng = 2024;
    for (int r = 0; r < reps; r++) {
        for (int k = 0; k < 3; k++)
            CHECK(egdi_eval_set_weight(ev, comp[k], (1.0 / 3) * (0.75 + 0.5 * uniform(&rng))));
        CHECK(egdi_eval_run(ev));            /* re-aggregates the EGDI only */
        CHECK(egdi_eval_rank(ev, egdi, 5, ranks, n));
        seen[r] = ranks[unit];
    }
    qsort(seen, (size_t)reps, sizeof *seen, cmp_int);
    printf("%s: rank %d with equal weights; over %d weightings (each +-25%%): "
           "best %d, median %d, worst %d\n",
           argv[2], base, reps, seen[0], seen[reps / 2], seen[reps - 1]);
    free(ranks);
    free(seen);
    egdi_eval_free(ev);
    egdi_plan_free(plan);
    egdi_index_free(idx);
    egdi_dataset_free(data);
    return 0;
}
